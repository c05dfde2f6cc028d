// browser-kudos: giving kudos on a phone (issue 10). Headless Chromium at
// 390×844 (touch) signs in as Rita and gives Rosa kudos from /kudos by
// tapping: the colleague, the text, the button — four taps, the form on the
// first screen without scrolling — and the kudos then lead the feed. Along
// the way, in each language, /kudos (with a spotlight of a long citation
// and a name without spaces), the home page and, as Max, /kudos with the
// spotlight form open and Rita's rep page: none may scroll sideways. Screenshots
// of any that do go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, seedStandard, addUser, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LONG = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(2);

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-11-25' },
  seed: (db) => {
    const ids = seedStandard(db);
    ids.rosa = addUser(db, 'acme', 'rosa@acme.test', `Rosa ${LONG}`, 'rep', { team: 'North' });
    return ids;
  },
});
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

test('giving kudos on a phone: four taps, the first screen, nothing overflowing', { skip, timeout: 300_000 }, async (t) => {
  const { rosa, rita, north } = ctx.ids;
  // some feed and a spotlight with a long citation, through the API and the form
  let r = await api('rosa@acme.test').post('/api/v1/kudos', { rep_id: rita, kind: 'win', text: `Signed ${LONG} at last` });
  assert.equal(r.status, 201, r.text);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const check = async (page, label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `kudos-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };

  const mx = await signIn(browser, 'max@acme.test');
  await mx.page.goto(`${ctx.base}/kudos`);
  await mx.page.locator('#spotlight-form summary').tap();
  await mx.page.selectOption('#spotlight-form select[name="team_id"]', String(north));
  await mx.page.selectOption('#spotlight-form select[name="rep_id"]', String(rosa));
  await mx.page.fill('#spotlight-form textarea[name="citation"]', `Every step kept, and ${LONG} too.`);
  await Promise.all([mx.page.waitForURL(/ok=spotlight/), mx.page.locator('#spotlight-form button[type="submit"]').tap()]);
  assert.match(await mx.page.textContent('#spotlight'), /Every step kept/);

  // Rita gives Rosa kudos: every tap counted
  const rt = await signIn(browser, 'rita@acme.test');
  await rt.page.goto(`${ctx.base}/kudos`);
  await check(rt.page, 'rita kudos before');
  const give = rt.page.locator('#give');
  const button = give.locator('button[type="submit"]');
  const box = await button.boundingBox();
  assert.ok(box && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390,
    `the Give button is on the first screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 40, `a button a thumb hits: ${box.height}px high`);
  let taps = 0;
  await give.locator('select[name="rep_id"]').tap(); taps++;
  await give.locator('select[name="rep_id"]').selectOption(String(rosa)); taps++;	// choosing the option
  await give.locator('textarea[name="text"]').tap(); taps++;
  await rt.page.keyboard.type('Fixed the Acme quote before lunch');
  await Promise.all([rt.page.waitForURL(/ok=given/), button.tap()]); taps++;
  assert.equal(taps, 4);
  const first = (await rt.page.locator('#feed li.kudos').first().textContent()).replace(/\s+/g, ' ');
  assert.match(first, /Rita Rep → Rosa Eenzeer/);
  assert.match(first, /Effort/);
  assert.match(first, /Fixed the Acme quote before lunch/);
  assert.equal(sqlExec(ctx.db, `SELECT count(*) FROM kudos WHERE rep_id = ${rosa} AND giver_id = ${rita}`).trim(), '1');
  await check(rt.page, 'rita kudos after');

  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([rt.page.waitForLoadState('load'), rt.page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/kudos', '/', '/teams', `/reps/${rita}`]) {
      const res = await rt.page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(rt.page, `rita ${lang} ${p}`);
    }
    await Promise.all([mx.page.waitForLoadState('load'), mx.page.click(`form.lang button[value="${lang}"]`)]);
    // Rita's rep page holds Rosa's long name in its kudos (Rosa's own rep
    // page heading is the rep page's, not this part's)
    for (const p of ['/kudos', '/', `/reps/${rita}`]) {
      const res = await mx.page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await mx.page.evaluate(() => { const d = document.querySelector('#spotlight-form'); if (d) d.open = true; });
      await check(mx.page, `max ${lang} ${p}`);
    }
  }
  // an error on the phone: no text, the field marked, still fits
  await rt.page.goto(`${ctx.base}/kudos`);
  await rt.page.locator('#give select[name="rep_id"]').selectOption(String(rosa));
  await Promise.all([rt.page.waitForNavigation(), rt.page.locator('#give button[type="submit"]').tap()]);
  assert.ok(await rt.page.locator('#give .field.invalid textarea[name="text"]').count(), 'the text field is marked');
  await check(rt.page, 'rita error');
  await rt.page.screenshot({ path: path.join(SHOTS, 'kudos-phone-error.png'), fullPage: true });
  await rt.context.close();
  await mx.context.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
