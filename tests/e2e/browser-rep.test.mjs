// browser-rep: the rep page (GET /reps/:id) and the reps side by side (GET
// /figures/team) on a phone (390×844, touch) in headless Chromium — a
// manager opens a rep's page and the team table, a rep their own page; the
// page never scrolls sideways (the wide tables scroll inside their own box)
// and there are no script or CSP errors. Screenshots go to
// build/screenshots/. Skipped when /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

/** Rita: a target, a won deal, a lost one, and an open deal whose step was missed (strung along). */
async function seed() {
  const max = apiClient(ctx.base, createToken(ctx.db, 'acme', 'max@acme.test'));
  const t = await max.post('/api/v1/targets', { rep_id: ctx.ids.rita, period: '2026-Q4', amount: 40000 });
  assert.ok(t.status === 200 || t.status === 201, t.text);
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const deal = async (title) => {
    const a = await api.post('/api/v1/accounts', { name: `${title} Holding Internationaal B.V.` });
    assert.equal(a.status, 201, a.text);
    const d = await api.post('/api/v1/deals', {
      title, account_id: a.json.id ?? a.json.account?.id, value_minor: 1234567, currency: 'EUR',
    });
    assert.equal(d.status, 201, d.text);
    return d.json.id ?? d.json.deal?.id;
  };
  const conv = async (id, day, outcome, more = {}) => {
    const r = await api.post('/api/v1/conversations', {
      deal_id: id, kind: 'meeting', at: `2026-${day}T10:00:00Z`, minutes: 45, gut_feeling: 4, outcome, notes: '', ...more,
    });
    assert.equal(r.status, 201, r.text);
  };
  const won = await deal('A rather long deal title for the phone');
  await conv(won, '11-02', 'step', { step: { what: 'Demo', due: '2026-11-06', who: 'Olga' } });
  assert.equal((await api.send('PATCH', `/api/v1/deals/${won}`, { status: 'won' })).status, 200);
  const lost = await deal('Lost on price');
  await conv(lost, '11-03', 'stop', { stop_reason: 'no_budget', stop_action: 'lost' });
  const open = await deal('Strung along for weeks and weeks');
  await conv(open, '11-04', 'step', { step: { what: 'Call back', due: '2026-11-10', who: 'Olga' } });
}

test('on a phone: the rep page and the team table do not scroll sideways', { skip }, async (t) => {
  await seed();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });

  async function phone(email) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${ctx.base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);
    return { page, problems };
  }
  const noSideways = async (page, where) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w})`);
  };

  const max = await phone('max@acme.test');
  const url = `/reps/${ctx.ids.rita}?period=2026-Q4`;
  assert.equal((await max.page.goto(`${ctx.base}${url}`)).status(), 200);
  const main = await max.page.textContent('main');
  assert.match(main, /Rita Rep/);
  assert.match(main, /Strung along for weeks and weeks/, 'the strung-along deal is listed');
  await noSideways(max.page, url);
  await max.page.screenshot({ path: path.join(SHOTS, 'rep-page-phone.png'), fullPage: true });

  const team = `/figures/team?team=${ctx.ids.north}&from=2026-11-01&to=2026-11-30&sort=commitment`;
  assert.equal((await max.page.goto(`${ctx.base}${team}`)).status(), 200);
  await noSideways(max.page, team);
  await max.page.screenshot({ path: path.join(SHOTS, 'figures-team-phone.png'), fullPage: true });
  assert.deepEqual(max.problems, [], 'no script or CSP errors');

  const rita = await phone('rita@acme.test');
  assert.equal((await rita.page.goto(`${ctx.base}/reps/${ctx.ids.rita}`)).status(), 200);
  await noSideways(rita.page, 'her own rep page');
  assert.deepEqual(rita.problems, [], 'no script or CSP errors');
});

testCleanStop(ctx);
