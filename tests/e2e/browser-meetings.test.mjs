// browser-meetings: the sales meeting pages and the case library fit a phone
// (issue 9). Headless Chromium at 390×844 signs in as the manager (Max) and
// the rep (Rita), in each language, and loads the meetings list, a meeting
// with a long agenda, the new-meeting form, the case library and a case:
// none may scroll sideways (tables scroll inside their own box). Max then
// adds a case to a meeting's agenda by tapping it in the rotation list, and
// the agenda shows it. Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD } from './lib.mjs';

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

test('the meeting pages and the case library do not scroll sideways on a phone; a case is added by tap', { skip, timeout: 300_000 }, async (t) => {
  const max = api('max@acme.test');
  const long = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(4);
  const ids = [];
  for (const title of [`Price objection ${long.slice(0, 150)}`, 'Send me something in writing', 'The buyer goes silent']) {
    const r = await max.post('/api/v1/cases', { title, situation: long, challenge: `"Too expensive" ${long}`, good_handling: long });
    assert.equal(r.status, 201, r.text);
    ids.push(r.json.id);
  }
  let r = await max.post('/api/v1/meetings', { team_id: ctx.ids.north, held_on: '2026-11-16', title: `Held ${long.slice(0, 150)}`, notes: long });
  assert.equal(r.status, 201, r.text);
  const held = r.json.id;
  await max.post(`/api/v1/meetings/${held}/items`, { kind: 'case', case_id: ids[0], presenter_id: ctx.ids.rita });
  await max.post(`/api/v1/meetings/${held}/items`, { kind: 'theory', title: `Theory ${long}`, presenter_id: ctx.ids.max });
  r = await max.post(`/api/v1/meetings/${held}/held`, { present: [ctx.ids.rita] });
  assert.equal(r.status, 200, r.text);
  r = await max.post('/api/v1/meetings', { team_id: ctx.ids.north, held_on: '2026-11-30', title: 'Next Monday' });
  assert.equal(r.status, 201, r.text);
  const next = r.json.id;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const pages = {
    'max@acme.test': ['/meetings', `/meetings/${held}`, `/meetings/${next}`, '/meetings/new', '/cases', `/cases/${ids[0]}`, '/'],
    'rita@acme.test': ['/meetings', `/meetings/${held}`, '/cases', `/cases/${ids[0]}`, `/reps/${ctx.ids.rita}`],
  };
  for (const [email, paths] of Object.entries(pages)) {
    const { context, page } = await signIn(browser, email);
    for (const lang of ['en', 'nl', 'nb']) {
      await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
      for (const p of paths) {
        const res = await page.goto(ctx.base + p);
        assert.equal(res.status(), 200, `${email} ${p}`);
        const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
        if (w > 390) {
          wide.push(`${email} ${lang} ${p}: ${w}px`);
          await page.screenshot({ path: path.join(SHOTS, `meetings-${lang}-${p.replace(/\W+/g, '_')}.png`), fullPage: true });
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');

  // Max taps "Add to the agenda" beside a case in the rotation list
  const { context, page } = await signIn(browser, 'max@acme.test');
  await page.goto(`${ctx.base}/meetings/${next}`);
  assert.equal(await page.locator('ol.mt-agenda li').count(), 0, 'an empty agenda');
  await page.selectOption('#f-case-presenter', String(ctx.ids.rita));
  const button = page.locator(`button[data-case="${ids[1]}"]`);
  await Promise.all([page.waitForNavigation(), button.tap()]);
  await page.waitForLoadState('load');
  const agenda = await page.locator('ol.mt-agenda').innerText();
  assert.match(agenda, /Send me something in writing/);
  assert.match(agenda, /Rita Rep/);
  const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(w <= 390, `the meeting page after the tap: ${w}px`);
  await context.close();
  r = await max.get(`/api/v1/meetings/${next}`);
  assert.deepEqual(r.json.items.map((x) => [x.case_id, x.presenter_id]), [[ids[1], ctx.ids.rita]]);
});

testCleanStop(ctx);
