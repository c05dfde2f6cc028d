// profile: a rep's competency profile (GET /reps/:id/profile, /profile, the
// summary on /reps/:id), the team traits matrix (GET /team/traits) and their
// API (GET /api/v1/reps/:id/profile, GET /api/v1/assessments/matrix), issue 8,
// on ratings inserted with SQL as the assessment forms leave them, with the
// server's clock pinned to 2026-11-23 (the current quarter 2026-Q4; the last
// four completed ones 2025-Q4 .. 2026-Q3).
//
// The five seeded traits in their order T1..T5 (goal-oriented .. customer-
// oriented). Rita (North, led by Max):
//
//   2026 H1 (opened 2026-01-15)  manager 3 3 3 3 3   self 4 4 4 4 4
//   2026 H2 (opened 2026-07-01)  manager 4 5 4 4 2   self 5 5 4 4 3
//                                peer Nina 3 on T1; peer Pete's DRAFT 1 on T1 (does not count)
//   2026 Q4 (opened 2026-10-01)  Max's DRAFT 1 1 1 1 1 (does not count: H2 stays the latest)
//
//   -> verdict weak, judged by T5 (customer-oriented) 2; growth +1 +2 +1 +1 −1;
//      peers on T1: 3 (1 peer)
// Nina (North): H2 manager 5 5 5 5 5 -> elite. Matrix of Max sorted by the
// weakest trait: Rita (2), Nina (5); by name: Nina, Rita.
//
// Superstars (results source: imported totals; superstar at 120 % of the
// target): Rob and Sue (South) were at 150 % in 2026-Q3, Tom in 2025-Q4;
// Mia's manager scores of them in "South 2026":
//   Rob 5 4 5 4 5, Sue 4 4 5 5 4, Tom 5 5 5 4 3
// With Rob and Sue only: hidden, "only 2 superstars with manager scores; 3
// needed". With Tom too: means 14/3 = 4.67, 13/3 = 4.33, 5, 13/3 = 4.33, 4.
//
// Rights: the profile is Rita's private data — Rob, Mia, Ann (an admin who
// leads no team) 403, the other organisation 404, in pages, API and
// downloads; the matrix lists only the reps of the teams the caller leads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, addUser, addTeam, sqlExec, unescapeHtml,
} from './lib.mjs';

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
  f.nina = addUser(ctx.db, 'acme', 'nina@acme.test', 'Nina North', 'rep', { team: 'North' });
  f.pete = addUser(ctx.db, 'acme', 'pete@acme.test', 'Pete Peer', 'rep', { team: 'North' });
  f.sue = addUser(ctx.db, 'acme', 'sue@acme.test', 'Sue South', 'rep', { team: 'South' });
  f.tom = addUser(ctx.db, 'acme', 'tom@acme.test', 'Tom South', 'rep', { team: 'South' });
  f.traits = sql(`SELECT id || '|' || name FROM traits WHERE org_id = ${org} AND retired_at IS NULL ORDER BY position, id`)
    .split('\n').map((l) => { const [id, name] = l.split('|'); return { id: Number(id), name }; });
  assert.equal(f.traits.length, 5, 'the five seeded traits');
  const round = (name, team, opened, by) => Number(sql(`INSERT INTO assessment_rounds (org_id, name, team_id, opened_by,
    opened_on, created_at) VALUES (${org}, '${name}', ${team}, ${by}, '${opened}', 1) RETURNING id`));
  let second = 1790000000;
  const rate = (rnd, rep, rater, kind, status, scores) => {
    // a submitted form carries the second it was submitted in, as the forms leave it
    const at = status === 'submitted' ? ++second : 'NULL';
    const id = Number(sql(`INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at,
      created_at) VALUES (${org}, ${rnd}, ${rep}, ${rater}, '${kind}', '${status}', ${at}, 1) RETURNING id`));
    scores.forEach((s, i) => {
      if (s) sql(`INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score, evidence)
        VALUES (${org}, ${id}, ${f.traits[i].id}, ${s}, 'Secret evidence of ${kind}')`);
    });
  };
  const h1 = round('2026 H1', ids.north, '2026-01-15', ids.max);
  const h2 = round('2026 H2', ids.north, '2026-07-01', ids.max);
  const q4 = round('2026 Q4', ids.north, '2026-10-01', ids.max);
  rate(h1, ids.rita, ids.max, 'manager', 'submitted', [3, 3, 3, 3, 3]);
  rate(h1, ids.rita, ids.rita, 'self', 'submitted', [4, 4, 4, 4, 4]);
  rate(h2, ids.rita, ids.max, 'manager', 'submitted', [4, 5, 4, 4, 2]);
  rate(h2, ids.rita, ids.rita, 'self', 'submitted', [5, 5, 4, 4, 3]);
  rate(h2, ids.rita, f.nina, 'peer', 'submitted', [3, 0, 0, 0, 0]);
  rate(h2, ids.rita, f.pete, 'peer', 'draft', [1, 0, 0, 0, 0]);
  rate(q4, ids.rita, ids.max, 'manager', 'draft', [1, 1, 1, 1, 1]);
  rate(h2, f.nina, ids.max, 'manager', 'submitted', [5, 5, 5, 5, 5]);
  // superstars of South
  sql(`INSERT INTO org_settings (org_id, key, value) VALUES (${org}, 'results_source', '1')`);
  const numbers = (rep, start, end, target, result) => {
    for (const [table, amount] of [['targets', target], ['result_totals', result]])
      sql(`INSERT INTO ${table} (org_id, user_id, kind, period_start, period_end, amount_minor, currency, created_at,
        updated_at) VALUES (${org}, ${rep}, 'quarter', '${start}', '${end}', ${amount}, 'EUR', 1, 1)`);
  };
  numbers(ids.rob, '2026-07-01', '2026-09-30', 100000, 150000);
  numbers(f.sue, '2026-07-01', '2026-09-30', 100000, 150000);
  numbers(f.tom, '2025-10-01', '2025-12-31', 100000, 150000);
  numbers(ids.rita, '2026-07-01', '2026-09-30', 100000, 100000);	// core: not a superstar
  numbers(ids.rita, '2026-10-01', '2026-12-31', 100000, 100000);	// core in the current quarter
  const south = round('South 2026', ids.south, '2026-06-01', ids.mia);
  rate(south, ids.rob, ids.mia, 'manager', 'submitted', [5, 4, 5, 4, 5]);
  rate(south, f.sue, ids.mia, 'manager', 'submitted', [4, 4, 5, 5, 4]);
  f.rateTom = () => rate(south, f.tom, ids.mia, 'manager', 'submitted', [5, 5, 5, 4, 3]);
  fx = f;
  return f;
}

test('Rita sees her profile: the weakest-trait verdict, the latest scores, growth, submitted ratings only', async () => {
  const f = fixture();
  const rita = await web('rita@acme.test');
  const r = await rita.get(`/reps/${f.rita}/profile`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const text = textOf(r.text);
  const t5 = f.traits[4].name;
  assert.match(text, new RegExp(`Judged by its weakest trait: ${t5} 2\\.`));
  assert.match(text, new RegExp(`Development focus: ${t5} \\(2\\)`));
  assert.match(text, /Latest round: 2026 H2/);
  // the row of each trait: self, manager, peers, superstars, previous, growth
  const row = (i) => {
    const m = new RegExp(`<tr[^>]*data-trait="${f.traits[i].id}"[^>]*>([\\s\\S]*?)</tr>`).exec(r.text);
    assert.ok(m, `row of ${f.traits[i].name}`);
    return textOf(m[1]).trim();
  };
  assert.equal(row(0), `${f.traits[0].name} 5 4 3 (1) – 3 +1`);
  assert.equal(row(1), `${f.traits[1].name} 5 5 – – 3 +2`);
  assert.equal(row(4), `${t5} 3 2 – – 3 -1`);
  assert.match(r.text, /<tr class="weakest" data-trait="\d+"><th scope="row">[^<]*customer/i);
  // the charts' data: self, manager, peers (no superstars yet)
  const radar = JSON.parse(/<script type="application\/json" id="chart-radar">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.deepEqual(radar.datasets.map((d) => d.data), [[5, 5, 4, 4, 3], [4, 5, 4, 4, 2], [3, null, null, null, null]]);
  const growth = JSON.parse(/<script type="application\/json" id="chart-growth">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.deepEqual(growth.labels, ['2026 H1', '2026 H2'], 'the draft round does not count');
  assert.deepEqual(growth.datasets[4].data, [3, 2]);
  // the same figures in the API
  const a = await api('rita@acme.test').get(`/api/v1/reps/${f.rita}/profile`);
  assert.equal(a.status, 200, a.text);
  assert.equal(a.json.verdict, 'weak');
  assert.equal(a.json.weakest_trait.id, f.traits[4].id);
  assert.equal(a.json.weakest_trait.score, 2);
  assert.deepEqual(a.json.traits.map((t) => t.growth), [1, 2, 1, 1, -1]);
  assert.deepEqual(a.json.traits.map((t) => t.self), [5, 5, 4, 4, 3]);
  assert.equal(a.json.traits[0].peers, 3);
  assert.equal(a.json.traits[0].peer_count, 1);
  assert.equal(a.json.latest_round.name, '2026 H2');
  assert.equal(a.json.previous_round.name, '2026 H1');
  assert.doesNotMatch(a.text, /Secret evidence/);
  // downloads
  const csv = await rita.get(`/reps/${f.rita}/profile?table=latest&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, new RegExp(`${t5}.*,3(\\.00)?,2(\\.00)?,`));
  const g = await rita.get(`/reps/${f.rita}/profile?table=growth&format=xlsx`);
  assert.equal(g.status, 200);
  assert.match(g.headers.get('content-type'), /spreadsheet/);
  // /profile is her own; the rep page carries the summary
  const me = await rita.get('/profile');
  assert.equal(me.status, 303);
  assert.equal(me.location, `/reps/${f.rita}/profile`);
  const rep = textOf((await rita.get(`/reps/${f.rita}`)).text);
  assert.match(rep, new RegExp(`Judged by its weakest trait: ${t5} 2\\.`));
});

test('elite needs every trait at 4 or above: Nina', async () => {
  const f = fixture();
  const max = await web('max@acme.test');
  const text = textOf((await max.get(`/reps/${f.nina}/profile`)).text);
  assert.match(text, /Elite: all 5 traits at 4 or above\./);
});

test('the superstar profile is hidden with its reason below three scored superstars, shown from three', async () => {
  const f = fixture();
  const rita = await web('rita@acme.test');
  let text = textOf((await rita.get(`/reps/${f.rita}/profile`)).text);
  assert.match(text, /Hidden: only 2 superstars with manager scores; 3 needed\./);
  assert.match(text, /quarters 2025-Q4 to 2026-Q3/);
  let a = await api('rita@acme.test').get(`/api/v1/reps/${f.rita}/profile`);
  assert.equal(a.json.superstar_profile.shown, false);
  assert.equal(a.json.superstar_profile.superstars, 3, 'Rob, Sue and Tom were superstars');
  assert.equal(a.json.superstar_profile.superstars_scored, 2);
  assert.deepEqual(a.json.traits.map((t) => t.superstars), [null, null, null, null, null]);
  // the means of Rob and Sue must not reach Rita's page either
  assert.doesNotMatch(JSON.stringify(a.json.traits), /4\.5/);

  f.rateTom();
  a = await api('rita@acme.test').get(`/api/v1/reps/${f.rita}/profile`);
  assert.equal(a.json.superstar_profile.shown, true);
  assert.equal(a.json.superstar_profile.hidden_reason, null);
  assert.deepEqual(a.json.traits.map((t) => t.superstars), [4.67, 4.33, 5, 4.33, 4]);
  const r = await rita.get(`/reps/${f.rita}/profile`);
  text = textOf(r.text);
  assert.match(text, /3 superstars with manager scores\./);
  const radar = JSON.parse(/<script type="application\/json" id="chart-radar">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.equal(radar.datasets.length, 4);
  assert.deepEqual(radar.datasets[3].data, [4.67, 4.33, 5, 4.33, 4]);
  const m = new RegExp(`<tr[^>]*data-trait="${f.traits[0].id}"[^>]*>([\\s\\S]*?)</tr>`).exec(r.text);
  assert.equal(textOf(m[1]).trim(), `${f.traits[0].name} 5 4 3 (1) 4.7 3 +1`);
});

test('nobody else sees Rita\'s profile: Rob, Mia, Ann (who leads no team), the other organisation', async () => {
  const f = fixture();
  for (const [email, status] of [['rob@acme.test', 403], ['mia@acme.test', 403], ['ann@acme.test', 403],
    ['bea@beta.test', 404], ['ben@beta.test', 404]]) {
    const s = await web(email);
    for (const p of [`/reps/${f.rita}/profile`, `/reps/${f.rita}/profile?table=latest&format=csv`,
      `/reps/${f.rita}/profile?table=growth&format=xlsx`]) {
      const r = await s.get(p);
      assert.equal(r.status, status, `${email} ${p}`);
      assert.doesNotMatch(r.text, /2026 H2|Judged by/, `${email} ${p}`);
    }
    const a = await api(email).get(`/api/v1/reps/${f.rita}/profile`);
    assert.equal(a.status, status, `${email} API`);
    assert.doesNotMatch(a.text, /2026 H2|weakest/);
    // the rep page does not carry her summary to them either
    const rp = await s.get(`/reps/${f.rita}`);
    assert.notEqual(rp.status, 200, `${email} rep page`);
  }
});

test('the team matrix: the manager\'s own reps, sorted by the weakest trait, tiers beside, downloads', async () => {
  const f = fixture();
  const max = await web('max@acme.test');
  const r = await max.get('/team/traits');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const reps = [...r.text.matchAll(/<tr data-rep="(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(reps, [f.rita, f.nina, f.pete], 'weakest first (Rita 2, Nina 5), Pete unscored last; no South rep');
  const rita = textOf(/<tr data-rep="\d+">([\s\S]*?)<\/tr>/.exec(r.text)[1]).trim();
  assert.equal(rita, `Rita Rep Core ${f.traits[4].name} (2) 4 5 4 4 2`);
  assert.match(r.text, /class="num score score-2 weakest">2</);
  const byName = await max.get('/team/traits?sort=name');
  assert.deepEqual([...byName.text.matchAll(/<tr data-rep="(\d+)">/g)].map((m) => Number(m[1])), [f.nina, f.pete, f.rita]);
  const byT1 = await max.get(`/team/traits?sort=t${f.traits[0].id}&dir=desc`);
  assert.deepEqual([...byT1.text.matchAll(/<tr data-rep="(\d+)">/g)].map((m) => Number(m[1])), [f.nina, f.rita, f.pete],
    'T1 from the highest: Nina 5, Rita 4, Pete none last');
  const byT2 = await max.get(`/team/traits?sort=t${f.traits[1].id}&dir=desc`);
  assert.deepEqual([...byT2.text.matchAll(/<tr data-rep="(\d+)">/g)].map((m) => Number(m[1])), [f.nina, f.rita, f.pete],
    'T2: Nina 5 and Rita 5 tie, names break it');
  assert.equal((await max.get('/team/traits?sort=evidence')).status, 400);
  const csv = await max.get('/team/traits?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Rita Rep/);
  assert.doesNotMatch(csv.text, /Rob Rep|Sue South/);
  const a = await api('max@acme.test').get(`/api/v1/assessments/matrix?team=${f.north}`);
  assert.equal(a.status, 200, a.text);
  assert.deepEqual(a.json.reps.map((x) => x.id), [f.rita, f.nina, f.pete]);
  assert.equal(a.json.reps[0].tier, 'core');
  assert.equal(a.json.reps[0].weakest_trait.id, f.traits[4].id);
  assert.deepEqual(a.json.reps[0].scores.map((s) => s.manager), [4, 5, 4, 4, 2]);
  assert.equal(a.json.reps[2].verdict, 'unjudged');
});

test('the matrix shows no rep of a team the caller does not lead', async () => {
  const f = fixture();
  const mia = await web('mia@acme.test');
  const r = await mia.get('/team/traits');
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /Rita Rep|Nina North/);
  assert.match(r.text, /Rob Rep/);
  assert.equal((await mia.get(`/team/traits?team=${f.north}`)).status, 403);
  assert.equal((await api('mia@acme.test').get(`/api/v1/assessments/matrix?team=${f.north}`)).status, 403);
  const miaApi = await api('mia@acme.test').get('/api/v1/assessments/matrix');
  assert.doesNotMatch(miaApi.text, /Rita Rep/);
  // Ann is an admin who leads no team: an empty matrix, and North's is refused
  const ann = await web('ann@acme.test');
  const annPage = await ann.get('/team/traits');
  assert.equal(annPage.status, 200);
  assert.doesNotMatch(annPage.text, /Rita Rep|Rob Rep/);
  assert.equal((await ann.get(`/team/traits?team=${f.north}`)).status, 403);
  assert.equal((await ann.get(`/team/traits?team=${f.north}&format=csv`)).status, 403);
  const annApi = await api('ann@acme.test').get('/api/v1/assessments/matrix');
  assert.equal(annApi.status, 200);
  assert.deepEqual(annApi.json.reps, []);
  // reps may not ask; the other organisation does not know North
  assert.equal((await (await web('rita@acme.test')).get('/team/traits')).status, 403);
  assert.equal((await api('bea@beta.test').get(`/api/v1/assessments/matrix?team=${f.north}`)).status, 404);
});

test('in Dutch and Norwegian, the profile and the matrix have no English left', async () => {
  const f = fixture();
  const words = /Judged by|Development focus|weakest|Growth over|Self, manager|superstar|Download:|Team traits|Reps and traits|Previous round/;
  for (const [lang, verdict] of [['nl', 'Beoordeeld op de zwakste eigenschap'], ['nb', 'Bedømt etter den svakeste egenskapen']]) {
    const c = await ctx.signIn('max@acme.test');
    await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
    const p = textOf((await c.get(`/reps/${f.rita}/profile`)).text);
    assert.match(p, new RegExp(verdict));
    assert.doesNotMatch(p, words, `${lang}: the profile`);
    const m = textOf((await c.get('/team/traits')).text);
    assert.doesNotMatch(m, words, `${lang}: the matrix`);
  }
});

testCleanStop(ctx);
