// browser-hiring: the hiring pages on a phone (issue 11, part 3). Headless
// Chromium at 390×844 (touch) signs in as Max: in each language the hiring
// profile (its inline SVG chart and the table) and the hire page of a
// candidate in a vacancy with a long name (the hire form, the first
// assessment, the back-into-the-pool form) — none may scroll sideways;
// then the form's taps send the candidate back into the pool. Screenshots
// of any page that overflows go to build/screenshots/.
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

test('the hiring profile and the hire page on a phone: nothing overflowing; back into the pool by taps', { skip, timeout: 300_000 }, async (t) => {
  let r = await api('max@acme.test').post('/api/v1/candidates', { name: `Sanne ${LONG}`, source: 'linkedin',
    email: 'sanne@example.test' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  r = await api('max@acme.test').post('/api/v1/vacancies', { title: `Seller ${LONG}`, team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  const stage = r.json.stages[0].id;
  sqlExec(ctx.db, `UPDATE candidates SET vacancy_id = ${r.json.id}, stage_id = ${stage} WHERE id = ${id}`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'max@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  const wide = [];
  const check = async (label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `hiring-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  for (const lang of ['en', 'nl', 'nb']) {
    await page.goto(`${ctx.base}/`);
    await page.evaluate(async (l) => {
      const csrf = document.querySelector('input[name="csrf_token"]').value;
      await fetch('/lang', { method: 'POST', body: new URLSearchParams({ csrf_token: csrf, lang: l, next: '/' }) });
    }, lang);
    await page.goto(`${ctx.base}/recruiting/hiring-profile`);
    assert.equal(await page.locator('.hp-chart svg').count(), 1, lang);
    const title = { en: 'What predicts top performance here', nl: 'Wat hier topprestaties voorspelt',
      nb: 'Hva som forutsier toppresultater her' }[lang];
    assert.equal((await page.locator('h1').first().textContent()).trim(), title, lang);
    await check(`profile-${lang}`);
    await page.goto(`${ctx.base}/recruiting/candidates/${id}/hire`);
    assert.equal(await page.locator('form[action$="/pool#pool"]').count(), 1, lang);
    await check(`hire-${lang}`);
  }
  // back into the pool with the form's taps (in Norwegian, the last language)
  await page.fill('input[name="touch_on"]', '2027-03-01');
  await Promise.all([page.waitForURL(/ok=pool/), page.locator('form[action$="/pool#pool"] button[type="submit"]').tap()]);
  await check('after-pool');
  assert.equal(await page.locator('form[action$="/pool#pool"]').count(), 0, 'no longer in a vacancy');
  assert.deepEqual(wide, [], 'pages wider than the phone');
  const c = await api('max@acme.test').get(`/api/v1/candidates/${id}`);
  assert.equal(c.json.vacancy, null);
  assert.equal(c.json.next_step.due, '2027-03-01');
});

testCleanStop(ctx);
