// learning-index: the achievement-orientation index and the team's learning
// (issue 9) end to end, with the server's clock pinned to 2026-11-23: the
// window is 2025-12-01 .. 2026-11-23, the attainment quarter 2026-Q4.
//
// Team North (manager Max) and its reps, their done learning by hand:
//
//   Rita  self: 01-10 2 h R, 03-05 1 h, 05-20 1.5 h R, 08-15 2.5 h R, 11-02 3 h R
//         mandatory: 06-10 5 h; outside the window 2025-11-30 (10 h) and an
//         assigned (not done) 8 h do not count
//         S = 10/15 = 66.7%, M = 5/12, R = 4/6 -> 100 × (0.2667 + 0.1667 + 0.1333) = 56.7 -> 57
//   Sam   mandatory only: 04-01 8 h                       S 0, M 0, R 0   -> 0 (only mandatory)
//   Sue   1 h self on the 1st of every month, reflected   S 1, M 1, R 1   -> 100
//   Tia   1 h self Jan..Jun, no reflection                S 1, M 6/12, R 0 -> 60 (high: at the threshold)
//   Uma   nothing                                                          -> 0
//   Vic   suggested 09-09 2 h R, self 10-10 1 h R         S 1/3, M 1/12, R 1 -> 13.3 + 3.3 + 20 = 37
//
// Superstars in 2026-Q4 (result ≥ 120% of target): Sue, Tia, Sam, Uma — 2 of
// 4 high: too few to tell; once Vic is one too, 2 of 5 (40%). Rita: core.
// The team's hours: self 10 + 12 + 6 + 1 = 29, suggested 2, mandatory 5 + 8 = 13.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, addUser, sqlExec, unescapeHtml } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const sql = (q) => sqlExec(ctx.db, q).trim();
const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');
const tokens = {};
const api = (email) => apiClient(ctx.base, tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));
const sessions = {};
const web = async (email) => (sessions[email] ??= await ctx.signIn(email));

let fx;
function fixture() {
  if (fx) return fx;
  const ids = ctx.ids, org = ids.acme;
  const f = { ...ids };
  for (const [k, name] of [['sam', 'Sam Solid'], ['sue', 'Sue Steady'], ['tia', 'Tia Turbo'], ['uma', 'Uma Unread'], ['vic', 'Vic Varied']])
    f[k] = addUser(ctx.db, 'acme', `${k}@acme.test`, name, 'rep', { team: 'North' });
  const act = (rep, on, origin, minutes, { kind = 'book', status = 'done', learned = '' } = {}) =>
    sql(`INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, due_on, minutes, learned,
      created_by, created_at) VALUES (${org}, ${rep}, '${kind}', 'Learning ${rep} ${on}', '${origin}', '${status}',
      ${status === 'done' ? `'${on}'` : 'NULL'}, ${status === 'done' ? 'NULL' : `'${on}'`}, ${minutes}, '${learned}', ${rep}, 1)`);
  const R = { learned: 'Rita secret reflection 7f3a' };
  act(ids.rita, '2026-01-10', 'self', 120, R);
  act(ids.rita, '2026-03-05', 'self', 60, { kind: 'article' });
  act(ids.rita, '2026-05-20', 'self', 90, { kind: 'webinar', ...R });
  act(ids.rita, '2026-08-15', 'self', 150, { kind: 'course', ...R });
  act(ids.rita, '2026-11-02', 'self', 180, R);
  act(ids.rita, '2026-06-10', 'mandatory', 300, { kind: 'training_day' });
  act(ids.rita, '2025-11-30', 'self', 600);
  act(ids.rita, '2026-12-01', 'mandatory', 480, { kind: 'training_day', status: 'assigned' });
  act(f.sam, '2026-04-01', 'mandatory', 480, { kind: 'training_day' });
  for (let m = 0; m < 12; m++) {
    const y = m === 0 ? 2025 : 2026, mm = m === 0 ? 12 : m;
    act(f.sue, `${y}-${String(mm).padStart(2, '0')}-01`, 'self', 60, { learned: 'ok' });
  }
  for (let m = 1; m <= 6; m++) act(f.tia, `2026-0${m}-15`, 'self', 60);
  act(f.vic, '2026-09-09', 'suggested', 120, { learned: 'ok' });
  act(f.vic, '2026-10-10', 'self', 60, { learned: 'ok' });
  // South's Rob learns too: never in North's figures
  act(ids.rob, '2026-10-10', 'self', 600, { learned: 'Rob secret' });
  sql(`INSERT INTO org_settings (org_id, key, value) VALUES (${org}, 'results_source', '1')`);
  f.numbers = (rep, target, result) => {
    for (const [table, amount] of [['targets', target], ['result_totals', result]])
      sql(`INSERT INTO ${table} (org_id, user_id, kind, period_start, period_end, amount_minor, currency, created_at,
        updated_at) VALUES (${org}, ${rep}, 'quarter', '2026-10-01', '2026-12-31', ${amount}, 'EUR', 1, 1)`);
  };
  for (const k of ['sue', 'tia', 'sam', 'uma']) f.numbers(f[k], 100000, 150000);
  f.numbers(ids.rita, 100000, 100000);
  fx = f;
  return f;
}

test('Max sees every rep of North: the index, its parts, the three lists and the 84% beside too few superstars', async () => {
  const f = fixture();
  const max = await web('max@acme.test');
  const r = await max.get(`/team/learning?team=${f.north}`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const row = (id) => textOf(new RegExp(`<tr data-rep="${id}">[\\s\\S]*?</tr>`).exec(r.text)?.[0] ?? '');
  const rita = row(f.rita);
  assert.match(rita, /Rita Rep 57 67% \(10 of 15 hours self-initiated\) 42% \(5 of 12 months with self-initiated learning\) 67% \(4 of 6 activities with a reflection\) 10 0 5 2 Nov 2026 100% Core/);
  assert.match(row(f.sam), /Sam Solid 0 0% \(0 of 8 hours/);
  assert.match(row(f.sue), /Sue Steady 100 100% \(12 of 12 hours/);
  assert.match(row(f.tia), /Tia Turbo 60 100% \(6 of 6 hours self-initiated\) 50% \(6 of 12 months/);
  assert.match(row(f.uma), /Uma Unread 0 0% \(0 of 0 hours/);
  assert.match(row(f.vic), /Vic Varied 37 33% \(1 of 3 hours/);
  assert.equal(row(f.rob), '', 'South is not on North\'s page');
  const lists = textOf(/<section class="card" id="answer">[\s\S]*?<\/section>/.exec(r.text)[0]);
  assert.match(lists, /Develops from within \(index 60 or more\) Sue Steady \(100\) ?, Tia Turbo \(60\)/);
  assert.match(lists, /Only attends mandatory training \(all their learning hours mandatory\) Sam Solid \(0\)/);
  assert.match(lists, /The rest Rita Rep \(57\) ?, Uma Unread \(0\) ?, Vic Varied \(37\)/);
  const claim = textOf(/<section class="card" id="claim">[\s\S]*?<\/section>/.exec(r.text)[0]);
  assert.match(claim, /84% of top sellers are strongly achievement-oriented \(Steve W\. Martin\)/);
  assert.match(claim, /too few to tell 2 of 4 superstars here have a high index/);
  // the scatter chart: superstars marked, reps without a target not drawn
  const spec = JSON.parse(/<script type="application\/json" id="chart-learning-scatter">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.equal(spec.datasets[0].star, true);
  assert.deepEqual(spec.datasets[0].data.map((p) => [p.name, p.x, p.y]).sort(),
    [['Sam Solid', 0, 150], ['Sue Steady', 100, 150], ['Tia Turbo', 60, 150], ['Uma Unread', 0, 150]]);
  assert.deepEqual(spec.datasets[1].data.map((p) => [p.name, p.x, p.y]), [['Rita Rep', 57, 100]]);
  // the team's hours per month by origin: totals of the 12 months
  const team = textOf(/<table class="learning-months" id="chart-learning-team-table">[\s\S]*?<\/table>/.exec(r.text)[0]);
  assert.match(team, /12 months 29 2 13 44 ?$/);
  assert.match(team, /2026-06 2 0 5 7 /, 'June: Sue 1 h, Tia 1 h self; Rita 5 h mandatory');

  // a fifth superstar: 2 of 5 = 40%, told
  f.numbers(f.vic, 100000, 130000);
  const r2 = await max.get(`/team/learning?team=${f.north}`);
  const claim2 = textOf(/<section class="card" id="claim">[\s\S]*?<\/section>/.exec(r2.text)[0]);
  assert.match(claim2, /40% 2 of 5 superstars here have a high index/);
  sql(`DELETE FROM targets WHERE user_id = ${f.vic}`);
  sql(`DELETE FROM result_totals WHERE user_id = ${f.vic}`);
});

test('the API gives the same figures as the page', async () => {
  const f = fixture();
  const a = await api('max@acme.test').get(`/api/v1/learning-index?team=${f.north}`);
  assert.equal(a.status, 200, a.text);
  const by = Object.fromEntries(a.json.reps.map((x) => [x.name, x]));
  assert.equal(by['Rita Rep'].index, 57);
  assert.deepEqual([by['Rita Rep'].self_share.self_minutes, by['Rita Rep'].self_share.all_minutes], [600, 900]);
  assert.equal(by['Rita Rep'].regularity.self_months, 5);
  assert.deepEqual([by['Rita Rep'].reflection.reflected, by['Rita Rep'].reflection.activities], [4, 6]);
  assert.equal(by['Rita Rep'].last_self_initiated_on, '2026-11-02');
  assert.equal(by['Rita Rep'].attainment, 1);
  assert.equal(by['Rita Rep'].superstar, false);
  assert.deepEqual(Object.fromEntries(a.json.reps.map((x) => [x.name, x.index])),
    { 'Rita Rep': 57, 'Sam Solid': 0, 'Sue Steady': 100, 'Tia Turbo': 60, 'Uma Unread': 0, 'Vic Varied': 37 });
  assert.deepEqual(a.json.from_within, ['Sue Steady', 'Tia Turbo']);
  assert.deepEqual(a.json.mandatory_only, ['Sam Solid']);
  assert.deepEqual(a.json.superstars, { n: 4, high: 2, share: null, enough: false, minimum: 5, claim_pct: 84 });
  assert.deepEqual(a.json.window, { from: '2025-12-01', to: '2026-11-23', months: 12 });
  const sum = (k) => a.json.months.reduce((s, m) => s + m[k], 0);
  assert.deepEqual([sum('self_minutes'), sum('suggested_minutes'), sum('mandatory_minutes')], [29 * 60, 120, 13 * 60]);
  // one rep
  const one = await api('rita@acme.test').get(`/api/v1/learning-index?rep=${f.rita}`);
  assert.equal(one.status, 200, one.text);
  assert.equal(one.json.index, 57);
  assert.equal(one.json.months.length, 12);
  assert.equal(one.json.months[0].month, '2025-12');
  const mine = await api('rita@acme.test').get('/api/v1/learning-index');
  assert.equal(mine.json.rep_id, f.rita);
  // bad input names the parameter
  const bad = await api('max@acme.test').get('/api/v1/learning-index?team=abc');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.field, 'team');
  const both = await api('max@acme.test').get(`/api/v1/learning-index?team=${f.north}&rep=${f.rita}`);
  assert.equal(both.status, 400);
});

test('privacy: Rob, Mia and the other organisation never see Rita\'s index; a rep sees the team aggregate only', async () => {
  const f = fixture();
  for (const who of ['rob@acme.test', 'mia@acme.test']) {
    assert.equal((await api(who).get(`/api/v1/learning-index?rep=${f.rita}`)).status, 403, who);
    assert.equal((await api(who).get(`/api/v1/learning-index?team=${f.north}`)).status, 403, who);
    const p = await (await web(who)).get(`/team/learning?team=${f.north}`);
    assert.equal(p.status, 403, who);
    const rep = await (await web(who)).get(`/reps/${f.rita}`);
    assert.doesNotMatch(rep.text, /achievement-orientation index/, who);
  }
  assert.equal((await api('bea@beta.test').get(`/api/v1/learning-index?rep=${f.rita}`)).status, 404);
  assert.equal((await api('bea@beta.test').get(`/api/v1/learning-index?team=${f.north}`)).status, 404);
  assert.equal((await (await web('bea@beta.test')).get(`/team/learning?team=${f.north}`)).status, 404);
  // Ann (an admin who does not lead North): the aggregate, no rep's index
  const ann = await (await web('ann@acme.test')).get(`/team/learning?team=${f.north}`);
  assert.equal(ann.status, 200);
  assert.doesNotMatch(ann.text, /data-rep=|Rita Rep|Sue Steady|id="claim"/);
  const annApi = await api('ann@acme.test').get(`/api/v1/learning-index?team=${f.north}`);
  assert.equal(annApi.status, 200);
  assert.equal(annApi.json.reps, undefined);
  assert.equal((await api('ann@acme.test').get(`/api/v1/learning-index?rep=${f.rita}`)).status, 403);
  // Sue (a rep of North): the team's hours, never another rep's row or index
  const sue = await (await web('sue@acme.test')).get('/team/learning');
  assert.equal(sue.status, 200);
  assert.doesNotMatch(sue.text, /data-rep=|Rita Rep|id="claim"|id="scatter"/);
  assert.match(textOf(sue.text), /12 months 29 2 13 44/);
  assert.equal((await api('sue@acme.test').get(`/api/v1/learning-index?rep=${f.rita}`)).status, 403);
  const sueCsv = await (await web('sue@acme.test')).get(`/team/learning?team=${f.north}&format=csv`);
  assert.equal(sueCsv.status, 200);
  assert.doesNotMatch(sueCsv.text, /Rita|Sam Solid/);
  // Rita's reflections never show on these pages, not even to Max
  const max = await (await web('max@acme.test')).get(`/team/learning?team=${f.north}`);
  assert.doesNotMatch(max.text, /Rita secret reflection/);
  // the rep page's short version: Rita and Max, not Rob
  const own = textOf((await (await web('rita@acme.test')).get(`/reps/${f.rita}`)).text);
  assert.match(own, /57 achievement-orientation index, of 100 Not high \(below 60\)/);
  assert.match(own, /10 of 15 hours self-initiated/);
});

test('the table downloads as CSV and Excel, the months too', async () => {
  const f = fixture();
  const max = await web('max@acme.test');
  const csv = await max.get(`/team/learning?team=${f.north}&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Rita Rep,57,/);
  assert.match(csv.text, /Sue Steady,100,/);
  const months = await max.get(`/team/learning?team=${f.north}&table=months&format=csv`);
  assert.match(months.text, /2026-06,2(\.00)?,0(\.00)?,5(\.00)?,7(\.00)?/);
  const x = await fetch(`${ctx.base}/team/learning?team=${f.north}&format=xlsx`, { headers: { Cookie: max.cookieHeader() } });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
  const bad = await max.get('/team/learning?team=x1');
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /team: the team must be a number/);
});

test('in Dutch and Norwegian, the team learning page has no English left', async () => {
  const f = fixture();
  const words = /Develops from within|Only attends|self-initiated|Self-initiated|of top sellers|superstars here|too few|Learning hours|Download:|How the index|Regularity|Reflection|The rest|Attainment|Team learning/;
  for (const lang of ['nl', 'nb']) {
    const c = await ctx.signIn('max@acme.test');
    await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
    try {
      const t = textOf((await c.get(`/team/learning?team=${f.north}`)).text);
      assert.doesNotMatch(t, words, `${lang}: the team page`);
      const rp = textOf((await c.get(`/reps/${f.rita}`)).text);
      const sec = /achievement|self-initiated|with a reflection|How the index/;
      assert.doesNotMatch(rp, sec, `${lang}: the rep page's index`);
    } finally {
      await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en', next: '/' });
    }
  }
});

test('ties: the profile shows learning per trait beside growth; the one-on-one agenda counts learning since last time', async () => {
  const f = fixture();
  const org = f.acme;
  const trait = sql(`SELECT id || '|' || name FROM traits WHERE org_id = ${org} AND retired_at IS NULL ORDER BY position, id LIMIT 1`).split('|');
  sql(`UPDATE learning_activities SET trait_id = ${trait[0]} WHERE rep_id = ${f.rita} AND done_on IN ('2026-08-15', '2026-05-20')`);
  const max = await web('max@acme.test');
  const p = await max.get(`/reps/${f.rita}/profile`);
  assert.equal(p.status, 200);
  const row = textOf(new RegExp(`<table class="profile-learning">[\\s\\S]*?<tr data-trait="${trait[0]}">[\\s\\S]*?</tr>`).exec(p.text)[0]);
  assert.match(row, new RegExp(`${trait[1]} – 2 4 Learning ${f.rita} 2026-08-15 \\(15 Aug 2026\\) ?$`));
  const rob = await (await web('rob@acme.test')).get(`/reps/${f.rita}/profile`);
  assert.doesNotMatch(rob.text, /profile-learning/);
  // a one-on-one on 2026-11-20 with none before: the 30 days before it hold Rita's book of 11-02
  const o = await api('max@acme.test').post('/api/v1/one-on-ones', { rep_id: f.rita, scheduled_on: '2026-11-20' });
  assert.equal(o.status, 201, o.text);
  const page = await max.get(`/one-on-ones/${o.json.id}`);
  assert.match(textOf(page.text), /Learning since last time 1 book/);
  const sue = await api('max@acme.test').post('/api/v1/one-on-ones', { rep_id: f.sue, scheduled_on: '2026-11-02' });
  assert.equal(sue.status, 201, sue.text);
  // Sue's 10-01 and 11-01 books, 30 days back from 11-02 (10-03 .. 11-02): one
  assert.match(textOf((await max.get(`/one-on-ones/${sue.json.id}`)).text), /Learning since last time 1 book/);
  sql(`INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, minutes, created_by, created_at)
    VALUES (${org}, ${f.sue}, 'ride_along', 'Rode along', 'self', 'done', '2026-10-20', 60, ${f.sue}, 1),
           (${org}, ${f.sue}, 'book', 'Second book', 'self', 'done', '2026-10-21', 60, ${f.sue}, 1)`);
  assert.match(textOf((await max.get(`/one-on-ones/${sue.json.id}`)).text), /Learning since last time 2 books, 1 ride-along/);
  sql(`DELETE FROM learning_activities WHERE rep_id = ${f.sue} AND title IN ('Rode along', 'Second book')`);
});

test('ties: a plan goal "read one book on questioning this quarter" fills itself in', async () => {
  const f = fixture();
  const org = f.acme;
  const trait = sql(`SELECT id FROM traits WHERE org_id = ${org} AND retired_at IS NULL ORDER BY position, id LIMIT 1 OFFSET 1`);
  const maxApi = api('max@acme.test');
  const plan = await maxApi.post('/api/v1/plans', { rep_id: f.rita, title: 'Learning Q4', period_start: '2026-10-01', period_end: '2026-12-31' });
  assert.equal(plan.status, 201, plan.text);
  const max = await web('max@acme.test');
  const post = (fields) => max.postForm(`/plans/${plan.json.id}/goals`, { csrf_token: max.csrf, baseline: '', ...fields });
  // a kind of learning with a figure that is not a learning one: refused, naming the field, nothing stored
  let r = await post({ kind: 'achievement', title: 'Wrong kind', metric: 'commitment_rate', learning_kind: 'book', target: '80', trait_id: '' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /A kind of learning goes with a learning figure only/);
  r = await post({ kind: 'achievement', title: 'Read one book on questioning', metric: 'learning_activities', learning_kind: 'book',
    target: '1', trait_id: String(trait) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  let page = textOf((await max.get(`/plans/${plan.json.id}`)).text);
  assert.doesNotMatch(page, /Wrong kind/);
  // Rita's book of 11-02 is on no trait yet: 0 of 1
  assert.match(page, /Learning activities done \(Book\): from 0 → now 0 → target 1/);
  sql(`UPDATE learning_activities SET trait_id = ${trait} WHERE rep_id = ${f.rita} AND done_on = '2026-11-02'`);
  page = textOf((await max.get(`/plans/${plan.json.id}`)).text);
  assert.match(page, /Learning activities done \(Book\): from 0 → now 1 → target 1/);
  assert.match(page, /100% of the way/);
  // learning hours in the API: Rita's 3 hours of Q4 (the assigned training of 12-01 is not done)
  const g = await maxApi.post(`/api/v1/plans/${plan.json.id}/goals`, { kind: 'achievement', title: 'Ten hours', metric: 'learning_hours', target: 10 });
  assert.equal(g.status, 201, g.text);
  const got = await maxApi.get(`/api/v1/plans/${plan.json.id}`);
  const hours = (got.json.goals ?? []).find((x) => x.title === 'Ten hours');
  assert.equal(hours.current, 3);
  assert.equal(hours.baseline, 0);
  const bad = await maxApi.post(`/api/v1/plans/${plan.json.id}/goals`, { kind: 'achievement', title: 'Zero', metric: 'learning_hours', target: 0 });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.field, 'target');
  sql(`UPDATE learning_activities SET trait_id = NULL WHERE rep_id = ${f.rita} AND done_on = '2026-11-02'`);
});

testCleanStop(ctx);
