// improve: underperformers — a plan and a decision (issue 10) end to end,
// with the server's clock pinned to Monday 2026-11-23.
//
// Max (manager of North) flags Rita on 2026-11-02 with a diagnosis and
// notes from the conversation that asked why, gives the plan its days,
// an expectation on her commitment rate, support and two review dates (one
// passed without an outcome), extends it once, and decides.
//
// The warnings, by hand: a flag of 2026-11-02 without days warns "no plan"
// from 2026-11-16 (14 days); the 2026-11-20 review is before today without
// an outcome: "review". A flag of 2026-06-15 (Q2) without a decision warns
// "no decision" from 2026-10-01 (Q2 and Q3 over).
//
// Privacy: the diagnosis, its notes and the decision note never reach Rita
// (page, API, her export); a flag without a plan is not hers to see; Rob,
// Mia, Ann (an admin who does not lead North) and another organisation see
// nothing of it. Bad input: a clear error naming the field, nothing stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec } from './lib.mjs';

const TODAY = '2026-11-23';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });
const NOTES = 'Diagnosis secret notes 5c1e';
const DECISION_NOTE = 'Decision secret note 5c1e';

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
async function post(email, p, fields) {
  const c = await web(email);
  return c.postForm(p, { csrf_token: c.csrf, ...fields });
}
const count = (sql) => Number(sqlExec(ctx.db, sql).trim().split(/\s+/).filter((x) => /^\d+$/.test(x)).pop());

let fx;
async function fixture() {
  if (fx) return fx;
  const max = as('max@acme.test');
  let r = await max.post('/api/v1/improvement-plans', { rep_id: ctx.ids.rita, flagged_on: '2026-11-02', diagnosis: 'will',
    diagnosis_notes: NOTES });
  assert.equal(r.status, 201, r.text);
  fx = { plan: r.json.id };
  assert.equal(r.json.status, 'flagged');
  assert.deepEqual(r.json.warnings, ['no_plan']);
  return fx;
}

test('a flag warns after two weeks and is not the rep\'s to see', async () => {
  const f = await fixture();
  const maxPage = textOf((await (await web('max@acme.test')).get(`/improvement-plans/${f.plan}`)).text);
  assert.match(maxPage, /Flagged two weeks ago or more, and still no plan/);
  assert.match(maxPage, new RegExp(NOTES));
  const home = textOf((await (await web('max@acme.test')).get('/')).text);
  assert.match(home, /Underperformers: needs you now/);
  assert.match(home, /Rita Rep/);
  // Rita: a flag without a plan is not hers
  assert.equal((await (await web('rita@acme.test')).get(`/improvement-plans/${f.plan}`)).status, 403);
  assert.equal((await as('rita@acme.test').get(`/api/v1/improvement-plans/${f.plan}`)).status, 403);
  const list = await as('rita@acme.test').get('/api/v1/improvement-plans');
  assert.equal(list.json.items.length, 0);
});

test('the plan: days, expectation, support, reviews; the rep sees it without the diagnosis', async () => {
  const f = await fixture();
  const max = as('max@acme.test');
  let r = await max.send('PATCH', `/api/v1/improvement-plans/${f.plan}`, { plan_start: '2026-11-09', plan_end: '2026-12-31',
    items: [
      { kind: 'expectation', metric: 'commitment_rate', target: 0.75, text: 'Every conversation ends in a step or a stop' },
      { kind: 'support', support_kind: 'ride_along', text: 'Ride along twice a month' },
      { kind: 'review', on_date: '2026-11-20' },
      { kind: 'review', on_date: '2026-12-15' },
    ] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'open');
  assert.equal(r.json.expectations.length, 1);
  assert.equal(r.json.expectations[0].target, 0.75);
  assert.equal(r.json.support[0].support_kind, 'ride_along');
  assert.deepEqual(r.json.warnings, ['review']);
  f.review = r.json.reviews.find((x) => x.on_date === '2026-11-20').id;

  // Rita sees her plan, its expectation and support — never the diagnosis
  const page = (await (await web('rita@acme.test')).get(`/improvement-plans/${f.plan}`));
  assert.equal(page.status, 200);
  const text = textOf(page.text);
  assert.match(text, /Every conversation ends in a step or a stop/);
  assert.match(text, /Ride along twice a month/);
  assert.doesNotMatch(page.text, new RegExp(NOTES));
  assert.doesNotMatch(text, /Diagnosis|Will: does not want to/);
  const api = await as('rita@acme.test').get(`/api/v1/improvement-plans/${f.plan}`);
  assert.equal(api.status, 200);
  assert.doesNotMatch(api.text, new RegExp(NOTES));
  assert.equal(api.json.diagnosis, undefined);
  assert.equal(api.json.diagnosis_notes, undefined);
  const csv = await (await web('rita@acme.test')).get('/improvement-plans?format=csv');
  assert.equal(csv.status, 200);
  assert.doesNotMatch(csv.text, new RegExp(NOTES));
  assert.doesNotMatch(csv.text, /Diagnosis/);
  // Max's export holds them
  const mcsv = await (await web('max@acme.test')).get('/improvement-plans?format=csv');
  assert.match(mcsv.text, new RegExp(NOTES));
  // the rep page: Max sees the plan section
  const repPage = textOf((await (await web('max@acme.test')).get(`/reps/${ctx.ids.rita}`)).text);
  assert.match(repPage, /Improvement plan/);
});

test('nobody else sees the plan', async () => {
  const f = await fixture();
  for (const [email, want] of [['rob@acme.test', 403], ['mia@acme.test', 403], ['ann@acme.test', 403], ['bea@beta.test', 404]]) {
    const p = await (await web(email)).get(`/improvement-plans/${f.plan}`);
    assert.equal(p.status, want, `${email} page`);
    assert.doesNotMatch(p.text, new RegExp(NOTES));
    const a = await as(email).get(`/api/v1/improvement-plans/${f.plan}`);
    assert.equal(a.status, want, `${email} API`);
    const l = await as(email).get('/api/v1/improvement-plans');
    assert.doesNotMatch(l.text, new RegExp(NOTES), `${email} list`);
  }
  // Rita cannot write her own plan
  const r = await as('rita@acme.test').post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'improved' });
  assert.equal(r.status, 403);
});

test('bad input names the field and stores nothing', async () => {
  const f = await fixture();
  const max = as('max@acme.test');
  const items = () => count(`SELECT count(*) FROM improvement_items WHERE plan_id = ${f.plan}`);
  const before = items();
  const cases = [
    [{ items: [{ kind: 'expectation', metric: 'revenue', target: 1 }] }, 'items[0].metric'],
    [{ items: [{ kind: 'support', support_kind: 'ride_along', text: 'ok' }, { kind: 'review', on_date: '2026-02-30' }] }, 'items[1].on_date'],
    [{ items: [{ kind: 'expectation', metric: 'commitment_rate', target: 12 }] }, 'items[0].target'],
    [{ diagnosis: 'lazy' }, 'diagnosis'],
    [{ plan_start: '2026-12-01', plan_end: '2026-11-01' }, 'plan_end'],
  ];
  for (const [body, field] of cases) {
    const r = await max.send('PATCH', `/api/v1/improvement-plans/${f.plan}`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.field, field);
  }
  assert.equal(items(), before, 'nothing stored');
  let r = await max.post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'promoted' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'decision');
  r = await max.post('/api/v1/improvement-plans', { rep_id: ctx.ids.ben, flagged_on: '2026-11-01' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'rep_id');
  r = await max.post('/api/v1/improvement-plans', { rep_id: ctx.ids.rita });
  assert.equal(r.status, 409, 'one flag or plan at a time');
  // the page: 400 with the message under the field
  const p = await post('max@acme.test', `/improvement-plans/${f.plan}/items`, { kind: 'review', on_date: 'tomorrow' });
  assert.equal(p.status, 400);
  assert.match(textOf(p.text), /Enter the review date as a date/);
  assert.equal(items(), before, 'nothing stored from the page');
});

test('decisions: extended once only, a decision on a closed plan refused', async () => {
  const f = await fixture();
  const max = as('max@acme.test');
  let r = await max.post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'extended', until: '2027-02-28' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'open');
  assert.equal(r.json.plan_end, '2027-02-28');
  assert.equal(r.json.extended_on, TODAY);
  r = await max.post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'extended', until: '2027-03-31' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'decision');
  // the review's outcome, then the decision
  r = await max.send('PATCH', `/api/v1/improvement-plans/${f.plan}`, { outcomes: [{ id: f.review, outcome: 'Better calls.' }] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.warnings, []);
  r = await max.post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'improved', note: DECISION_NOTE });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'closed');
  assert.equal(r.json.decision, 'improved');
  // a decision on the closed plan: 409 naming the field, nothing changes (API and page)
  r = await max.post(`/api/v1/improvement-plans/${f.plan}/decide`, { decision: 'parting' });
  assert.equal(r.status, 409);
  assert.equal(r.json.field, 'decision');
  const p = await post('max@acme.test', `/improvement-plans/${f.plan}/decide`, { decision: 'parting' });
  assert.equal(p.status, 409);
  assert.match(textOf(p.text), /already closed with a decision/);
  assert.equal(sqlExec(ctx.db, `SELECT decision FROM improvement_plans WHERE id = ${f.plan}`).trim().split(/\s+/).pop(), 'improved');
  // the rep never gets the decision note
  const rita = await as('rita@acme.test').get(`/api/v1/improvement-plans/${f.plan}`);
  assert.equal(rita.status, 200);
  assert.doesNotMatch(rita.text, new RegExp(DECISION_NOTE));
  const ritaPage = await (await web('rita@acme.test')).get(`/improvement-plans/${f.plan}`);
  assert.doesNotMatch(ritaPage.text, new RegExp(DECISION_NOTE));
  assert.match(textOf(ritaPage.text), /Improved/);
  // the history: 1 improved of 1 decided for North, and its CSV
  const list = textOf((await (await web('max@acme.test')).get('/improvement-plans')).text);
  assert.match(list, /1 improved of 1 decided/);
  const csv = await (await web('max@acme.test')).get('/improvement-plans?table=history&format=csv');
  assert.match(csv.text, /North,1,1,0,0,100/);
});

test('two periods without a decision', async () => {
  const r = await as('mia@acme.test').post('/api/v1/improvement-plans', { rep_id: ctx.ids.rob, flagged_on: '2026-06-15',
    plan_start: '2026-06-22', plan_end: '2027-01-31' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.warnings, ['no_decision']);
  const page = textOf((await (await web('mia@acme.test')).get('/improvement-plans')).text);
  assert.match(page, /Underperforming for two periods without a decision Rob Rep since 1 Oct 2026/);
});

test('support links the rep\'s own one-on-one, chosen from a list; another rep\'s is refused', async () => {
  const plan = count(`SELECT max(id) FROM improvement_plans WHERE rep_id = ${ctx.ids.rob}`);
  const ooo = (rep, mgr, day) => {
    sqlExec(ctx.db, `INSERT INTO one_on_ones (org_id, rep_id, manager_id, scheduled_on, created_at) `
      + `VALUES (${ctx.ids.acme}, ${rep}, ${mgr}, '${day}', 0)`);
    return count(`SELECT max(id) FROM one_on_ones WHERE rep_id = ${rep}`);
  };
  const robs = ooo(ctx.ids.rob, ctx.ids.mia, '2026-11-12');
  const ritas = ooo(ctx.ids.rita, ctx.ids.max, '2026-11-13');
  const form = (await (await web('mia@acme.test')).get(`/improvement-plans/${plan}`)).text;
  assert.match(form, new RegExp(`<option value="one_on_one:${robs}">One-on-one of 12.Nov.2026</option>`));
  assert.doesNotMatch(form, new RegExp(`one_on_one:${ritas}`));
  const support = { kind: 'support', support_kind: 'coaching', text: 'Weekly coaching 9d2e' };
  const before = count(`SELECT count(*) FROM improvement_items WHERE plan_id = ${plan}`);
  const bad = await post('mia@acme.test', `/improvement-plans/${plan}/items`, { ...support, link: `one_on_one:${ritas}` });
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /Link the rep's own learning activity, one-on-one or observation, or nothing/);
  assert.equal(count(`SELECT count(*) FROM improvement_items WHERE plan_id = ${plan}`), before);
  const ok = await post('mia@acme.test', `/improvement-plans/${plan}/items`, { ...support, link: `one_on_one:${robs}` });
  assert.equal(ok.status, 303, ok.text);
  const page = (await (await web('mia@acme.test')).get(`/improvement-plans/${plan}`)).text;
  assert.match(page, new RegExp(`href="/one-on-ones/${robs}"`));
});

testCleanStop(ctx);
