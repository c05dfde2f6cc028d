// pulse: the wellbeing pulse (issue 10) over real HTTP — answering once a
// week (a second answer is refused naming the week, or changes it when the
// form says so), values outside 1..5 refused naming the field with nothing
// stored, and every privacy rule on every path a manager could use: the
// team page, its CSV, the API, the rep page and home's "needs you now".
// A team's weekly average shows only for an ended week with at least three
// answers; a rep's answers only while the rep shares them; an admin who
// leads no team sees nothing (no backdoor).
//
// Today is pinned to Wednesday 6 January 2027 (ISO week 2027-W01), so
// 2026-W53 (28 Dec – 3 Jan) has just closed. Team North (Max): Rita, Nina,
// Nils. Answers put in by hand, points = energy + motivation + (6 − workload):
//   2026-W49  Rita 4,4,2 = 12
//   2026-W51  Rita 4,4,2 = 12   Nina 3,3,3 = 9   Nils 4,4,2 = 12  -> 33/9 = 3.67
//   2026-W52  Rita 2,2,5 = 5    Nina 2,3,4 = 7   Nils 3,3,4 = 8   -> 20/9 = 2.22 (low)
//   2026-W53  Rita 2,2,4 = 6    Nina 3,3,3 = 9                    -> two answers: never shown
//   2027-W01  Nils 3,3,3 = 9 (+ Rita and Nina answer in the test) -> open week: never shown
// Rita's risk: the latest answered week (W53, 6 points = 2.0) is 2.0 below
// W49 (12 = 4.0), four weeks before it: a fall of 1.0 or more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, seedStandard, addUser, sqlExec, createToken, apiClient, testCleanStop } from './lib.mjs';

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2027-01-06' },
  seed(db) {
    const ids = seedStandard(db);
    ids.nina = addUser(db, 'acme', 'nina@acme.test', 'Nina North', 'rep', { team: 'North' });
    ids.nils = addUser(db, 'acme', 'nils@acme.test', 'Nils North', 'rep', { team: 'North' });
    const rows = [
      [ids.rita, '2026-W49', 4, 4, 2], [ids.rita, '2026-W51', 4, 4, 2], [ids.nina, '2026-W51', 3, 3, 3],
      [ids.nils, '2026-W51', 4, 4, 2], [ids.rita, '2026-W52', 2, 2, 5], [ids.nina, '2026-W52', 2, 3, 4],
      [ids.nils, '2026-W52', 3, 3, 4], [ids.rita, '2026-W53', 2, 2, 4], [ids.nina, '2026-W53', 3, 3, 3],
      [ids.nils, '2027-W01', 3, 3, 3],
    ];
    for (const [rep, week, e, m, w] of rows)
      sqlExec(db, `INSERT INTO pulse_answers (org_id, rep_id, team_id, week, energy, motivation, workload, comment, created_at, updated_at) VALUES (${ids.acme}, ${rep}, ${ids.north}, '${week}', ${e}, ${m}, ${w}, 'Private words ${week} 5e1', 1, 1)`);
    return ids;
  },
});

const api = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));
const count = (where) => Number(sqlExec(ctx.db, `SELECT count(*) FROM pulse_answers WHERE ${where}`).trim());

// every way Max (or another manager or admin) could learn something of a rep's pulse
async function managerPaths(email) {
  const c = await ctx.signIn(email);
  const a = api(email);
  return {
    team: await c.get('/team/pulse'),
    csv: await c.get('/team/pulse?format=csv'),
    sharedCsv: await c.get('/team/pulse?table=shared&format=csv'),
    home: await c.get('/'),
    rep: await c.get(`/reps/${ctx.ids.rita}`),
    api: await a.get('/api/v1/pulse/team'),
    own: await a.get('/api/v1/pulse'),
  };
}

test('a manager sees the averages of ended weeks with three answers, nothing of a rep who does not share', async () => {
  const p = await managerPaths('max@acme.test');
  assert.equal(p.team.status, 200);
  assert.match(p.team.text, /Week 52 · [^<]*<\/td><td class="num">3<\/td><td class="num">2\.22 · 2\.5 or lower/);
  assert.match(p.team.text, /Week 51 · [^<]*<\/td><td class="num">3<\/td><td class="num">3\.67</);
  assert.doesNotMatch(p.team.text, /Week 53 ·/, 'two answers: not shown');
  assert.doesNotMatch(p.team.text, /Week 01 ·|Week 1 ·/, 'the open week: not shown');
  assert.match(p.team.text, /The average of team North was 2\.22/);
  assert.match(p.team.text, /No rep of your teams shares their pulse/);
  const teams = p.api.json.teams;
  assert.deepEqual(teams.map((t) => t.name), ['North']);
  assert.deepEqual(teams[0].weeks.map((w) => [w.week, w.answers, Math.round(w.average * 100) / 100, w.low]),
    [['2026-W51', 3, 3.67, false], ['2026-W52', 3, 2.22, true]]);
  assert.deepEqual(p.api.json.shared, []);
  assert.deepEqual(p.api.json.needs.map((n) => [n.kind, n.name, n.week]), [['pulse_team_low', 'North', '2026-W52']]);
  assert.match(p.csv.text, /2026-W52/);
  assert.doesNotMatch(p.csv.text, /2026-W53|2027-W01/);
  assert.match(p.home.text, /Pulse: needs you now/);
  for (const [path, r] of Object.entries(p)) {
    assert.doesNotMatch(r.text, /Private words/, `no comment via ${path}`);
    if (path !== 'rep') assert.doesNotMatch(r.text, /Rita Rep/, `nothing of Rita via ${path}`);
  }
  assert.doesNotMatch(p.rep.text, /id="pulse"/, 'the rep page: no pulse');
  assert.deepEqual(p.own.json.answers, [], 'the API gives Max his own answers only');
});

test('an admin who leads no team and a manager of another team see nothing of North', async () => {
  for (const email of ['ann@acme.test', 'mia@acme.test']) {
    const p = await managerPaths(email);
    assert.equal(p.team.status, 200);
    assert.doesNotMatch(p.team.text, /North|2\.22|3\.67/);
    assert.ok(!(p.api.json.teams ?? []).some((t) => t.name === 'North'), email);
    assert.deepEqual(p.api.json.shared, []);
    assert.deepEqual(p.api.json.needs, []);
    assert.doesNotMatch(p.csv.text, /North|2026-W5/);
    assert.doesNotMatch(p.home.text, /Pulse: needs you now/);
    for (const [path, r] of Object.entries(p)) assert.doesNotMatch(r.text, /Private words/, `${email} ${path}`);
  }
  const ann = await ctx.signIn('ann@acme.test');
  assert.match((await ann.get('/team/pulse')).text, /You lead no team/);
});

test('a rep reaches no team pulse, and the API gives each rep their own answers only', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/team/pulse')).status, 403);
  assert.equal((await api('rita@acme.test').get('/api/v1/pulse/team')).status, 403);
  const nina = await api('nina@acme.test').get('/api/v1/pulse');
  assert.equal(nina.status, 200);
  assert.deepEqual(nina.json.answers.map((a) => a.week), ['2026-W51', '2026-W52', '2026-W53']);
  assert.deepEqual(nina.json.answers.map((a) => a.comment), ['Private words 2026-W51 5e1', 'Private words 2026-W52 5e1',
    'Private words 2026-W53 5e1']);
  assert.equal(nina.json.week, '2027-W01');
});

test('answering: a value outside 1..5 names the field, a second answer names the week, "change" changes it', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const { csrf } = await rita.page('/pulse');
  let r = await rita.postForm('/pulse', { csrf_token: csrf, energy: '6', motivation: '3', workload: '2' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Energy: choose a whole number from 1 to 5/);
  assert.equal(count(`rep_id = ${ctx.ids.rita} AND week = '2027-W01'`), 0, 'nothing stored');
  r = await rita.postForm('/pulse', { csrf_token: csrf, energy: '2', motivation: '2', workload: '4', comment: 'Tired 9c1' });
  assert.equal(r.status, 303);
  r = await rita.postForm('/pulse', { csrf_token: csrf, energy: '5', motivation: '5', workload: '1' });
  assert.equal(r.status, 409);
  assert.match(r.text, /Week: you answered this week already/);
  assert.equal(Number(sqlExec(ctx.db, `SELECT energy FROM pulse_answers WHERE rep_id = ${ctx.ids.rita} AND week = '2027-W01'`).trim()), 2);
  r = await rita.postForm('/pulse', { csrf_token: csrf, energy: '2', motivation: '3', workload: '4', comment: 'Tired 9c1', change: '1' });
  assert.equal(r.status, 303);
  assert.equal(count(`rep_id = ${ctx.ids.rita} AND week = '2027-W01'`), 1);
  assert.equal(sqlExec(ctx.db, `SELECT motivation FROM pulse_answers WHERE rep_id = ${ctx.ids.rita} AND week = '2027-W01'`).trim(), '3');
  const page = await rita.get('/pulse');
  assert.match(page.text, /Energy 2 · motivation 3 · workload 4: the answer of the week is 2\.33/);
  assert.match(page.text, /Change this week&#39;s answer|Change this week's answer/);
  // W52 5 + W53 6 + W01 7 = 18 points: a mean of 2.0 <= 2.5; four weeks before
  // W01 is 2026-W50 (2026 has a week 53), not answered: no fall
  assert.match(page.text, /At risk: the last three answered weeks average 2\.5 or lower\./);
  assert.match(page.text, /Burnout risk: the mean of the answers of your last three answered weeks is 2\.5 or lower/);

  const nina = api('nina@acme.test');
  r = await nina.post('/api/v1/pulse', { energy: 2, motivation: 0, workload: 3 });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'motivation');
  r = await nina.post('/api/v1/pulse', { energy: 2, motivation: 2.5, workload: 3 });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'motivation');
  assert.equal(count(`rep_id = ${ctx.ids.nina} AND week = '2027-W01'`), 0, 'nothing stored');
  r = await nina.post('/api/v1/pulse', { energy: 3, motivation: 3, workload: 3 });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.week, '2027-W01');
  r = await nina.post('/api/v1/pulse', { energy: 4, motivation: 3, workload: 3 });
  assert.equal(r.status, 409);
  assert.equal(r.json.field, 'week');
  r = await nina.post('/api/v1/pulse', { energy: 4, motivation: 3, workload: 3, change: true });
  assert.equal(r.status, 200);
  assert.equal(r.json.energy, 4);
  assert.equal(count(`rep_id = ${ctx.ids.nina} AND week = '2027-W01'`), 1);

  // three answers in the open week now: still not shown to Max
  const max = await api('max@acme.test').get('/api/v1/pulse/team');
  assert.ok(!max.json.teams[0].weeks.some((w) => w.week === '2027-W01'));
});

test('sharing: Max sees Rita\'s answers and risk while she shares, never her comments; revoked, nothing', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  let { csrf } = await rita.page('/pulse');
  let r = await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '1' });
  assert.equal(r.status, 303);
  let p = await managerPaths('max@acme.test');
  assert.match(p.team.text, new RegExp(`id="rep-${ctx.ids.rita}"><h3>Rita Rep`));
  assert.match(p.team.text, /At risk/);
  assert.match(p.home.text, /Rita Rep shares their pulse and is at burnout risk/);
  assert.match(p.rep.text, /id="pulse"/);
  const shared = p.api.json.shared;
  assert.deepEqual(shared.map((s) => [s.name, s.risk.at_risk]), [['Rita Rep', true]]);
  assert.deepEqual(shared[0].answers.map((a) => a.week), ['2026-W49', '2026-W51', '2026-W52', '2026-W53', '2027-W01']);
  assert.ok(shared[0].answers.every((a) => !('comment' in a)));
  assert.equal(p.api.json.needs[0].kind, 'pulse_risk');
  assert.match(p.sharedCsv.text, /Rita Rep/);
  for (const [path, x] of Object.entries(p)) assert.doesNotMatch(x.text, /Private words|Tired 9c1/, `no comment via ${path}`);
  // Ann (admin, leads no team) still sees nothing of Rita's pulse
  const ann = await managerPaths('ann@acme.test');
  assert.deepEqual(ann.api.json.shared, []);
  assert.doesNotMatch(ann.rep.text, /id="pulse"/);
  assert.doesNotMatch(ann.team.text, /Rita Rep/);

  ({ csrf } = await rita.page('/pulse'));
  r = await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '0' });
  assert.equal(r.status, 303);
  p = await managerPaths('max@acme.test');
  for (const path of ['team', 'home', 'api', 'sharedCsv', 'csv'])
    assert.doesNotMatch(p[path].text, /Rita Rep/, `revoked: nothing via ${path}`);
  assert.doesNotMatch(p.rep.text, /id="pulse"/);
  r = await api('rita@acme.test').send('PUT', '/api/v1/pulse/sharing', { shared: 'yes' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'shared');
});

testCleanStop(ctx);
