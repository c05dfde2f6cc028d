// browser-recruiting: logging a conversation with a candidate on a phone
// (issue 11, part 1). Headless Chromium at 390×844 (touch) signs in as Max,
// opens a candidate of the pool (with a long name without spaces), logs a
// call that ends in a step with the form's taps, then a stop; the history
// shows both. Along the way, in each language, the pool, the new-candidate
// form, the profile and a form with errors: none may scroll sideways.
// Screenshots of any that do go to build/screenshots/. (Filling a scorecard
// on a phone is browser-scorecards.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LONG = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(2);

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-25' } });
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

test('logging a candidate conversation on a phone: a step, then a stop; nothing overflowing', { skip, timeout: 300_000 }, async (t) => {
  let r = await api('max@acme.test').post('/api/v1/candidates', {
    name: `Sanne ${LONG}`, source: 'linkedin', job_title: `Key account ${LONG}`, company: 'Globex',
    tags: `enterprise, ${LONG}`, notes: `Met at the fair. ${LONG}`, email: 'sanne@example.test',
  });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const check = async (page, label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `recruiting-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  const mx = await signIn(browser, 'max@acme.test');
  const page = mx.page;
  // the menu leads there
  await page.goto(`${ctx.base}/recruiting`);
  await check(page, 'pool');
  await Promise.all([page.waitForURL(new RegExp(`/recruiting/candidates/${id}$`)), page.locator(`tr[data-candidate="${id}"] a`).tap()]);
  await check(page, 'profile');

  // a call that ends in a step
  const form = page.locator('#log form');
  await form.locator('input[name="step_what"]').tap();
  await page.keyboard.type('Rides along with Rita');
  await form.locator('input[name="step_due"]').fill('2026-12-03');
  await form.locator('input[name="step_who"]').tap();
  await page.keyboard.type('Sanne and Rita');
  await form.locator('textarea[name="notes"]').tap();
  await page.keyboard.type('Curious about the territory');
  await Promise.all([page.waitForURL(/ok=logged/), form.locator('button[type="submit"]').tap()]);
  let hist = (await page.locator('#history').textContent()).replace(/\s+/g, ' ');
  assert.match(hist, /Rides along with Rita · Sanne and Rita · 3 Dec/);
  assert.match(hist, /Curious about the territory/);
  assert.match(await page.locator('#next-step').textContent(), /Rides along with Rita/);
  await check(page, 'after step');

  // an error on the phone: a stop without a reason, the field marked, still fits
  await page.locator('#log select[name="open_step"]').selectOption('open');
  await page.locator('#log select[name="outcome"]').selectOption('stop');
  await Promise.all([page.waitForNavigation(), page.locator('#log button[type="submit"]').tap()]);
  assert.ok(await page.locator('#log .field.invalid select[name="stop_reason"]').count(), 'the reason is marked');
  await check(page, 'error');

  // then the stop
  await page.locator('#log select[name="stop_reason"]').selectOption('timing');
  await page.locator('#log input[name="stop_note"]').fill('Not before the summer');
  await Promise.all([page.waitForURL(/ok=logged/), page.locator('#log button[type="submit"]').tap()]);
  hist = (await page.locator('#history').textContent()).replace(/\s+/g, ' ');
  assert.match(hist, /Stop Not now: timing: “Not before the summer”/);
  assert.match(hist, /Rides along with Rita .*\(replaced\)/);
  assert.equal(sqlExec(ctx.db, `SELECT count(*) FROM candidate_conversations WHERE candidate_id = ${id}`).trim(), '2');
  assert.match(await page.locator('#profile').textContent(), /Stopped/);
  await check(page, 'after stop');

  // a vacancy (part 2) with a long title and a candidate on its board
  r = await api('max@acme.test').post('/api/v1/vacancies', { title: `Accountmanager ${LONG}`, team_id: ctx.ids.north,
    territory: LONG, opens_on: '2026-11-01', target_on: '2027-01-15' });
  assert.equal(r.status, 201, r.text);
  const vac = r.json.id;
  r = await api('max@acme.test').post('/api/v1/candidates', { name: `Daan ${LONG}`, source: 'referral', job_title: LONG });
  assert.equal(r.status, 201, r.text);
  await page.goto(`${ctx.base}/recruiting/vacancies/${vac}`);
  await page.locator('#add select[name="candidate_id"]').selectOption(String(r.json.id));
  await Promise.all([page.waitForURL(/ok=moved/), page.locator('#add button[type="submit"]').tap()]);
  assert.match((await page.locator('#board').textContent()).replace(/\s+/g, ' '), /First talk\s*1\s*Daan/);
  await check(page, 'board');

  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/recruiting', '/recruiting/candidates/new', `/recruiting/candidates/${id}`, '/recruiting/vacancies',
      `/recruiting/vacancies/${vac}`]) {
      const res = await page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(page, `${lang} ${p}`);
    }
  }
  await page.screenshot({ path: path.join(SHOTS, 'recruiting-phone-profile.png'), fullPage: true });
  await mx.context.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
