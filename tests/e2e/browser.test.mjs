// browser: a person on a phone (390×844) in headless Chromium — opens
// /login, types e-mail and password, taps the button, lands on the overview
// with their name; switches the language to Dutch with the language buttons;
// no script or CSP errors on the way and no sideways scrolling. Screenshots go
// to build/screenshots/. Skipped when /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const haveChromium = existsSync(CHROMIUM);
const skip = haveChromium ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer();

/** The Dutch translation of msgid in po/nl.po, or null while it has none. */
function dutch(msgid) {
  let po;
  try { po = readFileSync(path.join(ROOT, 'po/nl.po'), 'utf8'); } catch { return null; }
  const esc = msgid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^msgid "${esc}"\\nmsgstr "(.*)"$`, 'm').exec(po);
  return m && m[1] ? m[1] : null;
}

test('on a phone: sign in, see the overview, switch to Dutch', { skip }, async (t) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // a request cut short because the page moved on (net::ERR_ABORTED, e.g. the
  // favicon while navigating) is no fault of the page
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  // but a missing or broken asset is
  page.on('response', (r) => {
    if (r.url().includes('/static/') && r.status() >= 400) problems.push(`asset ${r.url()}: ${r.status()}`);
  });
  mkdirSync(SHOTS, { recursive: true });

  const resp = await page.goto(`${ctx.base}/login`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 390, `no sideways scrolling on /login (width ${await width()})`);
  await page.fill('input[name="email"]', 'rita@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await page.screenshot({ path: path.join(SHOTS, 'login-phone.png'), fullPage: true });
  await Promise.all([
    page.waitForURL(`${ctx.base}/`),
    page.click('form[action="/login"] button[type="submit"]'),
  ]);
  assert.match(await page.textContent('main'), /Rita Rep/);
  assert.match(await page.title(), /Salesgarden/);
  assert.ok(await width() <= 390, `no sideways scrolling on the overview (width ${await width()})`);
  await page.screenshot({ path: path.join(SHOTS, 'overview-phone.png'), fullPage: true });

  // the language buttons: NL
  await Promise.all([
    page.waitForLoadState('load'),
    page.waitForURL(`${ctx.base}/`),
    page.click('form[action="/lang"] button[value="nl"]'),
  ]);
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.match(await page.textContent('main'), /Rita Rep/, 'still signed in');
  const nlOverview = dutch('Overview');
  if (nlOverview)
    assert.ok((await page.textContent('header')).includes(nlOverview), `"${nlOverview}" in the navigation`);
  else
    t.diagnostic('po/nl.po has no translation of "Overview" yet: checked <html lang="nl"> only');
  await page.screenshot({ path: path.join(SHOTS, 'overview-phone-nl.png'), fullPage: true });

  assert.deepEqual(problems, [], 'no script, CSP or loading errors');
});

testCleanStop(ctx);
