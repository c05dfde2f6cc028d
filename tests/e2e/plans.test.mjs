// plans: development plans and recognition (issue 8) end to end, with the
// server's clock pinned to Monday 2026-11-23.
//
// Max (manager of North) makes Rita's plan for 2026-10-01 .. 2026-12-31 and
// gives it goals of both kinds; one tracks Rita's commitment rate, computed
// by hand from conversations the test logs:
//
//   day    outcome   logged
//   09-10  none      before the goal
//   09-15  none      before the goal
//   10-05  step      before the goal
//   10-20  stop      after the goal
//   11-02  none      after the goal
//
//   baseline (the 90 days up to 11-23 when the goal is made): 1 of 3 = 33.3 %
//   now (the plan's period up to today, 10-01 .. 11-23): step, stop, none
//       = 2 of 3 = 66.7 %
//   target 80 %: progress (0.667 − 0.333) / (0.8 − 0.333) = 0.333 / 0.467 = 71 %
//
// Privacy: a plan and a recognition note are Rita's private data — Rita and
// Max see them; Rob (another team's rep), Mia (another team's manager), Ann
// (an admin who does not lead North) and the other organisation do not, in
// pages, API and the plans list's CSV/Excel export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml, formFrom, sqlExec } from './lib.mjs';

const TODAY = '2026-11-23';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });
const SECRET_GOAL = 'Plan secret goal 91b2';
const SECRET_CHECKIN = 'Plan secret check-in 91b2';
const SECRET_RECOGNITION = 'Recognition secret note 91b2';
const SECRET_TITLE = 'Plan secret title 91b2';

const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const sessions = {};
async function web(email) {
  sessions[email] ??= await ctx.signIn(email);
  return sessions[email];
}
const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');

async function post(email, path, fields) {
  const c = await web(email);
  return c.postForm(path, { csrf_token: c.csrf, ...fields });
}

let fx;
async function fixture() {
  if (fx) return fx;
  const rita = as('rita@acme.test');
  const acc = await rita.post('/api/v1/accounts', { name: 'Plan Account' });
  assert.equal(acc.status, 201, acc.text);
  const accountId = acc.json.id ?? acc.json.account?.id;
  const deal = async (title) => {
    const r = await rita.post('/api/v1/deals', { title, account_id: accountId, value_minor: 1000, currency: 'EUR' });
    assert.equal(r.status, 201, r.text);
    return r.json.id ?? r.json.deal?.id;
  };
  const a = await deal('Plan deal A'), b = await deal('Plan deal B');
  const conv = async (dealId, day, outcome, more = {}) => {
    const r = await rita.post('/api/v1/conversations', {
      deal_id: dealId, kind: 'call', at: `2026-${day}T10:00:00Z`, minutes: 10, gut_feeling: 3, outcome, notes: '', ...more,
    });
    assert.equal(r.status, 201, `${day}: ${r.text}`);
  };
  await conv(a, '09-10', 'none');
  await conv(a, '09-15', 'none');
  await conv(a, '10-05', 'step', { step: { what: 'Send the offer', due: '2026-10-09', who: 'Olga' } });

  // Max makes the plan through the form
  const r = await post('max@acme.test', `/plans/new?rep=${ctx.ids.rita}`, {
    title: SECRET_TITLE, period_start: '2026-10-01', period_end: '2026-12-31',
  });
  assert.equal(r.status, 303, r.text.slice(0, 600));
  const plan = Number(/\/plans\/(\d+)/.exec(r.location)[1]);
  const goal = await post('max@acme.test', `/plans/${plan}/goals`, {
    kind: 'achievement', title: SECRET_GOAL, metric: 'commitment_rate', target: '80', trait_id: '', baseline: '',
  });
  assert.equal(goal.status, 303, goal.text.slice(0, 600));
  await conv(a, '10-20', 'stop', { stop_reason: 'timing', stop_action: 'paused' });
  await conv(b, '11-02', 'none');
  fx = { plan, accountId };
  return fx;
}

test('the manager makes a plan with goals of both kinds; metric progress is the hand-computed figure', async () => {
  const f = await fixture();
  const res = await post('max@acme.test', `/plans/${f.plan}/goals`, { kind: 'result', title: 'Revenue to target', metric: '', target: '' });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  const page = await (await web('max@acme.test')).get(`/plans/${f.plan}`);
  assert.equal(page.status, 200);
  const t = textOf(page.text);
  assert.match(t, new RegExp(SECRET_GOAL));
  assert.match(t, /Commitment rate: from 33% → now 67% → target 80%/, t.slice(0, 3000));
  assert.match(t, /71% of the way/);
  // the two kinds in separate lists
  const ach = /<ul class="plan-goals" id="goals-achievement">([\s\S]*?)<\/ul>/.exec(page.text)[1];
  const res2 = /<ul class="plan-goals" id="goals-result">([\s\S]*?)<\/ul>/.exec(page.text)[1];
  assert.match(ach, new RegExp(SECRET_GOAL));
  assert.doesNotMatch(ach, /Revenue to target/);
  assert.match(res2, /Revenue to target/);
  assert.match(t, /1 achievement goals, 1 result goals \(50% achievement\)/);
  assert.doesNotMatch(page.text, /balance-flag/);
  // the API says the same, in fractions
  const api = await as('max@acme.test').get(`/api/v1/plans/${f.plan}`);
  assert.equal(api.status, 200, api.text);
  const g = api.json.goals.find((x) => x.title === SECRET_GOAL);
  assert.ok(Math.abs(g.baseline - 1 / 3) < 1e-6, `baseline ${g.baseline}`);
  assert.ok(Math.abs(g.current - 2 / 3) < 1e-6, `current ${g.current}`);
  assert.ok(Math.abs(g.progress - (2 / 3 - 1 / 3) / (0.8 - 1 / 3)) < 1e-6, `progress ${g.progress}`);
  assert.equal(api.json.balance.achievement, 1);
  assert.equal(api.json.balance.result, 1);
  assert.equal(api.json.balance.result_only, false);
});

test('one open plan per rep per period: an overlapping second plan is refused, nothing stored', async () => {
  const f = await fixture();
  const before = (await as('max@acme.test').get(`/api/v1/plans?rep=${ctx.ids.rita}`)).json.items.length;
  const r = await post('max@acme.test', `/plans/new?rep=${ctx.ids.rita}`, {
    title: 'Second', period_start: '2026-12-01', period_end: '2027-03-31',
  });
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /Rita Rep already has an open plan for part of this period/);
  assert.match(r.text, new RegExp(`href="/plans/${f.plan}"`));
  const api = await as('max@acme.test').post('/api/v1/plans', { rep_id: ctx.ids.rita, title: 'Third', period_start: '2026-11-01', period_end: '2026-11-30' });
  assert.equal(api.status, 409, api.text);
  const after = (await as('max@acme.test').get(`/api/v1/plans?rep=${ctx.ids.rita}`)).json.items.length;
  assert.equal(after, before);
  // bad dates: 400 naming the fields
  const bad = await post('max@acme.test', `/plans/new?rep=${ctx.ids.rita}`, { title: 'x', period_start: '2027-05-01', period_end: '2027-04-01' });
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /The plan cannot end before it begins/);
});

test('a plan with only result goals is flagged, in the list and on the page', async () => {
  await fixture();
  const r = await as('mia@acme.test').post('/api/v1/plans', { rep_id: ctx.ids.rob, title: 'Rob numbers', period_start: '2026-10-01', period_end: '2026-12-31' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  const g = await as('mia@acme.test').post(`/api/v1/plans/${id}/goals`, { kind: 'result', title: 'Close 10 deals' });
  assert.equal(g.status, 201, g.text);
  const page = await (await web('mia@acme.test')).get(`/plans/${id}`);
  assert.match(page.text, /balance-flag/);
  assert.match(textOf(page.text), /Only result goals\. 84% of top sellers are achievement-oriented/);
  const list = await (await web('mia@acme.test')).get('/plans');
  assert.match(textOf(list.text), /Rob numbers .*Result goals only/);
  const csv = await (await web('mia@acme.test')).get('/plans?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Rob numbers/);
  assert.match(csv.text, /Result goals only/);
  const api = await as('mia@acme.test').get(`/api/v1/plans/${id}`);
  assert.equal(api.json.balance.result_only, true);
});

test('bad input: 400 naming the field, nothing stored', async () => {
  const f = await fixture();
  const max = as('max@acme.test');
  const count = async () => (await max.get(`/api/v1/plans/${f.plan}`)).json.goals.length;
  const n = await count();
  const cases = [
    [{ title: 'No kind' }, 'kind'],
    [{ kind: 'wish', title: 'Unknown kind' }, 'kind'],
    [{ kind: 'achievement', title: 'Unknown metric', metric: 'revenue', target: 0.5 }, 'metric'],
    [{ kind: 'achievement', title: 'Unknown trait', trait_id: 999999 }, 'trait_id'],
  ];
  for (const [body, field] of cases) {
    const r = await max.post(`/api/v1/plans/${f.plan}/goals`, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.field, field, r.text);
  }
  // another organisation's trait is unknown here
  const betaTrait = Number(sqlExec(ctx.db, "SELECT min(t.id) FROM traits t JOIN orgs o ON o.id = t.org_id WHERE o.slug = 'beta'").trim());
  assert.ok(betaTrait > 0, 'the other organisation has traits');
  let r = await max.post(`/api/v1/plans/${f.plan}/goals`, { kind: 'achievement', title: 'Foreign trait', trait_id: betaTrait });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'trait_id');
  assert.equal(await count(), n, 'no goal stored');
  // a goal linked to one of the organisation's traits
  const trait = Number(sqlExec(ctx.db, "SELECT min(t.id) FROM traits t JOIN orgs o ON o.id = t.org_id WHERE o.slug = 'acme' AND t.code = 'customer'").trim());
  r = await max.post(`/api/v1/plans/${f.plan}/goals`, { kind: 'achievement', title: 'Ask the right questions', trait_id: trait });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.trait_id, trait);
  assert.ok(r.json.trait_name, 'the trait is named');
  // an action owned by someone of another organisation, or another rep
  const ben = Number((await as('ben@beta.test').get('/api/v1/me')).json.id ?? (await as('ben@beta.test').get('/api/v1/me')).json.user?.id);
  for (const owner of [ben, ctx.ids.rob]) {
    const r = await max.post(`/api/v1/plans/${f.plan}/actions`, { what: 'Foreign owner', owner_id: owner, due: '2026-12-01' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.field, 'owner_id');
  }
  assert.ok(!(await max.get(`/api/v1/plans/${f.plan}`)).json.actions.some((x) => x.what === 'Foreign owner'));
  // the goal form keeps what was typed and marks the field
  const page = await post('max@acme.test', `/plans/${f.plan}/goals`, { kind: '', title: 'Kept title 5c', metric: '' });
  assert.equal(page.status, 400);
  assert.match(page.text, /value="Kept title 5c"/);
  assert.match(textOf(page.text), /Choose the kind of goal/);
});

test('actions, check-ins and recognition: who may do what; the rep sees what is due and the recognition', async () => {
  const f = await fixture();
  const max = as('max@acme.test'), rita = as('rita@acme.test');
  let r = await max.post(`/api/v1/plans/${f.plan}/actions`, { what: 'Prepare three price arguments', owner_id: ctx.ids.rita, due: '2026-11-20' });
  assert.equal(r.status, 201, r.text);
  const ritaAction = r.json.id;
  r = await max.post(`/api/v1/plans/${f.plan}/actions`, { what: 'Ride along twice', owner_id: ctx.ids.max, due: '2026-11-25' });
  assert.equal(r.status, 201, r.text);
  const maxAction = r.json.id;
  // the rep may not write the plan, nor mark the manager's action done
  r = await rita.post(`/api/v1/plans/${f.plan}/goals`, { kind: 'achievement', title: 'Self-made' });
  assert.equal(r.status, 403, r.text);
  r = await rita.send('PATCH', `/api/v1/plans/${f.plan}/actions/${maxAction}`, { done: true });
  assert.equal(r.status, 403, r.text);
  // home page: the overdue action is due
  let home = await (await web('rita@acme.test')).get('/');
  assert.match(textOf(home.text), /Prepare three price arguments .*overdue/);
  // the rep marks her own action done, adds a check-in
  r = await rita.send('PATCH', `/api/v1/plans/${f.plan}/actions/${ritaAction}`, { done: true });
  assert.equal(r.status, 200, r.text);
  r = await post('rita@acme.test', `/plans/${f.plan}/checkins`, { on_date: '2026-11-22', note: SECRET_CHECKIN });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  // the manager recognises from a check-in
  r = await post('max@acme.test', `/plans/${f.plan}/checkins`, { on_date: '2026-11-23', note: SECRET_RECOGNITION, recognise: '1', recognition_kind: 'effort' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  home = await (await web('rita@acme.test')).get('/');
  const ht = textOf(home.text);
  assert.doesNotMatch(ht, /Prepare three price arguments/);
  assert.match(ht, new RegExp(`Effort Max Manager .*${SECRET_RECOGNITION}`));
  const recs = await rita.get('/api/v1/recognitions');
  assert.equal(recs.status, 200);
  const rec = recs.json.items.find((x) => x.note === SECRET_RECOGNITION);
  assert.equal(rec.source, 'checkin');
  assert.equal(rec.kind, 'effort');
  // the recognition form leads with effort; Rob cannot recognise Rita
  const page = await (await web('max@acme.test')).get(`/plans/${f.plan}`);
  const form = formFrom(page.text, `/reps/${ctx.ids.rita}/recognition`);
  assert.ok(form, 'a recognition form');
  assert.match(form.html, /<select[^>]*name="kind"[^>]*><option value="effort"/);
  r = await post('mia@acme.test', `/reps/${ctx.ids.rita}/recognition`, { kind: 'win', note: 'Not mine to give' });
  assert.equal(r.status, 403);
  // the rep page shows the open plan's goals with progress
  const rp = await (await web('max@acme.test')).get(`/reps/${ctx.ids.rita}`);
  assert.match(textOf(rp.text), /Development plan .*71% of the way/);
});

test('nobody else sees Rita\'s plan or recognition notes: pages, API, exports', async () => {
  const f = await fixture();
  // the secrets exist and Rita and Max see them
  for (const email of ['rita@acme.test', 'max@acme.test']) {
    const p = await (await web(email)).get(`/plans/${f.plan}`);
    assert.equal(p.status, 200, email);
    assert.match(p.text, new RegExp(SECRET_GOAL));
    const l = await (await web(email)).get('/plans?format=csv');
    assert.match(l.text, new RegExp(SECRET_TITLE), email);
  }
  for (const email of ['rob@acme.test', 'mia@acme.test', 'ann@acme.test', 'bea@beta.test', 'ben@beta.test']) {
    const other = email.endsWith('@beta.test');
    const s = await web(email);
    const p = await s.get(`/plans/${f.plan}`);
    assert.equal(p.status, other ? 404 : 403, `${email} page`);
    const a = await as(email).get(`/api/v1/plans/${f.plan}`);
    assert.equal(a.status, other ? 404 : 403, `${email} api`);
    const answers = [p.text, a.text];
    for (const u of ['/plans', '/plans?format=csv', '/plans?format=xlsx', '/', `/reps/${ctx.ids.rita}`])
      answers.push((await s.get(u)).text);
    for (const u of ['/api/v1/plans', `/api/v1/plans?rep=${ctx.ids.rita}`, '/api/v1/recognitions', `/api/v1/recognitions?rep=${ctx.ids.rita}`])
      answers.push((await as(email).get(u)).text);
    for (const text of answers)
      for (const secret of [SECRET_GOAL, SECRET_CHECKIN, SECRET_RECOGNITION, SECRET_TITLE])
        assert.ok(!text.includes(secret), `${email} sees "${secret}"`);
  }
});

testCleanStop(ctx);
