// object-rights: the findings of issue 13's "Object rights: one place, one
// answer", each as a test that failed before the rules moved into
// domain/access.c — pages and API now give the same answer:
//   - a rep may act on a step their manager logged on the rep's deal, on
//     the agenda page as through PATCH /api/v1/steps/:id (both allowed);
//   - only the author of a conversation changes its notes;
//   - a conversation without a deal closes only its author's own open steps
//     on that account, never another rep's;
//   - a deal cannot be given to a deactivated user through the API either;
//   - with no filter, every scope helper answers alike (a manager: the teams
//     they lead), and a rep sees their own team's aggregate figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, listOf, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const tokens = {};
const as = (email) => {
  const org = email.endsWith('@beta.test') ? 'beta' : 'acme';
  tokens[email] ??= createToken(ctx.db, org, email);
  return apiClient(ctx.base, tokens[email]);
};
const uniq = () => Math.random().toString(36).slice(2, 8);
const idOf = (body, key) => body?.id ?? body?.[key]?.id;
const obj = (body, key) => body?.[key] ?? body;

async function account(api, name = `Shared ${uniq()}`) {
  const a = await api.post('/api/v1/accounts', { name });
  assert.equal(a.status, 201, a.text);
  return idOf(a.json, 'account');
}

async function deal(api, accountId) {
  const d = await api.post('/api/v1/deals', {
    title: `Deal ${uniq()}`, account_id: accountId, value_minor: 100000, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  return idOf(d.json, 'deal');
}

/** logs a conversation ending in a step; { convId, stepId } */
async function logStep(api, where, what = `Step ${uniq()}`) {
  const c = await api.post('/api/v1/conversations', {
    ...where, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 15, gut_feeling: 3,
    outcome: 'step', step: { what, due: '2026-11-26', who: 'The buyer' }, notes: `notes ${what}`,
  });
  assert.equal(c.status, 201, c.text);
  const conv = obj(c.json, 'conversation');
  return { convId: conv.id, stepId: conv.step?.id, what };
}

async function stepOf(email, id) {
  const r = await as(email).get(`/api/v1/steps/${id}`);
  assert.equal(r.status, 200, r.text);
  return obj(r.json, 'step');
}

test("a rep acts on the step their manager logged on the rep's deal: page and API agree", async () => {
  const rita = as('rita@acme.test');
  const d = await deal(rita, await account(rita));
  const byMax = await logStep(as('max@acme.test'), { deal_id: d });
  assert.ok(byMax.stepId, 'the conversation returns its step');

  // the API lets the deal's owner move it
  let r = await rita.send('PATCH', `/api/v1/steps/${byMax.stepId}`, { due: '2026-11-28' });
  assert.equal(r.status, 200, `API: ${r.text}`);
  assert.equal((await stepOf('rita@acme.test', byMax.stepId)).slips, 1);

  // and so does the agenda page (it answered 403 before), returning to her own agenda
  const c = await ctx.signIn('rita@acme.test');
  r = await c.postForm(`/steps/${byMax.stepId}/slip`, { csrf_token: c.csrf, due: '2026-11-30' });
  assert.equal(r.status, 303, `page: ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.location, /^\/agenda(\?|$)/, `back to her own agenda, not Max's: ${r.location}`);
  assert.doesNotMatch(r.location, /rep=/);
  const s = await stepOf('rita@acme.test', byMax.stepId);
  assert.equal(s.due, '2026-11-30');
  assert.equal(s.slips, 2);

  // a rep of another team may do neither
  const rob = as('rob@acme.test');
  r = await rob.send('PATCH', `/api/v1/steps/${byMax.stepId}`, { status: 'kept' });
  assert.equal(r.status, 403, r.text);
  const robPage = await ctx.signIn('rob@acme.test');
  r = await robPage.postForm(`/steps/${byMax.stepId}/keep`, { csrf_token: robPage.csrf });
  assert.equal(r.status, 403);
  assert.equal((await stepOf('rita@acme.test', byMax.stepId)).status, 'open');
});

test("only the author changes a conversation's notes", async () => {
  const rita = as('rita@acme.test');
  const max = as('max@acme.test');
  const d = await deal(rita, await account(rita));
  const maxs = await logStep(max, { deal_id: d });
  let r = await rita.send('PATCH', `/api/v1/conversations/${maxs.convId}`, { notes: 'Rewritten by Rita' });
  assert.equal(r.status, 403, `the deal's owner rewriting her manager's notes: ${r.text}`);
  r = await rita.get(`/api/v1/conversations/${maxs.convId}`);
  assert.equal(r.status, 200, 'she still reads it');
  assert.equal(obj(r.json, 'conversation').notes, `notes ${maxs.what}`);

  const ritas = await logStep(rita, { deal_id: d });
  r = await max.send('PATCH', `/api/v1/conversations/${ritas.convId}`, { notes: 'Rewritten by Max' });
  assert.equal(r.status, 403, `the manager rewriting the rep's notes: ${r.text}`);
  r = await as('ann@acme.test').send('PATCH', `/api/v1/conversations/${ritas.convId}`, { notes: 'By Ann' });
  assert.equal(r.status, 403, `an admin rewriting the rep's notes: ${r.text}`);

  r = await max.send('PATCH', `/api/v1/conversations/${maxs.convId}`, { notes: 'Max corrects his own' });
  assert.equal(r.status, 200, r.text);
  r = await rita.send('PATCH', `/api/v1/conversations/${ritas.convId}`, { notes: 'Rita corrects her own' });
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'conversation').notes, 'Rita corrects her own');
});

test("a conversation without a deal on a shared account does not close other reps' steps", async () => {
  const rita = as('rita@acme.test');
  const rob = as('rob@acme.test');
  const acc = await account(rob);
  const robs = await logStep(rob, { account_id: acc });
  assert.equal((await stepOf('rob@acme.test', robs.stepId)).status, 'open');

  // Rita calls the same customer, without a deal: Rob's step stays open (it was closed as kept before)
  const c = await rita.post('/api/v1/conversations', {
    account_id: acc, kind: 'call', at: '2026-11-21T10:00:00Z', minutes: 5, gut_feeling: 3, outcome: 'none',
  });
  assert.equal(c.status, 201, c.text);
  assert.equal((await stepOf('rob@acme.test', robs.stepId)).status, 'open', "Rob's step is not Rita's to close");

  // and through the page form alike
  const page = await ctx.signIn('rita@acme.test');
  const r = await page.postForm('/conversations', {
    csrf_token: page.csrf, from: 'account', account_id: String(acc), kind: 'call', date: '2026-11-22',
    minutes: '5', gut_feeling: '3', outcome: 'none',
  });
  assert.ok([303, 200].includes(r.status), `the form: ${r.status} ${r.text.slice(0, 300)}`);
  assert.equal((await stepOf('rob@acme.test', robs.stepId)).status, 'open');

  // Rob's own next conversation on the account follows his step up (the
  // step is not due until 11-26, so it closes as he answers: kept)
  const again = await rob.post('/api/v1/conversations', {
    account_id: acc, kind: 'call', at: '2026-11-22T10:00:00Z', minutes: 5, gut_feeling: 3, outcome: 'none',
    open_step: { outcome: 'kept' },
  });
  assert.equal(again.status, 201, again.text);
  assert.equal((await stepOf('rob@acme.test', robs.stepId)).status, 'kept');
});

test('a deal cannot be given to a deactivated user through the API', async () => {
  const email = `gone-${uniq()}@acme.test`;
  const gone = addUser(ctx.db, 'acme', email, 'Gone Rep', 'rep', { team: 'North' });
  sqlExec(ctx.db, `UPDATE users SET active = 0 WHERE id = ${Number(gone)}`);
  const ann = as('ann@acme.test');
  const acc = await account(ann);
  let r = await ann.post('/api/v1/deals', {
    title: `For the departed ${uniq()}`, account_id: acc, value_minor: 100, currency: 'EUR', owner_id: gone,
  });
  assert.equal(r.status, 403, `create for a deactivated user: ${r.text}`);
  const d = await deal(ann, acc);
  r = await ann.send('PATCH', `/api/v1/deals/${d}`, { owner_id: gone });
  assert.equal(r.status, 403, `reassign to a deactivated user: ${r.text}`);
  r = await as('max@acme.test').send('PATCH', `/api/v1/deals/${await deal(as('rita@acme.test'), acc)}`,
    { owner_id: gone });
  assert.equal(r.status, 403, `the manager of the team reassigning to a deactivated user: ${r.text}`);
  // an active colleague is fine
  r = await ann.send('PATCH', `/api/v1/deals/${d}`, { owner_id: ctx.ids.rita });
  assert.equal(r.status, 200, r.text);
});

test('with no filter the scope is the same everywhere; a rep sees their own team as a whole', async () => {
  const max = as('max@acme.test');
  // the figures API answered 400 for a manager without team= before; the numbers API the led teams
  let r = await max.get('/api/v1/figures/commitment?from=2026-01-01&to=2026-11-23');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scope.kind, 'led');
  r = await max.get('/api/v1/results?period=2026-Q4');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scope.kind, 'led');
  r = await as('ann@acme.test').get('/api/v1/figures/commitment');
  assert.equal(r.json.scope.kind, 'org');
  r = await as('rita@acme.test').get('/api/v1/figures/commitment');
  assert.equal(r.json.scope.kind, 'rep');
  assert.equal(r.json.scope.rep_id, ctx.ids.rita);

  const c = await ctx.signIn('max@acme.test');
  for (const p of ['/figures/commitment', '/tiers', '/concentration', '/numbers/team', '/strung-along', '/conversations']) {
    r = await c.get(p);
    assert.equal(r.status, 200, `${p}: ${r.status}`);
    assert.match(r.text, /All your teams|North/, `${p} shows Max's teams`);
  }
  // ?who=led, refused by the figures page before, is the same choice
  r = await c.get('/figures/commitment?who=led');
  assert.equal(r.status, 200, r.text.slice(0, 200));

  // a rep: their own team's figures as a whole, not another team's, nor its reps one by one
  const rita = await ctx.signIn('rita@acme.test');
  r = await rita.get(`/figures/commitment?team=${ctx.ids.north}`);
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(`<option value="team:${ctx.ids.north}"[^>]*>Team: North</option>`),
    'her team is a choice of the picker');
  assert.doesNotMatch(r.text, /<option value="team:\d+"[^>]*>Team: South/, 'another team is not');
  assert.doesNotMatch(r.text, new RegExp(`href="/strung-along\\?team=`), 'no link to her team\'s deals rep by rep');
  r = await rita.get(`/figures/commitment?team=${ctx.ids.south}`);
  assert.equal(r.status, 403);
  r = await as('rita@acme.test').get(`/api/v1/figures/commitment?team=${ctx.ids.north}`);
  assert.equal(r.status, 200, r.text);
  r = await as('rita@acme.test').get(`/api/v1/results?team=${ctx.ids.north}&period=2026-Q4`);
  assert.equal(r.status, 403, `the numbers of her team rep by rep: ${r.text}`);
  r = await rita.get(`/strung-along?team=${ctx.ids.north}`);
  assert.equal(r.status, 403, "her team's deals rep by rep");
});

testCleanStop(ctx);
