// rep-page: issue 14's "one rep, whole" — the rep page (GET /reps/:id) and
// the reps' commitment figures side by side (GET /figures/team), with the
// server's clock pinned to Monday 2026-11-23 (SALESGARDEN_TODAY).
//
// A team of its own ("Side …", led by Mona, a manager of no other team) with
// two reps, Fay and Gus, whose seven conversations in November 2026 were
// computed by hand (grace period 3 days):
//
//  #  day    rep  deal   kind     min outcome                    effect
//  1  11-02  Fay  Alpha  call      30 STEP a1 due 11-05
//  2  11-05  Fay  Alpha  meeting   60 STEP a2 due 11-30          a1 kept 11-05 (on time)
//  3  11-03  Fay  Beta   call      15 none
//  4  11-10  Fay  Beta   visit     45 STOP no_budget, lost       Beta lost 11-10
//     Alpha won (closed today, 11-23)
//  5  11-04  Gus  Gamma  call      20 none
//  6  11-11  Gus  Gamma  call      10 none
//  7  11-12  Gus  Gamma  meeting   30 STEP g1 due 11-16          g1 never kept: missed after 11-19
//
// Over 2026-11-01 .. 2026-11-30:
//                   Fay                 Gus                 Total (sum of the counts)
//  commitment rate  (2+1)/4  = 75 %     1/3      = 33 %     4/7  = 57 %
//  stop rate        1/4      = 25 %     0/3      = 0 %      1/7  = 14 %
//  no commitment    1/4      = 25 %     2/3      = 67 %     3/7  = 43 %
//  follow-through   a1 kept  1/1 = 100% g1 not   0/1 = 0 %  1/2  = 50 %
//                   (a2 is due 11-30, after today: not due yet)
//  median days      Alpha 11-02→11-05 = 3   – (one step)    [3] = 3
//  win, unbroken    Alpha won 1/1 = 100%    –                1/1 = 100 %
//  win, the rest    Beta (none) 0/1 = 0 %   –                0/1 = 0 %
//  hours on lost    Beta 15+45 min = 1.0    0.0              1.0
//
// Fay's target for 2026-Q4 is € 50,000 and Alpha (€ 12,500) is won:
// attainment 12,500 / 50,000 = 25 %. Gus's Gamma is open with a missed
// step: strung along; Fay has no open deal, so none strings her along.
//
// Rights: the rep page is private data (access_private): the rep and the
// manager of their team; another rep, the manager of another team, an admin
// who does not lead the team 403; another organisation 404. The team table
// is for managers whose reps they are (access_team_reps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, addUser, addTeam, unescapeHtml, Client,
} from './lib.mjs';

const TODAY = '2026-11-23';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });
const FROM = '2026-11-01', TO = '2026-11-30';

const uniq = () => Math.random().toString(36).slice(2, 8);
const idOf = (body, key) => body?.id ?? body?.[key]?.id;
const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const clients = {};
async function web(email) {
  if (!clients[email]) {
    const c = new Client(ctx.base);
    await c.signIn(email);
    clients[email] = c;
  }
  return clients[email];
}
function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');
}

let fx;
async function fixture() {
  if (fx) return fx;
  const team = `Side ${uniq()}`;
  const mona = `mona-${uniq()}@acme.test`, fay = `fay-${uniq()}@acme.test`, gus = `gus-${uniq()}@acme.test`;
  const ids = { mona: addUser(ctx.db, 'acme', mona, 'Mona Manager', 'manager') };
  ids.team = addTeam(ctx.db, 'acme', team, { manager: mona });
  ids.fay = addUser(ctx.db, 'acme', fay, 'Fay Figures', 'rep', { team });
  ids.gus = addUser(ctx.db, 'acme', gus, 'Gus Gaps', 'rep', { team });
  const deal = async (api, title) => {
    const a = await api.post('/api/v1/accounts', { name: `${title} Ltd` });
    assert.equal(a.status, 201, a.text);
    const r = await api.post('/api/v1/deals', { title, account_id: idOf(a.json, 'account'), value_minor: 1250000, currency: 'EUR' });
    assert.equal(r.status, 201, r.text);
    return idOf(r.json, 'deal');
  };
  const conv = async (api, dealId, day, kind, minutes, outcome, more = {}) => {
    const r = await api.post('/api/v1/conversations', {
      deal_id: dealId, kind, at: `2026-${day}T10:00:00Z`, minutes, gut_feeling: 3, outcome, notes: '', ...more,
    });
    assert.equal(r.status, 201, r.text);
  };
  const step = (what, due) => ({ step: { what, due, who: 'Olga Buyer' } });
  const fa = as(fay), ga = as(gus);
  const alpha = await deal(fa, `Alpha ${uniq()}`), beta = await deal(fa, `Beta ${uniq()}`);
  const gammaTitle = `Gamma ${uniq()}`;
  const gamma = await deal(ga, gammaTitle);
  await conv(fa, alpha, '11-02', 'call', 30, 'step', step('a1', '2026-11-05'));
  await conv(fa, alpha, '11-05', 'meeting', 60, 'step', step('a2', '2026-11-30'));
  await conv(fa, beta, '11-03', 'call', 15, 'none');
  await conv(fa, beta, '11-10', 'visit', 45, 'stop', { stop_reason: 'no_budget', stop_action: 'lost' });
  const won = await fa.send('PATCH', `/api/v1/deals/${alpha}`, { status: 'won' });
  assert.equal(won.status, 200, won.text);
  await conv(ga, gamma, '11-04', 'call', 20, 'none');
  await conv(ga, gamma, '11-11', 'call', 10, 'none');
  await conv(ga, gamma, '11-12', 'meeting', 30, 'step', step('g1', '2026-11-16'));
  const t = await as(mona).post('/api/v1/targets', { rep_id: ids.fay, period: '2026-Q4', amount: 50000 });
  assert.ok(t.status === 200 || t.status === 201, t.text);
  // an admin who also leads a team: the users list links to their rep only
  const ada = `ada-${uniq()}@acme.test`, desk = `Desk ${uniq()}`;
  ids.ada = addUser(ctx.db, 'acme', ada, 'Ada Admin', 'admin');
  addTeam(ctx.db, 'acme', desk, { manager: ada });
  ids.ivo = addUser(ctx.db, 'acme', `ivo-${uniq()}@acme.test`, 'Ivo Inside', 'rep', { team: desk });
  fx = { ids, team, mona, fay, gus, gammaTitle, ada };
  return fx;
}

const tableUrl = (f, q = '') => `/figures/team?team=${f.ids.team}&from=${FROM}&to=${TO}${q}`;

/** the table's body rows as arrays of cell texts, the total last */
function rowsOf(html) {
  const table = /<table class="fig-team">([\s\S]*?)<\/table>/.exec(html);
  assert.ok(table, 'the team table');
  return [...table[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1)
    .map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]).trim()));
}

test('the team table shows each rep\'s hand-computed figures and the total row', async () => {
  const f = await fixture();
  const r = await (await web(f.mona)).get(tableUrl(f));
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const rows = rowsOf(r.text);
  // columns: rep, conversations, commitment, stop, none, follow-through,
  // median days, win unbroken, win rest, hours
  assert.deepEqual(rows.map((x) => x[0]), ['Fay Figures', 'Gus Gaps', 'Total']);
  const num = (s) => s.replace(/[^0-9.,–-]/g, '');
  assert.deepEqual(rows[0].slice(1).map(num), ['4', '75', '25', '25', '100', '3', '100', '0', '1.0']);
  assert.deepEqual(rows[1].slice(1).map(num), ['3', '33', '0', '67', '0', '–', '–', '–', '0.0']);
  assert.deepEqual(rows[2].slice(1).map(num), ['7', '57', '14', '43', '50', '3', '100', '0', '1.0']);
  assert.match(r.text, new RegExp(`href="/reps/${f.ids.fay}"`), 'a rep links to their page');
});

test('the team table sorts on the server by every column, both ways, "–" last', async () => {
  const f = await fixture();
  const c = await web(f.mona);
  const order = async (q) => {
    const r = await c.get(tableUrl(f, q));
    assert.equal(r.status, 200, `${q}: ${r.text.slice(0, 300)}`);
    return rowsOf(r.text).map((x) => x[0].split(' ')[0]);
  };
  assert.deepEqual(await order('&sort=commitment'), ['Fay', 'Gus', 'Total'], 'a rate: highest first');
  assert.deepEqual(await order('&sort=commitment&dir=asc'), ['Gus', 'Fay', 'Total']);
  assert.deepEqual(await order('&sort=none'), ['Gus', 'Fay', 'Total']);
  assert.deepEqual(await order('&sort=hours&dir=asc'), ['Gus', 'Fay', 'Total']);
  assert.deepEqual(await order('&sort=median&dir=asc'), ['Fay', 'Gus', 'Total'], 'nothing to count stays last');
  assert.deepEqual(await order('&sort=median&dir=desc'), ['Fay', 'Gus', 'Total']);
  assert.deepEqual(await order('&sort=name&dir=desc'), ['Gus', 'Fay', 'Total']);
  // the sorted column's header links to the other direction, and says how it is sorted
  const r = await c.get(tableUrl(f, '&sort=stop&dir=desc'));
  assert.match(r.text, /aria-sort="descending"><a href="[^"]*sort=stop&amp;dir=asc"/);
  assert.equal((await c.get(tableUrl(f, '&sort=bogus'))).status, 400);
});

test('the team table downloads as CSV and Excel with the total row', async () => {
  const f = await fixture();
  const c = await web(f.mona);
  const csv = await c.get(tableUrl(f, '&sort=commitment&format=csv'));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment/);
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines.length, 4, csv.text);
  assert.match(lines[1], /^"?Fay Figures"?,4,/);
  assert.match(lines[2], /^"?Gus Gaps"?,3,/);
  assert.match(lines[3], /^"?Total"?,7,/);
  const x = await fetch(`${ctx.base}${tableUrl(f, '&format=xlsx')}`, { headers: { Cookie: c.cookieHeader() } });
  assert.equal(x.status, 200);
  const buf = Buffer.from(await x.arrayBuffer());
  assert.equal(buf.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');
});

test('the team table: only for whoever may see the team\'s reps one by one', async () => {
  const f = await fixture();
  assert.equal((await (await web('max@acme.test')).get(tableUrl(f))).status, 403, 'the manager of another team');
  assert.equal((await (await web(f.fay)).get(tableUrl(f))).status, 403, 'a rep');
  assert.equal((await (await web('bea@beta.test')).get(tableUrl(f))).status, 404, 'another organisation');
  assert.equal((await (await web('ann@acme.test')).get(tableUrl(f))).status, 200, 'the admin');
});

test('the rep page: numbers, figures beside the team, strung-along deals, the excuse check, each linking on', async () => {
  const f = await fixture();
  const c = await web(f.mona);
  const r = await c.get(`/reps/${f.ids.fay}?period=2026-Q4`);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const text = textOf(r.text);
  assert.match(text, /Fay Figures/);
  assert.match(text, /Attainment 25\s?%/, 'attainment 12,500 / 50,000');
  assert.match(r.text, /Tier history/);
  // the figures over the quarter (Fay's are all in November) beside the team's
  const fig = /<table class="rep-figures">([\s\S]*?)<\/table>/.exec(r.text);
  assert.ok(fig, 'the figures table');
  const figText = textOf(fig[1]);
  assert.match(figText, /Commitment rate 75\s?% 57\s?%/);
  assert.match(figText, /Step follow-through 100\s?% 50\s?%/);
  assert.match(figText, /Hours spent on deals finally lost 1\.0 1\.0/);
  // each part links to its full page with the rep and the period
  for (const href of [
    `/numbers?rep=${f.ids.fay}&amp;period=2026-Q4`,
    `/figures/commitment?rep=${f.ids.fay}&amp;from=2026-10-01&amp;to=2026-12-31`,
    `/strung-along?rep=${f.ids.fay}`,
    `/excuses?rep=${f.ids.fay}&amp;period=2026-Q4`,
    `/figures/team?team=${f.ids.team}&amp;from=2026-10-01&amp;to=2026-12-31`,
  ])
    assert.ok(r.text.includes(`href="${href}"`), `a link to ${href}`);
  assert.match(text, /No open deal strings this rep along/);
  assert.match(text, /1 deal lost in this period/);

  const g = await c.get(`/reps/${f.ids.gus}?period=2026-Q4`);
  assert.equal(g.status, 200);
  assert.match(textOf(g.text), /1 open deal strings this rep along/);
  assert.ok(g.text.includes(f.gammaTitle), 'the strung-along deal is named');
});

test('the rep page: the rep and their team\'s manager; nobody else', async () => {
  const f = await fixture();
  const url = `/reps/${f.ids.fay}`;
  assert.equal((await (await web(f.fay)).get(url)).status, 200, 'the rep herself');
  assert.equal((await (await web(f.mona)).get(url)).status, 200, 'her manager');
  const other = await (await web(f.gus)).get(url);
  assert.equal(other.status, 403, 'another rep, of the same team');
  assert.ok(!other.text.includes('Attainment'), 'nothing of the page');
  assert.equal((await (await web('max@acme.test')).get(url)).status, 403, 'the manager of another team');
  assert.equal((await (await web('ann@acme.test')).get(url)).status, 403, 'an admin who does not lead the team');
  assert.equal((await (await web('bea@beta.test')).get(url)).status, 404, 'another organisation');
  assert.equal((await (await web(f.mona)).get('/reps/99999999')).status, 404, 'no such user');
});

test('the team numbers, the tiers and the users list link to the rep page where it may be opened', async () => {
  const f = await fixture();
  const link = new RegExp(`href="/reps/${f.ids.fay}"`);
  const mona = await web(f.mona);
  assert.match((await mona.get(`/numbers/team?team=${f.ids.team}&period=2026-Q4`)).text, link);
  assert.match((await mona.get(`/tiers?team=${f.ids.team}&period=2026-Q4`)).text, link);
  // an admin sees every user but opens the rep page only of the teams they lead
  const users = await (await web(f.ada)).get('/admin/users');
  assert.equal(users.status, 200);
  assert.match(users.text, new RegExp(`href="/reps/${f.ids.ivo}"`));
  assert.doesNotMatch(users.text, link);
  const page = await (await web('ann@acme.test')).get(`/numbers/team?team=${f.ids.team}&period=2026-Q4`);
  assert.doesNotMatch(page.text, link);
});

test('the rep page and the team table in Dutch and Norwegian', async () => {
  const f = await fixture();
  const c = new Client(ctx.base);
  await c.signIn(f.mona);
  const say = async (lang) => {
    const r = await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  };
  await say('nl');
  let r = await c.get(`/reps/${f.ids.gus}?period=2026-Q4`);
  assert.equal(r.status, 200);
  let text = textOf(r.text);
  assert.match(text, /Cijfers tegen het target/);
  assert.match(text, /Stap of stop tegenover het team/);
  assert.match(text, /1 open deal houdt deze verkoper aan het lijntje/);
  assert.match(textOf((await c.get(tableUrl(f))).text), /De verkopers naast elkaar/);
  await say('nb');
  r = await c.get(`/reps/${f.ids.gus}?period=2026-Q4`);
  text = textOf(r.text);
  assert.match(text, /Tall mot målet/);
  assert.match(text, /Steg eller stopp mot teamet/);
  assert.match(textOf((await c.get(tableUrl(f))).text), /Selgerne side om side/);
});

testCleanStop(ctx);
