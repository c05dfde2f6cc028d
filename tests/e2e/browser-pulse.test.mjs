// browser-pulse: the weekly check-in on a phone (issue 10). Headless
// Chromium at 390×844 with touch, as Rita, a rep: from the home page, the
// menu's "Grow" group and "Pulse", three taps on the 1–5 scales and "Send";
// then a second round with a comment. Every tap and every typed character
// is counted and the count is asserted (no timing: with a model of 1.5 s a
// tap, the six taps are about 9 s, under the 20 s, printed only).
// The scales' chips are at least 44 px high; nothing on the check-in page,
// nor on the manager's team pulse page with its table and chart, scrolls
// sideways. What was answered is checked through the API. Screenshots go to
// build/screenshots/. Skipped when /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, seedStandard, addUser, sqlExec, testCleanStop, ROOT, PASSWORD, createToken, apiClient } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2027-01-06' },
  seed(db) {
    const ids = seedStandard(db);
    ids.nina = addUser(db, 'acme', 'nina@acme.test', 'Nina North', 'rep', { team: 'North' });
    ids.nils = addUser(db, 'acme', 'nils@acme.test', 'Nils North', 'rep', { team: 'North' });
    const weeks = ['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49',
      '2026-W50', '2026-W51', '2026-W52', '2026-W53'];
    weeks.forEach((w, i) => {
      for (const [rep, base] of [[ids.rita, 4], [ids.nina, 3], [ids.nils, 4]])
        sqlExec(db, `INSERT INTO pulse_answers (org_id, rep_id, team_id, week, energy, motivation, workload, comment, created_at, updated_at) VALUES (${ids.acme}, ${rep}, ${ids.north}, '${w}', ${Math.max(1, base - (i > 9 ? 2 : 0))}, ${base}, 3, '', 1, 1)`);
    });
    sqlExec(db, `INSERT INTO pulse_sharing (org_id, rep_id, shared_at) VALUES (${ids.acme}, ${ids.rita}, 1)`);
    return ids;
  },
});

async function phone(browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const sideways = async (what) => {
    const w = await page.evaluate(() => ({ doc: document.scrollingElement.scrollWidth, view: window.innerWidth }));
    assert.ok(w.doc <= w.view, `${what} scrolls sideways: ${JSON.stringify(w)}`);
  };
  const signIn = async (email) => {
    await page.goto(`${ctx.base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);
  };
  return { page, problems, sideways, signIn };
}

test('on a phone, the weekly check-in is six taps from the home page, no typing', { skip }, async (t) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const { page, problems, sideways, signIn } = await phone(browser);
  await signIn('rita@acme.test');

  let taps = 0, chars = 0;
  const tap = async (locator) => { await locator.tap(); taps++; };
  const type = async (locator, text) => { await tap(locator); await page.keyboard.type(text); chars += text.length; };

  // the menu: open "Grow", tap "Pulse"
  await tap(page.locator('.nav-dd summary', { hasText: 'Grow' }));
  await Promise.all([page.waitForURL(/\/pulse$/), tap(page.locator('.nav-items a[href="/pulse"]'))]);
  await sideways('the check-in page');
  const form = page.locator('form.pulse-form');
  const layout = await page.evaluate(() => {
    const chips = [...document.querySelectorAll('form.pulse-form .chip span')].map((s) => s.getBoundingClientRect());
    const send = document.querySelector('form.pulse-form button[type="submit"]').getBoundingClientRect();
    return { n: chips.length, minHeight: Math.min(...chips.map((c) => c.height)), minWidth: Math.min(...chips.map((c) => c.width)),
      send: send.height, sendBottom: send.bottom };
  });
  assert.equal(layout.n, 15, 'three questions of five chips');
  assert.ok(layout.minHeight >= 44 && layout.minWidth >= 44, `chips at least 44 px: ${JSON.stringify(layout)}`);
  assert.ok(layout.send >= 44, `"Send" at least 44 px high: ${JSON.stringify(layout)}`);
  assert.ok(layout.sendBottom <= 844, `"Send" is on the first screen, no scrolling: ${JSON.stringify(layout)}`);
  await tap(form.locator('label:has(input[name="energy"][value="2"])'));
  await tap(form.locator('label:has(input[name="motivation"][value="3"])'));
  await tap(form.locator('label:has(input[name="workload"][value="4"])'));
  await page.screenshot({ path: path.join(SHOTS, 'pulse-check-in-phone.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/pulse\?saved=answered/), tap(form.locator('button[type="submit"]'))]);
  console.log(`PULSE CHECK-IN: ${taps} taps, ${chars} characters typed (≈ ${(taps * 1.5).toFixed(1)} s at 1.5 s a tap)`);
  assert.equal(taps, 6, 'Grow, Pulse, three values, Send');
  assert.equal(chars, 0);
  await sideways('the trend');
  assert.match(await page.locator('#this-week').textContent(), /Energy 2 · motivation 3 · workload 4: the answer of the week is 2\.33/);
  assert.equal(await page.locator('#trend svg circle').count(), 12, 'eleven weeks of the trend and this one');
  await page.screenshot({ path: path.join(SHOTS, 'pulse-trend-phone.png'), fullPage: true });

  // changing it with a comment: open the change form, three taps, the comment
  taps = 0;
  await tap(page.locator('.pulse-change > summary'));
  const change = page.locator('.pulse-change form.pulse-form');
  await tap(change.locator('label:has(input[name="energy"][value="3"])'));
  await tap(change.locator('.pulse-comment > summary'));
  await type(change.locator('textarea[name="comment"]'), 'Busy week');
  await Promise.all([page.waitForURL(/\/pulse\?saved=changed/), tap(change.locator('button[type="submit"]'))]);
  assert.equal(taps, 5, 'open, one value, "Add a comment", the comment box, Save');
  assert.equal(chars, 'Busy week'.length);
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const r = await api.get('/api/v1/pulse');
  const mine = r.json.answers.at(-1);
  assert.deepEqual([mine.week, mine.energy, mine.motivation, mine.workload, mine.comment], ['2027-W01', 3, 3, 4, 'Busy week']);
  assert.deepEqual(problems, [], 'no script or CSP errors');
});

test('the manager\'s team pulse fits a phone', { skip }, async (t) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  t.after(() => browser.close());
  const { page, problems, sideways, signIn } = await phone(browser);
  await signIn('max@acme.test');
  await page.goto(`${ctx.base}/team/pulse`);
  await sideways('the team pulse');
  assert.match(await page.locator('#averages').textContent(), /Week 53/);
  assert.match(await page.locator('#shared').textContent(), /Rita Rep/);
  await page.screenshot({ path: path.join(SHOTS, 'pulse-team-phone.png'), fullPage: true });
  await page.goto(`${ctx.base}/`);
  await sideways('the home page');
  assert.match(await page.locator('#pulse-needs').textContent(), /Rita Rep shares their pulse and is at burnout risk/);
  assert.deepEqual(problems, []);
});

testCleanStop(ctx);
