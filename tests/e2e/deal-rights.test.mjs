// deal-rights: a rep never reads or changes another rep's deals, their
// conversations or their steps — not through the API, not through the pages,
// not by finding them in a list. A manager of the owner's team sees them and
// may act on them; a manager of another team may not (403); an admin of the
// organisation sees them; another organisation does not know they exist (404).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, listOf } from './lib.mjs';

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

/**
 * A deal of Rita's with a conversation that ended in an open step:
 * { id, title, account_id, convId, stepId, stepWhat }.
 */
async function ritasDeal() {
  const api = as('rita@acme.test');
  const tag = uniq();
  const a = await api.post('/api/v1/accounts', { name: `Rita Account ${tag}` });
  assert.equal(a.status, 201, a.text);
  const title = `Rita Secret Deal ${tag}`;
  const d = await api.post('/api/v1/deals', {
    title, account_id: idOf(a.json, 'account'), value_minor: 4200000, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  const id = idOf(d.json, 'deal');
  const stepWhat = `Rita private step ${tag}`;
  const c = await api.post('/api/v1/conversations', {
    deal_id: id, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 20, gut_feeling: 4,
    outcome: 'step', step: { what: stepWhat, due: '2026-11-25', who: 'Anna de Vries' },
    notes: `Rita private notes ${tag}`,
  });
  assert.equal(c.status, 201, c.text);
  const convId = idOf(c.json, 'conversation');
  const steps = await api.get(`/api/v1/steps?deal=${id}&status=open`);
  assert.equal(steps.status, 200, steps.text);
  const step = listOf(steps.json, 'steps').find((s) => s.what === stepWhat);
  assert.ok(step, `Rita's step in ${steps.text}`);
  return { id, title, account_id: idOf(a.json, 'account'), convId, stepId: step.id, stepWhat, tag };
}

/** The deal as Rita sees it now. */
async function ritaSees(id) {
  const r = await as('rita@acme.test').get(`/api/v1/deals/${id}`);
  assert.equal(r.status, 200, r.text);
  return obj(r.json, 'deal');
}

function noLeak(r, deal, what) {
  assert.ok(!r.text.includes(deal.title), `${what}: the title does not leak`);
  assert.ok(!r.text.includes(deal.stepWhat), `${what}: the step does not leak`);
  assert.ok(!r.text.includes(`Rita private notes ${deal.tag}`), `${what}: the notes do not leak`);
}

test("another rep's token gets 403 on the deal, its conversations and its steps, and changes nothing", async () => {
  const deal = await ritasDeal();
  const rob = as('rob@acme.test');
  const expect403 = (r, what) => {
    assert.equal(r.status, 403, `${what}: ${r.status} ${r.text}`);
    assert.equal(r.json?.error, 'FORBIDDEN', what);
    noLeak(r, deal, what);
  };
  expect403(await rob.get(`/api/v1/deals/${deal.id}`), 'GET deal');
  expect403(await rob.send('PATCH', `/api/v1/deals/${deal.id}`, { title: 'Stolen by Rob' }), 'PATCH deal');
  expect403(await rob.send('PATCH', `/api/v1/deals/${deal.id}`, { status: 'lost', lost_reason: 'price' }), 'PATCH deal status');
  expect403(await rob.get(`/api/v1/conversations?deal=${deal.id}`), 'GET conversations of the deal');
  expect403(await rob.get(`/api/v1/conversations/${deal.convId}`), 'GET the conversation');
  expect403(await rob.post('/api/v1/conversations', {
    deal_id: deal.id, kind: 'call', at: '2026-11-21T10:00:00Z', minutes: 5, gut_feeling: 1, outcome: 'none',
  }), 'POST a conversation on the deal');
  expect403(await rob.get(`/api/v1/steps/${deal.stepId}`), 'GET the step');
  expect403(await rob.send('PATCH', `/api/v1/steps/${deal.stepId}`, { due: '2026-12-01' }), 'PATCH the step date');
  expect403(await rob.send('PATCH', `/api/v1/steps/${deal.stepId}`, { status: 'kept' }), 'PATCH the step status');

  const now = await ritaSees(deal.id);
  assert.equal(now.title, deal.title);
  assert.equal(now.status, 'open');
  const step = obj((await as('rita@acme.test').get(`/api/v1/steps/${deal.stepId}`)).json, 'step');
  assert.equal(step.status, 'open');
  assert.equal(step.due, '2026-11-25');
  assert.equal(step.slips, 0);
  const convs = await as('rita@acme.test').get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(listOf(convs.json, 'conversations').length, 1, 'no conversation added by Rob');
});

test("another rep's session gets 403 on the deal's pages and forms", async () => {
  const deal = await ritasDeal();
  const c = await ctx.signIn('rob@acme.test');
  const page = await c.get(`/deals/${deal.id}`);
  assert.equal(page.status, 403);
  assert.match(page.text, /Salesgarden/, 'an error page in the chrome');
  noLeak(page, deal, 'GET /deals/ID');
  const form = await c.get(`/conversations/new?deal=${deal.id}`);
  assert.ok([403, 404].includes(form.status), `the conversation form for her deal: ${form.status}`);
  noLeak(form, deal, 'GET /conversations/new');

  const posts = [
    [`/deals/${deal.id}/close`, { status: 'lost', lost_reason: 'price', lost_note: 'Rob was here' }],
    [`/deals/${deal.id}`, { title: 'Stolen by Rob', account_id: String(deal.account_id), value: '1', currency: 'EUR' }],
    [`/deals/${deal.id}/reopen`, {}],
    ['/conversations', { deal_id: String(deal.id), kind: 'call', date: '2026-11-21', minutes: '5', gut_feeling: '1', outcome: 'none' }],
    [`/steps/${deal.stepId}/keep`, {}],
    [`/steps/${deal.stepId}/slip`, { due: '2026-12-01' }],
    [`/steps/${deal.stepId}/cancel`, {}],
  ];
  for (const [p, fields] of posts) {
    const r = await c.postForm(p, { csrf_token: c.csrf, ...fields });
    assert.equal(r.status, 403, `POST ${p}: ${r.status}`);
    noLeak(r, deal, `POST ${p}`);
  }
  const now = await ritaSees(deal.id);
  assert.equal(now.title, deal.title);
  assert.equal(now.status, 'open');
  const step = obj((await as('rita@acme.test').get(`/api/v1/steps/${deal.stepId}`)).json, 'step');
  assert.equal(step.status, 'open');
  assert.equal(step.due, '2026-11-25');
});

test("Rita's deals, conversations and steps are in none of Rob's lists", async () => {
  const deal = await ritasDeal();
  const rob = as('rob@acme.test');
  for (const p of ['/api/v1/deals', '/api/v1/deals?status=open', `/api/v1/deals?owner=${ctx.ids.rita}`,
    '/api/v1/steps', '/api/v1/steps?status=open', '/api/v1/conversations']) {
    const r = await rob.get(p);
    assert.ok(r.status === 200 || (r.status === 403 && /owner=/.test(p)), `${p}: ${r.status} ${r.text}`);
    noLeak(r, deal, p);
    if (r.status === 200 && /deals/.test(p))
      assert.ok(!listOf(r.json, 'deals').some((d) => d.id === deal.id), `${p} has no deal of Rita's`);
  }
  const c = await ctx.signIn('rob@acme.test');
  for (const p of ['/pipeline', '/deals', '/agenda', '/strung-along', `/pipeline?rep=${ctx.ids.rita}`, '/accounts']) {
    const r = await c.get(p);
    assert.ok([200, 403].includes(r.status), `${p}: ${r.status}`);
    noLeak(r, deal, p);
  }
  // and Rita herself sees it in each
  const rita = await ctx.signIn('rita@acme.test');
  assert.ok((await rita.get('/pipeline')).text.includes(deal.title), 'on her pipeline');
  assert.ok((await rita.get('/agenda')).text.includes(deal.stepWhat), 'on her agenda');
  const mine = await as('rita@acme.test').get('/api/v1/deals?limit=500');
  assert.ok(listOf(mine.json, 'deals').some((d) => d.id === deal.id), 'in her list');
});

test("a rep cannot create a deal in another rep's name", async () => {
  const rob = as('rob@acme.test');
  const a = await rob.post('/api/v1/accounts', { name: `Rob Account ${uniq()}` });
  assert.equal(a.status, 201, a.text);
  const r = await rob.post('/api/v1/deals', {
    title: `Planted on Rita ${uniq()}`, account_id: idOf(a.json, 'account'), value_minor: 100, currency: 'EUR',
    owner_id: ctx.ids.rita,
  });
  assert.ok([400, 403].includes(r.status), `${r.status} ${r.text}`);
});

test("the manager of Rita's team sees her deal and may act on it", async () => {
  const deal = await ritasDeal();
  const max = as('max@acme.test');
  let r = await max.get(`/api/v1/deals/${deal.id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'deal').title, deal.title);
  r = await max.get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(r.status, 200);
  assert.equal(listOf(r.json, 'conversations').length, 1);
  r = await max.get(`/api/v1/steps/${deal.stepId}`);
  assert.equal(r.status, 200);
  r = await max.send('PATCH', `/api/v1/deals/${deal.id}`, { product: 'Coached by Max' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await ritaSees(deal.id)).product, 'Coached by Max');
  r = await max.send('PATCH', `/api/v1/steps/${deal.stepId}`, { due: '2026-11-27' });
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'step').slips, 1);

  const c = await ctx.signIn('max@acme.test');
  const page = await c.get(`/deals/${deal.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(deal.title));
  assert.ok(page.text.includes(deal.stepWhat));
  const team = await c.get(`/pipeline?team=${ctx.ids.north}`);
  assert.equal(team.status, 200);
  assert.ok(team.text.includes(deal.title), 'on the North pipeline');
  const all = await max.get('/api/v1/deals?limit=500');
  assert.ok(listOf(all.json, 'deals').some((d) => d.id === deal.id), "in Max's list");
});

test('the manager of another team gets 403', async () => {
  const deal = await ritasDeal();
  const mia = as('mia@acme.test');
  for (const [m, p, body] of [
    ['GET', `/api/v1/deals/${deal.id}`], ['PATCH', `/api/v1/deals/${deal.id}`, { title: 'Mia was here' }],
    ['GET', `/api/v1/conversations?deal=${deal.id}`], ['GET', `/api/v1/steps/${deal.stepId}`],
    ['PATCH', `/api/v1/steps/${deal.stepId}`, { status: 'kept' }],
  ]) {
    const r = m === 'GET' ? await mia.get(p) : await mia.send(m, p, body);
    assert.equal(r.status, 403, `${m} ${p}: ${r.status} ${r.text}`);
    noLeak(r, deal, `${m} ${p}`);
  }
  const list = await mia.get('/api/v1/deals?limit=500');
  assert.ok(!listOf(list.json, 'deals').some((d) => d.id === deal.id), "not in Mia's list");
  const c = await ctx.signIn('mia@acme.test');
  const page = await c.get(`/deals/${deal.id}`);
  assert.equal(page.status, 403);
  noLeak(page, deal, 'GET /deals/ID');
  noLeak(await c.get('/pipeline'), deal, "Mia's pipeline");
  assert.equal((await ritaSees(deal.id)).title, deal.title);
});

test('an admin of the organisation sees the deal', async () => {
  const deal = await ritasDeal();
  const ann = as('ann@acme.test');
  const r = await ann.get(`/api/v1/deals/${deal.id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'deal').title, deal.title);
  const list = await ann.get('/api/v1/deals?limit=500');
  assert.ok(listOf(list.json, 'deals').some((d) => d.id === deal.id));
  const c = await ctx.signIn('ann@acme.test');
  const page = await c.get(`/deals/${deal.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(deal.title));
});

test("another organisation's admin gets 404 for everything of it", async () => {
  const deal = await ritasDeal();
  const bea = as('bea@beta.test');
  for (const [m, p, body] of [
    ['GET', `/api/v1/deals/${deal.id}`], ['PATCH', `/api/v1/deals/${deal.id}`, { title: 'Bea was here' }],
    ['GET', `/api/v1/conversations/${deal.convId}`], ['GET', `/api/v1/conversations?deal=${deal.id}`],
    ['GET', `/api/v1/steps/${deal.stepId}`], ['PATCH', `/api/v1/steps/${deal.stepId}`, { status: 'kept' }],
    ['GET', `/api/v1/accounts/${deal.account_id}`],
    ['POST', '/api/v1/conversations', { deal_id: deal.id, kind: 'call', at: '2026-11-21T10:00:00Z', minutes: 5, gut_feeling: 3, outcome: 'none' }],
  ]) {
    const r = m === 'GET' ? await bea.get(p) : await bea.send(m, p, body);
    if (m === 'POST')
      assert.ok([400, 404].includes(r.status), `${m} ${p}: ${r.status} ${r.text}`);
    else
      assert.equal(r.status, 404, `${m} ${p}: ${r.status} ${r.text}`);
    noLeak(r, deal, `${m} ${p}`);
  }
  const list = await bea.get('/api/v1/deals?limit=500');
  assert.equal(list.status, 200);
  assert.ok(!listOf(list.json, 'deals').some((d) => d.id === deal.id));
  const c = await ctx.signIn('bea@beta.test');
  for (const p of [`/deals/${deal.id}`, `/accounts/${deal.account_id}`]) {
    const r = await c.get(p);
    assert.equal(r.status, 404, p);
    noLeak(r, deal, p);
  }
  const close = await c.postForm(`/deals/${deal.id}/close`, { csrf_token: c.csrf, status: 'won' });
  assert.equal(close.status, 404);
  assert.equal((await ritaSees(deal.id)).status, 'open');
  const step = obj((await as('rita@acme.test').get(`/api/v1/steps/${deal.stepId}`)).json, 'step');
  assert.equal(step.status, 'open');
});

testCleanStop(ctx);
