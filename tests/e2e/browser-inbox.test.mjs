// browser-inbox: the coach's inbox on a phone (issue 10). Headless Chromium
// at 390×844 (touch) signs in as Max, whose inbox holds Rosa's overdue
// one-on-one, her overdue loan of a book with a long title, her learning,
// the targets of next quarter and the spotlight. In each language the
// inbox and the home page must not scroll sideways, the count beside the
// Sell group must be on screen and equal the list; snoozing the first item
// for a week by tapping takes it out of the list and the count. The
// manager's mirror (/mirror, with a history and an upward round) and a
// rep's /feedback must fit too. Screenshots of any page that is too wide go
// to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, seedStandard, addUser, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LONG = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(2);

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-12-07' },
  seed: (db) => {
    const ids = seedStandard(db);
    ids.rosa = addUser(db, 'acme', 'rosa@acme.test', `Rosa ${LONG}`, 'rep', { team: 'North' });
    sqlExec(db, `UPDATE users SET created_at = 1767225600 WHERE id = ${ids.rosa}`);
    sqlExec(db, `INSERT INTO one_on_one_cadences (org_id, rep_id, every, anchor_on, set_by, updated_at) VALUES (${ids.acme}, ${ids.rosa}, 'weekly', '2026-11-02', ${ids.max}, 1)`);
    sqlExec(db, `INSERT INTO library_items (org_id, kind, title, copies, added_by, created_at) VALUES (${ids.acme}, 'book', 'The ${LONG} Book', 1, ${ids.ann}, 1)`);
    const item = Number(sqlExec(db, `SELECT id FROM library_items WHERE org_id = ${ids.acme}`).trim());
    sqlExec(db, `INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, created_at) VALUES (${ids.acme}, ${item}, ${ids.rosa}, '2026-11-02', '2026-11-30', 1)`);
    for (const [day, ev] of [['2026-03-01', 'Short'], ['2026-09-01', `Evidence ${LONG}`]])
      sqlExec(db, `INSERT INTO manager_assessments (org_id, manager_id, assessed_on, s_recruiting, s_coaching, s_underperformance, s_no_excuses, s_competition, e_coaching, created_at) VALUES (${ids.acme}, ${ids.max}, '${day}', 2, 3, 3, 4, 2, '${ev}', 1)`);
    sqlExec(db, `INSERT INTO upward_rounds (org_id, manager_id, opened_on, created_at) VALUES (${ids.acme}, ${ids.max}, '2026-12-01', 1)`);
    return ids;
  },
});

test('the inbox on a phone: nothing overflowing, the count on screen and equal to the list, snooze by tapping', { skip, timeout: 300_000 }, async (t) => {
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
      await page.screenshot({ path: path.join(SHOTS, `inbox-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  const groupCount = async () => {
    const badge = page.locator('summary .nav-count.g-count');
    const box = await badge.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0, `the count is on screen: ${JSON.stringify(box)}`);
    return Number(await badge.textContent());
  };

  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/inbox', '/', '/mirror']) {
      const res = await page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(`${lang} ${p}`);
    }
    await page.goto(`${ctx.base}/inbox`);
    assert.equal(await groupCount(), await page.locator('li.inbox-item').count(), `${lang}: the count is the list`);
  }

  // snooze the first item for a week: tap, choose, tap
  await Promise.all([page.waitForNavigation(), page.click('form.lang button[value="en"]')]);
  await page.goto(`${ctx.base}/inbox`);
  const before = await page.locator('li.inbox-item').count();
  assert.equal(before, 5);
  const first = page.locator('li.inbox-item').first();
  assert.match(await first.textContent(), /one-on-one with Rosa/);
  await first.locator('select[name="for"]').selectOption('week');
  const button = first.locator('form.inbox-snooze button[type="submit"]');
  const box = await button.boundingBox();
  assert.ok(box && box.x + box.width <= 390, `the Snooze button fits: ${JSON.stringify(box)}`);
  await Promise.all([page.waitForURL(/done=inbox-snoozed/), button.tap()]);
  assert.match(await page.textContent('main'), /The item was snoozed\./);
  assert.equal(await page.locator('li.inbox-item').count(), before - 1);
  assert.doesNotMatch(await page.textContent('.inbox-list'), /one-on-one with Rosa/);
  assert.equal(await groupCount(), before - 1);
  await check('after snooze');
  await page.screenshot({ path: path.join(SHOTS, 'inbox-phone.png'), fullPage: true });
  await context.close();

  // a rep's upward feedback form, in each language
  const rc = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const rp = await rc.newPage();
  await rp.goto(`${ctx.base}/login`);
  await rp.fill('input[name="email"]', 'rosa@acme.test');
  await rp.fill('input[name="password"]', PASSWORD);
  await Promise.all([rp.waitForURL(`${ctx.base}/`), rp.click('form[action="/login"] button[type="submit"]')]);
  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([rp.waitForLoadState('load'), rp.click(`form.lang button[value="${lang}"]`)]);
    const res = await rp.goto(`${ctx.base}/feedback`);
    assert.equal(res.status(), 200);
    assert.equal(await rp.locator('form.mirror-form select').count(), 5, `${lang}: five skills to score`);
    const w = await rp.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`rosa ${lang} /feedback: ${w}px`);
      await rp.screenshot({ path: path.join(SHOTS, `inbox-feedback-${lang}.png`), fullPage: true });
    }
  }
  await rc.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
