// contests: leaderboards and contests of issue 10 end to end, with the
// server's clock pinned to Wednesday 2026-11-25.
//
// Acme: team North (Max; reps Rita and Rosa), team South (Mia; rep Rob),
// admin Ann; Beta: admin Bea, rep Ben. In November Rita holds two
// conversations ending in a step (commitment rate 100 %), Rosa a step and a
// "no commitment" (50 %), Rob a stop (100 %); Rita wins € 9,000, Rob € 3,000.
// The leaderboard's figure of a rep equals the figures API's; ties share a
// place (1, 1, 3). A contest with faults answers 400 naming each field and
// stores nothing (page and API). South hides individual revenue: Rob's
// revenue is nowhere (page, API, CSV, TV), South's total is; his effort
// figures stay. A contest of October on revenue is frozen at its first read
// and a won deal dated in October added afterwards leaves it unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec, seedStandard, addUser,
} from './lib.mjs';

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-11-25', SALESGARDEN_CONTEST_SWEEP: '2' },
  seed: (db) => {
    const ids = seedStandard(db);
    ids.rosa = addUser(db, 'acme', 'rosa@acme.test', 'Rosa Rep', 'rep', { team: 'North' });
    return ids;
  },
});

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

async function deal(api, title, valueMinor) {
  const a = await api.post('/api/v1/accounts', { name: `Account ${title}` });
  assert.equal(a.status, 201, a.text);
  const d = await api.post('/api/v1/deals', {
    title, account_id: a.json.id ?? a.json.account?.id, value_minor: valueMinor, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  return d.json.id ?? d.json.deal?.id;
}
async function conv(api, dealId, day, outcome, more = {}) {
  const r = await api.post('/api/v1/conversations', {
    deal_id: dealId, kind: 'meeting', at: `2026-${day}T10:00:00Z`, minutes: 30, gut_feeling: 3, outcome, notes: '',
    ...more,
  });
  assert.equal(r.status, 201, r.text);
}
async function won(api, id) {
  const r = await api.send('PATCH', `/api/v1/deals/${id}`, { status: 'won' });
  assert.equal(r.status, 200, r.text);
}

test('seed: November conversations and won deals', async () => {
  const rita = as('rita@acme.test'), rosa = as('rosa@acme.test'), rob = as('rob@acme.test');
  const d1 = await deal(rita, 'Rita one', 900000);
  await conv(rita, d1, '11-02', 'step', { step: { what: 'Demo', due: '2026-11-06', who: 'Olga' } });
  await conv(rita, d1, '11-09', 'step', { step: { what: 'Offer', due: '2026-11-12', who: 'Olga' } });
  await won(rita, d1);
  const d2 = await deal(rosa, 'Rosa one', 100000);
  await conv(rosa, d2, '11-03', 'step', { step: { what: 'Call', due: '2026-11-05', who: 'Piet' } });
  await conv(rosa, d2, '11-10', 'none');
  const d3 = await deal(rob, 'Rob one', 300000);
  await conv(rob, d3, '11-04', 'stop', { stop_reason: 'no_budget', stop_action: 'paused' });
  const d4 = await deal(rob, 'Rob two', 300000);
  await won(rob, d4);
});

test('leaderboard: the figures page\'s numbers, ties share a place (1, 1, 3)', async () => {
  const r = await as('ann@acme.test').get('/api/v1/leaderboards?figure=commitment_rate&period=this_month');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.from, '2026-11-01');
  assert.equal(r.json.to, '2026-11-30');
  const s = r.json.standings.map((l) => [l.place, l.name, l.value]);
  assert.deepEqual(s, [[1, 'Rita Rep', 1], [1, 'Rob Rep', 1], [3, 'Rosa Rep', 0.5]]);
  // the same number as the rep's own figures
  const f = await as('rosa@acme.test').get(`/api/v1/figures/commitment?rep=${ctx.ids.rosa}&from=2026-11-01&to=2026-11-30`);
  assert.equal(f.status, 200, f.text);
  assert.equal(f.json.commitment_rate ?? f.json.figures?.commitment_rate, 0.5);
  // the page says it in words, with the table and the chart
  const p = await (await web('max@acme.test')).get(`/leaderboards?team=${ctx.ids.north}&figure=commitment_rate&period=this_month`);
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.match(t, /Ties share a place \(1, 1, 3\)/);
  assert.match(t, /1 Rita Rep North 100% 2/);
  assert.match(t, /2 Rosa Rep North 50% 2/);
  assert.doesNotMatch(t, /Rob Rep/);
  assert.match(p.text, /data-lb-chart="lb-chart"/);
  // most improved in new deals: November against October (none then)
  const mi = await as('ann@acme.test').get('/api/v1/leaderboards?figure=most_improved&base=new_deals&period=this_month');
  assert.equal(mi.status, 200, mi.text);
  assert.deepEqual(mi.json.compared_with, { from: '2026-10-01', to: '2026-10-31' });
  assert.deepEqual(mi.json.standings.map((l) => [l.place, l.name, l.value, l.value_text]),
    [[1, 'Rob Rep', 2, '+2'], [2, 'Rita Rep', 1, '+1'], [2, 'Rosa Rep', 1, '+1']]);
  // revenue over days that are not whole months is refused
  const bad = await as('ann@acme.test').get('/api/v1/leaderboards?figure=revenue&from=2026-11-01&to=2026-11-15');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.field, 'period');
  const unknown = await as('ann@acme.test').get('/api/v1/leaderboards?figure=charisma');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.json.field, 'figure');
});

test('contest form: end before start, unknown figure, negative minimum, no teams — named, nothing stored', async () => {
  const before = sql('SELECT count(*) FROM contests');
  const r = await post('max@acme.test', '/contests/new', {
    name: 'Broken', figure: 'charisma', base: 'commitment_rate', mode: 'individual', starts_on: '2026-11-20',
    ends_on: '2026-11-10', minimum: '-3', prize: '',
  });
  assert.equal(r.status, 400);
  const t = textOf(r.text);
  assert.match(t, /Nothing was saved/);
  assert.match(t, /Choose a figure from the list\./);
  assert.match(t, /The last day is before the first day\./);
  assert.match(t, /The minimum cannot be negative\./);
  assert.match(t, /Choose at least one team taking part\./);
  assert.match(r.text, /name="name" type="text" value="Broken"/);
  // a team Max does not lead
  const other = await post('max@acme.test', '/contests/new', {
    name: 'South too', figure: 'steps_kept', mode: 'individual', starts_on: '2026-11-01', ends_on: '2026-11-30',
    teams: String(ctx.ids.south),
  });
  assert.equal(other.status, 400);
  assert.match(textOf(other.text), /One of the teams is not a team you may run a contest for\./);
  const api = await as('max@acme.test').post('/api/v1/contests', {
    name: 'X', figure: 'steps_kept', mode: 'individual', starts_on: '2026-11-10', ends_on: '2026-11-01',
    teams: [ctx.ids.north],
  });
  assert.equal(api.status, 400);
  assert.equal(api.json.field, 'ends_on');
  assert.equal(sql('SELECT count(*) FROM contests'), before);
  // a rep has no form
  assert.equal((await (await web('rita@acme.test')).get('/contests/new')).status, 403);
});

test('a running contest: live standings, seen by its teams only', async () => {
  const r = await post('max@acme.test', '/contests/new', {
    name: 'November commitment', figure: 'commitment_rate', base: 'commitment_rate', mode: 'individual',
    starts_on: '2026-11-01', ends_on: '2026-11-30', minimum: '2', prize: 'Lunch with the team', teams: String(ctx.ids.north),
  });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const id = /\/contests\/(\d+)/.exec(r.location)[1];
  const p = await (await web('rosa@acme.test')).get(`/contests/${id}`);
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.match(t, /running/);
  assert.match(t, /Only who held at least 2 conversations in the period is ranked\./);
  assert.match(t, /Prize: Lunch with the team/);
  assert.match(t, /1 Rita Rep North 100% 2/);
  assert.equal((await (await web('rob@acme.test')).get(`/contests/${id}`)).status, 404);
  assert.equal((await as('ben@beta.test').get(`/api/v1/contests/${id}`)).status, 404);
  const mia = await as('mia@acme.test').send('PATCH', `/api/v1/contests/${id}`, { name: 'Mine now' });
  assert.equal(mia.status, 404);
  const list = await (await web('rita@acme.test')).get('/contests');
  assert.match(textOf(list.text), /Running November commitment/);
});

test('revenue hidden for South: never individual, in page, API, export and TV; effort stays', async () => {
  const set = await post('mia@acme.test', '/leaderboards/setting', { team: String(ctx.ids.south), show: '0' });
  assert.equal(set.status, 303);
  assert.equal(sql(`SELECT show_revenue FROM teams WHERE id = ${ctx.ids.south}`), '0');
  // Max does not manage South
  const no = await post('max@acme.test', '/leaderboards/setting', { team: String(ctx.ids.south), show: '1' });
  assert.equal(no.status, 403);
  const q = 'figure=revenue&period=this_month';
  const api = await as('ann@acme.test').get(`/api/v1/leaderboards?${q}`);
  assert.equal(api.status, 200);
  assert.deepEqual(api.json.standings.map((l) => [l.name, l.value]), [['Rita Rep', 900000], ['Rosa Rep', 0]]);
  assert.deepEqual(api.json.team_totals.map((l) => [l.name, l.value]), [['South', 300000]]);
  const page = textOf((await (await web('ann@acme.test')).get(`/leaderboards?${q}`)).text);
  assert.doesNotMatch(page, /Rob Rep/);
  assert.match(page, /South \(individual revenue not shown\)/);
  const csv = await (await web('ann@acme.test')).get(`/leaderboards?${q}&format=csv`);
  assert.equal(csv.status, 200);
  assert.doesNotMatch(csv.text, /Rob Rep/);
  assert.match(csv.text, /Rita Rep/);
  const tv = await (await web('mia@acme.test')).get(`/tv/leaderboard?team=${ctx.ids.south}&${q}`);
  assert.equal(tv.status, 200);
  assert.doesNotMatch(textOf(tv.text), /Rob Rep/);
  assert.match(textOf(tv.text), /South/);
  const att = await as('mia@acme.test').get(`/api/v1/leaderboards?team=${ctx.ids.south}&figure=attainment&period=this_month`);
  assert.equal(att.json.standings.length, 0);
  // effort figures list Rob
  const eff = await as('ann@acme.test').get('/api/v1/leaderboards?figure=new_deals&period=this_month');
  assert.ok(eff.json.standings.some((l) => l.name === 'Rob Rep' && l.value === 2));
  // a revenue contest of individuals with South: refused on the teams field
  const c = await as('ann@acme.test').post('/api/v1/contests', {
    name: 'Revenue', figure: 'revenue', mode: 'individual', starts_on: '2026-11-01', ends_on: '2026-11-30',
    teams: [ctx.ids.north, ctx.ids.south],
  });
  assert.equal(c.status, 400);
  assert.equal(c.json.field, 'teams');
  const ok = await as('ann@acme.test').post('/api/v1/contests', {
    name: 'Revenue by team', figure: 'revenue', mode: 'team', starts_on: '2026-11-01', ends_on: '2026-11-30',
    teams: [ctx.ids.north, ctx.ids.south],
  });
  assert.equal(ok.status, 201, ok.text);
  assert.deepEqual(ok.json.standings.map((l) => [l.place, l.name, l.value]), [[1, 'North', 900000], [2, 'South', 300000]]);
});

test('an ended contest is frozen at its first read; a late won deal changes nothing', async () => {
  const rita = as('rita@acme.test');
  const d = await deal(rita, 'October one', 250000);
  await won(rita, d);
  sql(`UPDATE deals SET closed_on = '2026-10-10' WHERE id = ${d}`);
  const c = await as('max@acme.test').post('/api/v1/contests', {
    name: 'October revenue', figure: 'revenue', mode: 'individual', starts_on: '2026-10-01', ends_on: '2026-10-31',
    prize: 'A day off', teams: [ctx.ids.north],
  });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.state, 'final');
  assert.equal(c.json.frozen_on, '2026-11-25');
  assert.deepEqual(c.json.standings.map((l) => [l.place, l.name, l.value]), [[1, 'Rita Rep', 250000], [2, 'Rosa Rep', 0]]);
  const late = await deal(as('rosa@acme.test'), 'October late', 700000);
  await won(as('rosa@acme.test'), late);
  sql(`UPDATE deals SET closed_on = '2026-10-20' WHERE id = ${late}`);
  const again = await as('rosa@acme.test').get(`/api/v1/contests/${c.json.id}`);
  assert.deepEqual(again.json.standings.map((l) => [l.place, l.name, l.value]), [[1, 'Rita Rep', 250000], [2, 'Rosa Rep', 0]]);
  const page = textOf((await (await web('rosa@acme.test')).get(`/contests/${c.json.id}`)).text);
  assert.match(page, /final — frozen on 25 Nov 2026/);
  // live, the leaderboard counts the late deal
  const live = await as('ann@acme.test').get(`/api/v1/leaderboards?team=${ctx.ids.north}&figure=revenue&period=last_month`);
  assert.deepEqual(live.json.standings.map((l) => [l.name, l.value]), [['Rosa Rep', 700000], ['Rita Rep', 250000]]);
  // frozen: no change
  const patch = await as('max@acme.test').send('PATCH', `/api/v1/contests/${c.json.id}`, {
    name: 'Renamed', figure: 'revenue', mode: 'individual', starts_on: '2026-10-01', ends_on: '2026-10-31',
    teams: [ctx.ids.north],
  });
  assert.equal(patch.status, 409);
  assert.equal(sql(`SELECT count(*) FROM contest_standings WHERE contest_id = ${c.json.id}`), '2');
  // deleted by its manager
  const del = await as('max@acme.test').send('DELETE', `/api/v1/contests/${c.json.id}`);
  assert.equal(del.status, 200);
  assert.equal(sql(`SELECT count(*) FROM contest_standings WHERE contest_id = ${c.json.id}`), '0');
});

test('the periodic sweep freezes an ended contest nobody opens', async () => {
  const { acme, north, max } = ctx.ids;
  // in one transaction: the sweep must not see the contest without its team
  sql(`BEGIN; INSERT INTO contests (org_id, name, figure, base_figure, mode, starts_on, ends_on, min_conversations, prize,
    created_by, created_at) VALUES (${acme}, 'Unread', 'new_deals', '', 'individual', '2026-11-01', '2026-11-20', 0, '',
    ${max}, 0); INSERT INTO contest_teams (org_id, contest_id, team_id) SELECT ${acme}, id, ${north} FROM contests
    WHERE name = 'Unread'; COMMIT;`);
  const id = sql("SELECT id FROM contests WHERE name = 'Unread'");
  // the sweep runs every 2 seconds here; wait for it, reading nothing over HTTP
  for (let i = 0; i < 100 && sql(`SELECT coalesce(frozen_on, '') FROM contests WHERE id = ${id}`) === ''; i++)
    await new Promise((res) => setTimeout(res, 200));
  assert.equal(sql(`SELECT frozen_on FROM contests WHERE id = ${id}`), '2026-11-25');
  assert.equal(sql(`SELECT count(*) FROM contest_standings WHERE contest_id = ${id}`), '2');
  assert.equal(sql(`SELECT name FROM contest_standings WHERE contest_id = ${id} AND position = 1`), 'Rita Rep');
});

test('clean stop', testCleanStop(ctx));
