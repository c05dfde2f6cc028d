// numbers: the numbers pages as a person sees them — targets set through the
// /targets form by managers (only for the reps of their own teams; a wrong
// amount comes back at its field with what was typed), a rep's /numbers with
// attainment, run-rate projection and what is needed per week, the team page
// with its totals and CSV export, who may open what, a bad ?period=, and the
// admin's numbers settings. The server's clock is pinned to Monday
// 2026-11-23; a second server whose clock says 2026-09-15 closes a deal in
// the quarter before.
//
// Organisation acme (fiscal year = calendar year): team North (Max) with
// Rita, team South (Mia) with Rob. Amounts in euros.
//
//            Q3 target → won        Q4 target → won (closed 2026-11-23)
//   Rita     20,000 → 9,000         30,000 → 9,000 + 4,500 = 13,500 (and an open deal of 5,000)
//   Rob          —  →   —           20,000 → 22,000
//
// 2026-Q4 runs 1 Oct – 31 Dec: 92 days; on 23 November 54 have passed
// (31 + 23) and 38 are left.
//   Rita: attainment 13,500 / 30,000 = 45 %
//         projection 13,500 / 54 × 92 = 23,000; projected 23,000 / 30,000 = 76.7 % → "77%"
//         still needed 16,500; per week ceil(1,650,000 × 7 / 38) cents = 303,948 → "€3,039"
//         tiers (120 / 80 / 2 in a row): Q3 45 % (Q2 had no target: the run starts) → core;
//         Q4 45 % again → underperformer
//   Rob:  attainment 22,000 / 20,000 = 110 %; projection round(2,200,000 × 92 / 54) cents =
//         3,748,148 → "€37,481"; still needed 0; core
//   Team (Ann, whole organisation): target 50,000, result 35,500, attainment 35,500 / 50,000 = 71 %;
//         Rob (110 %) above Rita (45 %)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, startServer, createToken, apiClient, formFrom, unescapeHtml,
} from './lib.mjs';

const TODAY = '2026-11-23';
const Q3_DAY = '2026-09-15';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });
let q3;	// the server of 15 September

const tokens = {};
const as = (base, email) => {
  tokens[email] ??= createToken(ctx.db, 'acme', email);
  return apiClient(base, tokens[email]);
};

/** Text of the page without tags, entities decoded, spaces (no-break ones too) collapsed. */
function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/[ \t\r\n\u00a0]+/g, ' ');
}

/** The card of the numbers page with this label: "label value note" as text. */
function card(html, label) {
  const cards = [...html.matchAll(/<div class="stat fig-stat[^"]*">([\s\S]*?)<\/div>/g)].map((m) => textOf(m[1]).trim());
  const c = cards.find((t) => t.startsWith(`${label} `));
  assert.ok(c, `a card "${label}" among ${JSON.stringify(cards)}`);
  return c;
}

/** The rows of the first table after `marker` in the page, as arrays of cell texts. */
function rowsAfter(html, marker) {
  const at = html.indexOf(marker);
  assert.ok(at >= 0, `"${marker}" in the page`);
  // the marker may stand in the <table> tag itself
  const open = html.lastIndexOf('<table', at);
  const from = open >= 0 && html.indexOf('>', open) > at ? open : at;
  const table = /<table[\s\S]*?<\/table>/.exec(html.slice(from));
  assert.ok(table, `a table after "${marker}"`);
  return [...table[0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((tr) => [...tr[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]).trim()));
}

/** A deal of the caller's on the server of api, closed as won (that server's day) unless open. */
async function wonDeal(api, valueMinor, { open = false } = {}) {
  const a = await api.post('/api/v1/accounts', { name: `Account ${Math.random().toString(36).slice(2, 8)}` });
  assert.equal(a.status, 201, a.text);
  const d = await api.post('/api/v1/deals', {
    title: `deal ${Math.random().toString(36).slice(2, 8)}`, account_id: a.json.id ?? a.json.account?.id,
    value_minor: valueMinor, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  const id = d.json.id ?? d.json.deal?.id;
  if (open) return id;
  const c = await api.send('PATCH', `/api/v1/deals/${id}`, { status: 'won' });
  assert.equal(c.status, 200, c.text);
  return id;
}

/** Posts the targets form of the page at path with the given fields; returns the answer. */
async function postTargets(client, path, fields) {
  const page = await client.page(path);
  assert.equal(page.status, 200, page.text.slice(0, 400));
  const form = [...page.text.matchAll(/<form method="post" action="(\/targets[^"]*)"/g)][0];
  assert.ok(form, 'a targets form on the page');
  const action = unescapeHtml(form[1]);
  return client.postForm(action, { csrf_token: page.csrf, ...fields });
}

before(async () => {
  q3 = await startServer(ctx.db, { env: { SALESGARDEN_TODAY: Q3_DAY }, name: 'q3' });
});
after(async () => {
  if (q3) await q3.kill();
});

test('managers set targets through the form: saved, shown, and typed the English way', async () => {
  const { ids } = ctx;
  const max = await ctx.signIn('max@acme.test');
  const page = await max.page('/targets?period=2026-Q4');
  assert.equal(page.status, 200);
  assert.match(textOf(page.text), /Targets for Q4 2026 \(Oct–Dec 2026\)/);
  const form = formFrom(page.text, '/targets?period=2026-Q4&amp;who=led');
  assert.ok(form, 'the form posts back to the same team and period');
  assert.ok(form.fields.includes(`t_${ids.rita}`), 'a field for Rita');
  assert.ok(!form.fields.includes(`t_${ids.rob}`), 'none for Rob, who is in another team');

  const r = await postTargets(max, '/targets?period=2026-Q4', { [`t_${ids.rita}`]: '30,000' });
  assert.equal(r.status, 303, r.text.slice(0, 600));
  assert.match(r.location, /^\/targets\?period=2026-Q4&who=led&done=targets-saved$/);
  const after1 = await max.get(r.location);
  assert.match(textOf(after1.text), /The targets were saved\./);
  const rows = rowsAfter(after1.text, 'class="targets-form"');
  const rita = rows.find((c) => c[0] === 'Rita Rep');
  assert.ok(rita, JSON.stringify(rows));
  assert.equal(rita[2], '€30,000');
  // the field now holds the target as one would type it
  assert.match(after1.text, new RegExp(`name="t_${ids.rita}" type="text"[^>]*value="30,000"`));

  // the quarter before, without thousands separators
  const q = await postTargets(max, '/targets?period=2026-Q3', { [`t_${ids.rita}`]: '20000' });
  assert.equal(q.status, 303, q.text.slice(0, 600));

  const mia = await ctx.signIn('mia@acme.test');
  const m = await postTargets(mia, '/targets?period=2026-Q4', { [`t_${ids.rob}`]: '20000.00' });
  assert.equal(m.status, 303, m.text.slice(0, 600));
});

test('a manager cannot set the target of a rep outside their teams: 403 and nothing changes', async () => {
  const { ids } = ctx;
  const max = await ctx.signIn('max@acme.test');
  const r = await postTargets(max, '/targets?period=2026-Q4', { [`t_${ids.rob}`]: '1' });
  assert.equal(r.status, 403, r.text.slice(0, 400));
  assert.match(textOf(r.text), /You may only set targets for the reps of the teams you lead, and Rob Rep is not in one/);
  // even together with a rep of their own: nothing of it is saved
  const both = await postTargets(max, '/targets?period=2026-Q4', { [`t_${ids.rita}`]: '1', [`t_${ids.rob}`]: '1' });
  assert.equal(both.status, 403);
  // a rep cannot open the page at all
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/targets')).status, 403);

  const ann = await ctx.signIn('ann@acme.test');
  const rows = rowsAfter((await ann.get('/targets?period=2026-Q4')).text, 'class="targets-form"');
  assert.equal(rows.find((c) => c[0] === 'Rob Rep')[2], '€20,000');
  assert.equal(rows.find((c) => c[0] === 'Rita Rep')[2], '€30,000');
});

test('a wrong amount comes back at its field with what was typed; nothing is saved', async () => {
  const { ids } = ctx;
  const max = await ctx.signIn('max@acme.test');
  const r = await postTargets(max, '/targets?period=2026-Q4', { [`t_${ids.rita}`]: 'thirty' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /The targets were not saved\. Check the fields marked below\./);
  assert.match(r.text, new RegExp(`name="t_${ids.rita}" type="text"[^>]*value="thirty"[^>]*aria-invalid="true"`));
  assert.match(textOf(r.text), /Enter an amount, such as 12500 or 12500\.50/);
  const neg = await postTargets(max, '/targets?period=2026-Q4', { [`t_${ids.rita}`]: '-5' });
  assert.equal(neg.status, 400);
  assert.match(textOf(neg.text), /A target cannot be negative\./);
  const rows = rowsAfter((await max.get('/targets?period=2026-Q4')).text, 'class="targets-form"');
  assert.equal(rows.find((c) => c[0] === 'Rita Rep')[2], '€30,000');
});

test('deals are won: two of Rita in Q4 (and one left open), one in Q3, one of Rob', async () => {
  const rita = as(ctx.base, 'rita@acme.test');
  await wonDeal(rita, 900000);
  await wonDeal(rita, 450000);
  await wonDeal(rita, 500000, { open: true });
  await wonDeal(as(q3.base, 'rita@acme.test'), 900000);
  await wonDeal(as(ctx.base, 'rob@acme.test'), 2200000);
});

test("Rita's numbers: attainment, projection and what is needed per week, each with its rule", async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const r = await rita.get('/numbers');
  assert.equal(r.status, 200);
  const text = textOf(r.text);
  assert.match(text, /My numbers Q4 2026 \(Oct–Dec 2026\)/, 'a quarter by default');
  assert.match(card(r.text, 'Target'), /^Target €30,000 to reach by 31 Dec 2026$/);
  assert.match(card(r.text, 'Result'), /^Result €13,500 won deals closed from 1 Oct 2026 to 23 Nov 2026$/);
  assert.match(card(r.text, 'Attainment'), /^Attainment 45% €13,500 result of €30,000 target$/);
  assert.match(card(r.text, 'Projection'),
    /^Projection €23,000 €13,500 won in 54 of 92 days, so about €23,000 by 31 Dec 2026: 77% of target$/);
  assert.match(card(r.text, 'Still needed'), /^Still needed €16,500 €30,000 target − €13,500 result$/);
  assert.match(card(r.text, 'Needed per week'), /^Needed per week €3,039 €16,500 still needed in 38 days left \(5\.4 weeks\)$/);
  assert.match(card(r.text, 'Days left'), /^Days left 38 38 of 92 days left, up to and including 31 Dec 2026$/);

  // the progress chart's data: 92 days, the result up to today, the target line, the projection after
  const json = /<script type="application\/json" id="chart-progress">([\s\S]*?)<\/script>/.exec(r.text);
  assert.ok(json, 'the chart block');
  const spec = JSON.parse(json[1]);
  assert.equal(spec.kind, 'progress');
  assert.equal(spec.currency, 'EUR');
  assert.equal(spec.labels.length, 92);
  assert.equal(spec.labels[0], '2026-10-01');
  assert.equal(spec.labels[91], '2026-12-31');
  const [res, target, proj] = spec.datasets;
  assert.equal(res.data[52], 0, 'nothing won before 23 November');
  assert.equal(res.data[53], 1350000, 'both deals on 23 November');
  assert.equal(res.data[54], null, 'no result after today');
  assert.equal(target.data[91], 3000000, 'the target line ends at the target');
  assert.equal(target.style, 'dashed');
  assert.equal(proj.style, 'dotted');
  assert.equal(proj.data[52], null);
  assert.equal(proj.data[91], 2300000, 'the projection ends at €23,000');

  // the history: this quarter and the one before, with their tiers
  const hist = rowsAfter(r.text, 'id="history"');
  assert.deepEqual(hist[0], ['Period', 'Target', 'Result', 'Attainment', 'Tier']);
  assert.deepEqual(hist[1], ['Q4 2026', '€30,000', '€13,500', '45%', 'Underperformer']);
  assert.deepEqual(hist[2], ['Q3 2026', '€20,000', '€9,000', '45%', 'At risk'],
    'below 80% for the first time (Q2 had no target): at risk');
  assert.deepEqual(hist[3], ['Q2 2026', '', '€0', '–', 'No target']);
  assert.equal(hist.length, 9, 'eight periods under the titles');
  assert.match(textOf(r.text), /Underperformer: below 80% of target in 2 periods in a row\./);

  // both tables download: the history, and the weekly points behind the chart
  const csv = await rita.get('/numbers?format=csv');
  assert.equal(csv.status, 200);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Period,Target (EUR),Result (EUR),Attainment (%),Tier');
  assert.equal(lines[1], 'Q4 2026,30000.00,13500.00,45.0,Underperformer');
  assert.equal(lines[2], 'Q3 2026,20000.00,9000.00,45.0,At risk');
  const weekly = await rita.get('/numbers?table=progress&format=csv');
  assert.equal(weekly.status, 200);
  const wl = weekly.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(wl[0], 'Day,Result so far (EUR),Target line (EUR),Projection (EUR)');
  assert.equal(wl[1], '2026-10-07,0.00,2282.61,', 'day 7: 30,000 × 7 / 92');
  // today: 30,000 × 54 / 92 = 17,608.70 on the target line; the projection starts at the result
  assert.ok(wl.includes('2026-11-23,13500.00,17608.70,13500.00'), wl.join('\n'));
  assert.ok(wl.includes('2026-12-31,,30000.00,23000.00'), wl.join('\n'));
});

test('a month without a target says so plainly; a manager gets a link to set it', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const r = await rita.get('/numbers?kind=month');
  assert.equal(r.status, 200);
  assert.match(textOf(r.text), /You have no target for November 2026, so there is nothing to measure the result against\./);
  assert.match(card(r.text, 'Attainment'), /^Attainment – /);
  assert.doesNotMatch(r.text, /href="\/targets/, 'no link for a rep');
  const max = await ctx.signIn('max@acme.test');
  const m = await max.get(`/numbers?rep=${ctx.ids.rita}&kind=month`);
  assert.equal(m.status, 200);
  assert.match(textOf(m.text), /Rita Rep has no target for November 2026/);
  assert.match(m.text, new RegExp(`href="/targets\\?period=2026-11&amp;team=${ctx.ids.north}"`));
});

test('who may see whose numbers: a rep only their own, a manager their teams', async () => {
  const { ids } = ctx;
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get(`/numbers?rep=${ids.rob}`)).status, 403);
  assert.equal((await rita.get(`/numbers?rep=${ids.rita}`)).status, 200);
  assert.equal((await rita.get('/numbers/team')).status, 403);
  assert.equal((await rita.get('/admin/numbers')).status, 403);
  const mia = await ctx.signIn('mia@acme.test');
  assert.equal((await mia.get(`/numbers?rep=${ids.rita}`)).status, 403);
  const rob = await mia.get(`/numbers?rep=${ids.rob}`);
  assert.equal(rob.status, 200);
  assert.match(card(rob.text, 'Attainment'), /^Attainment 110% €22,000 result of €20,000 target$/);
  assert.match(card(rob.text, 'Projection'), /^Projection €37,481 .*: 187% of target$/);
  assert.match(card(rob.text, 'Still needed'), /^Still needed €0 the target is reached$/);
  // a team on /numbers goes to the team page
  const t = await mia.get(`/numbers?team=${ids.south}&period=2026-Q4`);
  assert.equal(t.status, 303);
  assert.equal(t.location, `/numbers/team?team=${ids.south}&period=2026-Q4`);
});

test('a period that is not one: 400 with a message that says how to write one', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  for (const bad of ['2026-Q5', '2026-13', 'FY', 'next']) {
    const r = await rita.get(`/numbers?period=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 400, bad);
    assert.match(textOf(r.text), new RegExp(`“${bad}” is not a period\\. Write a month as 2026-11, a quarter as 2026-Q1 or a fiscal year as FY2026\\.`));
  }
  assert.equal((await rita.get('/numbers?kind=week')).status, 400);
});

test('the team page: reps by attainment, the totals and what they count, and the CSV', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const r = await ann.get('/numbers/team?period=2026-Q4');
  assert.equal(r.status, 200);
  const rows = rowsAfter(r.text, 'class="num-team"');
  assert.deepEqual(rows[0], ['Rep', 'Attainment', 'Result', 'Target', 'Projection', 'Needed per week', 'Tier']);
  assert.deepEqual(rows[1], ['Rob Rep South', '110%', '€22,000', '€20,000', '€37,481 (187%)', '€0', 'Core']);
  assert.deepEqual(rows[2], ['Rita Rep North', '45%', '€13,500', '€30,000', '€23,000 (77%)', '€3,039', 'Underperformer']);
  assert.deepEqual(rows[3], ['Total', '71%', '€35,500', '€50,000', '€60,481 (121%)', '€2,671', '']);
  assert.match(textOf(r.text), /The team's attainment and what it needs per week count the 2 reps with a target: €35,500 result of €50,000 target\./);
  // the bar chart: one bar per rep with a target, a line at 100 %
  const spec = JSON.parse(/<script type="application\/json" id="chart-attainment">([\s\S]*?)<\/script>/.exec(r.text)[1]);
  assert.equal(spec.kind, 'pct-bars');
  assert.deepEqual(spec.labels, ['Rob Rep', 'Rita Rep']);
  assert.deepEqual(spec.datasets[0].data, [1.1, 0.45]);
  // the bars are coloured by the tier thresholds of the settings: 45 % is below
  // the underperformer line (80 %), so red, never green (issue 14)
  assert.deepEqual(spec.datasets[0].colors, ['#2f9e5b', '#d92d20']);
  assert.equal(spec.refs[0].value, 1);

  const csv = await ann.get('/numbers/team?period=2026-Q4&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="team-numbers-2026-Q4\.csv"/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Rep,Team,Attainment (%),Result (EUR),Target (EUR),Projection (EUR),Projected attainment (%),'
    + 'Needed per week (EUR),Tier');
  assert.equal(lines[1], 'Rob Rep,South,110.0,22000.00,20000.00,37481.48,187.4,0.00,Core');
  assert.equal(lines[2], 'Rita Rep,North,45.0,13500.00,30000.00,23000.00,76.7,3039.48,Underperformer');
  assert.equal(lines[3], 'Total,,71.0,35500.00,50000.00,60481.48,121.0,2671.06,');

  // Max sees his team only
  const max = await ctx.signIn('max@acme.test');
  const m = await max.get('/numbers/team?period=2026-Q4');
  assert.equal(m.status, 200);
  const mrows = rowsAfter(m.text, 'class="num-team"');
  // her manager may open Rita's rep page (the admin above, who leads no team, may not)
  assert.deepEqual(mrows.map((c) => c[0]), ['Rep', 'Rita Rep Overview North', 'Total']);
  assert.match(m.text, new RegExp(`<a class="rep-page-link" href="/reps/${ctx.ids.rita}"`));
  assert.equal((await max.get(`/numbers/team?team=${ctx.ids.south}`)).status, 403);
});

test('Clear removes a target, 0 sets one of nothing, and a quarter adds up its months', async () => {
  const { ids } = ctx;
  const mia = await ctx.signIn('mia@acme.test');
  const rowOf = async (period) => rowsAfter((await mia.get(`/targets?period=${period}`)).text, 'class="targets-form"')
    .find((c) => c[0] === 'Rob Rep');
  assert.equal((await postTargets(mia, '/targets?period=2027-01', { [`t_${ids.rob}`]: '1,000' })).status, 303);
  assert.equal((await postTargets(mia, '/targets?period=2027-02', { [`t_${ids.rob}`]: '2,000.50' })).status, 303);
  assert.equal((await rowOf('2027-02'))[2], '€2,001');
  // the quarter has none of its own: the sum of its months, said so, as the field's placeholder
  const q = await mia.get('/targets?period=2027-Q1');
  assert.match(textOf(q.text), /Rob Rep South €3,001 the sum of the months in it/);
  assert.match(q.text, new RegExp(`name="t_${ids.rob}" type="text"[^>]*value="" placeholder="3,000.50"`));
  // Clear, and typing the same amount beside it, removes the month's target
  const page = await mia.page('/targets?period=2027-01');
  assert.match(page.text, new RegExp(`name="clear_${ids.rob}"`));
  const c = await postTargets(mia, '/targets?period=2027-01', { [`t_${ids.rob}`]: '1,000', [`clear_${ids.rob}`]: '1' });
  assert.equal(c.status, 303);
  assert.equal((await rowOf('2027-01'))[2], '–');
  // but not Clear with a new amount
  const both = await postTargets(mia, '/targets?period=2027-02', { [`t_${ids.rob}`]: '5', [`clear_${ids.rob}`]: '1' });
  assert.equal(both.status, 400);
  assert.match(textOf(both.text), /Either clear the target or type a new one, not both\./);
  // "0" is a target of nothing, which is a target
  assert.equal((await postTargets(mia, '/targets?period=2027-01', { [`t_${ids.rob}`]: '0' })).status, 303);
  assert.equal((await rowOf('2027-01'))[2], '€0');
  // an empty field changes nothing
  assert.equal((await postTargets(mia, '/targets?period=2027-02', { [`t_${ids.rob}`]: '' })).status, 303);
  assert.equal((await rowOf('2027-02'))[2], '€2,001');
});

test('admin numbers settings: errors at their fields with what was typed, then saved and in force', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const page = await ann.page('/admin/numbers');
  assert.equal(page.status, 200);
  assert.match(page.text, /name="source" value="deals" checked/);
  assert.match(page.text, /name="superstar_pct" type="number"[^>]*value="120"/);
  assert.match(textOf(page.text), /Superstar: at least 120% of target\./);

  const good = { source: 'deals', superstar_pct: '105', superstar_share_pct: '0', under_pct: '50', under_periods: '1', min_sample: '3' };
  const bad = await ann.postForm('/admin/numbers', { csrf_token: page.csrf, ...good, superstar_pct: '40', under_periods: '13' });
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /The settings were not saved\. Check the fields marked below\./);
  assert.match(bad.text, /name="superstar_pct" type="number"[^>]*value="40"[^>]*aria-invalid="true"/);
  assert.match(bad.text, /name="under_periods" type="number"[^>]*value="13"[^>]*aria-invalid="true"/);
  assert.match(textOf(bad.text), /Enter a whole number from 1 to 12\./);
  // the order of the two thresholds
  const order = await ann.postForm('/admin/numbers', { csrf_token: page.csrf, ...good, superstar_pct: '40' });
  assert.equal(order.status, 400);
  assert.match(textOf(order.text), /The superstar threshold must be above the underperformer threshold\./);
  const nosrc = await ann.postForm('/admin/numbers', { csrf_token: page.csrf, ...good, source: 'guess' });
  assert.equal(nosrc.status, 400);
  assert.match(textOf(nosrc.text), /Choose what counts as a result\./);

  const ok = await ann.postForm('/admin/numbers', { csrf_token: page.csrf, ...good });
  assert.equal(ok.status, 303, ok.text.slice(0, 400));
  assert.equal(ok.location, '/admin/numbers?done=numbers-settings-saved');
  const saved = await ann.get(ok.location);
  assert.match(textOf(saved.text), /The numbers settings were saved\./);
  assert.match(saved.text, /name="superstar_pct" type="number"[^>]*value="105"/);
  assert.match(saved.text, /name="min_sample" type="number"[^>]*value="3"/);
  assert.match(textOf(saved.text), /Superstar: at least 105% of target\. Underperformer: below 50% of target in the period\./);

  // in force: Rob at 110 % is now a superstar, Rita at 45 % an underperformer in one period
  const rows = rowsAfter((await ann.get('/numbers/team?period=2026-Q4')).text, 'class="num-team"');
  assert.equal(rows[1][6], 'Superstar');
  assert.equal(rows[2][6], 'Underperformer');
});

testCleanStop(ctx);
