// api-numbers: the numbers API as a client sees it — targets set by a
// manager (201, then 200 on the same period; 403 for a rep outside their
// teams or from a rep; 400 naming the field), results with attainment,
// run-rate projection and what is needed per week, tiers with a mover,
// concentration of revenue, and the excuse check — all on numbers worked out
// by hand below, with the server's clock pinned to Monday 2026-11-23 and a
// second server whose clock says 2026-09-15 for the quarter before.
//
// Organisation acme (fiscal year = calendar year). Team North (led by Max,
// territory Noord, segment SMB): Rita, Ravi, Rosa, Ruud, Raf, Rik. Team South
// (led by Mia, territory Zuid, segment SMB): Rob. Amounts in euros; the API
// speaks cents.
//
//            Q3 target → won    Q4 target → won (closed 2026-11-23)
//   Rita     100k →  70k        100k →  60k     0.7 then 0.6: underperformer, down from core
//   Ravi     100k →  90k        100k → 130k     core, then superstar: up
//   Rosa     100k → 130k        100k →  90k     superstar, then core: down
//   Ruud     100k →  90k        100k →  70k     core, core (one low quarter is no run)
//   Raf         —  →   —        30k + 30k + 40k by month → 100k   none, then core
//   Rik      100k →   0         100k →   0      core (no Q2 target), then underperformer: down
//   Rob         —               100k →   0      (South)
//
// 2026-Q4: 92 days; on 23 November 54 have passed (31 + 23) and 38 are left.
//   Rita: attainment 0.6; projection round(6,000,000 × 92 / 54) = 10,222,222;
//         projected 1.0222; remaining 4,000,000; per week ceil(4,000,000 × 7 / 38) = 736,843
//   Ravi: projection round(13,000,000 × 92 / 54) = 22,148,148; remaining 0; per week 0
//   Rik:  per week ceil(10,000,000 × 7 / 38) = 1,842,106
//   Rita in November (kind=month): no target (null); 30 days, 23 passed, 7 left;
//         projection round(6,000,000 × 30 / 23) = 7,826,087
//
// Concentration, North, 2026-Q4: 130, 100, 90, 70, 60, 0 (k€), total 450k
//   half: 130 + 100 = 230 ≥ 225 → 2 of 6 reps (0.3333)
//   top 4%: ceil(0.24) = 1 rep, 130 / 450 = 0.2889 — the pattern does not hold
//   gini: ascending 0, 60, 70, 90, 100, 130; Σ i·x = 1970;
//         2 × 1970 / (6 × 450) − 7/6 = 0.2926
//   lorenz: (i/6, share of the i smallest): 0, 0, .1333, .2889, .4889, .7111, 1
//
// Excuse check of Rita, 2026-Q4 (min sample 5):
//   territory Noord peers with a target: Ravi 1.3, Rosa 0.9, Ruud 0.7, Raf 1.0,
//     Rik 0 → 5 peers, median 0.9, Rita 0.6 / 0.9 = 0.6667
//   segment SMB adds Rob 0 → 6 peers, median (0.7 + 0.9) / 2 = 0.8, 0.6 / 0.8 = 0.75
//   product Widget lost: Rita 4 × price, 1 × competitor; Ravi (peer) 1 × price,
//     2 × competitor, 2 × timing.
//     price 0.8 vs 0.2: at least twice and 60 points more → not shared (the excuse
//     does not hold); competitor 0.2 vs 0.4 → shared; timing 0 of Rita's → none
//   product Gadget: Rita lost 1 on price, peers none → too small
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, startServer, createToken, apiClient, addOrg, addUser, addTeam,
} from './lib.mjs';

const TODAY = '2026-11-23';
const Q3_DAY = '2026-09-15';

function seed(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  ids.mia = addUser(db, 'acme', 'mia@acme.test', 'Mia Manager', 'manager');
  ids.north = addTeam(db, 'acme', 'North', { manager: 'max@acme.test', territory: 'Noord', segment: 'SMB' });
  ids.south = addTeam(db, 'acme', 'South', { manager: 'mia@acme.test', territory: 'Zuid', segment: 'SMB' });
  for (const [key, name] of [['rita', 'Rita Rep'], ['ravi', 'Ravi Rao'], ['rosa', 'Rosa Ruiz'],
    ['ruud', 'Ruud Roos'], ['raf', 'Raf Ray'], ['rik', 'Rik Rand']])
    ids[key] = addUser(db, 'acme', `${key}@acme.test`, name, 'rep', { team: 'North' });
  ids.rob = addUser(db, 'acme', 'rob@acme.test', 'Rob Rep', 'rep', { team: 'South' });
  ids.beta = addOrg(db, 'beta', 'Beta Trading');
  ids.bea = addUser(db, 'beta', 'bea@beta.test', 'Bea Admin', 'admin');
  return ids;
}

const ctx = useServer({ seed, env: { SALESGARDEN_TODAY: TODAY } });
let q3;	// the server of 15 September
const tokens = {};
const tokenOf = (email) => {
  tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return tokens[email];
};
const as = (email) => apiClient(ctx.base, tokenOf(email));
const K = 100000;	// a thousand euros in cents

/** Sets a target through the API; asserts the status and returns the target. */
async function setTarget(api, body, status = 201) {
  const r = await api.post('/api/v1/targets', body);
  assert.equal(r.status, status, `${JSON.stringify(body)} → ${r.status} ${r.text}`);
  return r.json;
}

/** A deal of owner on the server of api, closed as won (or lost for a reason) that server's day. */
async function closedDeal(api, accountId, owner, valueMinor, { product, lostReason } = {}) {
  const d = await api.post('/api/v1/deals', {
    title: `deal ${Math.random().toString(36).slice(2, 8)}`, account_id: accountId, owner_id: owner,
    value_minor: valueMinor, currency: 'EUR', product,
  });
  assert.equal(d.status, 201, d.text);
  const status = lostReason ? 'lost' : 'won';
  const body = lostReason ? { status, lost_reason: lostReason } : { status };
  const c = await api.send('PATCH', `/api/v1/deals/${d.json.id}`, body);
  assert.equal(c.status, 200, c.text);
  assert.equal(c.json.status, status);
  return c.json;
}

const byRep = (items, id) => {
  const x = items.find((i) => i.rep.id === id);
  assert.ok(x, `rep ${id} in ${JSON.stringify(items).slice(0, 400)}`);
  return x;
};

before(async () => {
  q3 = await startServer(ctx.db, { env: { SALESGARDEN_TODAY: Q3_DAY }, name: 'q3' });
});
after(async () => {
  if (q3) await q3.kill();
});

test('a manager sets targets: 201, 200 for the same period again, amounts in cents or units', async () => {
  const max = as('max@acme.test');
  const { ids } = ctx;
  const first = await setTarget(max, { rep_id: ids.rita, period: '2026-Q4', amount_minor: 90 * K });
  assert.equal(first.rep.id, ids.rita);
  assert.equal(first.rep.name, 'Rita Rep');
  assert.equal(first.period, '2026-Q4');
  assert.equal(first.kind, 'quarter');
  assert.equal(first.start, '2026-10-01');
  assert.equal(first.end, '2026-12-31');
  assert.equal(first.amount_minor, 90 * K);
  assert.equal(first.currency, 'EUR');
  // the same rep and period again replaces the amount
  const again = await setTarget(max, { rep_id: ids.rita, period: '2026-Q4', amount_minor: 100 * K }, 200);
  assert.equal(again.id, first.id);
  assert.equal(again.amount_minor, 100 * K);
  const got = await max.get(`/api/v1/targets/${first.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.amount_minor, 100 * K);

  for (const rep of ['ravi', 'rosa', 'ruud', 'rik'])
    await setTarget(max, { rep_id: ids[rep], period: '2026-Q4', amount_minor: 100 * K });
  for (const rep of ['rita', 'ravi', 'rosa', 'ruud', 'rik'])
    await setTarget(max, { rep_id: ids[rep], period: '2026-Q3', amount_minor: 100 * K });
  // Raf's quarter is the sum of his months; "amount" is in euros
  const oct = await setTarget(max, { rep_id: ids.raf, period: '2026-10', amount: 30000 });
  assert.equal(oct.amount_minor, 30 * K);
  assert.equal(oct.kind, 'month');
  await setTarget(max, { rep_id: ids.raf, period: '2026-11', amount: 30000 });
  await setTarget(max, { rep_id: ids.raf, period: '2026-12', amount_minor: 40 * K });
  // Rob is Mia's
  await setTarget(as('mia@acme.test'), { rep_id: ids.rob, period: '2026-Q4', amount_minor: 100 * K });
});

test('setting targets: 403 outside the manager\'s teams or for a rep, 400 naming the field', async () => {
  const max = as('max@acme.test');
  const { ids } = ctx;
  let r = await max.post('/api/v1/targets', { rep_id: ids.rob, period: '2026-Q4', amount_minor: K });
  assert.equal(r.status, 403, r.text);
  assert.equal(r.json.error, 'FORBIDDEN');
  r = await as('rita@acme.test').post('/api/v1/targets', { rep_id: ids.rita, period: '2026-Q4', amount_minor: K });
  assert.equal(r.status, 403, r.text);
  for (const [body, field] of [
    [{ rep_id: ids.rita, period: '2026-Q5', amount_minor: K }, 'period'],
    [{ rep_id: ids.rita, period: 'next quarter', amount_minor: K }, 'period'],
    [{ rep_id: ids.rita, amount_minor: K }, 'period'],
    [{ rep_id: ids.rita, period: '2026-Q4', amount_minor: -5 }, 'amount_minor'],
    [{ rep_id: ids.rita, period: '2026-Q4', amount: -1.5 }, 'amount'],
    [{ rep_id: ids.rita, period: '2026-Q4' }, 'amount_minor'],
    [{ rep_id: ids.rita, period: '2026-Q4', amount_minor: K, currency: 'euro' }, 'currency'],
    [{ period: '2026-Q4', amount_minor: K }, 'rep_id'],
    [{ rep_id: 999999, period: '2026-Q4', amount_minor: K }, 'rep_id'],
    [{ rep_id: ids.rita, period: 2026, amount_minor: K }, 'period'],
  ]) {
    r = await max.post('/api/v1/targets', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
    assert.equal(r.json.error, 'INVALID');
    assert.equal(r.json.field, field, JSON.stringify(body));
  }
  // nothing of that was stored: Rita still has her two quarters
  const list = await as('rita@acme.test').get('/api/v1/targets');
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((t) => [t.period, t.amount_minor]), [['2026-Q4', 100 * K], ['2026-Q3', 100 * K]]);
});

test('the deals of both quarters, won and lost, through the deals API', async () => {
  const { ids } = ctx;
  const maxQ3 = apiClient(q3.base, tokenOf('max@acme.test'));
  const max = as('max@acme.test');
  const acc = await max.post('/api/v1/accounts', { name: 'Customer Ltd' });
  assert.equal(acc.status, 201, acc.text);
  const account = acc.json.id;
  // 15 September
  for (const [rep, k] of [['rita', 70], ['ravi', 90], ['rosa', 130], ['ruud', 90]]) {
    const d = await closedDeal(maxQ3, account, ids[rep], k * K);
    assert.equal(d.closed_on, Q3_DAY);
  }
  // 23 November
  for (const [rep, k] of [['rita', 60], ['ravi', 130], ['rosa', 90], ['ruud', 70], ['raf', 100]]) {
    const d = await closedDeal(max, account, ids[rep], k * K);
    assert.equal(d.closed_on, TODAY);
  }
  const lost = (rep, product, lostReason) => closedDeal(max, account, ids[rep], 5 * K, { product, lostReason });
  for (const reason of ['price', 'price', 'price', 'price', 'competitor'])
    await lost('rita', 'Widget', reason);
  for (const reason of ['price', 'competitor', 'competitor', 'timing', 'timing'])
    await lost('ravi', 'Widget', reason);
  await lost('rita', 'Gadget', 'price');
});

test('targets are listed as far as the caller may see', async () => {
  const { ids } = ctx;
  // Max: the reps of North — five quarters and Raf's three months in Q4
  let r = await as('max@acme.test').get('/api/v1/targets?period=2026-Q4');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 8);
  assert.equal(r.json.limit, 100);
  assert.equal(r.json.offset, 0);
  assert.ok(!r.json.items.some((t) => t.rep.id === ids.rob), 'not Mia\'s rep');
  assert.deepEqual(r.json.items.filter((t) => t.rep.id === ids.raf).map((t) => t.period).sort(),
    ['2026-10', '2026-11', '2026-12']);
  r = await as('max@acme.test').get('/api/v1/targets?kind=quarter');
  assert.equal(r.json.total, 8, 'the current quarter is 2026-Q4');
  r = await as('max@acme.test').get('/api/v1/targets?kind=month');
  assert.deepEqual(r.json.items.map((t) => [t.rep.id, t.period, t.amount_minor]), [[ids.raf, '2026-11', 30 * K]]);
  r = await as('max@acme.test').get('/api/v1/targets?period=2026-Q4&from=2026-10-01');
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'period');
  r = await as('max@acme.test').get('/api/v1/targets?period=2026-Q4&limit=3&offset=6');
  assert.equal(r.json.items.length, 2);
  assert.equal(r.json.total, 8);
  // an admin sees Rob's too
  r = await as('ann@acme.test').get('/api/v1/targets?from=2026-10-01&to=2026-12-31');
  assert.equal(r.json.total, 9);
  r = await as('ann@acme.test').get(`/api/v1/targets?team=${ids.south}`);
  assert.deepEqual(r.json.items.map((t) => [t.rep.id, t.period]), [[ids.rob, '2026-Q4']]);
  r = await as('max@acme.test').get(`/api/v1/targets?rep=${ids.ravi}`);
  assert.deepEqual(r.json.items.map((t) => t.period), ['2026-Q4', '2026-Q3']);
  // rights: another team, a colleague, unknown ids
  r = await as('max@acme.test').get(`/api/v1/targets?rep=${ids.rob}`);
  assert.equal(r.status, 403);
  r = await as('max@acme.test').get(`/api/v1/targets?team=${ids.south}`);
  assert.equal(r.status, 403);
  r = await as('rita@acme.test').get(`/api/v1/targets?rep=${ids.ravi}`);
  assert.equal(r.status, 403);
  r = await as('max@acme.test').get('/api/v1/targets?rep=999999');
  assert.equal(r.status, 404);
  r = await as('max@acme.test').get('/api/v1/targets?period=2026-13');
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'period');
  // one target: its rep's manager yes, a colleague no, another organisation not at all
  const robs = (await as('mia@acme.test').get('/api/v1/targets')).json.items[0];
  assert.equal((await as('max@acme.test').get(`/api/v1/targets/${robs.id}`)).status, 403);
  assert.equal((await as('rita@acme.test').get(`/api/v1/targets/${robs.id}`)).status, 403);
  const other = await as('bea@beta.test').get(`/api/v1/targets/${robs.id}`);
  assert.equal(other.status, 404);
  assert.equal(other.json.error, 'NOTFOUND');
  assert.equal((await as('bea@beta.test').send('DELETE', `/api/v1/targets/${robs.id}`)).status, 404);
});

test('a target\'s amount changes with PATCH; DELETE removes it: 204, then 404', async () => {
  const max = as('max@acme.test');
  const t = await setTarget(max, { rep_id: ctx.ids.rita, period: '2027-01', amount_minor: 5 * K });
  let r = await max.send('PATCH', `/api/v1/targets/${t.id}`, { amount_minor: 7 * K });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.amount_minor, 7 * K);
  assert.equal(r.json.period, '2027-01');
  r = await max.send('PATCH', `/api/v1/targets/${t.id}`, { period: '2027-02' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'period');
  r = await max.send('PATCH', `/api/v1/targets/${t.id}`, { amount_minor: -1 });
  assert.equal(r.json.field, 'amount_minor');
  r = await as('mia@acme.test').send('PATCH', `/api/v1/targets/${t.id}`, { amount_minor: 1 });
  assert.equal(r.status, 403, 'not her team');
  r = await as('rita@acme.test').send('DELETE', `/api/v1/targets/${t.id}`);
  assert.equal(r.status, 403, 'reps do not set targets');
  r = await max.send('DELETE', `/api/v1/targets/${t.id}`);
  assert.equal(r.status, 204, r.text);
  assert.equal(r.text, '');
  assert.equal((await max.get(`/api/v1/targets/${t.id}`)).status, 404);
  assert.equal((await max.send('DELETE', `/api/v1/targets/${t.id}`)).status, 404);
});

test('results: attainment, run-rate projection and what is needed per week', async () => {
  const { ids } = ctx;
  let r = await as('max@acme.test').get('/api/v1/results?period=2026-Q4');
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.period, '2026-Q4');
  assert.equal(b.kind, 'quarter');
  assert.equal(b.start, '2026-10-01');
  assert.equal(b.end, '2026-12-31');
  assert.equal(b.source, 'deals');
  assert.equal(b.scope.kind, 'led');
  assert.equal(b.total, 6, 'the six reps of North');
  const rita = byRep(b.items, ids.rita);
  assert.deepEqual(rita, {
    rep: { id: ids.rita, name: 'Rita Rep' }, team: { id: ids.north, name: 'North' }, period: '2026-Q4',
    target_minor: 10000000, result_minor: 6000000, attainment: 0.6,
    projection_minor: 10222222, projected_attainment: 1.0222, remaining_minor: 4000000,
    needed_per_week_minor: 736843, days_total: 92, days_elapsed: 54, days_left: 38, state: 'current',
    source: 'deals',
  });
  const ravi = byRep(b.items, ids.ravi);
  assert.equal(ravi.attainment, 1.3);
  assert.equal(ravi.projection_minor, 22148148);
  assert.equal(ravi.remaining_minor, 0);
  assert.equal(ravi.needed_per_week_minor, 0);
  const rik = byRep(b.items, ids.rik);
  assert.equal(rik.attainment, 0);
  assert.equal(rik.result_minor, 0);
  assert.equal(rik.needed_per_week_minor, 1842106);
  const raf = byRep(b.items, ids.raf);
  assert.equal(raf.target_minor, 10000000, 'the sum of his three months');
  assert.equal(raf.attainment, 1);

  // a rep sees only themselves, by default the current quarter
  r = await as('rita@acme.test').get('/api/v1/results');
  assert.equal(r.json.period, '2026-Q4');
  assert.equal(r.json.scope.kind, 'rep');
  assert.deepEqual(r.json.items.map((i) => i.rep.id), [ids.rita]);
  // this month: no monthly target, so no attainment and nothing "needed"
  r = await as('rita@acme.test').get('/api/v1/results?kind=month');
  const nov = r.json.items[0];
  assert.equal(r.json.period, '2026-11');
  assert.equal(nov.target_minor, null);
  assert.equal(nov.attainment, null);
  assert.equal(nov.projected_attainment, null);
  assert.equal(nov.remaining_minor, null);
  assert.equal(nov.needed_per_week_minor, null);
  assert.equal(nov.result_minor, 6000000);
  assert.equal(nov.projection_minor, 7826087);
  assert.deepEqual([nov.days_total, nov.days_elapsed, nov.days_left], [30, 23, 7]);
  // a quarter that is over
  r = await as('rita@acme.test').get('/api/v1/results?period=2026-Q3');
  const q = r.json.items[0];
  assert.equal(q.state, 'past');
  assert.equal(q.attainment, 0.7);
  assert.equal(q.projection_minor, 7000000);
  assert.equal(q.remaining_minor, 3000000);
  assert.equal(q.needed_per_week_minor, null);
  assert.deepEqual([q.days_total, q.days_elapsed, q.days_left], [92, 92, 0]);

  // rights and mistakes
  assert.equal((await as('rita@acme.test').get(`/api/v1/results?rep=${ids.ravi}`)).status, 403);
  assert.equal((await as('rita@acme.test').get(`/api/v1/results?team=${ids.north}`)).status, 403);
  assert.equal((await as('max@acme.test').get(`/api/v1/results?team=${ids.south}`)).status, 403);
  assert.equal((await as('max@acme.test').get('/api/v1/results?team=999999')).status, 404);
  r = await as('ann@acme.test').get(`/api/v1/results?team=${ids.south}`);
  assert.deepEqual(r.json.items.map((i) => [i.rep.id, i.attainment]), [[ids.rob, 0]]);
  for (const q2 of ['period=2026-Q0', 'period=FY26', 'kind=week', 'period=2026-Q4&kind=month']) {
    r = await as('max@acme.test').get(`/api/v1/results?${q2}`);
    assert.equal(r.status, 400, q2);
    assert.equal(r.json.error, 'INVALID');
    assert.ok(['period', 'kind'].includes(r.json.field), `${q2}: ${r.text}`);
  }
});

test('tiers: superstar, core and underperformers, with who moved since the last quarter', async () => {
  const { ids } = ctx;
  const r = await as('max@acme.test').get('/api/v1/tiers?period=2026-Q4');
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.period, '2026-Q4');
  assert.equal(b.previous_period, '2026-Q3');
  assert.deepEqual(b.rules, { superstar_pct: 120, superstar_share_pct: 0, under_pct: 80, under_periods: 2 });
  assert.deepEqual(b.counts, { superstar: 1, core: 2, at_risk: 1, underperformer: 2, none: 0 });
  assert.deepEqual(b.history_periods, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2',
    '2026-Q3', '2026-Q4']);
  const want = {
    rita: ['underperformer', 'at_risk', -1, 0.6, 0.1333],
    ravi: ['superstar', 'core', 1, 1.3, 0.2889],
    rosa: ['core', 'superstar', -1, 0.9, 0.2],
    ruud: ['at_risk', 'core', -1, 0.7, 0.1556],
    raf: ['core', 'none', 0, 1, 0.2222],
    rik: ['underperformer', 'at_risk', -1, 0, 0],
  };
  assert.equal(b.reps.length, 6);
  for (const [name, [tier, prev, move, att, share]] of Object.entries(want)) {
    const x = byRep(b.reps, ids[name]);
    assert.deepEqual([x.tier, x.previous_tier, x.move, x.attainment, x.share], [tier, prev, move, att, share], name);
    assert.equal(x.history.length, 8);
    assert.deepEqual(x.history.slice(-2).map((h) => [h.period, h.tier]), [['2026-Q3', prev], ['2026-Q4', tier]]);
    assert.ok(x.history.slice(0, 6).every((h) => h.tier === 'none'), `${name}: nothing before Q3`);
  }
  // without a period: today's quarter, as everywhere; an admin asks for a team
  const d = await as('ann@acme.test').get(`/api/v1/tiers?team=${ids.north}`);
  assert.equal(d.json.period, '2026-Q4');
  const d4 = await as('ann@acme.test').get(`/api/v1/tiers?team=${ids.north}&period=2026-Q4`);
  assert.equal(d4.json.period, '2026-Q4');
  assert.deepEqual(d4.json.counts, b.counts);
  // rights
  assert.equal((await as('rita@acme.test').get('/api/v1/tiers')).status, 403);
  assert.equal((await as('max@acme.test').get(`/api/v1/tiers?team=${ids.south}`)).status, 403);
  assert.equal((await as('max@acme.test').get('/api/v1/tiers?team=999999')).status, 404);
});

test('concentration: half the revenue, the top 4%, Gini and the Lorenz curve', async () => {
  const { ids } = ctx;
  const r = await as('max@acme.test').get(`/api/v1/concentration?period=2026-Q4&team=${ids.north}`);
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.scope.kind, 'team');
  assert.equal(b.scope.team_id, ids.north);
  assert.equal(b.reps, 6);
  assert.equal(b.total_minor, 450 * K);
  assert.equal(b.half_count, 2);
  assert.equal(b.half_share, 0.3333);
  assert.equal(b.top_pct, 4);
  assert.equal(b.top_count, 1);
  assert.equal(b.top_share, 0.2889);
  assert.equal(b.gini, 0.2926);
  assert.equal(b.holds, false);
  assert.deepEqual(b.lorenz, [[0, 0], [0.1667, 0], [0.3333, 0.1333], [0.5, 0.2889], [0.6667, 0.4889],
    [0.8333, 0.7111], [1, 1]]);
  assert.deepEqual(b.reps_revenue.map((x) => [x.rep.id, x.revenue_minor]),
    [[ids.ravi, 130 * K], [ids.raf, 100 * K], [ids.rosa, 90 * K], [ids.ruud, 70 * K], [ids.rita, 60 * K],
      [ids.rik, 0]]);
  assert.equal((await as('rita@acme.test').get('/api/v1/concentration')).status, 403);
  assert.equal((await as('mia@acme.test').get(`/api/v1/concentration?team=${ids.north}`)).status, 403);
});

test('the excuse check: "price" does not hold when peers rarely lose on price', async () => {
  const { ids } = ctx;
  const r = await as('rita@acme.test').get('/api/v1/excuses?period=2026-Q4');
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.deepEqual(b.rep, { id: ids.rita, name: 'Rita Rep' });
  assert.deepEqual(b.team, { id: ids.north, name: 'North', territory: 'Noord', segment: 'SMB' });
  assert.equal(b.period, '2026-Q4');
  assert.equal(b.min_sample, 5);
  assert.deepEqual(b.attainment, {
    rep: 0.6,
    territory: { name: 'Noord', median: 0.9, peers: 5, too_small: false, normalised: 0.6667 },
    segment: { name: 'SMB', median: 0.8, peers: 6, too_small: false, normalised: 0.75 },
  });
  const widget = b.products.find((p) => p.product === 'Widget');
  assert.ok(widget, JSON.stringify(b.products));
  assert.equal(widget.rep_lost, 5);
  assert.equal(widget.peer_lost, 5);
  assert.equal(widget.too_small, false);
  const reasons = Object.fromEntries(widget.reasons.map((x) => [x.reason, x]));
  assert.deepEqual(reasons.price, { reason: 'price', rep_n: 4, rep_share: 0.8, peer_n: 1, peer_share: 0.2,
    verdict: 'not_shared' });
  assert.deepEqual(reasons.competitor, { reason: 'competitor', rep_n: 1, rep_share: 0.2, peer_n: 2,
    peer_share: 0.4, verdict: 'shared' });
  assert.equal(reasons.timing.verdict, 'none');
  assert.equal(reasons.timing.rep_n, 0);
  assert.equal(reasons.timing.peer_n, 2);
  const gadget = b.products.find((p) => p.product === 'Gadget');
  assert.ok(gadget, JSON.stringify(b.products));
  assert.equal(gadget.too_small, true);
  assert.equal(gadget.rep_lost, 1);
  assert.equal(gadget.peer_lost, 0);
  assert.equal(gadget.reasons.find((x) => x.reason === 'price').verdict, 'too_small');
  // too few peer losses are not shown (they could be one colleague's)
  assert.equal(gadget.reasons.find((x) => x.reason === 'price').peer_n, null);
  assert.equal(gadget.reasons.find((x) => x.reason === 'price').peer_share, null);

  // her manager sees the same; a colleague, another manager or an unknown id do not
  const m = await as('max@acme.test').get(`/api/v1/excuses?rep=${ids.rita}&period=2026-Q4`);
  assert.equal(m.status, 200, m.text);
  assert.deepEqual(m.json.attainment, b.attainment);
  assert.equal((await as('ravi@acme.test').get(`/api/v1/excuses?rep=${ids.rita}`)).status, 403);
  assert.equal((await as('mia@acme.test').get(`/api/v1/excuses?rep=${ids.rita}`)).status, 403);
  assert.equal((await as('max@acme.test').get('/api/v1/excuses?rep=999999')).status, 404);
  const bad = await as('rita@acme.test').get('/api/v1/excuses?period=Q4');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.field, 'period');
});

test('the OpenAPI description covers the numbers endpoints', async () => {
  const r = await as('rita@acme.test').get('/api/v1/openapi.json');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const paths = r.json.paths;
  for (const [p, methods] of [['/api/v1/targets', ['get', 'post']], ['/api/v1/targets/{id}', ['get', 'patch', 'delete']],
    ['/api/v1/results', ['get']], ['/api/v1/tiers', ['get']], ['/api/v1/concentration', ['get']],
    ['/api/v1/excuses', ['get']]])
    for (const m of methods) assert.ok(paths[p]?.[m], `${m} ${p} is described`);
  // every $ref points at something that exists
  const text = JSON.stringify(r.json);
  for (const [, kind, name] of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g))
    assert.ok(r.json.components[kind]?.[name], `#/components/${kind}/${name}`);
});

testCleanStop(ctx);
