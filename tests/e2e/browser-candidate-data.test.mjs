// browser-candidate-data: the pages of candidates' data, the recruiting
// figures, the import and the vacancy edit on a phone (issue 11). Headless
// Chromium at 390×844 (touch): Ann (admin) opens a candidate with a long
// name and its erase form, the figures of a vacancy with candidates at its
// stages (the funnel drawn as SVG), the import form and its report of bad
// lines, and the vacancy's edit form — in English and Dutch; none may
// scroll sideways. Screenshots of any that do go to build/screenshots/.
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

test('candidates\' data, figures, import and vacancy edit at phone size: nothing overflowing', { skip, timeout: 300_000 }, async (t) => {
  const ann = api('ann@acme.test');
  let r = await ann.post('/api/v1/vacancies', { title: `Vacancy ${LONG}`, team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  const vac = r.json.id;
  const stages = r.json.stages;
  const ids = [];
  for (let i = 0; i < 6; i++) {
    r = await ann.post('/api/v1/candidates', { name: `Cand ${i} ${LONG}`, source: 'linkedin', email: `c${i}@example.test` });
    assert.equal(r.status, 201, r.text);
    ids.push(r.json.id);
    sqlExec(ctx.db, `UPDATE candidates SET vacancy_id = ${vac}, stage_id = ${stages[i % 5].id} WHERE id = ${r.json.id}`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'ann@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  const wide = [];
  const check = async (label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `candidate-data-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  for (const lang of ['en', 'nl']) {
    await page.goto(`${ctx.base}/account`);
    await page.evaluate(async (l) => {
      const csrf = document.querySelector('input[name="csrf_token"]').value;
      await fetch('/lang', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `csrf_token=${encodeURIComponent(csrf)}&lang=${l}` });
    }, lang);
    await page.goto(`${ctx.base}/recruiting/candidates/${ids[0]}`);
    assert.equal(await page.locator('#candidate-data a').count(), 2, 'the export and erase links');
    await check(`${lang}-candidate`);
    await page.goto(`${ctx.base}/recruiting/candidates/${ids[0]}/erase`);
    await check(`${lang}-erase`);
    await page.goto(`${ctx.base}/recruiting/figures?vacancy=${vac}`);
    assert.equal(await page.locator('#funnel-chart svg rect').count(), 5, 'a bar per stage of the funnel');
    await check(`${lang}-figures`);
    await page.goto(`${ctx.base}/recruiting/import`);
    await page.setInputFiles('input[name="file"]', { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email,source\n${LONG},x@example.test,newspaper\n`) });
    await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/recruiting/import') && res.request().method() === 'POST'),
      page.locator('form[action="/recruiting/import"] button[type="submit"]').tap(),
    ]);
    await page.waitForLoadState('load');
    await page.locator('.import-faults li').first().waitFor();
    assert.equal(await page.locator('.import-faults li').count(), 1, 'the bad line reported');
    await check(`${lang}-import-report`);
    await page.goto(`${ctx.base}/recruiting/vacancies/${vac}/edit`);
    await check(`${lang}-vacancy-edit`);
  }
  assert.deepEqual(wide, [], `pages wider than the phone: ${wide.join(', ')}`);
});

testCleanStop(ctx);
