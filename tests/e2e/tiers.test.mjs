// tiers: the tiers, concentration and excuse-check pages as a manager, an
// admin and a rep see them, with the server's clock pinned to Monday
// 2026-11-23 (quarter 2026-Q4, Oct–Dec; the organisation's fiscal year is the
// calendar year). Results come from won deals by closing day: the 2026-Q3
// deals are closed through a second server whose clock says 2026-08-14.
//
// Team North (manager Max, territory Oslo, segment SMB): five reps with a
// target of €1,000 in 2026-Q3 and 2026-Q4, and Fay, who has neither a target
// nor a deal. Team South (manager Mia, territory Bergen, segment SMB): Rob
// and Sam with a 2026-Q4 target of €1,000. Won in € (Q3 / Q4):
//
//            Q3     Q4     tier Q3           tier Q4 (default rules: 120 %, below 80 % twice;
//                                            below once: at risk)
//   Ada    1000   1400     core (100 %)      superstar (140 %)      moved up
//   Bob    1300   1000     superstar (130 %) core (100 %)           moved down
//   Cid     700    900     at risk (70 %, Q2 without target: no run)   core (90 %)   moved up
//   Dan     700    700     at risk           underperformer (70 %, twice)   moved down
//   Eve     100    100     at risk           underperformer (10 %, twice)   moved down
//   Fay       –      –     no target         no target
//   Rob       –   1100                       core (110 %)
//   Sam       –    800                       core (80 % is not below 80 %)
//
// Concentration in 2026-Q4, by hand (x ascending, gini = 2 Σ i·x_i / (n Σx) − (n+1)/n):
//   North (6 reps, total 4100): half 1400+1000 = 2400 ≥ 2050 → 2 of 6 (33 %);
//     top 4 % = ceil(0.24) = 1 rep → 1400/4100 = 34 % → does not hold;
//     Σ i·x_i = 0+200+2100+3600+5000+8400 = 19300 → 38600/24600 − 7/6 = 0.40
//   South (2 reps, total 1900): half 1100 ≥ 950 → 1 of 2; top 1 rep → 58 % → holds;
//     Σ i·x_i = 800+2200 = 3000 → 6000/3800 − 3/2 = 0.08
//   Organisation (8 reps, total 6000): half 1400+1100+1000 = 3500 ≥ 3000 → 3 of 8;
//     top 1 rep → 1400/6000 = 23 %; Σ i·x_i = 34900 → 69800/48000 − 9/8 = 0.33
//
// The excuse check of Eve in 2026-Q4 (smallest sample 5):
//   attainment 10 %; Oslo peers with a target: Ada, Bob, Cid, Dan → too few (4 of
//   the 5 needed); SMB peers: Ada, Bob, Cid, Dan, Rob, Sam: 0.7 0.8 0.9 1.0 1.1 1.4
//   → median 0.95, Eve at 0.10/0.95 = 0.1×.
//   Lost "Pro": Eve 6 (price 3, competitor 2, timing 1); Oslo peers 10 (price 1,
//   competitor 5, timing 4): price 50 % vs 10 % → not shared, the excuse does not
//   hold; competitor 33 % vs 50 % and timing 17 % vs 40 % → shared.
//   Lost "Basic": Eve 2 (price) → too few lost deals to tell (2 of the 5 needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, startServer, createToken, apiClient, addOrg, addUser, addTeam, unescapeHtml,
} from './lib.mjs';

const TODAY = '2026-11-23';
const Q3_DAY = '2026-08-14';

function seed(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  ids.mia = addUser(db, 'acme', 'mia@acme.test', 'Mia Manager', 'manager');
  ids.north = addTeam(db, 'acme', 'North', { manager: 'max@acme.test', territory: 'Oslo', segment: 'SMB' });
  ids.south = addTeam(db, 'acme', 'South', { manager: 'mia@acme.test', territory: 'Bergen', segment: 'SMB' });
  for (const [key, name, team] of [
    ['ada', 'Ada Alpha', 'North'], ['bob', 'Bob Beta', 'North'], ['cid', 'Cid Gamma', 'North'],
    ['dan', 'Dan Delta', 'North'], ['eve', 'Eve Echo', 'North'], ['fay', 'Fay Foxtrot', 'North'],
    ['rob', 'Rob Romeo', 'South'], ['sam', 'Sam Sierra', 'South'],
  ])
    ids[key] = addUser(db, 'acme', `${key}@acme.test`, name, 'rep', { team });
  return ids;
}

const ctx = useServer({ seed, env: { SALESGARDEN_TODAY: TODAY } });

/** Text of a page without tags, entities decoded, spaces collapsed. */
function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ').replace(/\u00a0/g, ' ').replace(/[ \t\r\n]+/g, ' ');
}

/** The <tr> of the table row whose header cell names `name`, as text. */
function rowOf(html, name) {
  const rows = html.match(/<tr\b[\s\S]*?<\/tr>/g) || [];
  const row = rows.find((r) => textOf(r).includes(name));
  assert.ok(row, `a row for ${name}`);
  return row;
}

let seq = 0;
/** A deal owned by `owner`, created and closed through the API of `api`. */
async function closedDeal(api, owner, { value = 100000, status = 'won', product = '', reason } = {}) {
  const tag = `${++seq}`;
  const d = await api.post('/api/v1/deals', {
    title: `Deal ${tag}`, account_name: `Account ${tag}`, value_minor: value, currency: 'EUR', owner_id: owner,
    product,
  });
  assert.equal(d.status, 201, `deal: ${d.text}`);
  const id = d.json.id ?? d.json.deal?.id;
  const body = status === 'lost' ? { status, lost_reason: reason } : { status };
  const c = await api.send('PATCH', `/api/v1/deals/${id}`, body);
  assert.equal(c.status, 200, `close: ${c.text}`);
}

// the numbers, once, before the first test that needs them (a before() hook
// of this file could run before the server of useServer() is up)
let seeded;
const setup = () => (seeded ??= seedNumbers());

async function seedNumbers() {
  const ids = ctx.ids;
  const token = createToken(ctx.db, 'acme', 'ann@acme.test');
  const north = ['ada', 'bob', 'cid', 'dan', 'eve'];

  // targets of €1,000: North in Q3 and Q4, South in Q4
  const api = apiClient(ctx.base, token);
  const target = async (rep, period) => {
    const r = await api.post('/api/v1/targets', { rep_id: ids[rep], period, amount_minor: 100000 });
    assert.equal(r.status, 201, `target ${rep} ${period}: ${r.text}`);
  };
  for (const rep of north) {
    await target(rep, '2026-Q3');
    await target(rep, '2026-Q4');
  }
  await target('rob', '2026-Q4');
  await target('sam', '2026-Q4');

  // the Q3 results, won on a server whose clock says 14 August 2026
  const q3 = await startServer(ctx.db, { env: { SALESGARDEN_TODAY: Q3_DAY }, name: 'q3' });
  try {
    const api3 = apiClient(q3.base, token);
    for (const [rep, value] of [['ada', 100000], ['bob', 130000], ['cid', 70000], ['dan', 70000], ['eve', 10000]])
      await closedDeal(api3, ids[rep], { value });
  } finally {
    await q3.kill();
  }

  // the Q4 results, won today
  for (const [rep, value] of [['ada', 140000], ['bob', 100000], ['cid', 90000], ['dan', 70000], ['eve', 10000],
    ['rob', 110000], ['sam', 80000]])
    await closedDeal(api, ids[rep], { value });

  // lost deals of Q4 for the excuse check (value 0: results count won deals only)
  const lost = async (rep, product, reason, n) => {
    for (let i = 0; i < n; i++) await closedDeal(api, ids[rep], { value: 5000, status: 'lost', product, reason });
  };
  await lost('eve', 'Pro', 'price', 3);
  await lost('eve', 'Pro', 'competitor', 2);
  await lost('eve', 'Pro', 'timing', 1);
  await lost('eve', 'Basic', 'price', 2);
  await lost('ada', 'Pro', 'price', 1);
  await lost('ada', 'Pro', 'competitor', 2);
  await lost('bob', 'Pro', 'competitor', 2);
  await lost('cid', 'Pro', 'competitor', 1);
  await lost('cid', 'Pro', 'timing', 2);
  await lost('dan', 'Pro', 'timing', 2);
}

// --- tiers ------------------------------------------------------------------

test('tiers of North for 2026-Q4 as Max: counts, badges, movers, history and the rules in words', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  // without a period the page shows today's quarter, as every numbers page
  // does, and says that it is still running
  const byDefault = await max.get('/tiers');
  assert.equal(byDefault.status, 200, byDefault.text.slice(0, 500));
  assert.match(textOf(byDefault.text), /Q4 2026/);
  assert.match(textOf(byDefault.text), /This period is still running/);
  const r = await max.get('/tiers?period=2026-Q4');
  assert.equal(r.status, 200, r.text.slice(0, 500));
  const text = textOf(r.text);
  assert.match(text, /This period is still running/);
  // the rules as the organisation set them (defaults)
  assert.match(text, /Superstar: at least 120% of target\./);
  assert.match(text, /Underperformer: below 80% of target in 2 periods in a row\./);
  assert.doesNotMatch(r.text, /href="\/admin\/numbers"/, 'only an admin gets the link to change the rules');
  // the default: the teams Max leads
  assert.match(text, /Q4 2026/);

  // counts per tier
  const count = (cls) => {
    const m = new RegExp(`tier-stat-${cls}"><span class="stat-value">(\\d+)<`).exec(r.text);
    assert.ok(m, `a card for ${cls}`);
    return Number(m[1]);
  };
  assert.equal(count('superstar'), 1);
  assert.equal(count('core'), 2);
  assert.equal(count('at_risk'), 0);
  assert.equal(count('underperformer'), 2);
  assert.equal(count('none'), 1);

  // the badge of each rep in the table
  const tierOf = (name) => /class="badge tier-badge tier-(\w+)"/.exec(rowOf(r.text.split('id="reps"')[1], name))[1];
  assert.equal(tierOf('Ada Alpha'), 'superstar');
  assert.equal(tierOf('Bob Beta'), 'core');
  assert.equal(tierOf('Cid Gamma'), 'core');
  assert.equal(tierOf('Dan Delta'), 'underperformer');
  assert.equal(tierOf('Eve Echo'), 'underperformer');
  assert.equal(tierOf('Fay Foxtrot'), 'none');

  // Ada's row: target, result, attainment, share (1400 of 4100) and her strip
  const ada = rowOf(r.text.split('id="reps"')[1], 'Ada Alpha');
  const adaText = textOf(ada);
  assert.match(adaText, /€1,000 €1,400 140% 34%/);
  assert.match(ada, /title="2026-Q3: Core"/);
  assert.match(ada, /title="2026-Q4: Superstar"/);
  assert.match(ada, /title="2026-Q2: No target"/);
  assert.match(ada, /title="2025-Q1: No target"/, 'eight quarters, from 2025-Q1');
  assert.match(ada, /<ol class="tier-strip" aria-hidden="true">/);
  assert.match(adaText, /Tier history: 2025-Q1 to 2026-Q2: No target; 2026-Q3: Core; 2026-Q4: Superstar\./,
    'the strip in words for a screen reader');

  // superstars first, then core, underperformers, no target
  const order = ['Ada Alpha', 'Bob Beta', 'Cid Gamma', 'Dan Delta', 'Eve Echo', 'Fay Foxtrot']
    .map((n) => r.text.split('id="reps"')[1].indexOf(`>${n}<`));
  assert.deepEqual([...order].sort((a, b) => a - b), order);

  // movers since Q3: Ada up, Bob, Dan and Eve down, Cid and Fay not at all
  const movers = r.text.split('id="movers"')[1].split('</section>')[0];
  const mt = textOf(movers);
  assert.match(mt, /Moved since Q3 2026/);
  assert.match(mt, /Ada Alpha moved up: Core → to Superstar/);
  assert.match(mt, /Bob Beta moved down: Superstar → to Core/);
  assert.match(mt, /Cid Gamma moved up: At risk → to Core/);
  assert.match(mt, /Dan Delta moved down: At risk → to Underperformer/);
  assert.match(mt, /Eve Echo moved down: At risk → to Underperformer/);
  assert.doesNotMatch(mt, /Fay Foxtrot/);
  assert.match(movers, /class="mover mover-up"[\s\S]*?Ada Alpha/);
});

test('tiers of the previous quarter: Bob was the superstar, Dan at risk, nobody an underperformer yet', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const r = await max.get('/tiers?period=2026-Q3');
  assert.equal(r.status, 200);
  const table = r.text.split('id="reps"')[1];
  assert.match(rowOf(table, 'Bob Beta'), /tier-badge tier-superstar/);
  assert.match(rowOf(table, 'Dan Delta'), /tier-badge tier-at_risk/, '70% of target, the first time');
  assert.match(rowOf(table, 'Ada Alpha'), /tier-badge tier-core/);
  assert.match(textOf(r.text.split('id="movers"')[1].split('</section>')[0]),
    /Nobody moved up or down a tier since the period before/);
});

test('the admin sees the organisation by default, can pick South, and gets the link to the rules', async () => {
  await setup();
  const ann = await ctx.signIn('ann@acme.test');
  const r = await ann.get('/tiers');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/admin\/numbers"/);
  for (const name of ['Ada Alpha', 'Rob Romeo', 'Sam Sierra']) assert.ok(r.text.includes(`>${name}<`), name);
  const south = await ann.get(`/tiers?team=${ctx.ids.south}&period=2026-Q4`);
  assert.equal(south.status, 200);
  const table = south.text.split('id="reps"')[1];
  assert.ok(!table.includes('Ada Alpha'), 'only South');
  assert.match(rowOf(table, 'Rob Romeo'), /tier-badge tier-core/);
  assert.match(textOf(rowOf(table, 'Sam Sierra')), /80%/);
  assert.match(rowOf(table, 'Sam Sierra'), /tier-badge tier-core/, '80 % is not below 80 %');
});

test('tiers: rights — a rep gets 403, a manager cannot see another team, one rep is no group', async () => {
  await setup();
  const eve = await ctx.signIn('eve@acme.test');
  assert.equal((await eve.get('/tiers')).status, 403);
  assert.equal((await eve.get('/concentration')).status, 403);
  const max = await ctx.signIn('max@acme.test');
  assert.equal((await max.get(`/tiers?team=${ctx.ids.south}`)).status, 403);
  assert.equal((await max.get(`/concentration?team=${ctx.ids.south}`)).status, 403);
  assert.equal((await max.get('/tiers?who=org')).status, 403);
  assert.equal((await max.get(`/tiers?rep=${ctx.ids.ada}`)).status, 400);
  assert.equal((await max.get('/tiers?period=2026-Q9')).status, 400);
});

test('tiers export: the table as CSV and Excel, with the previous tier', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  // the page's own download link
  const page = await max.get('/tiers?period=2026-Q4');
  const href = /<a href="([^"]*format=csv[^"]*)" download>/.exec(page.text)?.[1];
  assert.ok(href, 'a CSV link on the page');
  const csv = await max.get(unescapeHtml(href));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /csv/);
  assert.match(csv.headers.get('content-disposition') || '', /attachment/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /Rep.*Team.*Target.*Result.*Attainment.*Share of revenue.*Tier.*Previous tier/);
  assert.equal(lines.length, 7, 'a header and six reps');
  const ada = lines.find((l) => l.includes('Ada Alpha'));
  assert.match(ada, /North/);
  assert.match(ada, /Superstar.*Core/);
  assert.match(lines.find((l) => l.includes('Eve Echo')), /Underperformer.*At risk/);
  const xlsx = await max.get('/tiers?period=2026-Q4&format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
});

test('tiers in an organisation without targets: how to set them', async () => {
  await setup();
  // Mia leads South, whose reps have no targets in 2025-Q1
  const mia = await ctx.signIn('mia@acme.test');
  const r = await mia.get('/tiers?period=2025-Q1');
  assert.equal(r.status, 200);
  assert.match(r.text, /id="no-targets"/);
  assert.match(r.text, /href="\/targets"/);
  assert.match(textOf(r.text), /No targets yet/);
});

// --- concentration ------------------------------------------------------------

test('concentration of North in 2026-Q4: 2 of 6 reps bring half, the top rep (16.7% of 6) brings 34%, Gini 0.40', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const r = await max.get('/concentration');
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const text = textOf(r.text);
  assert.match(text, /33\.3% 2 of 6 reps bring half of the revenue/);
  assert.match(text, /34% of the revenue comes from the top rep \(16\.7% of 6\)/);
  assert.match(text, /0\.40 Gini coefficient/);
  assert.match(text, /€4,100 Revenue in the period 1 of the 6 reps brought no revenue; they count too/);
  assert.match(text, /In the articles, about 4% of the reps bring over half of the revenue\. Here the top rep \(16\.7% of 6\): 34% of the revenue — the pattern does not hold\./);
  // the chart's data: 7 points of the Lorenz curve, smallest first, and the marker where the top rep begins
  const spec = JSON.parse(/<script type="application\/json" id="chart-lorenz">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.equal(spec.x.length, 7);
  assert.deepEqual(spec.y.map((v) => Math.round(v * 4100)), [0, 0, 100, 800, 1700, 2700, 4100]);
  assert.equal(spec.marker, 0.8333);
  assert.match(r.text, /<canvas data-lorenz="chart-lorenz"/);
  assert.match(r.text, /<script src="\/static\/charts-numbers\.js" defer>/);
  // the table: largest first, cumulative
  const table = r.text.split('id="reps"')[1];
  assert.match(textOf(rowOf(table, 'Ada Alpha')), /1 Ada Alpha North €1,400 34% 34%/);
  assert.match(textOf(rowOf(table, 'Bob Beta')), /2 Bob Beta North €1,000 24% 59%/);
  assert.match(textOf(rowOf(table, 'Fay Foxtrot')), /6 Fay Foxtrot North €0 0% 100%/);
});

test('concentration of South: the pattern holds; of the organisation: 3 of 8 reps', async () => {
  await setup();
  const mia = await ctx.signIn('mia@acme.test');
  const south = textOf((await mia.get('/concentration?period=2026-Q4')).text);
  assert.match(south, /50% 1 of 2 reps brings half of the revenue/);
  assert.match(south, /58% of the revenue comes from the top rep \(50% of 2\)/);
  assert.match(south, /0\.08 Gini coefficient/);
  assert.match(south, /Here the top rep \(50% of 2\): 58% of the revenue — the pattern holds\./);

  const ann = await ctx.signIn('ann@acme.test');
  const org = textOf((await ann.get('/concentration?period=2026-Q4')).text);
  assert.match(org, /37\.5% 3 of 8 reps bring half of the revenue/);
  assert.match(org, /23% of the revenue comes from the top rep \(12\.5% of 8\)/);
  assert.match(org, /0\.33 Gini coefficient/);
  assert.match(org, /€6,000 Revenue in the period/);
});

test('concentration without revenue says so; the export holds the table', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const empty = await max.get('/concentration?period=2025-Q1');
  assert.equal(empty.status, 200);
  assert.match(empty.text, /id="no-revenue"/);
  assert.doesNotMatch(empty.text, /data-lorenz/);

  const csv = await max.get('/concentration?period=2026-Q4&format=csv');
  assert.equal(csv.status, 200);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /Rank.*Rep.*Team.*Revenue.*Share.*Cumulative share/);
  assert.equal(lines.length, 7);
  assert.match(lines[1], /^1[,;]Ada Alpha[,;]North/);
  assert.match(lines[6], /^6[,;]Fay Foxtrot/);
});

// --- the excuse check -----------------------------------------------------------

test("Eve's excuse check: too few peers in Oslo, 0.1× the segment's median, price does not hold", async () => {
  await setup();
  const eve = await ctx.signIn('eve@acme.test');
  const r = await eve.get('/excuses');
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const text = textOf(r.text);
  const att = textOf(r.text.split('id="attainment"')[1].split('</section>')[0]);
  assert.match(att, /Your attainment 10%/);
  assert.match(att, /Territory: Oslo Too few peers to compare \(4 of the 5 needed\)/);
  assert.match(att, /Segment: SMB 95% median of 6 peers You are at 0\.1× the segment's median\./);

  const reasons = r.text.split('id="reasons"')[1].split('</section>')[0];
  assert.match(textOf(reasons), /You lost 50% on price; peers selling Pro in Oslo lost 10% on price\./);
  assert.match(textOf(reasons), /Pro Your lost deals: 6 · peers selling Pro in Oslo: 10/);
  const pro = reasons.split('<h3>Pro</h3>')[1].split('</table>')[0];
  const price = rowOf(pro, 'Price');
  assert.match(price, /class="not-shared"/);
  assert.match(textOf(price), /Price 3 \(50%\) 1 \(10%\) Not shared by peers: the excuse does not hold/);
  assert.match(textOf(rowOf(pro, 'Competitor')), /Competitor 2 \(33%\) 5 \(50%\) Shared by peers/);
  assert.match(textOf(rowOf(pro, 'Timing')), /Timing 1 \(17%\) 4 \(40%\) Shared by peers/);
  const basic = reasons.split('<h3>Basic</h3>')[1].split('</table>')[0];
  assert.match(textOf(rowOf(basic, 'Price')), /Too few lost deals to tell \(2 of the 5 needed\)/);
  assert.doesNotMatch(basic, /not-shared/);
  // the rules in words
  assert.match(text, /at least twice the peers' share and at least 15 percentage points higher/);
});

test('excuse check: rights and the picker', async () => {
  await setup();
  const eve = await ctx.signIn('eve@acme.test');
  assert.equal((await eve.get(`/excuses?rep=${ctx.ids.ada}`)).status, 403, 'not a colleague’s');
  assert.equal((await eve.get(`/excuses?rep=${ctx.ids.eve}`)).status, 200, 'her own by id');

  const max = await ctx.signIn('max@acme.test');
  const pick = await max.get('/excuses');
  assert.equal(pick.status, 200);
  assert.match(pick.text, /<select id="f-who" name="who"/);
  assert.match(pick.text, new RegExp(`<option value="rep:${ctx.ids.eve}"`));
  assert.doesNotMatch(pick.text, new RegExp(`<option value="rep:${ctx.ids.rob}"`), 'only the reps Max leads');
  const r = await max.get(`/excuses?rep=${ctx.ids.eve}`);
  assert.equal(r.status, 200);
  assert.match(textOf(r.text), /Eve Echo lost 50% on price; peers selling Pro in Oslo lost 10% on price\./);
  assert.match(textOf(r.text), /Eve Echo is at 0\.1× the segment's median\./);
  assert.equal((await max.get(`/excuses?rep=${ctx.ids.rob}`)).status, 403);
  const mia = await ctx.signIn('mia@acme.test');
  assert.equal((await mia.get(`/excuses?rep=${ctx.ids.eve}`)).status, 403);
});

test('excuse check export: the reasons table with the verdicts', async () => {
  await setup();
  const eve = await ctx.signIn('eve@acme.test');
  const csv = await eve.get('/excuses?period=2026-Q4&format=csv');
  assert.equal(csv.status, 200);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /Product.*Reason.*Your lost deals.*Your share.*Peers' lost deals.*Peers' share.*Verdict/);
  assert.equal(lines.length, 5, 'a header, three reasons of Pro and one of Basic');
  const price = lines.find((l) => /^"?Pro"?[,;]"?Price/.test(l));
  assert.ok(price, lines.join('\n'));
  assert.match(price, /[,;]3[,;].*[,;]1[,;].*the excuse does not hold/);
  assert.match(lines.find((l) => /^"?Basic/.test(l)), /Too few lost deals to tell/);
  const xlsx = await eve.get('/excuses?period=2026-Q4&format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
});

testCleanStop(ctx);
