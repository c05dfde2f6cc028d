// browser-contests: leaderboards and the TV view in headless Chromium
// (issue 10). At 390×844 (touch), in each language, /leaderboards (the
// organisation and a team, on commitment rate and on revenue with South's
// individual revenue hidden), /contests, a contest and its form with
// errors: none may scroll sideways and each draws its chart. The TV view,
// refreshing every 2 seconds (?refresh=2): a conversation logged through
// the API changes Rosa's commitment rate, and the screen shows the new
// figure and a new "updated hh:mm" without a reload. Screenshots of pages
// that overflow go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, seedStandard, addUser, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LONG = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(2);

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-11-25' },
  seed: (db) => {
    const ids = seedStandard(db);
    ids.rosa = addUser(db, 'acme', 'rosa@acme.test', `Rosa ${LONG}`, 'rep', { team: 'North' });
    return ids;
  },
});
const api = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));

async function signIn(browser, email) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  return { context, page };
}

async function dealWithConv(client, title, day, outcome, more = {}) {
  const a = await client.post('/api/v1/accounts', { name: `Account ${title}` });
  assert.equal(a.status, 201, a.text);
  const d = await client.post('/api/v1/deals', { title, account_id: a.json.id ?? a.json.account?.id, value_minor: 250000,
    currency: 'EUR' });
  assert.equal(d.status, 201, d.text);
  const id = d.json.id ?? d.json.deal?.id;
  const c = await client.post('/api/v1/conversations', { deal_id: id, kind: 'call', at: `2026-${day}T09:00:00Z`,
    minutes: 20, gut_feeling: 3, outcome, notes: '', ...more });
  assert.equal(c.status, 201, c.text);
  return id;
}

test('leaderboards and contests on a phone, and the TV view refreshing', { skip, timeout: 300_000 }, async (t) => {
  const { north, south } = ctx.ids;
  const rita = api('rita@acme.test'), rosa = api('rosa@acme.test');
  const d1 = await dealWithConv(rita, 'Rita deal', '11-03', 'step', { step: { what: 'Demo', due: '2026-11-10', who: 'Olga' } });
  assert.equal((await rita.send('PATCH', `/api/v1/deals/${d1}`, { status: 'won' })).status, 200);
  const d2 = await dealWithConv(rosa, 'Rosa deal', '11-04', 'none');
  assert.equal((await api('rob@acme.test').post('/api/v1/accounts', { name: 'Rob acc' })).status, 201);
  sqlExec(ctx.db, `UPDATE teams SET show_revenue = 0 WHERE id = ${south}`);
  const c = await api('max@acme.test').post('/api/v1/contests', { name: `Sprint ${LONG}`, figure: 'commitment_rate',
    mode: 'individual', starts_on: '2026-11-01', ends_on: '2026-11-30', prize: `Dinner ${LONG}`, teams: [north] });
  assert.equal(c.status, 201, c.text);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const check = async (page, label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `contests-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  const mx = await signIn(browser, 'max@acme.test');
  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([mx.page.waitForLoadState('load'), mx.page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/leaderboards', `/leaderboards?team=${north}&figure=commitment_rate&period=this_month`,
      '/leaderboards?figure=revenue&period=this_month', `/leaderboards?team=${north}&figure=most_improved&base=steps_kept`,
      '/contests', `/contests/${c.json.id}`, '/contests/new']) {
      const res = await mx.page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      if (p.startsWith('/leaderboards?') && !p.includes('most_improved') || p.startsWith('/contests/') && p !== '/contests/new') {
        await mx.page.waitForFunction(() => !!window.Chart && document.querySelector('canvas[data-lb-chart]')?.width > 0);
      }
      await check(mx.page, `${lang} ${p}`);
    }
    // a contest with errors, on the phone
    await mx.page.goto(`${ctx.base}/contests/new`);
    await mx.page.fill('input[name="name"]', '');
    await mx.page.fill('input[name="minimum"]', '-1');
    // the browser's own checks aside: the server's messages are tested
    await mx.page.evaluate(() => { document.querySelector('.contest-form').noValidate = true; });
    await Promise.all([mx.page.waitForNavigation(), mx.page.locator('.contest-form button[type="submit"]').tap()]);
    assert.ok(await mx.page.locator('.field.invalid input[name="minimum"]').count(), 'the minimum is marked');
    await check(mx.page, `${lang} contest errors`);
  }
  await Promise.all([mx.page.waitForLoadState('load'), mx.page.click('form.lang button[value="en"]')]);
  await mx.page.goto(`${ctx.base}/leaderboards?team=${north}&figure=commitment_rate&period=this_month`);
  await mx.page.waitForFunction(() => !!window.Chart && document.querySelector('canvas[data-lb-chart]')?.width > 0);
  await mx.page.screenshot({ path: path.join(SHOTS, 'contests-phone-leaderboard.png'), fullPage: true });
  // revenue: South's reps not listed, its total is
  await mx.page.goto(`${ctx.base}/leaderboards?figure=revenue&period=this_month`);
  const txt = await mx.page.textContent('main');
  assert.doesNotMatch(txt, /Rob Rep/);
  assert.match(txt, /South \(individual revenue not shown\)/);

  // the TV view: dark, no navigation, redrawn every 2 s
  const tv = await mx.context.newPage();
  await tv.setViewportSize({ width: 1280, height: 720 });
  await tv.goto(`${ctx.base}/tv/leaderboard?team=${north}&figure=commitment_rate&period=this_month&refresh=2`);
  assert.equal(await tv.locator('nav').count(), 0);
  const bg = await tv.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(13, 21, 18)');
  const rosaRow = () => tv.locator('#tv-rows tr', { hasText: 'Rosa' }).locator('.tv-value').textContent();
  assert.equal(await rosaRow(), '0%');
  const before = await tv.textContent('#tv-updated');
  assert.match(before, /^updated \d\d:\d\d$/);
  await tv.evaluate(() => { document.getElementById('tv-updated').textContent = 'stale'; });
  // Rosa logs a conversation ending in a step: 1 of 2, 50 %
  const c2 = await rosa.post('/api/v1/conversations', { deal_id: d2, kind: 'call', at: '2026-11-20T09:00:00Z', minutes: 15,
    gut_feeling: 3, outcome: 'step', notes: '', step: { what: 'Offer', due: '2026-11-27', who: 'Piet' } });
  assert.equal(c2.status, 201, c2.text);
  await tv.waitForFunction(() => [...document.querySelectorAll('#tv-rows tr')]
    .some((tr) => tr.textContent.includes('Rosa') && tr.querySelector('.tv-value').textContent === '50%'), null, { timeout: 20_000 });
  assert.match(await tv.textContent('#tv-updated'), /^updated \d\d:\d\d$/);
  assert.equal(await tv.evaluate(() => location.pathname), '/tv/leaderboard');
  await tv.screenshot({ path: path.join(SHOTS, 'contests-tv.png') });
  // the contest's TV view on a phone fits too
  await mx.page.goto(`${ctx.base}/tv/contests/${c.json.id}?refresh=2`);
  await check(mx.page, 'tv contest');
  await mx.context.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
