// observations (issue 8, field coaching): the manager who joined Rita's call
// and a team-mate who rode along write observations of her; they show on her
// rep page as trait evidence marked "observed" and in her next one-on-one's
// facts. Privacy: Rita, Max (who leads North) and the observer only — not
// Rob, not Mia, not Ann (an admin who does not lead North), nothing across
// organisations; in pages, API and exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const SECRET_SEEN = 'Asked three open questions 5e8d';
const SECRET_WELL = 'Calm with the buyer 5e8d';
const SECRET_MATE = 'Ride-along remark 5e8d';
const SECRETS = [SECRET_SEEN, SECRET_WELL, SECRET_MATE];

const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));
const f = {};

test('the manager writes an observation of a call; it is evidence on the rep page', async () => {
  f.vic = addUser(ctx.db, 'acme', 'vic@acme.test', 'Vic Mate', 'rep', { team: 'North' });
  const out = sqlExec(ctx.db, `SELECT id, code FROM traits WHERE org_id = ${ctx.ids.acme} ORDER BY position`);
  f.traits = out.trim().split('\n').map((l) => Number(l.split('|')[0]));
  assert.equal(f.traits.length, 5, out);
  const rita = api('rita@acme.test');
  let r = await rita.post('/api/v1/accounts', { name: 'Observed Account' });
  assert.equal(r.status, 201, r.text);
  const account = r.json.id ?? r.json.account?.id;
  r = await rita.post('/api/v1/conversations', { account_id: account, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 20,
    gut_feeling: 4, outcome: 'none' });
  assert.equal(r.status, 201, r.text);
  f.conv = (r.json.conversation ?? r.json).id;

  const max = await ctx.signIn('max@acme.test');
  const page = await max.page(`/observations/new?rep=${ctx.ids.rita}&conversation=${f.conv}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  const action = `/observations?rep=${ctx.ids.rita}&conversation=${f.conv}`;
  assert.ok(page.text.includes(action.replace('&', '&amp;')));
  // bad input: every field named, what was typed kept, nothing stored
  r = await max.postForm(action, { csrf_token: page.csrf, kind: 'phone', observed_on: '2026-11-30',
    [`score_${f.traits[0]}`]: '7', went_well: SECRET_WELL });
  assert.equal(r.status, 400);
  for (const field of ['kind', 'observed_on', `score_${f.traits[0]}`]) assert.match(r.text, new RegExp(`id="e-${field}"`), field);
  assert.match(r.text, new RegExp(SECRET_WELL));
  r = await max.postForm(action, { csrf_token: page.csrf, kind: 'joint_call', observed_on: '2026-11-20' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-scores"/);
  assert.equal(sqlExec(ctx.db, 'SELECT count(*) FROM observations').trim(), '0');

  r = await max.postForm(action, { csrf_token: page.csrf, kind: 'joint_call', observed_on: '2026-11-20',
    [`score_${f.traits[4]}`]: '4', [`seen_${f.traits[4]}`]: SECRET_SEEN, went_well: SECRET_WELL,
    to_strengthen: 'Close with a date', agreed_action: 'Ask for the next step every time' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  f.obs = Number(/\/observations\/(\d+)$/.exec(r.location)[1]);
  r = await max.get(`/observations/${f.obs}`);
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(SECRET_SEEN));
  assert.match(r.text, /observed/);
  r = await max.get(`/observations/${f.obs}?format=csv`);
  assert.match(r.text, new RegExp(SECRET_SEEN));
  assert.match(r.text, /observed/);

  // Rita sees it on her rep page, as evidence marked "observed"
  const rs = await ctx.signIn('rita@acme.test');
  r = await rs.get(`/reps/${ctx.ids.rita}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Field coaching/);
  assert.match(r.text, new RegExp(SECRET_SEEN));
  assert.match(r.text, /observed/);
  r = await rita.get(`/api/v1/observations?rep=${ctx.ids.rita}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 1);
  assert.equal(r.json.items[0].scores[0].seen, SECRET_SEEN);
  assert.equal(r.json.items[0].scores[0].evidence, 'observed');
  assert.equal(r.json.items[0].conversation_id, f.conv);
  // and in the facts of her next one-on-one
  r = await api('max@acme.test').post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-23' });
  assert.equal(r.status, 201, r.text);
  r = await rs.get(`/one-on-ones/${r.json.id}`);
  assert.match(r.text, new RegExp(`/observations/${f.obs}`));
  // Rita may not observe herself
  r = await rs.get(`/observations/new?rep=${ctx.ids.rita}`);
  assert.equal(r.status, 403);
});

test('a team-mate who rode along writes one and sees only their own', async () => {
  const vic = api('vic@acme.test');
  let r = await vic.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'ride_along', observed_on: '2026-11-21',
    scores: [{ trait_id: f.traits[1], score: 3, seen: SECRET_MATE }] });
  assert.equal(r.status, 201, r.text);
  f.mate = r.json.id;
  r = await vic.get(`/api/v1/observations/${f.mate}`);
  assert.equal(r.status, 200);
  r = await vic.get(`/api/v1/observations/${f.obs}`);
  assert.equal(r.status, 403);
  assert.ok(!r.text.includes(SECRET_SEEN));
  r = await vic.get(`/api/v1/observations?rep=${ctx.ids.rita}`);
  assert.equal(r.status, 403);
  // Rita and Max see both
  r = await api('max@acme.test').get(`/api/v1/observations?rep=${ctx.ids.rita}`);
  assert.equal(r.json.items.length, 2);
  // Rita's conversation may not be linked by Vic, who may not see it
  r = await vic.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'ride_along', observed_on: '2026-11-21',
    conversation_id: f.conv, scores: [{ trait_id: f.traits[1], score: 3 }] });
  assert.equal(r.status, 403);
});

test('no one else sees an observation, and no one else writes one', async () => {
  const callers = { 'rob@acme.test': 403, 'mia@acme.test': 403, 'ann@acme.test': 403, 'bea@beta.test': 404, 'ben@beta.test': 404 };
  for (const [email, want] of Object.entries(callers)) {
    const c = await ctx.signIn(email);
    const a = api(email);
    const answers = [];
    for (const p of [`/observations/${f.obs}`, `/observations/${f.mate}?format=csv`, `/observations?rep=${ctx.ids.rita}`,
      `/observations?rep=${ctx.ids.rita}&format=xlsx`, `/observations/new?rep=${ctx.ids.rita}`, `/reps/${ctx.ids.rita}`]) {
      const r = await c.get(p);
      assert.equal(r.status, want, `${email} ${p}`);
      answers.push(r);
    }
    for (const p of [`/api/v1/observations/${f.obs}`, `/api/v1/observations?rep=${ctx.ids.rita}`]) {
      const r = await a.get(p);
      assert.equal(r.status, want, `${email} ${p}`);
      answers.push(r);
    }
    const r = await a.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20',
      scores: [{ trait_id: f.traits[0], score: 2 }] });
    assert.equal(r.status, want, `${email} POST`);
    for (const p of ['/', '/one-on-ones', '/conversations?q=5e8d', '/deals?q=5e8d']) answers.push(await c.get(p));
    for (const x of answers)
      for (const s of SECRETS) assert.ok(!x.text.includes(s), `${email}: "${s}" in an answer`);
  }
  // Max may not link a conversation of Rob's, which he may not see
  const rob = api('rob@acme.test');
  let r = await rob.post('/api/v1/accounts', { name: 'Rob Account' });
  const acc = r.json.id ?? r.json.account?.id;
  r = await rob.post('/api/v1/conversations', { account_id: acc, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 5, gut_feeling: 3, outcome: 'none' });
  const robConv = (r.json.conversation ?? r.json).id;
  const max = await ctx.signIn('max@acme.test');
  r = await max.get(`/observations/new?rep=${ctx.ids.rita}&conversation=${robConv}`);
  assert.equal(r.status, 403);
  // bad API input names the field
  const maxApi = api('max@acme.test');
  for (const [body, field] of [
    [{ kind: 'joint_call', observed_on: '2026-11-20', scores: [] }, 'rep_id'],
    [{ rep_id: ctx.ids.rita, kind: 'x', observed_on: '2026-11-20', scores: [] }, 'kind'],
    [{ rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-12-20', scores: [] }, 'observed_on'],
    [{ rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20', scores: [] }, 'scores'],
    [{ rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20', scores: [{ trait_id: f.traits[0], score: 9 }] }, 'scores'],
    [{ rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20', scores: [{ trait_id: 999999, score: 3 }] }, 'scores'],
  ]) {
    r = await maxApi.post('/api/v1/observations', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.field, field, JSON.stringify(body));
  }
  assert.equal(sqlExec(ctx.db, 'SELECT count(*) FROM observations').trim(), '2');
});

testCleanStop(ctx);
