// scorecards: part 3 of issue 11 end to end — interviews and their
// scorecards on the five traits, scored independently — with the server's
// clock pinned to 2026-11-25.
//
// Acme: team North (Max; rep Rita), team South (Mia; rep Rob), admin Ann,
// and Ria (a rep of North never invited); Beta: admin Bea, rep Ben. Max
// schedules an interview of a pool candidate with Rita and Rob: each is
// invited and gets a draft. Rob submits; Rita sees only her own scorecard
// (page and API, 404 on Rob's) until she has submitted hers; then she sees
// Rob's scores, the profile and the disagreement. A score of 7 is refused
// (page and API, naming the trait), a submit without a recommendation names
// it and keeps what was typed. Max, also an interviewer on a second
// interview with a draft left, sees nobody's scores until he submits. A
// submitted scorecard does not change; Max reopens Rita's and the reopening
// is in /admin/audit. Ria and the other organisation get 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec, addUser } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-25' } });

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

const ROB_EVIDENCE = 'Rob heard a target beyond plan 5d2e';
const RITA_EVIDENCE = 'Rita heard her own numbers 8b1f';
let cand, traits, ritaCard, robCard;

// the traits in order: [{ id, code }]
function traitIds() {
  return sql(`SELECT t.id || ':' || t.code FROM traits t JOIN orgs o ON o.id = t.org_id WHERE o.slug = 'acme' ` +
    'AND t.retired_at IS NULL ORDER BY t.position, t.id').split('\n').map((l) => {
    const [id, code] = l.split(':');
    return { id: Number(id), code };
  });
}
const fullForm = (scores, rec, action = 'submit', evidence = '') => {
  const f = { action };
  traits.forEach((t, i) => {
    f[`score-${t.id}`] = scores[i] === undefined ? '' : String(scores[i]);
    f[`evidence-${t.id}`] = i === 0 ? evidence : '';
  });
  if (rec) f.recommendation = rec;
  return f;
};

test('a manager schedules an interview: each interviewer invited, with a draft of their own', async () => {
  addUser(ctx.db, 'acme', 'ria@acme.test', 'Ria Rep', 'rep', { team: 'North' });
  traits = traitIds();
  assert.deepEqual(traits.map((t) => t.code), ['goal', 'accountable', 'learning', 'motivated', 'customer']);
  let r = await as('max@acme.test').post('/api/v1/candidates', {
    name: 'Cora Candidate', source: 'referral', job_title: 'Account manager', company: 'Globex',
  });
  assert.equal(r.status, 201, r.text);
  cand = r.json.id;
  // a fault names its field, nothing stored
  r = await post('max@acme.test', `/recruiting/candidates/${cand}/interviews`, { held_on: '2026-11-24', kind: 'interview' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose at least one interviewer\./);
  r = await post('max@acme.test', `/recruiting/candidates/${cand}/interviews`,
    { held_on: '2026-11-24', kind: 'interview', interviewer: String(ctx.ids.ben) });
  assert.equal(r.status, 400, 'a user of another organisation is no interviewer');
  assert.equal(sql('SELECT count(*) FROM interviews'), '0');
  // the form sends one "interviewer" per checked box
  const c = await web('max@acme.test');
  const body = new URLSearchParams([['csrf_token', c.csrf], ['held_on', '2026-11-24'], ['kind', 'interview'],
    ['interviewer', String(ctx.ids.rita)], ['interviewer', String(ctx.ids.rob)]]);
  r = await c.request('POST', `/recruiting/candidates/${cand}/interviews`, {
    body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sql(`SELECT count(*) FROM candidate_invitations WHERE candidate_id = ${cand}`), '2');
  ritaCard = Number(sql(`SELECT id FROM scorecards WHERE candidate_id = ${cand} AND interviewer_id = ${ctx.ids.rita}`));
  robCard = Number(sql(`SELECT id FROM scorecards WHERE candidate_id = ${cand} AND interviewer_id = ${ctx.ids.rob}`));
  assert.ok(ritaCard > 0 && robCard > 0);
  const page = textOf((await c.get(`/recruiting/candidates/${cand}`)).text);
  assert.match(page, /Interviews and scorecards/);
  assert.match(page, /Rita Rep draft/);
  assert.match(page, /Rob Rep draft/);
});

test('independent scoring: Rita sees only her own until she has submitted, page and API alike', async () => {
  // Rob scores and submits through the API
  const robApi = as('rob@acme.test');
  const scores = [4, 4, 5, 4, 5];
  let r = await robApi.send('PUT', `/api/v1/scorecards/${robCard}`, {
    scores: traits.map((t, i) => ({ trait_id: t.id, score: scores[i], evidence: i === 0 ? ROB_EVIDENCE : '' })),
    recommendation: 'strong_yes',
  });
  assert.equal(r.status, 200, r.text);
  r = await robApi.post(`/api/v1/scorecards/${robCard}/submit`, {});
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'submitted');
  // Rita, with her own still a draft: her own only
  const ritaApi = as('rita@acme.test');
  r = await ritaApi.get(`/api/v1/scorecards?candidate_id=${cand}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((s) => s.id), [ritaCard]);
  assert.equal((await ritaApi.get(`/api/v1/scorecards/${robCard}`)).status, 404);
  const rita = await web('rita@acme.test');
  assert.equal((await rita.get(`/recruiting/scorecards/${robCard}`)).status, 404);
  let p = await rita.get(`/recruiting/candidates/${cand}`);
  assert.equal(p.status, 200);
  assert.ok(!p.text.includes(ROB_EVIDENCE));
  assert.doesNotMatch(textOf(p.text), /Rob Rep/);
  assert.doesNotMatch(textOf(p.text), /Strong yes/);
  assert.match(textOf(p.text), /You see the other interviewers' scores once you have submitted yours/);
  // the download holds the same: her own row only
  const csv = await rita.get(`/recruiting/candidates/${cand}?scorecards=1&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Rita Rep/);
  assert.doesNotMatch(csv.text, /Rob Rep/);
  // her own form: the anchors, the suggested questions, the evidence box
  p = await rita.get(`/recruiting/scorecards/${ritaCard}`);
  assert.equal(p.status, 200);
  let t = textOf(p.text);
  assert.match(t, /Suggested questions/);
  assert.match(t, /Tell me about a deal you lost\./);
  assert.match(t, /Sets goals beyond the target/, 'the anchor of a 5, as on the assessments');
  assert.match(p.text, /name="evidence-\d+"/);
});

test('bad input: a score of 7 is refused naming the trait; a submit without a recommendation keeps what was typed', async () => {
  const before = sql(`SELECT count(*) FROM scorecard_scores WHERE scorecard_id = ${ritaCard}`);
  let r = await post('rita@acme.test', `/recruiting/scorecards/${ritaCard}`, fullForm([7, 4, 4, 4, 2], 'no', 'save'));
  assert.equal(r.status, 400);
  let t = textOf(r.text);
  assert.match(t, /Goal-oriented: A score is a whole number from 1 to 5\./);
  assert.match(t, /The draft was not saved/);
  r = await as('rita@acme.test').send('PATCH', `/api/v1/scorecards/${ritaCard}`, {
    scores: [{ trait_id: traits[0].id, score: 7 }],
  });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'scores[0].score');
  assert.equal(sql(`SELECT count(*) FROM scorecard_scores WHERE scorecard_id = ${ritaCard}`), before);
  // submitting without a recommendation: named, nothing lost
  r = await post('rita@acme.test', `/recruiting/scorecards/${ritaCard}`, fullForm([4, 4, 4, 4, 2], '', 'submit', RITA_EVIDENCE));
  assert.equal(r.status, 400);
  t = textOf(r.text);
  assert.match(t, /Choose an overall recommendation before you submit\./);
  assert.match(r.text, new RegExp(RITA_EVIDENCE), 'the evidence typed is still in the form');
  assert.match(r.text, /value="2" checked/, 'the scores chosen are still chosen');
  assert.equal(sql(`SELECT status FROM scorecards WHERE id = ${ritaCard}`), 'draft');
  // a trait not scored
  r = await as('rita@acme.test').post(`/api/v1/scorecards/${ritaCard}/submit`, {});
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'scores');
});

test('once Rita has submitted she sees Rob\'s scores, the profile and the disagreement', async () => {
  let r = await post('rita@acme.test', `/recruiting/scorecards/${ritaCard}`, fullForm([4, 4, 4, 4, 2], 'no', 'submit', RITA_EVIDENCE));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const ritaApi = as('rita@acme.test');
  r = await ritaApi.get(`/api/v1/scorecards?candidate_id=${cand}`);
  assert.deepEqual(r.json.items.map((s) => s.id).sort(), [ritaCard, robCard].sort());
  r = await ritaApi.get(`/api/v1/scorecards/${robCard}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.recommendation, 'strong_yes');
  assert.deepEqual(r.json.scores.map((s) => s.score), [4, 4, 5, 4, 5]);
  const p = await (await web('rita@acme.test')).get(`/recruiting/candidates/${cand}`);
  const t = textOf(p.text);
  assert.match(t, /Rob Rep submitted Strong yes/);
  // means: goal 4, accountable 4, learning 4.5, motivated 4, customer (2 + 5) / 2 = 3.5
  assert.match(t, /Not yet: weakest trait Customer-oriented \(mean 3\.5\)/);
  assert.match(t, /Strong means a mean of 4\.0 or more/);
  assert.match(p.text, /<svg[^>]*id="sc-radar"/);
  // side by side: customer 2 against 5, marked; learning 4 against 5, not
  const side = /<table id="sc-side-table">([\s\S]*?)<\/table>/.exec(p.text)[1];
  assert.match(side, /<tr data-trait="customer" class="disagree">/);
  assert.match(textOf(side), /Customer-oriented 2 5 3 disagreement/);
  assert.doesNotMatch(side, /<tr data-trait="learning" class="disagree">/);
  // the download: a row per scorecard, a column per trait
  const csv = await (await web('rita@acme.test')).get(`/recruiting/candidates/${cand}?scorecards=1&format=csv`);
  assert.equal(csv.status, 200);
  const rows = csv.text.trim().split(/\r?\n/);
  assert.match(rows[0], /Interviewer.*Recommendation.*Goal-oriented.*Customer-oriented/);
  assert.ok(rows.some((l) => /Rob Rep.*Strong yes,4,4,5,4,5$/.test(l)), csv.text);
  assert.ok(rows.some((l) => /Rita Rep.*No,4,4,4,4,2$/.test(l)), csv.text);
  const xlsx = await (await web('max@acme.test')).get(`/recruiting/candidates/${cand}?scorecards=1&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

test('a manager who is also an interviewer with a draft left sees nobody\'s scores', async () => {
  // Max sees everything submitted while he is no interviewer
  let r = await as('max@acme.test').get(`/api/v1/scorecards/${robCard}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.scores.map((s) => s.score), [4, 4, 5, 4, 5]);
  // a second interview with Max and Mia
  r = await as('max@acme.test').post('/api/v1/interviews', {
    candidate_id: cand, held_on: '2026-11-25', kind: 'ride_along', interviewers: [ctx.ids.max, ctx.ids.mia],
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.scorecards.length, 2);
  r = await as('max@acme.test').get(`/api/v1/scorecards/${robCard}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.scores_hidden, true);
  assert.equal(r.json.scores, undefined);
  const p = await (await web('max@acme.test')).get(`/recruiting/candidates/${cand}`);
  assert.ok(!p.text.includes('id="sc-profile"'), 'no profile while his own is a draft');
  assert.match(textOf(p.text), /Rob Rep submitted/);
  assert.doesNotMatch(textOf(p.text), /Strong yes/);
  // the admin, no interviewer: sees the submitted ones, and Mia's draft without scores
  r = await as('ann@acme.test').get(`/api/v1/scorecards?candidate_id=${cand}`);
  const mia = r.json.items.find((s) => s.interviewer.id === ctx.ids.mia);
  assert.equal(mia.status, 'draft');
  assert.equal(mia.scores_hidden, true);
});

test('a submitted scorecard does not change; a manager reopens it and the audit log says so', async () => {
  let r = await as('rita@acme.test').send('PATCH', `/api/v1/scorecards/${ritaCard}`, {
    scores: [{ trait_id: traits[4].id, score: 4 }],
  });
  assert.equal(r.status, 409);
  r = await post('rita@acme.test', `/recruiting/scorecards/${ritaCard}`, fullForm([5, 5, 5, 5, 5], 'yes', 'save'));
  assert.equal(r.status, 409);
  // an interviewer cannot reopen
  assert.equal((await post('rob@acme.test', `/recruiting/scorecards/${ritaCard}/reopen`, {})).status, 403);
  assert.equal((await as('rob@acme.test').post(`/api/v1/scorecards/${ritaCard}/reopen`, {})).status, 403);
  r = await post('max@acme.test', `/recruiting/scorecards/${ritaCard}/reopen`, {});
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sql(`SELECT status || ' ' || reopened FROM scorecards WHERE id = ${ritaCard}`), 'draft 1');
  const a = await (await web('ann@acme.test')).get('/admin/audit?kind=scorecard');
  assert.equal(a.status, 200);
  const t = textOf(a.text);
  assert.match(t, /Interview scorecard/);
  assert.match(t, /reopened/);
  assert.ok(!a.text.includes(RITA_EVIDENCE), 'the evidence is never in the log');
  // Rita, with a draft again, no longer sees Rob's scores
  assert.equal((await as('rita@acme.test').get(`/api/v1/scorecards/${robCard}`)).status, 404);
});

test('who sees nothing: a rep never invited and another organisation get 404', async () => {
  for (const email of ['ria@acme.test', 'ben@beta.test', 'bea@beta.test']) {
    const c = await web(email);
    for (const p of [`/recruiting/scorecards/${robCard}`, `/recruiting/candidates/${cand}`])
      assert.equal((await c.get(p)).status, 404, `${email} ${p}`);
    assert.equal((await post(email, `/recruiting/scorecards/${robCard}`, fullForm([5, 5, 5, 5, 5], 'yes'))).status, 404);
    for (const p of [`/api/v1/scorecards/${robCard}`, `/api/v1/scorecards?candidate_id=${cand}`])
      assert.equal((await as(email).get(p)).status, 404, `${email} ${p}`);
    assert.equal((await as(email).send('PUT', `/api/v1/scorecards/${robCard}`, { recommendation: 'no' })).status, 404);
  }
  const r = await as('bea@beta.test').post('/api/v1/interviews', {
    candidate_id: cand, held_on: '2026-11-25', kind: 'interview', interviewers: [ctx.ids.bea],
  });
  assert.equal(r.status, 404);
});

test('the admin edits the organisation\'s own questions per language; they replace the defaults', async () => {
  const goal = traits[0].id;
  let r = await post('ann@acme.test', '/admin/interview-questions', { lang: 'en', [`q-${goal}`]: 'What did you sell last month?\nHow?' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const p = await (await web('rita@acme.test')).get(`/recruiting/scorecards/${ritaCard}`);
  const t = textOf(p.text);
  assert.match(t, /What did you sell last month\?/);
  assert.doesNotMatch(t, /Tell me about a target you set yourself/, 'the defaults of that trait are replaced');
  assert.match(t, /Tell me about a deal you lost\./, 'other traits keep theirs');
  assert.equal((await post('max@acme.test', '/admin/interview-questions', { lang: 'en' })).status, 403);
  r = await post('ann@acme.test', '/admin/interview-questions', { lang: 'en', [`q-${goal}`]: 'x'.repeat(600) });
  assert.equal(r.status, 400);
});

testCleanStop(ctx);
