// levers-more: what issue 10 still lacked, end to end, with the server's
// clock pinned to Wednesday 2026-11-25.
//
// Acme: team North (Max; reps Rita and Rosa), team South (Mia; rep Rob),
// admin Ann; Beta: admin Bea, rep Ben. In November Rita holds two
// conversations ending in a step (commitment rate 100 %, 2 conversations),
// Rosa a step and a "no commitment" (50 %, 2), Rob a stop (100 %, 1); Rita
// wins € 9,000, Rob € 3,000.
//
//   - the teams page: whoever manages South (Mia, the admin) switches its
//     individual revenue off on South's card; Max (North) is refused, Bea
//     (another organisation) finds no such team; a bad value names the
//     choice and changes nothing; the change is one audit row. Then the
//     revenue leaderboard shows South's total, not Rob; the commitment rate
//     board still ranks Rob. The same through PATCH /api/v1/teams/{id}.
//   - the leaderboard's minimum: with "at least 2 conversations" Rob (1) is
//     listed below the ranked, "not ranked: fewer than 2 conversations", in
//     the page, the CSV and the API; a minimum that is not a whole number
//     of 0 or more names the field.
//   - the inbox's falling commitment rate (read from the roll-ups for all
//     the caller's reps at once): Rosa, 5 conversations with a step in
//     1-28 Oct (100 %) and 5 in 29 Oct-25 Nov of which 1 with a step
//     (20 %), is an item for Max and the admin, not for Mia.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec, seedStandard, addUser,
} from './lib.mjs';

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-11-25' },
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
const lastTeamAudit = (team) => sql(`SELECT action || '|' || coalesce(actor_id, 0) || '|' || via || '|' || before_json || '|' || after_json
  FROM audit_log WHERE kind = 'team' AND object_id = ${team} ORDER BY id DESC LIMIT 1`);
const teamAudits = (team) => sql(`SELECT count(*) FROM audit_log WHERE kind = 'team' AND object_id = ${team}`);

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

const revenueQ = 'figure=revenue&period=this_month';
const rateQ = 'figure=commitment_rate&period=this_month';

test('teams page: the manager of South hides its individual revenue; the revenue board shows the total, effort boards still rank Rob', async () => {
  const south = ctx.ids.south;
  const form = `action="/teams/${south}/leaderboard"`;
  // Mia sees South's setting and its switch; Rob the setting only; Max not South at all
  const mia = await (await web('mia@acme.test')).get('/teams');
  assert.equal(mia.status, 200);
  assert.ok(mia.text.includes(form), 'Mia has the switch on South');
  assert.match(textOf(mia.text), /This team's individual revenue and attainment are shown on the leaderboards\. Hide individual revenue/);
  const rob = await (await web('rob@acme.test')).get('/teams');
  assert.match(textOf(rob.text), /This team's individual revenue and attainment are shown on the leaderboards\./);
  assert.ok(!rob.text.includes('/leaderboard"'), 'a rep has no switch');
  const ann = await (await web('ann@acme.test')).get('/teams');
  assert.ok(ann.text.includes(form) && ann.text.includes(`action="/teams/${ctx.ids.north}/leaderboard"`), 'the admin has both');

  // refused: Max (not South's manager), Rob (a rep), Bea (another organisation), a bad value
  const audits = teamAudits(south);
  assert.equal((await post('max@acme.test', `/teams/${south}/leaderboard`, { show: '0' })).status, 403);
  assert.equal((await post('rob@acme.test', `/teams/${south}/leaderboard`, { show: '0' })).status, 403);
  assert.equal((await post('bea@beta.test', `/teams/${south}/leaderboard`, { show: '0' })).status, 404);
  const bad = await post('mia@acme.test', `/teams/${south}/leaderboard`, { show: 'maybe' });
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /Choose whether individual revenue is shown\./);
  assert.equal(sql(`SELECT show_revenue FROM teams WHERE id = ${south}`), '1');
  assert.equal(teamAudits(south), audits, 'nothing refused is audited');

  // Mia switches it off: saved, said, audited
  const off = await post('mia@acme.test', `/teams/${south}/leaderboard`, { show: '0' });
  assert.equal(off.status, 303);
  assert.equal(off.location, `/teams?done=team-leaderboard-saved#team-${south}`);
  assert.equal(sql(`SELECT show_revenue FROM teams WHERE id = ${south}`), '0');
  assert.equal(lastTeamAudit(south), `leaderboard|${ctx.ids.mia}|web|{"show_revenue":"1"}|{"show_revenue":"0"}`);
  const after = textOf((await (await web('mia@acme.test')).get(off.location)).text);
  assert.match(after, /The team's leaderboard setting is saved\./);
  assert.match(after, /This team's individual revenue and attainment are hidden: leaderboards show only the team's total\. Effort figures are shown either way\. Show individual revenue/);

  // the revenue leaderboard: Rob is not listed, South's total is (API and page)
  const api = await as('ann@acme.test').get(`/api/v1/leaderboards?${revenueQ}`);
  assert.equal(api.status, 200, api.text);
  assert.deepEqual(api.json.standings.map((l) => l.name), ['Rita Rep', 'Rosa Rep']);
  assert.deepEqual(api.json.team_totals.map((l) => [l.name, l.value]), [['South', 300000]]);
  const page = textOf((await (await web('mia@acme.test')).get(`/leaderboards?team=${south}&${revenueQ}`)).text);
  assert.doesNotMatch(page, /Rob Rep/);
  assert.match(page, /South \(individual revenue not shown\)/);
  // an effort board still ranks Rob by name
  const rate = await as('ann@acme.test').get(`/api/v1/leaderboards?${rateQ}`);
  assert.deepEqual(rate.json.standings.map((l) => [l.place, l.name]), [[1, 'Rita Rep'], [1, 'Rob Rep'], [3, 'Rosa Rep']]);
  assert.deepEqual(rate.json.team_totals, []);
});

test('API: PATCH /api/v1/teams/{id} sets show_revenue for whoever manages the team, and nothing else', async () => {
  const south = ctx.ids.south;
  const path = `/api/v1/teams/${south}`;
  const audits = teamAudits(south);
  const max = await as('max@acme.test').send('PATCH', path, { show_revenue: true });
  assert.equal(max.status, 403);
  assert.equal((await as('rob@acme.test').send('PATCH', path, { show_revenue: true })).status, 403);
  assert.equal((await as('bea@beta.test').send('PATCH', path, { show_revenue: true })).status, 404);
  const notBool = await as('mia@acme.test').send('PATCH', path, { show_revenue: 'yes' });
  assert.equal(notBool.status, 400);
  assert.equal(notBool.json.field, 'show_revenue');
  const name = await as('mia@acme.test').send('PATCH', path, { name: 'Renamed', show_revenue: true });
  assert.equal(name.status, 400);
  assert.equal(name.json.field, 'name');
  assert.equal(sql(`SELECT name || '|' || show_revenue FROM teams WHERE id = ${south}`), 'South|0');
  assert.equal(teamAudits(south), audits);
  const on = await as('mia@acme.test').send('PATCH', path, { show_revenue: true });
  assert.equal(on.status, 200, on.text);
  assert.equal(on.json.show_revenue, true);
  assert.equal(on.json.name, 'South');
  assert.equal(sql(`SELECT show_revenue FROM teams WHERE id = ${south}`), '1');
  assert.equal(lastTeamAudit(south), `leaderboard|${ctx.ids.mia}|api|{"show_revenue":"0"}|{"show_revenue":"1"}`);
  const lb = await as('ann@acme.test').get(`/api/v1/leaderboards?${revenueQ}`);
  assert.deepEqual(lb.json.standings.map((l) => l.name), ['Rita Rep', 'Rob Rep', 'Rosa Rep']);
  assert.deepEqual(lb.json.team_totals, []);
  // the admin may too
  const ann = await as('ann@acme.test').send('PATCH', `/api/v1/teams/${ctx.ids.north}`, { show_revenue: false });
  assert.equal(ann.status, 200, ann.text);
  assert.equal(sql(`SELECT show_revenue FROM teams WHERE id = ${ctx.ids.north}`), '0');
  assert.equal((await as('ann@acme.test').send('PATCH', `/api/v1/teams/${ctx.ids.north}`, { show_revenue: true })).status, 200);
});

test('leaderboard minimum: reps under it are listed below the ranked, "not ranked: fewer than 2 conversations"', async () => {
  const api = await as('ann@acme.test').get(`/api/v1/leaderboards?${rateQ}&minimum=2`);
  assert.equal(api.status, 200, api.text);
  assert.equal(api.json.minimum, 2);
  assert.deepEqual(api.json.standings.map((l) => [l.place, l.name, l.ranked, l.conversations]),
    [[1, 'Rita Rep', true, 2], [2, 'Rosa Rep', true, 2], [null, 'Rob Rep', false, 1]]);
  // without it, Rob shares first place
  const none = await as('ann@acme.test').get(`/api/v1/leaderboards?${rateQ}`);
  assert.equal(none.json.minimum, 0);
  assert.deepEqual(none.json.standings.map((l) => l.place), [1, 1, 3]);

  const c = await web('ann@acme.test');
  const p = await c.get(`/leaderboards?${rateQ}&minimum=2`);
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.match(t, /Only who held at least 2 conversations in the period is ranked\./);
  assert.match(t, /1 Rita Rep North 100% 2 2 Rosa Rep North 50% 2 not ranked: fewer than 2 conversations Rob Rep South 100% 1/);
  assert.match(p.text, /name="minimum" type="number" value="2"/);
  // the download and the TV link keep the minimum
  assert.match(p.text, /href="\/tv\/leaderboard\?team=&amp;figure=commitment_rate&amp;minimum=2&amp;period=this_month"/);
  const csv = await c.get(`/leaderboards?${rateQ}&minimum=2&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /not ranked: fewer than 2 conversations,Rob Rep,South/);
  // one conversation: the singular
  const one = textOf((await c.get(`/leaderboards?${rateQ}&minimum=1`)).text);
  assert.match(one, /Only who held at least 1 conversation in the period is ranked\./);

  // a minimum that is not a whole number of 0 or more: named, in the API and the page
  for (const [v, msg] of [['-1', 'The minimum cannot be negative.'], ['ten', 'The minimum is a whole number of conversations.'],
    ['100001', 'The minimum is too large.']]) {
    const r = await as('ann@acme.test').get(`/api/v1/leaderboards?${rateQ}&minimum=${v}`);
    assert.equal(r.status, 400, v);
    assert.equal(r.json.field, 'minimum');
    assert.equal(r.json.message, msg);
    const pg = await c.get(`/leaderboards?${rateQ}&minimum=${v}`);
    assert.equal(pg.status, 400);
    assert.ok(textOf(pg.text).includes(msg), v);
  }
});

test('inbox: a falling commitment rate, from the roll-ups, reaches the rep\'s manager and the admin only', async () => {
  const rosa = as('rosa@acme.test');
  const d = await deal(rosa, 'Rosa falling', 50000);
  for (const day of ['10-01', '10-06', '10-13', '10-20', '10-27'])
    await conv(rosa, d, day, 'step', { step: { what: `Step ${day}`, due: `2026-${day}`, who: 'Piet' } });
  for (const day of ['11-12', '11-17', '11-24']) await conv(rosa, d, day, 'none');
  const want = 'The commitment rate of Rosa Rep fell from 100% to 20%: the last 28 days (5 conversations) against the 28 days before (5 conversations).';
  for (const email of ['max@acme.test', 'ann@acme.test']) {
    const r = await as(email).get('/api/v1/inbox');
    assert.equal(r.status, 200, r.text);
    const items = r.json.items.filter((i) => i.kind === 'commitment_falling');
    assert.deepEqual(items.map((i) => i.text.replace(/\u00a0/g, ' ')), [want], email);
  }
  const mia = await as('mia@acme.test').get('/api/v1/inbox');
  assert.ok(!mia.json.items.some((i) => i.kind === 'commitment_falling'), 'not in Mia\'s inbox');
  // Rita (2 conversations now, none before) is under the minimum of 5: no item
  assert.ok(!JSON.stringify(mia.json).includes('Rita Rep fell'));
});

testCleanStop(ctx);
