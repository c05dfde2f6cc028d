// browser-self-assessment: a rep fills in and submits a self-assessment on a
// phone (issue 8). Max opens a round for North over HTTP; then headless
// Chromium at 390×844 signs in as Rita, follows "Self-assessment due" from
// the home page, taps a score button per trait, is told that a 5 needs
// evidence (the rest of what she chose stays), adds it and submits. No page
// on the way scrolls sideways, in English and in Dutch; the score buttons are
// large enough to tap. Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

function sideways(page) {
  return page.evaluate(() => {
    const w = document.scrollingElement.scrollWidth;
    if (w <= window.innerWidth) return null;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
      .slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`);
    return `scrollWidth ${w}: ${out.join(', ')}`;
  });
}

test('a rep fills in and submits a self-assessment at 390×844', { skip, timeout: 180_000 }, async (t) => {
  const max = await ctx.signIn('max@acme.test');
  const opened = await max.postForm('/assessments/rounds', { csrf_token: max.csrf, name: '2026 H2', due: '2026-12-15', team: String(ctx.ids.north) });
  assert.equal(opened.status, 303, opened.text.slice(0, 300));

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'rita@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  assert.equal(await sideways(page), null, 'the home page');
  await Promise.all([page.waitForURL(/\/assessments\/\d+$/), page.tap('a:has-text("Self-assessment due: 2026 H2")')]);
  assert.equal(await sideways(page), null, 'the form');

  // five traits, each with five buttons large enough for a thumb
  const traits = await page.$$('fieldset.trait-rate');
  assert.equal(traits.length, 5);
  const sizes = await page.$$eval('fieldset.trait-rate > .score-buttons .score-btn', (bs) => bs.map((b) => {
    const r = b.getBoundingClientRect();
    return [r.width, r.height, r.right <= window.innerWidth];
  }));
  assert.equal(sizes.length, 25);
  for (const [w, h, inside] of sizes) assert.ok(w >= 44 && h >= 44 && inside, `a score button of ${w}×${h}`);

  // 4 on every trait but the last, 5 on the last without evidence
  for (let i = 0; i < 5; i++) {
    const score = i === 4 ? 5 : 4;
    const label = await traits[i].$(`:scope > .score-buttons label.score-btn:text-is("${score}")`);
    await label.scrollIntoViewIfNeeded();
    await label.tap();
  }
  await page.screenshot({ path: path.join(SHOTS, 'phone-self-assessment-filled.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.tap('button[value="submit"]')]);
  const err = await page.$eval('fieldset.trait-rate.invalid .field-error', (e) => e.textContent);
  assert.match(err, /A score of 5 needs evidence/);
  // what she chose is still chosen
  assert.equal(await page.$$eval('input.score-input:checked', (is) => is.length), 5);
  assert.equal(await sideways(page), null, 'the form with an error');
  await page.screenshot({ path: path.join(SHOTS, 'phone-self-assessment-error.png'), fullPage: true });

  await page.fill('fieldset.trait-rate.invalid textarea', 'Three customers called to thank me for solving their invoice problem.');
  await Promise.all([page.waitForURL(/done=submitted/), page.tap('button[value="submit"]')]);
  assert.match(await page.textContent('main'), /The assessment was submitted/);
  assert.equal(await page.$$eval('input.score-input:checked', (is) => is.length), 5);
  assert.equal(await page.$$eval('input.score-input:not([disabled])', (is) => is.length), 0, 'read only once submitted');
  assert.equal(await sideways(page), null, 'the submitted form');

  // in Dutch, too
  await Promise.all([page.waitForNavigation(), page.click('form.lang button[value="nl"]')]);
  assert.match(await page.textContent('main'), /Doelgericht/);
  assert.equal(await sideways(page), null, 'the form in Dutch');
  await page.screenshot({ path: path.join(SHOTS, 'phone-self-assessment-nl.png'), fullPage: true });
  await page.goto(`${ctx.base}/assessments`);
  assert.equal(await sideways(page), null, 'the list in Dutch');
  // once Max submits his form, her history shows the growth chart on the phone
  const forms = await max.get('/assessments');
  const mgrForm = /href="\/assessments\/(\d+)">2026 H2<\/a><\/td><td>Rita Rep<\/td><td>Manager/.exec(forms.text)[1];
  const page2 = await max.get(`/assessments/${mgrForm}`);
  const fields = { csrf_token: max.csrf, action: 'submit' };
  for (const m of page2.text.matchAll(/name="score-(\d+)" value="1"/g)) fields[`score-${m[1]}`] = '4';
  assert.equal((await max.postForm(`/assessments/${mgrForm}`, fields)).status, 303);
  await page.goto(`${ctx.base}/reps/${ctx.ids.rita}/assessments`);
  await page.waitForFunction(() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-scores]')));
  const lines = await page.evaluate(() => window.Chart.getChart(document.querySelector('canvas[data-scores]')).data.datasets.length);
  assert.equal(lines, 5, 'a line per trait');
  assert.equal(await sideways(page), null, 'the history with its chart');
  await page.screenshot({ path: path.join(SHOTS, 'phone-assessment-history-nl.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

testCleanStop(ctx);
