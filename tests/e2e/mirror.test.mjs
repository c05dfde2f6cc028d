// mirror: the manager's own mirror (issue 10) over real HTTP — a manager's
// self-assessment (a fault names its field, nothing stored; the evidence is
// his alone: not another manager's, not an admin's, not a rep's), and
// anonymous upward feedback: a round Max opens is answered by the members
// of his team only, once each; below three answers Max sees only "n of 3
// needed", from three the averages and comments — and nothing anywhere
// says who answered what.
//
// Today is pinned to 7 December 2026. North (Max): Rita, Nina, Nils; South
// (Mia): Rob. Answers, by hand (recruiting, coaching, underperformance,
// no excuses, competition):
//   Rita 4 4 3 5 2   Nina 3 5 3 4 4   Nils 2 4 3 3 3
//   averages 3.0, 4.3 (13/3), 3.0, 4.0, 3.0
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, seedStandard, addUser, sqlExec, createToken, apiClient, testCleanStop } from './lib.mjs';

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-12-07' },
  seed(db) {
    const ids = seedStandard(db);
    ids.nina = addUser(db, 'acme', 'nina@acme.test', 'Nina North', 'rep', { team: 'North' });
    ids.nils = addUser(db, 'acme', 'nils@acme.test', 'Nils North', 'rep', { team: 'North' });
    return ids;
  },
});

const api = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));
const SKILLS = ['recruiting', 'coaching', 'underperformance', 'no_excuses', 'competition'];
const scoresOf = (a) => Object.fromEntries(SKILLS.map((k, i) => [`score_${k}`, String(a[i])]));
const count = (sql) => Number(sqlExec(ctx.db, sql).trim());

test('a self-assessment: a fault names its field; saved, it is the manager\'s alone', async () => {
  const max = await ctx.signIn('max@acme.test');
  const { csrf } = await max.page('/mirror');
  let r = await max.postForm('/mirror', { csrf_token: csrf, assessed_on: '2026-12-07', ...scoresOf([3, 4, 2, 3, '']),
    evidence_coaching: 'Rode along with Rita twice 8c4' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Creating competition: choose a score from 1 to 5\./);
  assert.match(r.text, /Rode along with Rita twice 8c4/, 'the form keeps what was typed');
  assert.equal(count('SELECT count(*) FROM manager_assessments'), 0, 'nothing stored');
  r = await max.postForm('/mirror', { csrf_token: csrf, assessed_on: '2026-12-08', ...scoresOf([3, 4, 2, 3, 4]) });
  assert.equal(r.status, 400);
  assert.match(r.text, /Day: give a date, today or earlier\./);
  r = await max.postForm('/mirror', { csrf_token: csrf, assessed_on: '2026-06-01', ...scoresOf([2, 3, 2, 3, 3]) });
  assert.equal(r.status, 303);
  r = await max.postForm('/mirror', { csrf_token: csrf, assessed_on: '2026-12-07', ...scoresOf([3, 4, 2, 3, 4]),
    evidence_coaching: 'Rode along with Rita twice 8c4' });
  assert.equal(r.status, 303);
  const page = await max.get('/mirror');
  assert.match(page.text, /Your self-assessments over time/);
  assert.match(page.text, /Rode along with Rita twice 8c4/);
  assert.match(page.text, /data-profile-chart="chart-mirror"/);
  const hist = await api('max@acme.test').get('/api/v1/manager-assessments');
  assert.deepEqual(hist.json.items.map((i) => [i.assessed_on, i.scores.coaching]), [['2026-06-01', 3], ['2026-12-07', 4]]);
  const csv = await max.get('/mirror?format=csv');
  assert.match(csv.text, /Rode along with Rita twice 8c4/);

  // no one else: another manager, the admin (her own mirror, empty), a rep (403)
  for (const email of ['mia@acme.test', 'ann@acme.test']) {
    const c = await ctx.signIn(email);
    const p = await c.get('/mirror');
    assert.equal(p.status, 200);
    assert.doesNotMatch(p.text, /8c4/);
    assert.match(p.text, /No self-assessment yet\./);
    const a = await api(email).get('/api/v1/manager-assessments');
    assert.deepEqual(a.json.items, [], email);
  }
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/mirror')).status, 403);
  assert.equal((await api('rita@acme.test').get('/api/v1/manager-assessments')).status, 403);
});

test('upward feedback: Max\'s team answers once each; "n of 3 needed" below three; averages from three; anonymous', async () => {
  const max = await ctx.signIn('max@acme.test');
  const { csrf } = await max.page('/mirror');
  let r = await max.postForm('/mirror/rounds', { csrf_token: csrf });
  assert.equal(r.status, 303);
  r = await max.postForm('/mirror/rounds', { csrf_token: csrf });
  assert.equal(r.status, 409, 'one open round at a time');
  const round = count(`SELECT id FROM upward_rounds WHERE manager_id = ${ctx.ids.max}`);

  // Rob (South) does not see it and cannot answer it
  const rob = await ctx.signIn('rob@acme.test');
  assert.match((await rob.get('/feedback')).text, /No manager of your teams asks for feedback right now\./);
  const robPage = await rob.page('/feedback');
  r = await rob.postForm(`/feedback/${round}`, { csrf_token: robPage.csrf, ...scoresOf([1, 1, 1, 1, 1]) });
  assert.equal(r.status, 403);
  assert.equal((await api('rob@acme.test').post(`/api/v1/upward-rounds/${round}/answers`,
    { scores: { recruiting: 1, coaching: 1, underperformance: 1, no_excuses: 1, competition: 1 } })).status, 403);

  // Rita answers; a fault first, then for real, then once more: refused
  const rita = await ctx.signIn('rita@acme.test');
  let fb = await rita.page('/feedback');
  assert.match(fb.text, /Max Manager asks for your feedback/);
  r = await rita.postForm(`/feedback/${round}`, { csrf_token: fb.csrf, ...scoresOf([4, 4, 3, 5, 9]) });
  assert.equal(r.status, 400);
  assert.match(r.text, /Creating competition: choose a score from 1 to 5\./);
  assert.equal(count('SELECT count(*) FROM upward_answers'), 0);
  r = await rita.postForm(`/feedback/${round}`, { csrf_token: fb.csrf, ...scoresOf([4, 4, 3, 5, 2]), comment: 'More ride-alongs please 2b9' });
  assert.equal(r.status, 303);
  r = await rita.postForm(`/feedback/${round}`, { csrf_token: fb.csrf, ...scoresOf([1, 1, 1, 1, 1]) });
  assert.equal(r.status, 409);
  fb = await rita.get('/feedback');
  assert.match(fb.text, /You answered this round\. Your answer is stored without your name\./);
  assert.doesNotMatch(fb.text, /2b9/, 'not even her own answer is shown back');

  // one answer: Max sees only how many are needed
  let page = await max.get('/mirror');
  assert.match(page.text, /1 of 3 answers needed: results show from three answers up/);
  assert.doesNotMatch(page.text, /2b9|mirror-results/);
  let rounds = await api('max@acme.test').get('/api/v1/upward-rounds');
  assert.deepEqual(rounds.json.items.map((x) => [x.answers, x.needed, x.averages, x.comments]), [[1, 3, null, null]]);

  // Nina by the API, Nils by the form: three answers
  r = await api('nina@acme.test').post(`/api/v1/upward-rounds/${round}/answers`,
    { scores: { recruiting: 3, coaching: 5, underperformance: 3, no_excuses: 4, competition: 4 }, comment: 'Fair and clear 5e7' });
  assert.equal(r.status, 201);
  assert.deepEqual(r.json, { round, answered: true });
  page = await max.get('/mirror');
  assert.match(page.text, /2 of 3 answers needed/);
  const nils = await ctx.signIn('nils@acme.test');
  const nf = await nils.page('/feedback');
  r = await nils.postForm(`/feedback/${round}`, { csrf_token: nf.csrf, ...scoresOf([2, 4, 3, 3, 3]) });
  assert.equal(r.status, 303);

  page = await max.get('/mirror');
  assert.match(page.text, /3 answers\. The average of each skill, 1 to 5:/);
  const row = (label, avg) => new RegExp(`<td>${label}</td><td class="num">${avg}</td><td class="num">3</td>`);
  assert.match(page.text, row('Recruiting pro-actively', '3\\.0'));
  assert.match(page.text, row('Coaching', '4\\.3'));
  assert.match(page.text, row('A no-excuses culture', '4\\.0'));
  assert.match(page.text, /More ride-alongs please 2b9/);
  assert.match(page.text, /Fair and clear 5e7/);
  rounds = await api('max@acme.test').get('/api/v1/upward-rounds');
  const x = rounds.json.items[0];
  assert.equal(x.answers, 3);
  assert.equal(Math.round(x.averages.coaching * 100) / 100, 4.33);
  assert.deepEqual([...x.comments].sort(), ['Fair and clear 5e7', 'More ride-alongs please 2b9']);

  // never attributable: no name of a rep on Max's page or in the API, no
  // author or time in the answers' table, and the respondents' table only
  // says who answered, not what
  for (const text of [page.text, JSON.stringify(rounds.json)])
    assert.doesNotMatch(text, /Rita Rep|Nina North|Nils North/);
  const cols = sqlExec(ctx.db, ctx.db.kind === 'pg'
    ? "SELECT column_name FROM information_schema.columns WHERE table_name = 'upward_answers' ORDER BY 1"
    : "SELECT name FROM pragma_table_info('upward_answers') ORDER BY 1").trim().split(/\s+/);
  assert.deepEqual(cols, ['answer_key', 'comment', 'org_id', 'round_id', 's_coaching', 's_competition', 's_no_excuses',
    's_recruiting', 's_underperformance'], 'no user, no time, no sequential id in an answer');
  assert.equal(count(`SELECT count(*) FROM upward_respondents WHERE round_id = ${round}`), 3);
  // a rep reaches no results
  assert.equal((await api('rita@acme.test').get('/api/v1/upward-rounds')).status, 403);
  // Mia sees no round of Max's
  const mia = await api('mia@acme.test').get('/api/v1/upward-rounds');
  assert.deepEqual(mia.json.items, []);

  // closed: no more answers
  r = await max.postForm(`/mirror/rounds/${round}/close`, { csrf_token: csrf });
  assert.equal(r.status, 303);
  const late = await api('rob@acme.test').post(`/api/v1/upward-rounds/${round}/answers`, { scores: {} });
  assert.equal(late.status, 403);
});

testCleanStop(ctx);
