// browser-tiers: the tiers, concentration and excuse-check pages on a phone
// (390×844, touch) in headless Chromium, as a manager checking the team on
// the way to a meeting: the Lorenz curve is drawn (the canvas is not blank),
// no page scrolls sideways, and there are no script or CSP errors.
// Screenshots go to build/screenshots/. Skipped when /usr/bin/chromium is not
// installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient, addOrg, addUser, addTeam } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const TODAY = '2026-11-23';

// team North (manager Max): five reps with long names, so the table is wide
const REPS = [
  ['ada', 'Ada Alexandra Alphabetica', 140000], ['bob', 'Bob Bartholomew Betancourt', 100000],
  ['cid', 'Cid Cornelius Gammastraat', 90000], ['dan', 'Dan Dagobert Deltaplan', 70000],
  ['eve', 'Eve Evangelina Echolocation', 10000],
];

function seed(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  ids.north = addTeam(db, 'acme', 'North', { manager: 'max@acme.test', territory: 'Oslo', segment: 'SMB' });
  for (const [key, name] of REPS) ids[key] = addUser(db, 'acme', `${key}@acme.test`, name, 'rep', { team: 'North' });
  return ids;
}

const ctx = useServer({ seed, env: { SALESGARDEN_TODAY: TODAY } });

test('on a phone: the Lorenz curve is drawn, and tiers, concentration and excuses fit the screen', { skip }, async (t) => {
  // targets and won deals of this quarter through the API
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  let n = 0;
  for (const [key, , won] of REPS) {
    const tr = await api.post('/api/v1/targets', { rep_id: ctx.ids[key], period: '2026-Q4', amount_minor: 100000 });
    assert.equal(tr.status, 201, tr.text);
    const d = await api.post('/api/v1/deals', {
      title: `Deal ${++n}`, account_name: `Account ${n}`, value_minor: won, currency: 'EUR', owner_id: ctx.ids[key],
      product: 'Pro',
    });
    assert.equal(d.status, 201, d.text);
    const c = await api.send('PATCH', `/api/v1/deals/${d.json.id ?? d.json.deal?.id}`, { status: 'won' });
    assert.equal(c.status, 200, c.text);
  }

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/static/') && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  const noSideways = async (where) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    // on failure, name the elements that stick out
    const wide = w <= 390 ? [] : await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('.table-wrap'))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`));
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w}): ${wide.join(', ')}`);
  };

  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'max@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);

  // the concentration page: Chart.js draws the curve into the canvas
  let resp = await page.goto(`${ctx.base}/concentration`, { waitUntil: 'load' });
  assert.equal(resp.status(), 200);
  const canvas = page.locator('canvas[data-lorenz]');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas[data-lorenz]');
    return window.Chart && c && window.Chart.getChart(c);
  }, null, { timeout: 10_000 });
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('canvas[data-lorenz]');
    const chart = window.Chart.getChart(c);
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
    return { ink, w: c.width, h: c.height, points: chart.data.datasets[0].data.length };
  });
  assert.ok(drawn.w > 0 && drawn.h > 0, `the canvas has a size: ${JSON.stringify(drawn)}`);
  assert.ok(drawn.ink > 1000, `the canvas is not blank: ${drawn.ink} painted pixels`);
  assert.equal(drawn.points, REPS.length + 1, 'n + 1 points of the curve');
  await page.screenshot({ path: path.join(SHOTS, 'concentration-phone.png'), fullPage: true });
  await noSideways('the concentration page');

  // the tiers page: a wide table scrolls inside its box, not the page
  resp = await page.goto(`${ctx.base}/tiers`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.locator('.tier-strip').count(), REPS.length);
  await page.screenshot({ path: path.join(SHOTS, 'tiers-phone.png'), fullPage: true });
  await noSideways('the tiers page');

  // the excuse check of a rep
  resp = await page.goto(`${ctx.base}/excuses?rep=${ctx.ids.eve}`);
  assert.equal(resp.status(), 200);
  await page.screenshot({ path: path.join(SHOTS, 'excuses-phone.png'), fullPage: true });
  await noSideways('the excuse check');

  assert.deepEqual(problems, [], 'no script, CSP or asset errors');
});

testCleanStop(ctx);
