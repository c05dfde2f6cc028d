// browser-numbers: the numbers pages on a phone (390×844, touch) in headless
// Chromium — a rep opens /numbers and sees the progress chart drawn (the
// canvas holds coloured pixels, not just white), a manager opens
// /numbers/team with its attainment bars; no sideways scrolling, no script
// or CSP errors. Screenshots go to build/screenshots/. Skipped when
// /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient, unescapeHtml } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const TODAY = '2026-11-23';

const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

/** Max sets Rita's Q4 target through the form; Rita wins a deal today. */
async function seedNumbers() {
  const max = await ctx.signIn('max@acme.test');
  const page = await max.page('/targets?period=2026-Q4');
  assert.equal(page.status, 200);
  const action = unescapeHtml(/<form method="post" action="(\/targets[^"]*)"/.exec(page.text)[1]);
  const r = await max.postForm(action, { csrf_token: page.csrf, [`t_${ctx.ids.rita}`]: '30000' });
  assert.equal(r.status, 303, r.text.slice(0, 400));

  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const acc = await api.post('/api/v1/accounts', { name: 'Phone Numbers Ltd' });
  assert.equal(acc.status, 201, acc.text);
  const d = await api.post('/api/v1/deals', {
    title: 'Phone numbers deal', account_id: acc.json.id ?? acc.json.account?.id, value_minor: 1350000, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  const won = await api.send('PATCH', `/api/v1/deals/${d.json.id ?? d.json.deal?.id}`, { status: 'won' });
  assert.equal(won.status, 200, won.text);

  // Rob: a target of €1 and €0.60 won — an axis of cents, not "€1, €1, €1, €0"
  const mia = await ctx.signIn('mia@acme.test');
  const south = await mia.page('/targets?period=2026-Q4');
  const act = unescapeHtml(/<form method="post" action="(\/targets[^"]*)"/.exec(south.text)[1]);
  const t = await mia.postForm(act, { csrf_token: south.csrf, [`t_${ctx.ids.rob}`]: '1' });
  assert.equal(t.status, 303, t.text.slice(0, 400));
  const rob = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rob@acme.test'));
  const ra = await rob.post('/api/v1/accounts', { name: 'Tiny Ltd' });
  const rd = await rob.post('/api/v1/deals', {
    title: 'Tiny deal', account_id: ra.json.id ?? ra.json.account?.id, value_minor: 60, currency: 'EUR',
  });
  assert.equal(rd.status, 201, rd.text);
  const rw = await rob.send('PATCH', `/api/v1/deals/${rd.json.id ?? rd.json.deal?.id}`, { status: 'won' });
  assert.equal(rw.status, 200, rw.text);
}

test('on a phone: the progress chart and the team bars are drawn, nothing scrolls sideways', { skip }, async (t) => {
  await seedNumbers();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });

  /** A phone with its own cookies, signed in as email; returns { page, problems }. */
  async function phone(email) {
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
    await page.goto(`${ctx.base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);
    return { page, problems };
  }

  const noSideways = async (page, where) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w})`);
  };

  /** Waits until Chart.js has drawn on the canvas, then counts its coloured pixels. */
  const drawnPixels = async (page, selector) => {
    await page.waitForFunction((sel) => {
      const c = document.querySelector(sel);
      return c && window.Chart && window.Chart.getChart(c);
    }, selector, { timeout: 15_000 });
    return page.evaluate((sel) => {
      const c = document.querySelector(sel);
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      // a pixel that is neither transparent nor near-white is ink
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 0 && (data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230)) n++;
      return { n, w: c.width, h: c.height };
    }, selector);
  };

  // Rita: her numbers with the progress chart
  const rita = await phone('rita@acme.test');
  const resp = await rita.page.goto(`${ctx.base}/numbers`);
  assert.equal(resp.status(), 200);
  assert.match(await rita.page.textContent('main'), /45%/);
  const prog = await drawnPixels(rita.page, 'canvas[data-chart="chart-progress"]');
  assert.ok(prog.w > 200 && prog.h > 150, `a canvas of a real size (${prog.w}×${prog.h})`);
  assert.ok(prog.n > 2000, `the progress chart is drawn (${prog.n} coloured pixels)`);
  await noSideways(rita.page, '/numbers');
  // the numbers behind the chart open in a table
  await rita.page.locator('#progress details.numbers summary').tap();
  assert.ok(await rita.page.locator('#progress details.numbers table').isVisible(), 'the weekly table opens');
  await noSideways(rita.page, '/numbers with the table open');
  await rita.page.evaluate(() => window.scrollTo(0, 0));
  await rita.page.screenshot({ path: path.join(SHOTS, 'numbers-phone.png'), fullPage: true });
  assert.deepEqual(rita.problems, [], 'no script, CSP or loading errors on /numbers');

  // Rob's few euros: every label on the money axis differs from the others
  const robPhone = await phone('rob@acme.test');
  assert.equal((await robPhone.page.goto(`${ctx.base}/numbers`)).status(), 200);
  await drawnPixels(robPhone.page, 'canvas[data-chart="chart-progress"]');
  const yLabels = await robPhone.page.evaluate(() => window.Chart.getChart(
    document.querySelector('canvas[data-chart="chart-progress"]')).scales.y.ticks.map((x) => x.label));
  assert.ok(yLabels.length >= 3, `ticks: ${yLabels.join(' | ')}`);
  assert.equal(new Set(yLabels).size, yLabels.length, `no two ticks read the same: ${yLabels.join(' | ')}`);
  assert.ok(yLabels.some((l) => /€0\.\d\d/.test(l)), `cents on the axis: ${yLabels.join(' | ')}`);
  assert.deepEqual(robPhone.problems, [], 'no script errors on a chart of a few euros');

  // Max: the team's numbers with the attainment bars
  const max = await phone('max@acme.test');
  const tr = await max.page.goto(`${ctx.base}/numbers/team`);
  assert.equal(tr.status(), 200);
  assert.match(await max.page.textContent('main'), /Rita Rep/);
  const bars = await drawnPixels(max.page, 'canvas[data-chart="chart-attainment"]');
  assert.ok(bars.n > 1000, `the attainment bars are drawn (${bars.n} coloured pixels)`);
  await noSideways(max.page, '/numbers/team');
  await max.page.evaluate(() => window.scrollTo(0, 0));
  await max.page.screenshot({ path: path.join(SHOTS, 'numbers-team-phone.png'), fullPage: true });

  // and the targets form, which stacks on a phone
  const tg = await max.page.goto(`${ctx.base}/targets`);
  assert.equal(tg.status(), 200);
  await noSideways(max.page, '/targets');
  await max.page.screenshot({ path: path.join(SHOTS, 'targets-phone.png'), fullPage: true });
  assert.deepEqual(max.problems, [], 'no script, CSP or loading errors on the team pages');
});

testCleanStop(ctx);
