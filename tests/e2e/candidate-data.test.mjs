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

test('a candidate edited with a retention date in the past is refused, naming the field; nothing lost', async () => {
  const id = await addCandidate({ name: 'Pat Patch', email: 'pat.patch@example.test', notes: 'Pat notes' });
  let r = await as('max@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { retain_until: '2026-11-24', company: 'Lost Co' });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'retain_until');
  assert.equal(sql(`SELECT company || '|' || retain_until FROM candidates WHERE id = ${id}`), '|2027-11-25');
  r = await as('max@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { retain_until: '2027-03-01', company: 'Kept Co' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.retain_until, '2027-03-01');
  assert.equal(r.json.company, 'Kept Co');
  assert.equal(r.json.notes, 'Pat notes', 'what is not sent stays');
  // a retention date already past is no reason to refuse another change
  sql(`UPDATE candidates SET retain_until = '2026-11-01' WHERE id = ${id}`);
  r = await as('max@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { job_title: 'Seller' });
  assert.equal(r.status, 200, r.text);
  sql(`UPDATE candidates SET retain_until = '2027-03-01' WHERE id = ${id}`);
  // an invited interviewer 403; a rep not invited and the other organisation 404
  await post('max@acme.test', `/recruiting/candidates/${id}/invitations`, { user_id: String(ctx.ids.rita) });
  assert.equal((await as('rita@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { company: 'x' })).status, 403);
  assert.equal((await as('rob@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { company: 'x' })).status, 404);
  assert.equal((await as('bea@beta.test').send('PATCH', `/api/v1/candidates/${id}`, { company: 'x' })).status, 404);
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
  // in Dutch, the anonymised name is Dutch too
  const nl = await ctx.signIn('ann@acme.test');
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'nl' });
  const nlPage = textOf((await nl.get(`/recruiting/candidates/${due1}`)).text);
  assert.match(nlPage, new RegExp(`Geanonimiseerde kandidaat #${due1}`));
  assert.doesNotMatch(nlPage, /Anonymised candidate/);
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'en' });
  // an anonymised candidate is not edited: no Edit link; the form, its post
  // and the API's PATCH answer 409 saying why, and the stored name stays
  assert.doesNotMatch(page.text, /data-edit/);
  const form = await (await web('ann@acme.test')).get(`/recruiting/candidates/${due1}/edit`);
  assert.equal(form.status, 409);
  assert.match(textOf(form.text), /This candidate was anonymised: what was held about them is gone/);
  const posted = await post('ann@acme.test', `/recruiting/candidates/${due1}/edit`, {
    name: `Anonymised candidate #${due1}`, email: '', source: 'referral' });
  assert.equal(posted.status, 409);
  const patched = await as('ann@acme.test').send('PATCH', `/api/v1/candidates/${due1}`, { notes: 'Back again' });
  assert.equal(patched.status, 409);
  assert.equal(patched.json.error, 'CONFLICT');
  assert.match(patched.json.message, /anonymised/);
  assert.equal(sql(`SELECT name || '|' || notes FROM candidates WHERE id = ${due1}`), `Anonymised candidate #${due1}|`);
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'nl' });
  const nlForm = await nl.get(`/recruiting/candidates/${due1}/edit`);
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'en' });
  assert.equal(nlForm.status, 409);
  assert.match(textOf(nlForm.text), /Deze kandidaat is geanonimiseerd/, 'the refusal is in Dutch');
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

test('the recruiting figures: funnel, conversion, time to hire, stops, sources and the warm pool, recomputed from the raw lists', async () => {
  const maxApi = as('max@acme.test');
  let r = await maxApi.post('/api/v1/vacancies', { title: 'Figures vacancy North', team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  const vac = r.json.id;
  const stages = r.json.stages;	// first talk, interview, ride along, offer, hired, declined
  const funnelStages = stages.filter((s) => s.kind !== 'declined');
  const hiredStage = stages.find((s) => s.kind === 'hired');
  const declinedStage = stages.find((s) => s.kind === 'declined');
  // nine candidates in the vacancy: 3 at the first stage, 2 at the second, 1
  // at the fourth, 2 hired, 1 declined; sources referral ×4, linkedin ×3, agency ×2
  const plan = [
    [0, 'referral'], [0, 'linkedin'], [0, 'agency'], [1, 'referral'], [1, 'linkedin'], [3, 'linkedin'],
    ['hired', 'referral'], ['hired', 'agency'], ['declined', 'referral'],
  ];
  const ids = [];
  for (const [i, [at, source]] of plan.entries()) {
    const id = await addCandidate({ name: `Figures ${i}`, source });
    const stage = at === 'hired' ? hiredStage : at === 'declined' ? declinedStage : funnelStages[at];
    sql(`UPDATE candidates SET vacancy_id = ${vac}, stage_id = ${stage.id}, created_on = '2026-10-01' WHERE id = ${id}`);
    ids.push(id);
  }
  // hires: 14 and 40 days after being added; and one more, hired from the
  // pool 80 days after being added
  sql(`UPDATE candidates SET hired_on = '2026-10-15' WHERE id = ${ids[6]}`);
  sql(`UPDATE candidates SET hired_on = '2026-11-10' WHERE id = ${ids[7]}`);
  const poolHire = await addCandidate({ name: 'Figures pool hire', source: 'event' });
  sql(`UPDATE candidates SET created_on = '2026-09-01', hired_on = '2026-11-20' WHERE id = ${poolHire}`);
  // stops: pay twice, timing once (held in the period); a warm pool candidate
  for (const [i, reason] of [[0, 'pay'], [1, 'pay'], [2, 'timing']]) {
    r = await maxApi.post(`/api/v1/candidates/${ids[i]}/conversations`, { kind: 'call', date: '2026-11-24', outcome: 'stop', stop_reason: reason });
    assert.equal(r.status, 201, r.text);
  }
  const warm = await addCandidate({ name: 'Figures warm', source: 'event' });
  r = await maxApi.post(`/api/v1/candidates/${warm}/conversations`, { kind: 'call', date: '2026-11-01', outcome: 'step', step_what: 'Coffee', step_due: '2026-12-10', step_who: 'Max' });
  assert.equal(r.status, 201, r.text);

  // one vacancy: the funnel recomputed from the candidates' list
  r = await maxApi.get(`/api/v1/recruiting-figures?vacancy=${vac}`);
  assert.equal(r.status, 200, r.text);
  const fig = r.json;
  assert.equal(fig.today, TODAY);
  assert.equal(fig.since, '2025-11-25');
  const list = (await maxApi.get(`/api/v1/candidates?limit=500`)).json.items.filter((c) => c.vacancy?.id === vac);
  assert.equal(list.length, 9);
  const at = funnelStages.map((s) => list.filter((c) => c.stage?.id === s.id).length);
  const declined = list.filter((c) => c.stage?.id === declinedStage.id).length;
  const reached = at.map((_, k) => at.slice(k).reduce((a, b) => a + b, 0) + (k === 0 ? declined : 0));
  assert.deepEqual(at, [3, 2, 0, 1, 2]);
  assert.deepEqual(reached, [9, 5, 3, 3, 2]);
  assert.deepEqual(fig.funnel.map((s) => s.at), at);
  assert.deepEqual(fig.funnel.map((s) => s.reached), reached);
  assert.equal(fig.declined, 1);
  // conversion: reached k+1 / reached k; none after the last stage
  const conv = reached.map((n, k) => (k + 1 < reached.length ? reached[k + 1] / n : null));
  fig.funnel.forEach((s, k) => {
    if (conv[k] === null) assert.equal(s.conversion_to_next, null);
    else assert.ok(Math.abs(s.conversion_to_next - conv[k]) < 1e-9, `${s.name}: ${s.conversion_to_next} vs ${conv[k]}`);
  });
  assert.deepEqual(fig.vacancies.map((v) => [v.title, v.candidates, v.hired]), [['Figures vacancy North', 9, 2]]);
  // time to hire in the vacancy: 14 and 40 days
  assert.deepEqual(fig.hires.map((h) => h.days), [14, 40]);
  assert.equal(fig.time_to_hire.n, 2);
  assert.equal(fig.time_to_hire.median_days, 27);
  assert.equal(fig.time_to_hire.mean_days, 27);
  assert.deepEqual(fig.stop_reasons, [{ reason: 'pay', count: 2 }, { reason: 'timing', count: 1 }]);

  // every vacancy and the pool: three hires (14, 40, 80 days); the sources
  // recomputed from the list (added in the period; hired = at the hired stage, or a hire recorded)
  r = await maxApi.get('/api/v1/recruiting-figures');
  assert.equal(r.status, 200, r.text);
  const all = r.json;
  const days = all.hires.map((h) => h.days).sort((a, b) => a - b);
  assert.deepEqual(days, [14, 40, 80]);
  assert.equal(all.time_to_hire.median_days, 40);
  assert.ok(Math.abs(all.time_to_hire.mean_days - 134 / 3) < 1e-9);
  const items = (await maxApi.get('/api/v1/candidates?limit=500')).json.items.filter((c) => c.created_on >= all.since);
  const hiredIds = new Set([...items.filter((c) => c.stage?.id === hiredStage.id).map((c) => c.id), poolHire]);
  const bySource = {};
  for (const c of items) {
    bySource[c.source] ??= { source: c.source, candidates: 0, hired: 0 };
    bySource[c.source].candidates++;
    if (hiredIds.has(c.id)) bySource[c.source].hired++;
  }
  assert.deepEqual(all.sources, Object.values(bySource).sort((a, b) => a.source.localeCompare(b.source)));
  // the warm pool: pool candidates with a conversation since 90 days ago
  assert.equal(all.warm_pool.since, '2026-08-27');
  const pool = (await maxApi.get('/api/v1/candidates?limit=500')).json.items.filter((c) => !c.vacancy && c.last_contact && c.last_contact >= all.warm_pool.since);
  assert.equal(all.warm_pool.count, pool.length);
  assert.ok(pool.some((c) => c.id === warm));

  // the page: the funnel drawn, the figures in words, the tables downloadable
  const page = await (await web('max@acme.test')).get(`/recruiting/figures?vacancy=${vac}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<svg[^>]*aria-label="Candidates who reached each stage"/);
  const t = textOf(page.text);
  assert.match(t, /Median 27(\.0)? days, mean 27(\.0)? days, over 2 hires\./);
  assert.match(t, /only each candidate's current stage is stored/i);
  assert.match(t, /Not now: timing/);
  // in Dutch: no English left
  const nlc = await ctx.signIn('mia@acme.test');
  await nlc.postForm('/lang', { csrf_token: nlc.csrf, lang: 'nl' });
  const nlt = textOf((await nlc.get('/recruiting/figures')).text);
  assert.match(nlt, /Wervingscijfers/);
  assert.doesNotMatch(nlt, /Candidates per stage|Time to hire|Warm pool|Sources that produce hires|Stop reasons/);
  await nlc.postForm('/lang', { csrf_token: nlc.csrf, lang: 'en' });
  const csv = await (await web('max@acme.test')).get(`/recruiting/figures?vacancy=${vac}&table=funnel&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, new RegExp(`${funnelStages[0].name},3,9`));
  const xlsx = await (await web('ann@acme.test')).get('/recruiting/figures?table=sources&format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  // who sees them: managers and admins; a rep (even invited) 404; Mia not North's vacancy
  for (const [email, p, status] of [['rita@acme.test', '/recruiting/figures', 404], ['rob@acme.test', '/recruiting/figures', 404],
    ['mia@acme.test', `/recruiting/figures?vacancy=${vac}`, 404], ['bea@beta.test', `/recruiting/figures?vacancy=${vac}`, 404],
    ['mia@acme.test', '/recruiting/figures', 200], ['bea@beta.test', '/recruiting/figures', 200]]) {
    assert.equal((await (await web(email)).get(p)).status, status, `${email} ${p}`);
    assert.equal((await as(email).get(p.replace('/recruiting/figures', '/api/v1/recruiting-figures'))).status, status, `${email} API ${p}`);
  }
  const beta = await as('bea@beta.test').get('/api/v1/recruiting-figures');
  assert.equal(beta.json.hires.length, 0, 'nothing of Acme reaches Beta');
});

test('a step agreed with a candidate is on the agenda and in the calendar feed of who logged it, not of others', async () => {
  const id = await addCandidate({ name: 'Hanna Agenda', email: 'hanna.agenda@example.test' });
  const r = await as('max@acme.test').post(`/api/v1/candidates/${id}/conversations`, {
    kind: 'call', date: '2026-11-24', outcome: 'step', step_what: 'Coffee at our office 4k2', step_due: '2026-11-27', step_who: 'Hanna',
  });
  assert.equal(r.status, 201, r.text);
  const agenda = await (await web('max@acme.test')).get('/agenda');
  assert.equal(agenda.status, 200);
  const t = textOf(agenda.text);
  assert.match(t, /Next steps with candidates/);
  assert.match(t, /Coffee at our office 4k2 — Hanna Agenda/);
  assert.match(agenda.text, new RegExp(`href="/recruiting/candidates/${id}"`));
  for (const email of ['mia@acme.test', 'rita@acme.test', 'ann@acme.test'])
    assert.ok(!(await (await web(email)).get('/agenda')).text.includes('Coffee at our office 4k2'), email);
  async function feed(email) {
    const c = await ctx.signIn(email);
    const f = await c.postForm('/account/calendar', { csrf_token: c.csrf });
    const shown = f.status === 303 ? await c.get(f.location) : f;
    const m = /https?:\/\/[^\s"<>]+\/calendar\/([A-Za-z0-9_.-]+)\.ics/.exec(shown.text);
    assert.ok(m, 'a feed address');
    return (await ctx.client().get(`/calendar/${m[1]}.ics`)).text.replace(/\r\n /g, '');
  }
  const maxFeed = await feed('max@acme.test');
  assert.match(maxFeed, /SUMMARY:Coffee at our office 4k2 — Hanna Agenda/);
  assert.match(maxFeed, /DTSTART;VALUE=DATE:20261127/);
  assert.match(maxFeed, new RegExp(`URL:.*/recruiting/candidates/${id}`));
  assert.doesNotMatch(await feed('mia@acme.test'), /Coffee at our office 4k2/);
});

test('a vacancy edited: title, team, territory, dates and status (page and PATCH), a fault names its field, others 404', async () => {
  const maxApi = as('max@acme.test');
  let r = await maxApi.post('/api/v1/vacancies', { title: 'Edit me', team_id: ctx.ids.north, opens_on: '2026-11-01' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  r = await maxApi.send('PATCH', `/api/v1/vacancies/${id}`, { title: 'Account manager North', territory: 'Groningen', target_on: '2027-02-01', status: 'filled' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Account manager North');
  assert.equal(r.json.territory, 'Groningen');
  assert.equal(r.json.target_on, '2027-02-01');
  assert.equal(r.json.opens_on, '2026-11-01', 'what is not sent stays');
  assert.equal(r.json.status, 'filled');
  // faults: 400 naming the field, nothing changed
  for (const [body, field] of [[{ target_on: '2026-10-01' }, 'target_on'], [{ title: '' }, 'title'],
    [{ status: 'paused' }, 'status'], [{ team_id: ctx.ids.south }, 'team_id']]) {
    r = await maxApi.send('PATCH', `/api/v1/vacancies/${id}`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.field, field);
  }
  assert.equal(sql(`SELECT title || '|' || status FROM vacancies WHERE id = ${id}`), 'Account manager North|filled');
  // Mia (South), a rep and the other organisation: 404
  for (const email of ['mia@acme.test', 'rita@acme.test', 'bea@beta.test'])
    assert.equal((await as(email).send('PATCH', `/api/v1/vacancies/${id}`, { title: 'Taken' })).status, 404, email);
  // the page: the form with the values, saved, a fault re-shown with what was typed
  const form = await (await web('max@acme.test')).get(`/recruiting/vacancies/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="Account manager North"/);
  let p = await post('max@acme.test', `/recruiting/vacancies/${id}/edit`, { title: 'AM North', team_id: String(ctx.ids.north), territory: 'Drenthe', opens_on: '2026-11-01', target_on: '2026-10-01', status: 'open' });
  assert.equal(p.status, 400);
  assert.match(textOf(p.text), /The target date cannot be before the opening date\./);
  assert.match(p.text, /value="Drenthe"/);
  p = await post('max@acme.test', `/recruiting/vacancies/${id}/edit`, { title: 'AM North', team_id: String(ctx.ids.north), territory: 'Drenthe', opens_on: '2026-11-01', target_on: '2027-03-01', status: 'open' });
  assert.equal(p.status, 303, p.text.slice(0, 300));
  const shown = textOf((await (await web('max@acme.test')).get(p.location)).text);
  assert.match(shown, /The vacancy is saved\./);
  assert.match(shown, /AM North/);
  assert.match(shown, /Drenthe/);
  assert.equal((await post('mia@acme.test', `/recruiting/vacancies/${id}/edit`, { title: 'x', status: 'open' })).status, 404);
});

test('candidates imported from a CSV file: bad lines reported by line and field; keep the valid rows, or import nothing', async () => {
  const csvText = [
    'Name;E-mail;Phone;Source;Job title;Company;Tags;Notes;Retain until;Salary',
    'Ivo Import;ivo.import@example.test;+31 6 1;LinkedIn;Account manager;Globex;saas;Met online;2027-06-01;100',
    ';nameless@example.test;;referral;;;;;;',
    'Jet Import;jet.import@example.test;;newspaper;;;;;;',
    'Kim Import;kim.import@example.test;;event;;;;;2026-01-01;',
    'Lex Import;lex.import@example.test;;Agency;Seller;Initech;;;;',
  ].join('\n');
  async function upload(email, mode) {
    const c = await web(email);
    const fd = new FormData();
    fd.append('csrf_token', c.csrf);
    fd.append('mode', mode);
    fd.append('file', new Blob([csvText], { type: 'text/csv' }), 'candidates.csv');
    return c.request('POST', '/recruiting/import', { body: fd });
  }
  const count = () => sql(`SELECT count(*) FROM candidates WHERE org_id = ${ctx.ids.acme} AND name LIKE '% Import'`);
  // import nothing: every fault listed by line, nothing stored
  let r = await upload('max@acme.test', 'all');
  assert.equal(r.status, 400);
  let t = textOf(r.text);
  assert.match(t, /Nothing was imported: 3 of 5 rows have a fault\./);
  assert.match(t, /Line 3, name: Enter the candidate's name\./);
  assert.match(t, /Line 4, source: Choose where the candidate comes from/);
  assert.match(t, /Line 5, retain_until: The date until which the data is kept cannot be in the past\./);
  assert.equal(count(), '0');
  // keep the valid rows
  r = await upload('max@acme.test', 'keep');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  t = textOf(r.text);
  assert.match(t, /2 of 5 candidates imported\./);
  assert.match(t, /Line 4, source/);
  assert.equal(count(), '2');
  const ivo = (await as('max@acme.test').get('/api/v1/candidates?q=ivo.import')).json.items[0];
  assert.equal(ivo.source, 'linkedin');
  assert.equal(ivo.job_title, 'Account manager');
  assert.equal(ivo.retain_until, '2027-06-01');
  assert.equal(ivo.notes, 'Met online');
  const lex = (await as('max@acme.test').get('/api/v1/candidates?q=lex.import')).json.items[0];
  assert.equal(lex.retain_until, '2027-11-25', 'empty: 12 months from today');
  // the form, and who may: managers and admins; a rep 404
  const form = await (await web('ann@acme.test')).get('/recruiting/import');
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  assert.equal((await (await web('rita@acme.test')).get('/recruiting/import')).status, 404);
  assert.equal((await upload('rob@acme.test', 'keep')).status, 404);
  assert.equal(count(), '2');
});

test('an imported row whose e-mail is in the pool or on an earlier row is skipped, listed by line, and stops nothing', async () => {
  const max = as('max@acme.test');
  const existing = await addCandidate({ name: 'Pia Pool', email: 'pia.pool@example.test' });
  const csvText = [
    'Name,Email,Source',
    'Olaf Once,olaf.once@example.test,event',
    'Pia Twice,PIA.POOL@example.test,referral',
    'Quinn Quick,quinn.q@example.test,linkedin',
    'Olaf Again, Olaf.Once@Example.test ,event',
    'Rik Bad,rik.bad@example.test,newspaper',
    'Sam Solo,,event',
  ].join('\n');
  async function upload(mode) {
    const c = await web('max@acme.test');
    const fd = new FormData();
    fd.append('csrf_token', c.csrf);
    fd.append('mode', mode);
    fd.append('file', new Blob([csvText], { type: 'text/csv' }), 'dupes.csv');
    return c.request('POST', '/recruiting/import', { body: fd });
  }
  const total = async () => (await max.get('/api/v1/candidates?limit=1')).json.total;
  const before = await total();
  // the rule is stated on the form
  assert.match(textOf((await (await web('max@acme.test')).get('/recruiting/import')).text),
    /A row whose e-mail is already in the pool, or on an earlier row of the file, is skipped and listed\./);
  // import nothing: the bad row stops the file; the duplicates are listed as skipped, not as faults
  let r = await upload('all');
  assert.equal(r.status, 400);
  let t = textOf(r.text);
  assert.match(t, /Nothing was imported: 1 of 6 rows have a fault\./);
  assert.match(t, /Line 6, source:/);
  assert.doesNotMatch(t, /Line [35], email/);
  assert.equal(await total(), before);
  // keep the valid rows: the duplicates skipped, the others stored
  r = await upload('keep');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  t = textOf(r.text);
  assert.match(t, /3 of 6 candidates imported\./);
  assert.match(t, /Skipped: already in the pool/);
  assert.match(t, /Line 3: already in the pool as Pia Pool ?\./);
  assert.match(r.text, new RegExp(`<li data-line="3" data-existing="${existing}">[^<]*<a href="/recruiting/candidates/${existing}">Pia Pool</a>`));
  assert.match(t, /Line 5: already in this file as Olaf Once \(line 2\)\./);
  assert.equal(await total(), before + 3);
  assert.equal((await max.get('/api/v1/candidates?q=olaf.once')).json.total, 1);
  assert.equal((await max.get('/api/v1/candidates?q=pia.pool')).json.total, 1);
  assert.equal((await max.get('/api/v1/candidates?q=Sam Solo')).json.total, 1, 'an empty e-mail is never a duplicate');
  // the same file again: every valid row is in the pool now
  r = await upload('keep');
  t = textOf(r.text);
  assert.match(t, /1 of 6 candidates imported\./);
  assert.match(t, /Line 2: already in the pool as Olaf Once ?\./);
  assert.match(t, /Line 4: already in the pool as Quinn Quick ?\./);
  assert.equal(await total(), before + 4, 'Sam Solo, without an e-mail, is imported again');
});
