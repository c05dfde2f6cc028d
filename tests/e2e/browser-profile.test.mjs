// browser-profile: a rep's profile on a phone (390 × 844) in headless
// Chromium — the radar of self, manager and peers is drawn by Chart.js (a
// canvas with ink, the chart holding its three datasets of five traits),
// the growth chart beside it, and neither the profile nor the manager's
// team traits matrix scrolls sideways. Ratings are inserted with SQL, as
// the assessment forms leave them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

function seedRatings() {
  const ids = ctx.ids, org = ids.acme;
  const sql = (q) => sqlExec(ctx.db, q).trim();
  const traits = sql(`SELECT id FROM traits WHERE org_id = ${org} AND retired_at IS NULL ORDER BY position, id`)
    .split('\n').map(Number);
  const round = (name, opened) => Number(sql(`INSERT INTO assessment_rounds (org_id, name, team_id, opened_by,
    opened_on, created_at) VALUES (${org}, '${name}', ${ids.north}, ${ids.max}, '${opened}', 1) RETURNING id`));
  const rate = (rnd, rater, kind, scores) => {
    const id = Number(sql(`INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, created_at)
      VALUES (${org}, ${rnd}, ${ids.rita}, ${rater}, '${kind}', 'submitted', 1) RETURNING id`));
    scores.forEach((s, i) => sql(`INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score)
      VALUES (${org}, ${id}, ${traits[i]}, ${s})`));
  };
  const h1 = round('2026 H1', '2026-01-15'), h2 = round('2026 H2', '2026-07-01');
  rate(h1, ids.max, 'manager', [3, 3, 3, 3, 3]);
  rate(h2, ids.max, 'manager', [4, 5, 4, 4, 2]);
  rate(h2, ids.rita, 'self', [5, 5, 4, 4, 3]);
  rate(h2, ids.rob, 'peer', [3, 4, 4, 3, 3]);
}

test('on a phone: the radar and the growth chart are drawn, the profile and the matrix fit the screen', { skip }, async (t) => {
  seedRatings();
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
  page.on('response', (r) => {
    if (r.url().includes('/static/') && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  const noSideways = async (where) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    const wide = w <= 390 ? [] : await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('.table-wrap'))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`));
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w}): ${wide.join(', ')}`);
  };
  const signIn = async (email) => {
    await context.clearCookies();
    await page.goto(`${ctx.base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);
  };
  const chartOf = async (id) => {
    const sel = `canvas[data-profile-chart="${id}"]`;
    await page.locator(sel).scrollIntoViewIfNeeded();
    await page.waitForFunction((s) => {
      const c = document.querySelector(s);
      return window.Chart && c && window.Chart.getChart(c);
    }, sel, { timeout: 10_000 });
    return page.evaluate((s) => {
      const c = document.querySelector(s);
      const chart = window.Chart.getChart(c);
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
      return { type: chart.config.type, ink, w: c.width, labels: chart.data.labels.length,
        sets: chart.data.datasets.map((d) => d.label), data: chart.data.datasets.map((d) => d.data) };
    }, sel);
  };

  await signIn('rita@acme.test');
  const resp = await page.goto(`${ctx.base}/profile`, { waitUntil: 'load' });
  assert.equal(resp.status(), 200);
  assert.equal(new URL(page.url()).pathname, `/reps/${ctx.ids.rita}/profile`);
  const radar = await chartOf('chart-radar');
  assert.equal(radar.type, 'radar');
  assert.ok(radar.w > 0 && radar.ink > 1000, `the radar is drawn: ${radar.ink} painted pixels`);
  assert.equal(radar.labels, 5, 'one axis per trait');
  assert.deepEqual(radar.sets, ['Self', 'Manager', 'Peers'], 'no superstars: fewer than three were scored');
  assert.deepEqual(radar.data[1], [4, 5, 4, 4, 2]);
  const growth = await chartOf('chart-growth');
  assert.equal(growth.type, 'line');
  assert.equal(growth.labels, 2);
  assert.equal(growth.sets.length, 5);
  assert.ok(growth.ink > 500, `the growth chart is drawn: ${growth.ink}`);
  assert.match(await page.locator('#superstar-note').innerText(), /only 0 superstars with manager scores; 3 needed/);
  await page.screenshot({ path: path.join(SHOTS, 'profile-phone.png'), fullPage: true });
  await noSideways('the profile');

  await signIn('max@acme.test');
  const m = await page.goto(`${ctx.base}/team/traits`);
  assert.equal(m.status(), 200);
  assert.equal(await page.locator('table.trait-matrix tbody tr').count(), 1, 'Rita, the one rep of North');
  await page.screenshot({ path: path.join(SHOTS, 'team-traits-phone.png'), fullPage: true });
  await noSideways('the team traits matrix');
  assert.deepEqual(problems, [], 'no script, CSP or asset errors');
});

testCleanStop(ctx);
