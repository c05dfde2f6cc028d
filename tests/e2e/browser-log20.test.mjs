// browser-log20: logging a conversation on a phone in under 20 seconds
// (issue 14). Headless Chromium at 390×844 with touch, as Rita, a rep, right
// after a call: from the home page, the fixed "Log a conversation" button,
// the deal chosen from the list, the step question answered, and then a
// STEP (with a date shortcut and a contact chip) and, second, a STOP that
// closes the deal as lost with the same reason.
//
// Every tap (a tap on a button, tile, chip or field; a <select> costs two:
// open it, pick) and every typed character is counted, and the time is
// estimated with a stated model, not measured (timing belongs to make bench):
//
//     1.5 s per tap + 0.3 s per typed character
//
// The figures are printed, e.g. "STEP: 10 taps, 12 characters typed, ≈ 18.6 s",
// and both must stay under 20 s. What was logged is checked through the API:
// the conversation, its step (the shortcut's date, the chip's contact), the
// old step answered as kept, the deal closed as lost with the stop's reason.
// Skipped when /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient, Client, listOf } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const TODAY = '2026-11-23';		// a Monday
const IN_3_DAYS = '2026-11-26';
const SECONDS_PER_TAP = 1.5, SECONDS_PER_CHAR = 0.3, LIMIT = 20;

const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

const idOf = (body, key) => body?.id ?? body?.[key]?.id;
const obj = (body, key) => body?.[key] ?? body;

test('on a phone, a STEP and a STOP are each logged in under 20 seconds (taps and typing counted)', { skip }, async (t) => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const tag = Math.random().toString(36).slice(2, 8);
  const acc = await api.post('/api/v1/accounts', { name: `Log20 Account ${tag}` });
  assert.equal(acc.status, 201, acc.text);
  const accountId = idOf(acc.json, 'account');
  const deal = async (title) => {
    const r = await api.post('/api/v1/deals', { title, account_id: accountId, value_minor: 500000, currency: 'EUR' });
    assert.equal(r.status, 201, r.text);
    return idOf(r.json, 'deal');
  };
  const stepDeal = `Log20 Step ${tag}`, stopDeal = `Log20 Stop ${tag}`;
  const stepId = await deal(stepDeal), stopId = await deal(stopDeal);
  // a contact of the account, offered as a chip for "who"
  const web = new Client(ctx.base);
  await web.signIn('rita@acme.test');
  const { csrf } = await web.page(`/accounts/${accountId}`);
  const added = await web.postForm(`/accounts/${accountId}/contacts`, {
    csrf_token: csrf, name: `Olga Buyer ${tag}`, title: 'CFO', email: '', phone: '',
  });
  assert.equal(added.status, 303, added.text.slice(0, 300));
  // an earlier conversation: a video call of 20 minutes that left an open
  // step due today; the form remembers the kind and duration, and asks
  // whether that step was kept
  const earlier = await api.post('/api/v1/conversations', {
    deal_id: stepId, kind: 'video', at: '2026-11-16T10:00:00Z', minutes: 20, gut_feeling: 3, outcome: 'step',
    step: { what: `first call ${tag}`, due: TODAY, who: 'Olga' },
  });
  assert.equal(earlier.status, 201, earlier.text);

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
  mkdirSync(SHOTS, { recursive: true });

  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'rita@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);

  // the counted part: every interaction goes through these
  let taps = 0, chars = 0;
  const tap = async (locator) => { await locator.tap(); taps++; };
  const type = async (locator, text) => { await tap(locator); await page.keyboard.type(text); chars += text.length; };
  const pick = async (locator, value) => { await locator.selectOption(value); taps += 2; };
  const figures = (what) => {
    const seconds = taps * SECONDS_PER_TAP + chars * SECONDS_PER_CHAR;
    console.log(`${what}: ${taps} taps, ${chars} characters typed, ≈ ${seconds.toFixed(1)} s ` +
      `(model: ${SECONDS_PER_TAP} s per tap + ${SECONDS_PER_CHAR} s per character)`);
    assert.ok(seconds < LIMIT, `${what} takes ≈ ${seconds.toFixed(1)} s, not under ${LIMIT} s`);
    taps = chars = 0;
  };

  // the fixed button on the home page: on screen, and covering nothing
  const fab = page.locator('a[data-log-fab]');
  assert.ok(await fab.isVisible(), 'the "Log a conversation" button is on the phone\'s screen');
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  const cover = await page.evaluate(() => {
    const b = document.querySelector('a[data-log-fab]').getBoundingClientRect();
    const items = [...document.querySelectorAll('main *')].filter((e) => !e.closest('[data-log-fab]') && e.offsetParent &&
      e.getBoundingClientRect().height > 0 && !e.children.length);
    const low = Math.max(...items.map((e) => e.getBoundingClientRect().bottom));
    return { fabTop: b.top, fabBottom: b.bottom, contentBottom: low, viewport: window.innerHeight };
  });
  assert.ok(cover.fabBottom <= cover.viewport, `the button is fixed on screen: ${JSON.stringify(cover)}`);
  assert.ok(cover.contentBottom <= cover.fabTop, `scrolled to the end, no content under the button: ${JSON.stringify(cover)}`);

  // --- STEP -----------------------------------------------------------------
  await Promise.all([page.waitForURL(/\/conversations\/new/), tap(fab)]);
  const form = page.locator('form[action="/conversations"]');
  await form.waitFor();
  const tile = (name, value) => form.locator(`label:has(input[name="${name}"][value="${value}"])`);
  // remembered from the earlier conversation: no taps for kind and duration
  assert.ok(await form.locator('input[name="kind"][value="video"]').isChecked(), 'the last kind is pre-chosen');
  assert.equal(await form.locator('input[name="minutes"]').inputValue(), '20', 'the last duration is pre-filled');
  await pick(form.locator('select[name="deal_id"]'), String(stepId));
  // the step question appears for the chosen deal's open step
  const question = form.locator('[data-step-question]');
  assert.ok(await question.isVisible(), 'the step question is asked');
  assert.match(await question.locator('legend').textContent(), new RegExp(`first call ${tag}`));
  await tap(tile('open_step', 'kept'));
  await tap(tile('gut_feeling', '4'));
  await tap(tile('outcome', 'step'));
  const what = 'Demo for CFO';
  await type(form.locator('[name="step_what"]'), what);
  await tap(form.locator('[data-date-picks="step_due"] button[data-date]', { hasText: 'In 3 days' }));
  assert.equal(await form.locator('[name="step_due"]').inputValue(), IN_3_DAYS);
  await tap(form.locator('[data-fill-chips="step_who"] button', { hasText: `Olga Buyer ${tag}` }));
  assert.equal(await form.locator('[name="step_who"]').inputValue(), `Olga Buyer ${tag}`);
  await page.screenshot({ path: path.join(SHOTS, 'log20-step-phone.png'), fullPage: true });
  await Promise.all([page.waitForURL(`${ctx.base}/?done=conversation-step`), tap(form.locator('button[type="submit"]'))]);
  figures('STEP');

  // stored: the new step as chosen, the old one kept
  const steps = listOf((await api.get(`/api/v1/steps?deal=${stepId}&limit=50`)).json, 'steps');
  const fresh = steps.find((s) => s.what === what);
  assert.ok(fresh, `the new step is stored: ${JSON.stringify(steps)}`);
  assert.equal(fresh.due, IN_3_DAYS);
  assert.equal(fresh.who, `Olga Buyer ${tag}`);
  assert.equal(fresh.status, 'open');
  const old = steps.find((s) => s.what === `first call ${tag}`);
  assert.equal(old.status, 'kept', 'the old step is kept, as answered');
  const convs = listOf((await api.get(`/api/v1/conversations?deal=${stepId}`)).json, 'conversations');
  assert.equal(convs.length, 2);
  assert.equal(convs[0].kind, 'video');
  assert.equal(convs[0].gut_feeling, 4);

  // --- STOP -----------------------------------------------------------------
  await Promise.all([page.waitForURL(/\/conversations\/new/), tap(page.locator('a[data-log-fab]'))]);
  await form.waitFor();
  await pick(form.locator('select[name="deal_id"]'), String(stopId));
  assert.ok(!(await question.isVisible()), 'no step question for a deal without an open step');
  await tap(tile('gut_feeling', '1'));
  await tap(tile('outcome', 'stop'));
  assert.ok(!(await form.locator('select[name="stage_id"]').isVisible()), 'a stop hides the stage question');
  await pick(form.locator('select[name="stop_reason"]'), 'no_budget');
  assert.ok(await form.locator('input[name="close_lost"]').isChecked(), '"close the deal as lost" is ticked');
  await page.screenshot({ path: path.join(SHOTS, 'log20-stop-phone.png'), fullPage: true });
  await Promise.all([page.waitForURL(`${ctx.base}/?done=conversation-lost`), tap(form.locator('button[type="submit"]'))]);
  figures('STOP');

  const closed = obj((await api.get(`/api/v1/deals/${stopId}`)).json, 'deal');
  assert.equal(closed.status, 'lost');
  assert.equal(closed.lost_reason, 'no_budget', 'lost with the stop\'s reason');
  const stops = listOf((await api.get(`/api/v1/conversations?deal=${stopId}`)).json, 'conversations');
  assert.equal(stops.length, 1);
  assert.equal(stops[0].outcome, 'stop');
  assert.equal(stops[0].stop_reason, 'no_budget');

  assert.deepEqual(problems, [], 'no script or CSP errors');
});

testCleanStop(ctx);
