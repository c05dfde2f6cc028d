// candidate-data: candidates' data (issue 11) end to end, with the server's
// clock pinned to 2026-11-25 — a retention date in the past refused (page
// and API, naming the field, what was typed kept); a duplicate e-mail: the
// page's merge prompt with a link to the existing candidate, the API's 409
// with its id, and "add anyway"; `salesgarden candidates anonymise` with
// SALESGARDEN_TODAY pinned anonymises exactly the due candidates and keeps
// their rows; an admin's export holds the scorecards with their evidence;
// erasing removes every row about the candidate; managers, the invited
// interviewer (403), other reps and the other organisation (404) do neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, createToken, apiClient, unescapeHtml, sqlExec, sg } from './lib.mjs';

const TODAY = '2026-11-25';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

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
const sql = (q) => sqlExec(ctx.db, q).trim();

async function addCandidate(fields) {
  const r = await as('max@acme.test').post('/api/v1/candidates', { source: 'referral', ...fields });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

// a conversation (a step, then a stop with its note), Rita invited, and an
// interview with Rita's submitted scorecard: score 4 with its evidence
async function fill(id, evidence) {
  let r = await as('max@acme.test').post(`/api/v1/candidates/${id}/conversations`, {
    kind: 'call', date: '2026-11-20', notes: `Talk notes ${id}`, outcome: 'step', step_what: 'Sends CV',
    step_due: '2026-12-01', step_who: 'Candidate',
  });
  assert.equal(r.status, 201, r.text);
  r = await post('max@acme.test', `/recruiting/candidates/${id}/invitations`, { user_id: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const org = ctx.ids.acme;
  sql(`INSERT INTO interviews (org_id, candidate_id, held_on, kind, created_by, created_at) VALUES (${org}, ${id}, '2026-11-21', 'interview', ${ctx.ids.max}, 1)`);
  const iv = sql(`SELECT max(id) FROM interviews WHERE org_id = ${org} AND candidate_id = ${id}`);
  sql(`INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, status, recommendation, submitted_at, created_at) VALUES (${org}, ${iv}, ${id}, ${ctx.ids.rita}, 'submitted', 'yes', 2, 1)`);
  const sc = sql(`SELECT max(id) FROM scorecards WHERE org_id = ${org} AND candidate_id = ${id}`);
  const trait = sql(`SELECT min(id) FROM traits WHERE org_id = ${org}`);
  sql(`INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) VALUES (${org}, ${sc}, ${trait}, 4, '${evidence}')`);
}

test('a retention date in the past is refused, naming the field; nothing stored, what was typed kept', async () => {
  const before = sql('SELECT count(*) FROM candidates');
  const r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Past Retention', source: 'event', retain_until: '2026-11-24' });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'retain_until');
  assert.match(r.json.message, /cannot be in the past/);
  const p = await post('max@acme.test', '/recruiting/candidates', { name: 'Past Retention', source: 'event', retain_until: '2026-11-24' });
  assert.equal(p.status, 400);
  assert.match(textOf(p.text), /The date until which the data is kept cannot be in the past\./);
  assert.match(p.text, /name="name"[^>]*value="Past Retention"|value="Past Retention"[^>]*name="name"/);
  assert.equal(sql('SELECT count(*) FROM candidates'), before);
});

test('a duplicate e-mail: the page prompts to open the existing one or add anyway; the API answers 409 with its id', async () => {
  const first = await addCandidate({ name: 'Dora Dup', email: 'dora.dup@example.test' });
  const before = sql(`SELECT count(*) FROM candidates WHERE org_id = ${ctx.ids.acme}`);
  // the API, with the e-mail in other capitals
  let r = await as('mia@acme.test').post('/api/v1/candidates', { name: 'Dora D.', source: 'event', email: 'Dora.Dup@Example.TEST' });
  assert.equal(r.status, 409, r.text);
  assert.equal(r.json.existing_id, first);
  assert.equal(r.json.field, 'email');
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE org_id = ${ctx.ids.acme}`), before);
  // the page: the prompt, a link to the existing one, the form keeps what was typed
  const p = await post('max@acme.test', '/recruiting/candidates', { name: 'Dora Again', source: 'event', email: 'dora.dup@example.test', company: 'Typed Co' });
  assert.equal(p.status, 409);
  const t = textOf(p.text);
  assert.match(t, /A candidate with this e-mail exists: Dora Dup ?\. Open it, or add anyway\?/);
  assert.match(p.text, new RegExp(`href="/recruiting/candidates/${first}"`));
  assert.match(p.text, /value="Dora Again"/);
  assert.match(p.text, /value="Typed Co"/);
  assert.match(p.text, /name="add_anyway" value="yes"/);
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE org_id = ${ctx.ids.acme}`), before);
  // another organisation's candidate with that e-mail is no duplicate
  const beta = await as('bea@beta.test').post('/api/v1/candidates', { name: 'Dora Beta', source: 'event', email: 'dora.dup@example.test' });
  assert.equal(beta.status, 201, beta.text);
  // add anyway: page and API
  const again = await post('max@acme.test', '/recruiting/candidates', { name: 'Dora Again', source: 'event', email: 'dora.dup@example.test', add_anyway: 'yes' });
  assert.equal(again.status, 303, again.text.slice(0, 300));
  r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Dora Third', source: 'event', email: 'dora.dup@example.test', add_anyway: 'yes' });
  assert.equal(r.status, 201, r.text);
  assert.equal(Number(sql(`SELECT count(*) FROM candidates WHERE org_id = ${ctx.ids.acme}`)), Number(before) + 2);
});

test('`salesgarden candidates anonymise` anonymises exactly the candidates past their retention date', async () => {
  const due1 = await addCandidate({ name: 'Ada Due', email: 'ada.due@example.test', phone: '+31 1', job_title: 'AM', company: 'Globex', tags: 'x', notes: 'Ada private notes' });
  const due2 = await addCandidate({ name: 'Bo Due', email: 'bo.due@example.test' });
  const today = await addCandidate({ name: 'Cy Today', email: 'cy.today@example.test' });
  const later = await addCandidate({ name: 'Di Later', email: 'di.later@example.test' });
  await fill(due1, 'Ada evidence 51x');
  const stop = await as('max@acme.test').post(`/api/v1/candidates/${due1}/conversations`, {
    kind: 'call', date: '2026-11-22', notes: 'Stop talk', outcome: 'stop', stop_reason: 'pay', stop_note: 'Ada stop note', open_step: 'kept',
  });
  assert.equal(stop.status, 201, stop.text);
  // set the dates by hand: the day before today is due, today itself is kept
  sql(`UPDATE candidates SET retain_until = '2026-11-24' WHERE id IN (${due1}, ${due2})`);
  sql(`UPDATE candidates SET retain_until = '${TODAY}' WHERE id = ${today}`);
  sql(`UPDATE candidates SET retain_until = '2027-01-01' WHERE id = ${later}`);
  const convs = sql(`SELECT count(*) FROM candidate_conversations WHERE candidate_id = ${due1}`);
  const r = sg(['candidates', 'anonymise', '--org', 'acme'], { db: ctx.db, env: { SALESGARDEN_TODAY: TODAY } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^2 candidates past the retention date anonymised/);
  const a = await as('ann@acme.test').get(`/api/v1/candidates/${due1}`);
  assert.equal(a.status, 200);
  assert.equal(a.json.name, `Anonymised candidate #${due1}`);
  assert.equal(a.json.email, '');
  assert.equal(a.json.company, '');
  assert.equal(a.json.source, 'referral', 'the source stays for the funnel');
  assert.equal(sql(`SELECT name FROM candidates WHERE id = ${due2}`), `Anonymised candidate #${due2}`);
  assert.equal(sql(`SELECT name FROM candidates WHERE id = ${today}`), 'Cy Today');
  assert.equal(sql(`SELECT name FROM candidates WHERE id = ${later}`), 'Di Later');
  // the rows stay, their text goes
  assert.equal(sql(`SELECT count(*) FROM candidate_conversations WHERE candidate_id = ${due1}`), convs);
  assert.equal(sql(`SELECT stop_reason || '|' || stop_note FROM candidate_conversations WHERE candidate_id = ${due1} AND outcome = 'stop'`), 'pay|');
  assert.equal(sql(`SELECT x.score || '|' || x.evidence FROM scorecard_scores x JOIN scorecards s ON s.id = x.scorecard_id WHERE s.candidate_id = ${due1}`), '4|');
  // none of the text anywhere on the admin's page
  const page = await (await web('ann@acme.test')).get(`/recruiting/candidates/${due1}`);
  for (const secret of ['Ada Due', 'ada.due@example.test', 'Ada private notes', 'Talk notes', 'Ada stop note'])
    assert.ok(!page.text.includes(secret), `no ${secret}`);
  // one audit row each, without content
  assert.equal(sql(`SELECT count(*) FROM audit_log WHERE kind = 'candidate' AND action = 'anonymise' AND object_id IN (${due1}, ${due2}) AND before_json = '{}' AND after_json = '{}'`), '2');
  // once only
  const again = sg(['candidates', 'anonymise'], { db: ctx.db, env: { SALESGARDEN_TODAY: TODAY } });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^0 candidates past the retention date anonymised/);
});

test('an admin exports everything held about a candidate, scorecards and evidence included; nobody else does', async () => {
  const id = await addCandidate({ name: 'Eva Export', email: 'eva.export@example.test', notes: 'Eva notes' });
  await fill(id, 'Eva evidence 77q');
  let r = await as('ann@acme.test').get(`/api/v1/candidates/${id}/export`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.candidate.email, 'eva.export@example.test');
  assert.equal(r.json.candidate.notes, 'Eva notes');
  assert.equal(r.json.conversations.length, 1);
  assert.equal(r.json.conversations[0].notes, `Talk notes ${id}`);
  assert.equal(r.json.steps.length, 1);
  assert.equal(r.json.invitations[0].user, 'Rita Rep');
  assert.equal(r.json.interviews.length, 1);
  assert.equal(r.json.scorecards.length, 1);
  assert.equal(r.json.scorecards[0].recommendation, 'yes');
  assert.equal(r.json.scorecards[0].scores[0].score, 4);
  assert.equal(r.json.scorecards[0].scores[0].evidence, 'Eva evidence 77q');
  const file = await (await web('ann@acme.test')).get(`/recruiting/candidates/${id}/export.json`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition'), new RegExp(`attachment; filename="candidate-${id}.json"`));
  assert.equal(JSON.parse(file.text).scorecards[0].scores[0].evidence, 'Eva evidence 77q');
  // the admin's candidate page links to both
  const page = await (await web('ann@acme.test')).get(`/recruiting/candidates/${id}`);
  assert.match(page.text, new RegExp(`href="/recruiting/candidates/${id}/export.json"`));
  assert.match(page.text, new RegExp(`href="/recruiting/candidates/${id}/erase"`));
  const mgrPage = await (await web('max@acme.test')).get(`/recruiting/candidates/${id}`);
  assert.doesNotMatch(mgrPage.text, /export\.json/);
  // the managers and the invited interviewer 403; the rest 404
  for (const [email, status] of [['max@acme.test', 403], ['mia@acme.test', 403], ['rita@acme.test', 403],
    ['rob@acme.test', 404], ['bea@beta.test', 404], ['ben@beta.test', 404]]) {
    r = await as(email).get(`/api/v1/candidates/${id}/export`);
    assert.equal(r.status, status, `${email} API`);
    assert.ok(!r.text.includes('Eva evidence'), email);
    const p = await (await web(email)).get(`/recruiting/candidates/${id}/export.json`);
    assert.equal(p.status, status, `${email} page`);
    assert.ok(!p.text.includes('Eva evidence'), email);
  }
});

test('an admin erases a candidate on request: every row about them gone; others cannot', async () => {
  const id = await addCandidate({ name: 'Finn Erase', email: 'finn.erase@example.test' });
  const other = await addCandidate({ name: 'Gus Stays', email: 'gus.stays@example.test' });
  await fill(id, 'Finn evidence');
  await fill(other, 'Gus evidence');
  // nobody but the admin
  for (const [email, status] of [['max@acme.test', 403], ['rita@acme.test', 403], ['rob@acme.test', 404], ['bea@beta.test', 404]]) {
    const r = await post(email, `/recruiting/candidates/${id}/erase`, { confirm: 'yes' });
    assert.equal(r.status, status, email);
    const a = await as(email).post(`/api/v1/candidates/${id}/erase`, { confirm: 'yes' });
    assert.equal(a.status, status, `${email} API`);
  }
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE id = ${id}`), '1');
  // the confirmation form; without the box ticked nothing is erased
  const form = await (await web('ann@acme.test')).get(`/recruiting/candidates/${id}/erase`);
  assert.equal(form.status, 200);
  assert.match(textOf(form.text), /Yes, erase Finn Erase and every row about them\./);
  let r = await post('ann@acme.test', `/recruiting/candidates/${id}/erase`, {});
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Nothing was erased\. Tick the box to confirm\./);
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE id = ${id}`), '1');
  r = await post('ann@acme.test', `/recruiting/candidates/${id}/erase`, { confirm: 'yes' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, '/recruiting?ok=erased');
  const pool = await (await web('ann@acme.test')).get('/recruiting?ok=erased');
  assert.match(textOf(pool.text), /The candidate and everything held about them are erased\./);
  assert.equal((await (await web('ann@acme.test')).get(`/recruiting/candidates/${id}`)).status, 404);
  assert.equal((await as('ann@acme.test').get(`/api/v1/candidates/${id}`)).status, 404);
  for (const t of ['candidate_conversations', 'candidate_steps', 'candidate_invitations', 'interviews', 'scorecards']) {
    assert.equal(sql(`SELECT count(*) FROM ${t} WHERE candidate_id = ${id}`), '0', t);
    assert.ok(Number(sql(`SELECT count(*) FROM ${t} WHERE candidate_id = ${other}`)) > 0, `${t}: the other candidate's rows stay`);
  }
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE id = ${id}`), '0');
  assert.equal(sql("SELECT count(*) FROM scorecard_scores WHERE evidence = 'Finn evidence'"), '0');
  assert.equal(sql(`SELECT action || before_json || after_json FROM audit_log WHERE kind = 'candidate' AND object_id = ${id}`), 'erase{}{}');
  // the API: a confirmation needed, then 200
  r = await as('ann@acme.test').post(`/api/v1/candidates/${other}/erase`, {});
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'confirm');
  r = await as('ann@acme.test').post(`/api/v1/candidates/${other}/erase`, { confirm: 'yes' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.erased, other);
  assert.equal(sql(`SELECT count(*) FROM candidates WHERE id = ${other}`), '0');
  assert.equal((await as('ann@acme.test').post(`/api/v1/candidates/${other}/erase`, { confirm: 'yes' })).status, 404);
});
