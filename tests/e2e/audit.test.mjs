// audit: the audit log of issue 16 end to end, on SQLite and (with
// SG_PG_URL_BASE) PostgreSQL. Each kind of change is made the way a person
// makes it — the command line (the seed's users and teams, an import), the
// admin pages (a role, a deactivation, the numbers settings), the API (a
// team, a target, a deal moved and won, a stage, a reason, a one-on-one
// with notes, a pulse answer) — and read back from GET /api/v1/audit and
// /admin/audit: who, what, which object, the fields before and after.
// Private text never shows: the one-on-one's notes and the pulse comment
// are in no answer of the page, the API or the exports. The people objects
// and admin objects reviewed later: an assessment round and a manager's
// submitted form (evidence as changed only), a development plan with a goal
// and a check-in (title and note as changed only), an improvement plan's
// decision (no diagnosis notes), a team's manager, a deal's stage move and
// loss, a learning activity (its reflections as changed only), a webhook
// (never its secret), an API token (never the token) and a trait. A rep or a manager
// is refused the page, the API and the exports; Beta's admin sees none of
// Acme's rows. The database refuses changing or deleting a row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec, sgOk, listOf,
} from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-25', SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK: '1' } });

const SECRET_SHARED = 'Audit shared note 5d1e';
const SECRET_PRIVATE = 'Audit private note 5d1e';
const SECRET_PULSE = 'Audit pulse comment 5d1e';
const SECRETS = [SECRET_SHARED, SECRET_PRIVATE, SECRET_PULSE];

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

async function audit(query = '') {
  const r = await as('ann@acme.test').get(`/api/v1/audit${query}`);
  assert.equal(r.status, 200, r.text);
  return listOf(r.json, 'items');
}
// the newest row of a kind (and object), as the API gives it
async function newest(kind, object) {
  const rows = await audit(`?kind=${kind}${object ? `&object=${object}` : ''}&limit=1`);
  assert.ok(rows.length, `no ${kind} row`);
  return rows[0];
}
const count = async (q = '') => (await as('ann@acme.test').get(`/api/v1/audit?limit=1${q}`)).json.total;

test('each kind of change writes its row: command line, pages, API, import', async () => {
  const { ann, max, rita, rob, north } = ctx.ids;
  // the seed went through the command line
  let r = await newest('user', rita);
  assert.equal(r.action, 'create');
  assert.equal(r.who.via, 'cli');
  assert.equal(r.who.id, null);
  assert.equal(r.after.name, 'Rita Rep');
  assert.equal(r.after.team, 'North');
  assert.equal(r.after.password, '(private)');
  r = await newest('team', north);
  assert.equal(r.after.manager, 'Max Manager');

  // pages: the admin changes Rob's role and deactivates him
  const annWeb = await web('ann@acme.test');
  let page = await annWeb.page(`/admin/users/${rob}`);
  assert.equal(page.status, 200);
  let res = await annWeb.postForm(`/admin/users/${rob}`, { csrf_token: annWeb.csrf, role: 'manager',
    team: String(ctx.ids.south) });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  r = await newest('user', rob);
  assert.equal(r.action, 'role');
  assert.equal(r.who.id, ann);
  assert.equal(r.who.via, 'web');
  assert.deepEqual(r.before, { role: 'rep' });
  assert.deepEqual(r.after, { role: 'manager' });
  res = await annWeb.postForm(`/admin/users/${rob}/active`, { csrf_token: annWeb.csrf, active: '0' });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  r = await newest('user', rob);
  assert.equal(r.action, 'deactivate');
  assert.equal(r.who.id, ann);
  assert.equal(r.who.via, 'web');
  assert.deepEqual(r.before, { active: '1' });
  assert.deepEqual(r.after, { active: '0' });

  // a setting (the retention, on the audit page): one row, the value before and after
  const before = await count('&kind=setting');
  page = await annWeb.page('/admin/audit');
  res = await annWeb.postForm('/admin/audit/retention', { csrf_token: page.csrf, days: '400' });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  r = await newest('setting');
  assert.deepEqual(r.before, { 'audit.retention_days': null });
  assert.deepEqual(r.after, { 'audit.retention_days': '400' });
  assert.equal(await count('&kind=setting'), before + 1);
  // a refused retention: 400 naming the field, nothing stored, no row
  res = await annWeb.postForm('/admin/audit/retention', { csrf_token: page.csrf, days: '3' });
  assert.equal(res.status, 400);
  assert.match(textOf(res.text), /Days to keep: a whole number from 30 to 3650\./);
  assert.match(res.text, /value="3"/);
  assert.equal(await count('&kind=setting'), before + 1);

  // the API: a team, a target, a deal, a stage, a reason
  const annApi = as('ann@acme.test');
  res = await annApi.post('/api/v1/teams', { name: 'East', territory: 'Oost' });
  assert.equal(res.status, 201, res.text);
  r = await newest('team', res.json.id);
  assert.equal(r.action, 'create');
  assert.equal(r.who.via, 'api');
  assert.equal(r.after.name, 'East');

  const maxApi = as('max@acme.test');
  res = await maxApi.post('/api/v1/targets', { rep_id: rita, period: '2026-12', amount_minor: 1500000 });
  assert.equal(res.status, 201, res.text);
  const target = res.json.id;
  res = await maxApi.send('PATCH', `/api/v1/targets/${target}`, { amount_minor: 1800000 });
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('target', target);
  assert.equal(r.who.id, max);
  assert.deepEqual(r.before, { amount_minor: '1500000' });
  assert.deepEqual(r.after, { amount_minor: '1800000' });

  const ritaApi = as('rita@acme.test');
  res = await ritaApi.post('/api/v1/deals', { title: 'Audit deal', account_name: 'Audit Account', value_minor: 100000,
    currency: 'EUR' });
  assert.equal(res.status, 201, res.text);
  const deal = res.json.id;
  r = await newest('deal', deal);
  assert.equal(r.action, 'create');
  assert.equal(r.who.id, rita);
  assert.equal(r.after.title, 'Audit deal');
  res = await ritaApi.send('PATCH', `/api/v1/deals/${deal}`, { value_minor: 250000 });
  assert.equal(res.status, 200, res.text);
  r = await newest('deal', deal);
  assert.deepEqual(r.before, { value_minor: '100000' });
  assert.deepEqual(r.after, { value_minor: '250000' });
  res = await ritaApi.send('PATCH', `/api/v1/deals/${deal}`, { status: 'won' });
  assert.equal(res.status, 200, res.text);
  r = await newest('deal', deal);
  assert.equal(r.action, 'won');
  assert.equal(r.before.status, 'open');
  assert.equal(r.after.status, 'won');
  assert.equal(r.after.closed_on, '2026-11-25');

  res = await annApi.post('/api/v1/stages', { name: 'Audit pilot', kind: 'open', position: 15 });
  assert.equal(res.status, 201, res.text);
  r = await newest('stage', res.json.id);
  assert.equal(r.after.name, 'Audit pilot');
  res = await annApi.post('/api/v1/reasons', { label: 'Audit reason' });
  assert.equal(res.status, 201, res.text);
  r = await newest('reason', res.json.id);
  assert.equal(r.after.label, 'Audit reason');

  // a one-on-one with notes: logged as changed, never the words
  res = await maxApi.post('/api/v1/one-on-ones', { rep_id: rita, scheduled_on: '2026-11-26' });
  assert.equal(res.status, 201, res.text);
  const m = res.json.id;
  res = await maxApi.send('PATCH', `/api/v1/one-on-ones/${m}`, { shared_notes: SECRET_SHARED, private_notes: SECRET_PRIVATE });
  assert.equal(res.status, 200, res.text);
  r = await newest('one_on_one', m);
  assert.equal(r.action, 'notes');
  assert.deepEqual(r.after, { shared_notes: '(private)', private_notes: '(private)' });

  // the pulse: answered, and nothing else
  res = await ritaApi.post('/api/v1/pulse', { energy: 2, motivation: 3, workload: 5, comment: SECRET_PULSE });
  assert.ok([200, 201].includes(res.status), res.text);
  r = await newest('pulse');
  assert.equal(r.action, 'answered');
  assert.equal(r.who.id, rita);
  assert.deepEqual(r.before, {});
  assert.deepEqual(r.after, {});
  assert.equal(r.object_id, null);

  // an import from the command line: one row with the file, the counts, the result
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-audit-'));
  const file = path.join(dir, 'targets-audit.csv');
  fs.writeFileSync(file, 'Rep,Period,Target,Currency\nrita@acme.test,2027-01,10000,EUR\nrob@acme.test,2027-01,9000,EUR\n');
  const rowsBefore = await count('&kind=target');
  sgOk(['import', 'targets', file, '--org', 'acme'], { db: ctx.db });
  r = await newest('import');
  assert.equal(r.who.via, 'cli');
  assert.equal(r.after.file, file);
  assert.equal(r.after.kind, 'targets');
  assert.equal(r.after.read, '2');
  assert.equal(r.after.created, '2');
  assert.equal(r.after.result, 'kept');
  // before it, the row of its start, committed with its first batch
  const imp = await audit('?kind=import&limit=2');
  assert.deepEqual(imp.map((x) => x.action), ['import', 'start']);
  assert.equal(imp[1].who.via, 'cli');
  assert.equal(imp[1].after.file, file);
  assert.equal(imp[1].after.kind, 'targets');
  assert.match(imp[1].after.run, /^[0-9]+$/);
  // its targets are the import's row, not one row each
  assert.equal(await count('&kind=target'), rowsBefore);
  fs.rmSync(dir, { recursive: true });

  // the filters: by who, by kind and object, by day
  const byMax = await audit(`?who=${max}`);
  assert.ok(byMax.length >= 3 && byMax.every((x) => x.who.id === max));
  const cli = await audit('?who=cli&limit=500');
  assert.ok(cli.length > 5 && cli.every((x) => x.who.via === 'cli'));
  assert.equal((await audit('?from=2099-01-01')).length, 0);
  res = await annApi.get('/api/v1/audit?kind=spaceship');
  assert.equal(res.status, 400);
  assert.equal(res.json.field, 'kind');
  res = await annApi.get('/api/v1/audit?from=2026-13-40');
  assert.equal(res.status, 400);
  assert.equal(res.json.field, 'from');
  res = await annApi.get('/api/v1/audit?offset=100001');
  assert.equal(res.status, 400);
  assert.equal(res.json.field, 'offset');
  res = await annApi.get('/api/v1/audit?limit=501');
  assert.equal(res.status, 400);
  assert.equal(res.json.field, 'limit');
});

test('the page shows the rows as a readable diff, filtered and exported, without private text', async () => {
  const annWeb = await web('ann@acme.test');
  let page = await annWeb.page('/admin/audit');
  assert.equal(page.status, 200);
  let t = textOf(page.text);
  assert.match(t, /Audit log/);
  assert.match(t, /Who changed what, and when/);
  assert.match(t, /value \(cents\) 100000 → 250000/);
  assert.match(t, /shared notes changed/);
  assert.match(t, /Rita Rep .*Pulse .*answered/);
  assert.match(page.text, /href="\/admin\/audit"[^>]*aria-current="page"/);
  for (const s of SECRETS) assert.ok(!page.text.includes(s), `the page shows "${s}"`);
  // filtered to one deal
  const deal = (await audit('?kind=deal&limit=1'))[0].object_id;
  page = await annWeb.page(`/admin/audit?kind=deal&object=${deal}`);
  t = textOf(page.text);
  assert.match(t, /Matching changes: 3\./);
  assert.match(t, /status open → won/);
  // a bad filter: 400, the field named, the value kept
  page = await annWeb.page('/admin/audit?object=abc');
  assert.equal(page.status, 400);
  assert.match(textOf(page.text), /The object number is a whole number above zero\./);
  assert.match(page.text, /value="abc"/);
  // exports of the filtered rows
  let r = await annWeb.get(`/admin/audit?kind=deal&object=${deal}&format=csv`);
  assert.equal(r.status, 200);
  assert.match(r.text, /When,Who,What,Object number,Change made,Before → after/);
  assert.match(r.text, /value \(cents\): 100000 → 250000/);
  assert.equal(r.text.trim().split('\n').length, 4);
  r = await annWeb.get('/admin/audit?format=xlsx');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  r = await annWeb.get('/admin/audit?format=csv');
  assert.match(r.text, /Pulse,,answered/);
  for (const s of SECRETS) assert.ok(!r.text.includes(s), `the CSV export shows "${s}"`);
  r = await as('ann@acme.test').get('/api/v1/audit?limit=500');
  for (const s of SECRETS) assert.ok(!r.text.includes(s), `the API shows "${s}"`);

  // in Dutch: no English label on the page
  const nl = await ctx.signIn('ann@acme.test');
  for (const [lang, title] of [['nl', /Auditlog/], ['nb', /Revisjonslogg/]]) {
    await nl.postForm('/lang', { csrf_token: nl.csrf, lang, next: '/' });
    page = await nl.page('/admin/audit');
    t = textOf(page.text);
    assert.match(t, title, lang);
    for (const en of [/Who changed what/, /value \(cents\)/, /shared notes/, /answered/, /Before → after/])
      assert.doesNotMatch(t, en, `${lang}: ${en}`);
  }
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'en', next: '/' });
});

test('a rep or a manager is refused; another organisation sees nothing of this one', async () => {
  for (const email of ['rita@acme.test', 'max@acme.test']) {
    const c = await web(email);
    for (const p of ['/admin/audit', '/admin/audit?format=csv', '/admin/audit?format=xlsx']) {
      const r = await c.get(p);
      assert.equal(r.status, 403, `${email} ${p}`);
    }
    const r = await as(email).get('/api/v1/audit');
    assert.equal(r.status, 403, email);
    const nav = await c.page('/');
    assert.doesNotMatch(nav.text, /href="\/admin\/audit"/);
  }
  const bea = await web('bea@beta.test');
  const page = await bea.page('/admin/audit');
  assert.equal(page.status, 200);
  for (const mark of ['Rita Rep', 'Acme', 'Audit deal', 'rita@acme.test'])
    assert.ok(!page.text.includes(mark), `Beta's admin sees "${mark}"`);
  const r = await as('bea@beta.test').get('/api/v1/audit?limit=500');
  assert.equal(r.status, 200);
  for (const mark of ['Rita Rep', 'Audit deal', 'rita@acme.test'])
    assert.ok(!r.text.includes(mark), `Beta's API shows "${mark}"`);
  // Acme's object numbers are not Beta's to filter on either
  const acmeRow = (await audit('?kind=deal&limit=1'))[0];
  const x = await as('bea@beta.test').get(`/api/v1/audit?kind=deal&object=${acmeRow.object_id}`);
  assert.equal(x.json.total, 0);
});

test('the database refuses changing or deleting a row; the purge keeps the young ones', async () => {
  const before = await count();
  const bad = (q) => {
    try { sqlExec(ctx.db, q); return false; } catch { return true; }
  };
  assert.ok(bad("UPDATE audit_log SET action = 'forged'"), 'UPDATE refused');
  assert.ok(bad('DELETE FROM audit_log'), 'DELETE refused');
  assert.equal(await count(), before);
  assert.equal(await count('&kind=user') > 0, true);
  // an old row (written straight into the table) is purged; the rest stay
  const old = Math.floor(Date.now() / 1000) - 800 * 86400;
  sqlExec(ctx.db, `INSERT INTO audit_log (org_id, at, via, kind, action) VALUES (${ctx.ids.acme}, ${old}, 'cli', 'user', 'create')`);
  assert.equal(await count(), before + 1);
  const out = sgOk(['audit', 'purge'], { db: ctx.db }).stdout;
  assert.match(out, /^1 audit row older than the retention deleted/);
  assert.equal(await count(), before);
});

// the text of the people objects below, none of which may reach a row
const SECRET_EVIDENCE = 'Audit evidence words 8c2f';
const SECRET_PLAN = 'Audit plan title 8c2f';
const SECRET_CHECKIN = 'Audit check-in note 8c2f';
const SECRET_DIAGNOSIS = 'Audit diagnosis notes 8c2f';
const SECRET_DECISION = 'Audit decision note 8c2f';
const SECRET_LEARNED = 'Audit learned words 8c2f';
const SECRET_WILL = 'Audit will change words 8c2f';
const SECRET_LEARNED2 = 'Audit learned again 8c2f';
const SECRET_TITLE = 'Audit book title 8c2f';
const LATER = [SECRET_EVIDENCE, SECRET_PLAN, SECRET_CHECKIN, SECRET_DIAGNOSIS, SECRET_DECISION, SECRET_LEARNED,
  SECRET_WILL, SECRET_LEARNED2, SECRET_TITLE];
// what must never be logged: added as they are made (a webhook's secrets, a token)
const NEVER = [...LATER];

// no private text in the API's rows nor in the page's CSV export
async function noneLeaks(what) {
  const api = await as('ann@acme.test').get('/api/v1/audit?limit=500');
  assert.equal(api.status, 200);
  const csv = await (await web('ann@acme.test')).get('/admin/audit?format=csv');
  assert.equal(csv.status, 200);
  for (const s of NEVER) {
    assert.ok(!api.text.includes(s), `${what}: the API shows "${s}"`);
    assert.ok(!csv.text.includes(s), `${what}: the CSV export shows "${s}"`);
  }
}

test('assessments: a round opened and closed, a manager\'s form scored and submitted, evidence never', async () => {
  const { max, rita } = ctx.ids;
  const maxApi = as('max@acme.test');
  let res = await maxApi.post('/api/v1/assessment-rounds', { name: 'Audit round', due_on: '2026-12-20', rep_id: rita });
  assert.equal(res.status, 201, res.text);
  const round = res.json.id;
  let r = await newest('round', round);
  assert.equal(r.action, 'create');
  assert.equal(r.who.id, max);
  assert.deepEqual(r.before, {});
  assert.equal(r.after.name, 'Audit round');
  assert.equal(r.after.rep, 'Rita Rep');
  assert.equal(r.after.status, 'open');
  assert.equal(r.after.forms, '2');

  // the manager's form: every trait scored, one 5 with evidence, submitted
  res = await maxApi.get(`/api/v1/assessments?round=${round}`);
  assert.equal(res.status, 200, res.text);
  const form = listOf(res.json, 'items').find((x) => x.rater_kind === 'manager' && x.round_id === round);
  assert.ok(form, res.text.slice(0, 500));
  const traits = listOf((await maxApi.get('/api/v1/traits')).json, 'items').map((t) => t.id);
  assert.ok(traits.length >= 5);
  const scores = traits.map((t, i) => (i === 0 ? { trait_id: t, score: 5, evidence: SECRET_EVIDENCE }
    : { trait_id: t, score: 4 }));
  res = await maxApi.send('PUT', `/api/v1/assessments/${form.id}/scores`, { scores });
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('assessment', form.id);
  assert.equal(r.action, 'scores');
  assert.equal(r.who.id, max);
  assert.equal(r.after.scores, String(traits.length));
  assert.equal(r.after.evidence, '(private)');
  res = await maxApi.post(`/api/v1/assessments/${form.id}/submit`, {});
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('assessment', form.id);
  assert.equal(r.action, 'submit');
  assert.deepEqual(r.before, { status: 'draft' });
  assert.deepEqual(r.after, { status: 'submitted' });
  const rows = await audit(`?kind=assessment&object=${form.id}`);
  assert.deepEqual(rows.map((x) => x.action), ['submit', 'scores']);

  res = await maxApi.post(`/api/v1/assessment-rounds/${round}/close`, {});
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('round', round);
  assert.equal(r.action, 'close');
  assert.deepEqual(r.before, { status: 'open' });
  assert.deepEqual(r.after, { status: 'closed' });
  // the kind in the page's filter, by its name
  const page = await (await web('ann@acme.test')).page(`/admin/audit?kind=round&object=${round}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<option value="round" selected>Assessment round<\/option>/);
  assert.match(textOf(page.text), /Matching changes: 2\./);
  await noneLeaks('assessment');
});

test('a development plan, its goal and check-in; an improvement plan\'s decision', async () => {
  const { rita } = ctx.ids;
  const maxApi = as('max@acme.test');
  let res = await maxApi.post('/api/v1/plans', { rep_id: rita, title: SECRET_PLAN, period_start: '2026-11-01',
    period_end: '2027-01-31' });
  assert.equal(res.status, 201, res.text);
  const plan = res.json.id;
  let r = await newest('plan', plan);
  assert.equal(r.action, 'create');
  assert.equal(r.after.rep, 'Rita Rep');
  // the title is the rep's and their manager's: changed, never its words
  assert.equal(r.after.title, '(private)');
  res = await maxApi.post(`/api/v1/plans/${plan}/goals`, { kind: 'achievement', title: 'Audit goal' });
  assert.equal(res.status, 201, res.text);
  const goal = res.json.id;
  r = await newest('plan', plan);
  assert.equal(r.action, 'goal');
  assert.deepEqual(r.before, { goals: '0' });
  assert.deepEqual(r.after, { goals: '1' });
  res = await maxApi.send('PATCH', `/api/v1/plans/${plan}/goals/${goal}`, { status: 'done' });
  assert.equal(res.status, 200, res.text);
  r = await newest('plan', plan);
  assert.equal(r.action, 'goal');
  assert.deepEqual(r.before, { goals_done: '0' });
  assert.deepEqual(r.after, { goals_done: '1' });
  res = await as('rita@acme.test').post(`/api/v1/plans/${plan}/checkins`, { note: SECRET_CHECKIN });
  assert.equal(res.status, 201, res.text);
  r = await newest('plan', plan);
  assert.equal(r.action, 'check-in');
  assert.equal(r.who.id, rita);
  // the note: that it changed, never from what to what
  assert.deepEqual(r.before, { checkins: '0', checkin_note: '(private)' });
  assert.deepEqual(r.after, { checkins: '1', checkin_note: '(private)' });

  res = await maxApi.post('/api/v1/improvement-plans', { rep_id: rita, diagnosis: 'skill',
    diagnosis_notes: SECRET_DIAGNOSIS, plan_start: '2026-11-01', plan_end: '2026-11-24' });
  assert.equal(res.status, 201, res.text);
  const ip = res.json.id;
  r = await newest('improvement', ip);
  assert.equal(r.action, 'create');
  assert.equal(r.after.diagnosis, 'skill');
  assert.equal(r.after.diagnosis_notes, '(private)');
  res = await maxApi.post(`/api/v1/improvement-plans/${ip}/decide`, { decision: 'improved', note: SECRET_DECISION });
  assert.equal(res.status, 200, res.text);
  r = await newest('improvement', ip);
  assert.equal(r.action, 'decision');
  assert.ok(!r.before.decision, JSON.stringify(r.before));
  assert.equal(r.before.status, 'open');
  assert.equal(r.after.status, 'closed');
  assert.equal(r.after.decision, 'improved');
  assert.equal(r.after.decided_on, '2026-11-25');
  assert.equal(r.after.decision_note, '(private)');
  assert.ok(!('diagnosis_notes' in r.after), JSON.stringify(r.after));
  await noneLeaks('plans');
});

test('a team\'s manager changed by the admin; a deal moved a stage and lost', async () => {
  const { ann, rita, south } = ctx.ids;
  const annWeb = await web('ann@acme.test');
  const page = await annWeb.page(`/admin/teams/${south}`);
  assert.equal(page.status, 200);
  let res = await annWeb.postForm(`/admin/teams/${south}`, { csrf_token: annWeb.csrf, name: 'South',
    manager_id: String(ctx.ids.max), territory: 'Zuid', segment: 'Enterprise' });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  let r = await newest('team', south);
  assert.equal(r.action, 'update');
  assert.equal(r.who.id, ann);
  assert.deepEqual(r.before, { manager: 'Mia Manager' });
  assert.deepEqual(r.after, { manager: 'Max Manager' });

  const ritaApi = as('rita@acme.test');
  const stages = listOf((await ritaApi.get('/api/v1/stages')).json, 'items').filter((x) => x.kind === 'open');
  assert.ok(stages.length >= 2);
  res = await ritaApi.post('/api/v1/deals', { title: 'Audit lost deal', account_name: 'Audit Account', value_minor: 50000,
    currency: 'EUR', stage_id: stages[0].id });
  assert.equal(res.status, 201, res.text);
  const deal = res.json.id;
  res = await ritaApi.send('PATCH', `/api/v1/deals/${deal}`, { stage_id: stages[1].id });
  assert.equal(res.status, 200, res.text);
  r = await newest('deal', deal);
  assert.equal(r.action, 'update');
  assert.deepEqual(r.before, { stage: stages[0].name });
  assert.deepEqual(r.after, { stage: stages[1].name });
  const reason = listOf((await ritaApi.get('/api/v1/reasons')).json, 'items')[0];
  res = await ritaApi.send('PATCH', `/api/v1/deals/${deal}`, { status: 'lost', lost_reason: reason.code });
  assert.equal(res.status, 200, res.text);
  r = await newest('deal', deal);
  assert.equal(r.action, 'lost');
  assert.equal(r.before.status, 'open');
  assert.equal(r.after.status, 'lost');
  assert.equal(r.after.lost_reason, reason.code);
  assert.equal(r.after.closed_on, '2026-11-25');
});

test('a learning activity: its reflections and title as changed only, in the API and the CSV export', async () => {
  const { rita } = ctx.ids;
  const ritaApi = as('rita@acme.test');
  let res = await ritaApi.post('/api/v1/learning', { kind: 'book', title: SECRET_TITLE, done_on: '2026-11-20',
    minutes: 90, learned: SECRET_LEARNED, will_change: SECRET_WILL });
  assert.equal(res.status, 201, res.text);
  const act = res.json.id;
  let r = await newest('learning', act);
  assert.equal(r.action, 'create');
  assert.equal(r.who.id, rita);
  assert.equal(r.after.kind, 'book');
  assert.equal(r.after.minutes, '90');
  assert.equal(r.after.title, '(private)');
  assert.equal(r.after.learned, '(private)');
  assert.equal(r.after.will_change, '(private)');
  res = await ritaApi.send('PATCH', `/api/v1/learning/${act}`, { learned: SECRET_LEARNED2 });
  assert.equal(res.status, 200, res.text);
  r = await newest('learning', act);
  assert.equal(r.action, 'update');
  assert.deepEqual(r.before, { learned: '(private)' });
  assert.deepEqual(r.after, { learned: '(private)' });
  // on the page: "changed", and in Dutch the kind's label
  const annWeb = await web('ann@acme.test');
  const page = await annWeb.page(`/admin/audit?kind=learning&object=${act}`);
  assert.match(textOf(page.text), /what was learned changed/);
  await noneLeaks('learning');
});

test('a webhook and an API token: made, changed, revoked, never the secret or the token; a trait edited', async () => {
  const { ann, max } = ctx.ids;
  const annApi = as('ann@acme.test');
  let res = await annApi.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/audit-hook', events: ['deal.won'] });
  assert.equal(res.status, 201, res.text);
  const hook = res.json.id;
  assert.match(res.json.secret, /^whsec_/);
  NEVER.push(res.json.secret);
  let r = await newest('webhook', hook);
  assert.equal(r.action, 'create');
  assert.equal(r.who.id, ann);
  assert.deepEqual(r.after, { url: 'http://127.0.0.1:9/audit-hook', events: ',deal.won,', enabled: '1',
    secret: '(private)' });
  res = await annApi.send('PATCH', `/api/v1/webhooks/${hook}`, { enabled: false });
  assert.equal(res.status, 200, res.text);
  r = await newest('webhook', hook);
  assert.deepEqual(r.before, { enabled: '1' });
  assert.deepEqual(r.after, { enabled: '0' });
  // a new secret, on the page
  const annWeb = await web('ann@acme.test');
  const page = await annWeb.page(`/admin/webhooks/${hook}`);
  res = await annWeb.postForm(`/admin/webhooks/${hook}`, { csrf_token: page.csrf, action: 'secret' });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  NEVER.push((await annApi.get(`/api/v1/webhooks/${hook}`)).json.secret);
  r = await newest('webhook', hook);
  assert.deepEqual(r.before, { secret: '(private)' });
  assert.deepEqual(r.after, { secret: '(private)' });
  res = await annApi.send('DELETE', `/api/v1/webhooks/${hook}`);
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('webhook', hook);
  assert.equal(r.action, 'delete');
  assert.equal(r.before.url, 'http://127.0.0.1:9/audit-hook');
  assert.deepEqual(r.after, {});

  // a token made on the command line, revoked by its owner through the API
  const tok = createToken(ctx.db, 'acme', 'max@acme.test');
  NEVER.push(tok, tok.split('.')[1]);
  r = await newest('token');
  assert.equal(r.action, 'create');
  assert.equal(r.who.via, 'cli');
  assert.equal(r.after.person, 'Max Manager');
  const maxApi = apiClient(ctx.base, tok);
  const mine = listOf((await maxApi.get('/api/v1/tokens')).json, 'items').find((x) => x.id === r.object_id);
  assert.ok(mine, 'the new token is listed');
  res = await maxApi.send('DELETE', `/api/v1/tokens/${r.object_id}`);
  assert.ok([200, 204].includes(res.status), res.text);
  r = await newest('token', r.object_id);
  assert.equal(r.action, 'revoke');
  assert.equal(r.who.id, max);
  assert.deepEqual(r.before, { revoked: '0' });
  assert.deepEqual(r.after, { revoked: '1' });
  await noneLeaks('webhook and token');

  // a trait's definition changed on the admin page
  const trait = listOf((await annApi.get('/api/v1/traits')).json, 'items')[0];
  const annWeb2 = await web('ann@acme.test');
  res = await annWeb2.postForm(`/admin/traits/${trait.id}`, { csrf_token: annWeb2.csrf, name: trait.name,
    definition: 'Audit definition 3b', anchor1: 'a', anchor3: 'b', anchor5: 'c' });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  r = await newest('trait', trait.id);
  assert.equal(r.action, 'update');
  assert.equal(r.who.id, ann);
  assert.equal(r.after.definition, 'Audit definition 3b');
  assert.equal(r.after.anchor5, 'c');
  assert.ok(!('name' in r.after), JSON.stringify(r.after));
});

testCleanStop(ctx);
