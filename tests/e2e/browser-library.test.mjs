// browser-library: the library fits a phone (issue 9). Headless Chromium at
// 390×844 signs in as Rita, borrows a book with a long title, and returns it
// with a one-line takeaway and a rating by tapping through the item page —
// then checks the takeaway became her learning activity. Along the way, in
// each language, the catalogue, the item, the home page and (as Max) the
// item form and the loans overview: none may scroll sideways. Screenshots
// of any that do go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
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

async function width(page) {
  return page.evaluate(() => document.scrollingElement.scrollWidth);
}

test('returning a book with a takeaway on a phone; no library page scrolls sideways', { skip, timeout: 300_000 }, async (t) => {
  const long = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(3);
  const max = api('max@acme.test');
  let r = await max.get('/api/v1/traits');
  const traitIds = r.json.items.map((x) => x.id).slice(0, 3);
  r = await max.post('/api/v1/library', { kind: 'book', title: `The Phone Book of ${long}`, author: long, copies: 1,
    minutes: 240, summary: `Summary ${long}`, trait_ids: traitIds });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  r = await max.post('/api/v1/library', { kind: 'article', title: `Article ${long}`, url: `https://example.com/${long}`,
    copies: 0, trait_ids: traitIds });
  assert.equal(r.status, 201, r.text);
  // Rob waits for the book once Rita has it, so the item shows a list
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const check = async (page, label) => {
    const w = await width(page);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `library-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };

  // Rita borrows by tapping Borrow
  const rita = await signIn(browser, 'rita@acme.test');
  await rita.page.goto(`${ctx.base}/library/${id}`);
  await check(rita.page, 'item before');
  await Promise.all([rita.page.waitForURL(/ok=borrowed/), rita.page.click(`form[action="/library/${id}/borrow"] button`)]);
  await check(rita.page, 'item borrowed');
  r = await api('rob@acme.test').post(`/api/v1/library/${id}/wait`, {});
  assert.equal(r.status, 201, r.text);

  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([rita.page.waitForLoadState('load'), rita.page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/library', `/library/${id}`, '/', `/reps/${ctx.ids.rita}`]) {
      const res = await rita.page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(rita.page, `rita ${lang} ${p}`);
    }
  }
  await Promise.all([rita.page.waitForLoadState('load'), rita.page.click('form.lang button[value="en"]')]);

  // the return: the takeaway and a rating, typed on the phone
  await rita.page.goto(`${ctx.base}/library/${id}`);
  const form = rita.page.locator('form.lib-return').first();
  await form.locator('input[name="takeaway"]').fill('Ask the second question before the price.');
  await form.locator('select[name="rating"]').selectOption('5');
  const box = await form.locator('button[type="submit"]').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the Return button is on screen: ${JSON.stringify(box)}`);
  await check(rita.page, 'return form');
  await Promise.all([rita.page.waitForURL(/ok=returned/), form.locator('button[type="submit"]').click()]);
  const text = await rita.page.textContent('main') ?? await rita.page.textContent('body');
  assert.match(text, /Returned\. Your takeaway is in your learning log\./);
  await check(rita.page, 'returned');
  const row = sqlExec(ctx.db, `SELECT kind || '|' || origin || '|' || learned FROM learning_activities WHERE library_item_id = ${id}`).trim();
  assert.equal(row, 'book|self|Ask the second question before the price.');
  await rita.context.close();

  // Max: the form, the loans overview, the item with the suggest box
  const mx = await signIn(browser, 'max@acme.test');
  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([mx.page.waitForLoadState('load'), mx.page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/library', '/library/new', `/library/${id}`, `/library/${id}/edit`, '/library/loans']) {
      const res = await mx.page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(mx.page, `max ${lang} ${p}`);
    }
  }
  await mx.context.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
