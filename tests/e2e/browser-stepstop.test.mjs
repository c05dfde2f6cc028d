// browser-stepstop: logging a conversation on a phone (390×844, touch) in
// headless Chromium, as a rep right after a call would: sign in, open the
// deal, tap "Log a conversation", choose Call, gut feeling 4, outcome Step,
// fill what/when/who, submit, land back on the deal with the conversation in
// its timeline, then find the step on the agenda. No sideways scrolling, no
// script or CSP errors. Screenshots go to build/screenshots/. Skipped when
// /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const TODAY = '2026-11-23';

const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

test('on a phone: log a conversation that ends in a step, and find the step on the agenda', { skip }, async (t) => {
  // the deal, made through the API
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const tag = Math.random().toString(36).slice(2, 8);
  const acc = await api.post('/api/v1/accounts', { name: `Phone Account ${tag}` });
  assert.equal(acc.status, 201, acc.text);
  const title = `Phone Deal ${tag}`;
  const d = await api.post('/api/v1/deals', {
    title, account_id: acc.json.id ?? acc.json.account?.id, value_minor: 990000, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  const dealId = d.json.id ?? d.json.deal?.id;
  const what = `pilot for the warehouse ${tag}`;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // a request cut short because the page moved on (net::ERR_ABORTED, e.g. the
  // favicon while navigating) is no fault of the page; a missing asset is
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/static/') && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  const width = () => page.evaluate(() => document.scrollingElement.scrollWidth);
  const noSideways = async (where) => {
    const w = await width();
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w})`);
  };

  // sign in
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'rita@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);

  // the deal, and its "Log a conversation" link
  const resp = await page.goto(`${ctx.base}/deals/${dealId}`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('main'), new RegExp(title));
  await noSideways('the deal page');
  const log = page.getByRole('link', { name: /log a conversation/i }).first();
  await Promise.all([page.waitForURL(/\/conversations\/new/), log.tap()]);

  // the form: kind, gut feeling, outcome and the step's what/when/who
  const form = page.locator('form[action="/conversations"]');
  await form.waitFor();
  await noSideways('the conversation form');
  // the choices are large tiles: a tap on the tile (its label) picks it
  const choose = async (name, value) => {
    const input = form.locator(`input[name="${name}"][value="${value}"]`);
    await form.locator(`label:has(input[name="${name}"][value="${value}"])`).tap();
    assert.ok(await input.isChecked(), `${name}=${value} is chosen`);
  };
  await choose('kind', 'call');
  await choose('gut_feeling', '4');
  await choose('outcome', 'step');
  await form.locator('[name="step_what"]').fill(what);
  await form.locator('[name="step_due"]').fill('2026-11-26');
  await form.locator('[name="step_who"]').fill('Wanda Warehouse');
  const minutes = form.locator('[name="minutes"]');
  if (await minutes.count()) await minutes.fill('15');
  await noSideways('the filled-in conversation form');
  // from the top, so that the sticky header sits where it belongs in the full-page shot
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'conversation-form-phone.png'), fullPage: true });
  await Promise.all([
    page.waitForURL(new RegExp(`/deals/${dealId}(\\?|#|$)`)),
    form.locator('button[type="submit"]').last().tap(),
  ]);

  // back on the deal: the conversation in the timeline
  const main = await page.textContent('main');
  assert.ok(main.includes(what), 'the step in the deal\'s timeline');
  assert.match(main, /Call/);
  assert.match(main, /Wanda Warehouse/);
  await noSideways('the deal page after logging');

  // the agenda
  const ag = await page.goto(`${ctx.base}/agenda`);
  assert.equal(ag.status(), 200);
  assert.ok((await page.textContent('main')).includes(what), 'the step on the agenda');
  await noSideways('the agenda');
  await page.screenshot({ path: path.join(SHOTS, 'agenda-phone.png'), fullPage: true });

  // and the API agrees
  const steps = await api.get(`/api/v1/steps?deal=${dealId}&status=open`);
  const items = steps.json.items ?? steps.json;
  assert.ok(items.some((s) => s.what === what && s.due === '2026-11-26' && s.who === 'Wanda Warehouse'),
    `the open step through the API: ${steps.text}`);

  assert.deepEqual(problems, [], 'no script, CSP or loading errors');
});

testCleanStop(ctx);
