// recruiting: part 1 of issue 11 end to end — the talent pool and step or
// stop with candidates — with the server's clock pinned to 2026-11-25.
//
// Acme: team North (Max; rep Rita), team South (Mia; rep Rob), admin Ann;
// Beta: admin Bea, rep Ben. Who sees what: a rep sees nothing of recruiting
// (no menu item, 404 on page and API) until invited to interview a
// candidate, and then only that candidate's name, current role and vacancy
// (no e-mail, notes or conversations, no export); managers and admins see
// the pool; another organisation gets 404. Step or stop: no name, a step
// without a date, a stop without a reason, a known-by user of another
// organisation: 400 naming the field, nothing stored (page and API). A
// candidate whose step slips twice is strung along, on the page and in the
// API; the pool downloads as CSV for a manager. Vacancies (part 2): opened
// by a manager for their own team only, candidates of the pool moved in and
// along the organisation's stages with counts per stage, the stages renamed
// and added to by an admin only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec } from './lib.mjs';

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
const count = (table) => sql(`SELECT count(*) FROM ${table}`);

const SECRET_NOTES = 'Recruit secret notes 9c1e';
const SECRET_EMAIL = 'sanne.secret@example.test';
let sanne;

test('a manager adds a candidate to the pool; the API and the page show it', async () => {
  const r = await as('max@acme.test').post('/api/v1/candidates', {
    name: 'Sanne de Vries', email: SECRET_EMAIL, phone: '+31 6 1234 5678', source: 'referral',
    job_title: 'Account manager', company: 'Globex', tags: 'enterprise, fintech', notes: SECRET_NOTES,
    known_by: ctx.ids.rita, consent_on: '2026-11-20',
  });
  assert.equal(r.status, 201, r.text);
  sanne = r.json.id;
  assert.equal(r.json.source, 'referral');
  assert.equal(r.json.known_by.name, 'Rita Rep');
  // twelve months after today by default
  assert.equal(r.json.retain_until, '2027-11-25');
  assert.equal(r.json.strung_along, false);
  const p = await (await web('max@acme.test')).get('/recruiting');
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.match(t, /The talent pool/);
  assert.match(t, /Sanne de Vries/);
  assert.match(t, /Account manager at Globex/);
  assert.match(t, /Not contacted yet/);
  // filters: a tag, a source, a search
  let f = textOf((await (await web('max@acme.test')).get('/recruiting?tag=fintech')).text);
  assert.match(f, /Sanne de Vries/);
  f = textOf((await (await web('max@acme.test')).get('/recruiting?tag=fin')).text);
  assert.doesNotMatch(f, /Sanne de Vries/, 'a tag matches whole');
  f = textOf((await (await web('max@acme.test')).get('/recruiting?source=agency')).text);
  assert.doesNotMatch(f, /Sanne de Vries/);
  const l = await as('ann@acme.test').get('/api/v1/candidates?q=globex');
  assert.equal(l.status, 200);
  assert.deepEqual(l.json.items.map((c) => c.name), ['Sanne de Vries']);
  // CSV for a manager
  const csv = await (await web('mia@acme.test')).get('/recruiting?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Sanne de Vries/);
  assert.match(csv.text, new RegExp(SECRET_EMAIL));
  const xlsx = await (await web('mia@acme.test')).get('/recruiting?format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

test('who sees what: reps nothing until invited, then only what an interviewer needs; other organisation 404', async () => {
  // Rita and Rob, not invited: no menu item, 404 everywhere
  for (const email of ['rita@acme.test', 'rob@acme.test']) {
    const c = await web(email);
    const home = await c.get('/');
    assert.doesNotMatch(home.text, /href="\/recruiting"/, `${email}: no menu item`);
    for (const p of ['/recruiting', '/recruiting/candidates/new', `/recruiting/candidates/${sanne}`, '/recruiting?format=csv'])
      assert.equal((await c.get(p)).status, 404, `${email} ${p}`);
    for (const p of ['/api/v1/candidates', `/api/v1/candidates/${sanne}`, `/api/v1/candidates/${sanne}/conversations`])
      assert.equal((await as(email).get(p)).status, 404, `${email} ${p}`);
    const r = await post(email, `/recruiting/candidates/${sanne}/conversations`, { kind: 'call', outcome: 'step' });
    assert.equal(r.status, 404);
  }
  // the other organisation
  for (const email of ['bea@beta.test', 'ben@beta.test']) {
    assert.equal((await (await web(email)).get(`/recruiting/candidates/${sanne}`)).status, 404);
    assert.equal((await as(email).get(`/api/v1/candidates/${sanne}`)).status, 404);
    const l = await as(email).get('/api/v1/candidates');
    if (l.status === 200) assert.equal(l.json.items.length, 0);
    else assert.equal(l.status, 404);
  }
  // the managers of both teams and the admin see the pool, whole
  for (const email of ['max@acme.test', 'mia@acme.test', 'ann@acme.test']) {
    const r = await as(email).get(`/api/v1/candidates/${sanne}`);
    assert.equal(r.status, 200, email);
    assert.equal(r.json.email, SECRET_EMAIL);
  }
  // Max invites Rita to interview Sanne
  let r = await post('max@acme.test', `/recruiting/candidates/${sanne}/invitations`, { user_id: String(ctx.ids.ben) });
  assert.equal(r.status, 400, 'a user of another organisation cannot be invited');
  assert.match(textOf(r.text), /Choose an active colleague of your organisation\./);
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/invitations`, { user_id: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const rita = await web('rita@acme.test');
  assert.match((await rita.get('/')).text, /href="\/recruiting"/, 'invited: the menu item');
  const list = await rita.get('/recruiting');
  assert.equal(list.status, 200);
  let t = textOf(list.text);
  assert.match(t, /Candidates you interview/);
  assert.match(t, /Sanne de Vries/);
  assert.doesNotMatch(list.text, /format=csv/);
  const page = await rita.get(`/recruiting/candidates/${sanne}`);
  assert.equal(page.status, 200);
  t = textOf(page.text);
  assert.match(t, /Sanne de Vries/);
  assert.match(t, /Account manager/);
  for (const secret of [SECRET_EMAIL, SECRET_NOTES, '1234 5678', 'Log a conversation'])
    assert.ok(!page.text.includes(secret), `the interviewer does not see ${secret}`);
  assert.equal((await rita.get('/recruiting?format=csv')).status, 403);
  assert.equal((await rita.get('/recruiting/candidates/new')).status, 404);
  const api = await as('rita@acme.test').get(`/api/v1/candidates/${sanne}`);
  assert.equal(api.status, 200);
  assert.equal(api.json.name, 'Sanne de Vries');
  assert.equal(api.json.email, undefined);
  assert.equal(api.json.notes, undefined);
  assert.equal((await as('rita@acme.test').get(`/api/v1/candidates/${sanne}/conversations`)).status, 403);
  r = await as('rita@acme.test').post(`/api/v1/candidates/${sanne}/conversations`, { kind: 'call', outcome: 'step' });
  assert.equal(r.status, 403);
  const rl = await as('rita@acme.test').get('/api/v1/candidates');
  assert.deepEqual(rl.json.items.map((c) => [c.name, c.email]), [['Sanne de Vries', undefined]]);
  // Rob, not invited, still sees nothing
  assert.equal((await (await web('rob@acme.test')).get(`/recruiting/candidates/${sanne}`)).status, 404);
});

test('bad input: 400 naming the field, nothing stored (page and API)', async () => {
  const before = { c: count('candidates'), v: count('candidate_conversations'), s: count('candidate_steps') };
  let r = await post('max@acme.test', '/recruiting/candidates', { name: '', source: 'referral', email: 'x@example.test' });
  assert.equal(r.status, 400);
  let t = textOf(r.text);
  assert.match(t, /Nothing was saved/);
  assert.match(t, /Enter the candidate's name\./);
  assert.match(r.text, /value="x@example.test"/, 'the form keeps the values');
  r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Known by a stranger', source: 'event', known_by: ctx.ids.ben });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'known_by');
  r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Kept in the past', source: 'event', retain_until: '2026-01-01' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'retain_until');
  r = await as('max@acme.test').post('/api/v1/candidates', { name: 'No source' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'source');
  // a step without a date, a stop without a reason
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/conversations`, {
    kind: 'call', date: '2026-11-24', outcome: 'step', step_what: 'Coffee with the team', step_due: '', step_who: 'Sanne',
  });
  assert.equal(r.status, 400);
  t = textOf(r.text);
  assert.match(t, /Give the date of the next step\./);
  assert.match(r.text, /value="Coffee with the team"/);
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/conversations`, { kind: 'call', outcome: 'stop' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'stop_reason');
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/conversations`, {
    kind: 'call', outcome: 'step', step_what: 'Ride along', step_due: '2026-11-20', step_who: 'Sanne',
  });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'step_due');
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/conversations`, { kind: 'call', outcome: 'none' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'outcome');
  // a candidate of another organisation
  r = await as('bea@beta.test').post(`/api/v1/candidates/${sanne}/conversations`, {
    kind: 'call', outcome: 'stop', stop_reason: 'timing',
  });
  assert.equal(r.status, 404);
  assert.deepEqual({ c: count('candidates'), v: count('candidate_conversations'), s: count('candidate_steps') }, before);
});

test('step or stop: a step that slips twice makes the candidate strung along; a stop ends it', async () => {
  const max = as('max@acme.test');
  let r = await max.post(`/api/v1/candidates/${sanne}/conversations`, {
    kind: 'meeting', date: '2026-11-20', outcome: 'step', step_what: 'Sends her CV', step_due: '2026-11-27', step_who: 'Sanne',
    notes: 'Met at the fair',
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.step.status, 'open');
  let c = (await max.get(`/api/v1/candidates/${sanne}`)).json;
  assert.equal(c.next_step.what, 'Sends her CV');
  assert.equal(c.strung_along, false);
  // the form asks about the open step
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/conversations`, {
    kind: 'call', date: '2026-11-25', outcome: 'step', step_what: 'Sends her CV', step_due: '2026-12-04', step_who: 'Sanne',
  });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Say whether the open step was kept, slipped or missed\./);
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/conversations`, {
    kind: 'call', date: '2026-11-25', open_step: 'slipped', outcome: 'step', step_what: 'Sends her CV',
    step_due: '2026-12-04', step_who: 'Sanne',
  });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  c = (await max.get(`/api/v1/candidates/${sanne}`)).json;
  assert.equal(c.next_step.slips, 1);
  assert.equal(c.next_step.original_due, '2026-11-27');
  assert.equal(c.strung_along, false);
  r = await max.post(`/api/v1/candidates/${sanne}/conversations`, {
    kind: 'call', date: '2026-11-25', open_step: 'slipped', outcome: 'step', step_what: 'Sends her CV',
    step_due: '2026-12-11', step_who: 'Sanne',
  });
  assert.equal(r.status, 201, r.text);
  c = (await max.get(`/api/v1/candidates/${sanne}`)).json;
  assert.equal(c.next_step.slips, 2);
  assert.equal(c.strung_along, true);
  const page = await (await web('max@acme.test')).get(`/recruiting/candidates/${sanne}`);
  let t = textOf(page.text);
  assert.match(t, /Strung along/);
  assert.match(t, /slipped 2 times, first agreed for/);
  assert.match(t, /Strung along is the deals' rule: the open step slipped 2 times or more/);
  const pool = textOf((await (await web('max@acme.test')).get('/recruiting')).text);
  assert.match(pool, /Sanne de Vries.*Strung along/);
  // a stop ends the story: no longer strung along, status stopped
  r = await max.post(`/api/v1/candidates/${sanne}/conversations`, {
    kind: 'call', date: '2026-11-25', outcome: 'stop', stop_reason: 'hired_elsewhere', stop_note: 'Took a job at Initech',
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.stop.reason, 'hired_elsewhere');
  c = (await max.get(`/api/v1/candidates/${sanne}`)).json;
  assert.equal(c.status, 'stopped');
  assert.equal(c.strung_along, false);
  assert.equal(c.next_step, null);
  const h = await max.get(`/api/v1/candidates/${sanne}/conversations`);
  assert.equal(h.json.items.length, 4);
  t = textOf((await (await web('max@acme.test')).get(`/recruiting/candidates/${sanne}`)).text);
  assert.match(t, /Took another job: “Took a job at Initech”/);
});

test('Dutch: the pool in Dutch', async () => {
  const c = await web('mia@acme.test');
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nl' });
  const p = await c.get('/recruiting');
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.doesNotMatch(t, /The talent pool|Add a candidate|Strung along is/);
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en' });
});

test('vacancies: opened by a manager for their team, candidates moved in and along the stages, counts per stage', async () => {
  const max = as('max@acme.test');
  // bad input: no title, a team of another manager, a target before the opening
  const before = count('vacancies');
  let r = await max.post('/api/v1/vacancies', { title: '', team_id: ctx.ids.north });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'title');
  r = await max.post('/api/v1/vacancies', { title: 'AM South', team_id: ctx.ids.south });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'team_id');
  r = await post('max@acme.test', '/recruiting/vacancies', { title: 'AM North', team_id: String(ctx.ids.north),
    opens_on: '2026-12-01', target_on: '2026-11-01' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /The target date cannot be before the opening date\./);
  assert.match(r.text, /value="AM North"/);
  assert.equal(count('vacancies'), before);
  // opened through the form; the default stages in the organisation's language
  r = await post('max@acme.test', '/recruiting/vacancies', { title: 'AM North', team_id: String(ctx.ids.north),
    territory: 'Groningen', opens_on: '2026-11-01', target_on: '2027-02-01' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const vac = Number(/\/recruiting\/vacancies\/(\d+)/.exec(r.location)[1]);
  let l = await max.get('/api/v1/vacancies');
  assert.equal(l.status, 200);
  const v = l.json.items.find((x) => x.id === vac);
  assert.deepEqual(v.stages.map((s) => s.name), ['First talk', 'Interview', 'A day riding along', 'Offer', 'Hired', 'Declined']);
  // Mia (South) does not run North's vacancy; a rep sees no vacancies; Beta neither
  assert.equal((await (await web('mia@acme.test')).get(`/recruiting/vacancies/${vac}`)).status, 404);
  assert.ok(!(await as('mia@acme.test').get('/api/v1/vacancies')).json.items.some((x) => x.id === vac));
  assert.equal((await (await web('rob@acme.test')).get('/recruiting/vacancies')).status, 404);
  assert.equal((await as('rob@acme.test').get('/api/v1/vacancies')).status, 404);
  assert.equal((await (await web('bea@beta.test')).get(`/recruiting/vacancies/${vac}`)).status, 404);
  // two candidates of the pool moved in, one moved on to the interview
  const add = async (name) => {
    const x = await max.post('/api/v1/candidates', { name, source: 'applied', job_title: 'Seller' });
    assert.equal(x.status, 201, x.text);
    return x.json.id;
  };
  const a = await add('Anna Vacancy'), b = await add('Bert Vacancy');
  const [first, interview] = v.stages;
  r = await post('max@acme.test', `/recruiting/vacancies/${vac}/candidates`, { candidate_id: String(a), stage_id: '999999' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose one of the stages\./);
  for (const id of [a, b]) {
    r = await post('max@acme.test', `/recruiting/vacancies/${vac}/candidates`, { candidate_id: String(id), stage_id: String(first.id) });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }
  r = await post('max@acme.test', `/recruiting/vacancies/${vac}/candidates`, { candidate_id: String(b), stage_id: String(interview.id) });
  assert.equal(r.status, 303);
  l = await max.get('/api/v1/vacancies');
  const counts = Object.fromEntries(l.json.items.find((x) => x.id === vac).stages.map((s) => [s.name, s.candidates]));
  assert.equal(counts['First talk'], 1);
  assert.equal(counts.Interview, 1);
  assert.equal(counts.Offer, 0);
  const board = await (await web('max@acme.test')).get(`/recruiting/vacancies/${vac}`);
  assert.equal(board.status, 200);
  const col = (id) => textOf(board.text.split(`data-stage="${id}"><h3>`)[1].split('</ul>')[0]);
  assert.match(col(first.id), /^First talk 1 .*Anna Vacancy/);
  assert.match(col(interview.id), /^Interview 1 .*Bert Vacancy/);
  // in North's vacancy now: Mia no longer sees Bert (pool: yes; North's vacancy: no)
  assert.equal((await as('mia@acme.test').get(`/api/v1/candidates/${b}`)).status, 404);
  assert.equal((await as('max@acme.test').get(`/api/v1/candidates/${b}`)).json.stage.name, 'Interview');
  // the pool filters by stage
  const f = textOf((await (await web('max@acme.test')).get(`/recruiting?stage=${interview.id}`)).text);
  assert.match(f, /Bert Vacancy/);
  assert.doesNotMatch(f, /Anna Vacancy/);
  // a candidate of another organisation cannot be moved in
  const x = await as('bea@beta.test').post('/api/v1/candidates', { name: 'Beta Person', source: 'event' });
  assert.equal(x.status, 201, x.text);
  r = await post('max@acme.test', `/recruiting/vacancies/${vac}/candidates`, { candidate_id: String(x.json.id), stage_id: String(first.id) });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose a candidate of the pool or of this vacancy\./);
  // the status: filled; a status that is none of the three is a 400
  r = await post('max@acme.test', `/recruiting/vacancies/${vac}`, { status: 'paused' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose the status: open, filled or closed\./);
  r = await post('max@acme.test', `/recruiting/vacancies/${vac}`, { status: 'filled' });
  assert.equal(r.status, 303);
  assert.equal((await max.get('/api/v1/vacancies')).json.items.find((y) => y.id === vac).status, 'filled');
  assert.equal((await post('mia@acme.test', `/recruiting/vacancies/${vac}`, { status: 'open' })).status, 404);
  // the stages: an admin renames and adds; a manager may not
  r = await post('max@acme.test', '/recruiting/stages', { name: 'Assessment centre' });
  assert.equal(r.status, 403);
  r = await post('ann@acme.test', `/recruiting/stages/${first.id}`, { name: 'Interview' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /There is already a stage with this name\./);
  r = await post('ann@acme.test', `/recruiting/stages/${first.id}`, { name: 'Coffee first' });
  assert.equal(r.status, 303);
  r = await post('ann@acme.test', '/recruiting/stages', { name: 'Assessment centre' });
  assert.equal(r.status, 303);
  l = await as('ann@acme.test').get('/api/v1/vacancies');
  assert.deepEqual(l.json.items.find((y) => y.id === vac).stages.map((s) => s.name),
    ['Coffee first', 'Interview', 'A day riding along', 'Offer', 'Hired', 'Declined', 'Assessment centre']);
});

testCleanStop(ctx);
