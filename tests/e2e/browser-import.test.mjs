// browser-import: an admin on a phone (390×844, touch) in headless Chromium
// imports a HubSpot deals export through the real form: picks the file
// (setInputFiles), uploads it, sees the preview with the detected layout,
// maps the unknown "Product line" column to Product, runs a dry run, and
// reads the summary on the job page, which follows the job by reloading
// itself. No sideways scrolling of the page (wide tables scroll inside their
// box), no script or CSP errors. Screenshots go to build/screenshots/.
// Skipped when /usr/bin/chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { useServer, testCleanStop, ROOT, PASSWORD, createToken, apiClient, listOf, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const FILE = path.join(ROOT, 'tests/fixtures/import-web/hubspot-deals.csv');

const ctx = useServer();

test('on a phone: upload a CSV file, map a column, run a dry run and read the summary', { skip }, async (t) => {
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
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/static/') && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  const noSideways = async (where) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(w <= 390, `no sideways scrolling on ${where} (scrollWidth ${w})`);
  };

  // sign in
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'ann@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.tap('form[action="/login"] button[type="submit"]')]);

  // the import page and its upload form
  const resp = await page.goto(`${ctx.base}/import`);
  assert.equal(resp.status(), 200);
  await noSideways('the import page');
  await page.screenshot({ path: path.join(SHOTS, 'import-phone.png'), fullPage: true });
  const form = page.locator('form[action="/import"]');
  await form.locator('input[type="file"]').setInputFiles(FILE);
  await form.locator('select[name="kind"]').selectOption('deals');
  await form.locator('select[name="preset"]').selectOption('auto');
  await Promise.all([page.waitForURL(/\/import\/\d+$/), form.locator('button[type="submit"]').tap()]);
  const fileId = Number(/\/import\/(\d+)$/.exec(page.url())[1]);

  // the preview: the layout in words, the first rows, a field per column
  const main = await page.textContent('main');
  assert.match(main, /HubSpot deals export/);
  assert.match(main, /Greenhouse roof/);
  await noSideways('the preview');
  const mapping = page.locator('form#mapping');
  const product = mapping.locator('select[aria-label="Field for the column Product line"]');
  assert.equal(await product.inputValue(), '', 'the unknown column starts ignored');
  await product.selectOption('product');
  assert.equal(await mapping.locator('select[aria-label="Field for the column Deal Owner"]').inputValue(), 'owner');
  // "Appointment scheduled" is no stage of the organisation: created when asked
  await mapping.locator('input[name="create_missing"]').check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'import-preview-phone.png'), fullPage: true });
  await Promise.all([
    page.waitForURL(/\/imports\/\d+$/),
    mapping.getByRole('button', { name: 'Dry run' }).tap(),
  ]);

  // the job page reloads itself until the job is done, then shows the summary
  await page.locator('#job[data-status="done"]').waitFor({ timeout: 60_000 });
  const summary = await page.textContent('main');
  assert.match(summary, /Dry run: nothing was saved/);
  const count = async (id) => Number((await page.textContent(`#count-${id} .stat-value`)).replace(/[^\d]/g, ''));
  assert.equal(await count('read'), 3);
  assert.equal(await count('created'), 3);
  assert.equal(await count('failed'), 0);
  assert.ok(await page.getByRole('button', { name: 'Import for real' }).isVisible());
  await noSideways('the summary');
  await page.screenshot({ path: path.join(SHOTS, 'import-summary-phone.png'), fullPage: true });

  // nothing was saved
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const deals = await api.get('/api/v1/deals?limit=500');
  assert.equal(listOf(deals.json, 'deals').length, 0);

  // a job still running (its row written as another live process of this
  // host would leave it): the page shows the progress and reloads itself
  // until the row says it is done
  const { acme, ann } = ctx.ids;
  sqlExec(ctx.db, `INSERT INTO import_jobs (org_id, file_id, user_id, kind, preset, status, rows_done, bytes_done,
    bytes_total, runner, heartbeat_at, started_at) VALUES (${acme}, ${fileId}, ${ann}, 'deals', 'auto', 'running',
    1500, 250, 1000, '${hostname()}:1:0', 0, 0)`);
  const jobId = Number(sqlExec(ctx.db, `SELECT max(id) FROM import_jobs WHERE org_id = ${acme}`).trim());
  // (locators only while it reloads: they wait across the reloads, where a
  // script run in the page or a screenshot would be cut short by one)
  await page.goto(`${ctx.base}/imports/${jobId}`);
  assert.equal(await page.locator('#job').getAttribute('data-status'), 'running');
  assert.equal(await page.locator('#job progress').getAttribute('value'), '25');
  assert.match(await page.locator('#job').textContent(), /1,500 rows · 25 %/);
  sqlExec(ctx.db, `UPDATE import_jobs SET status = 'done', n_read = 1500, n_created = 1499, n_failed = 1,
    errors = '[{"line":7,"column":"Amount","message":"not an amount"}]', finished_at = 1 WHERE id = ${jobId}`);
  await page.locator('#job[data-status="done"]').waitFor({ timeout: 60_000 });
  assert.equal(await count('created'), 1499);
  assert.match(await page.textContent('.import-errors'), /7\s*Amount\s*not an amount/);
  await noSideways('a finished import with errors');

  assert.deepEqual(problems, [], 'no script, CSP or loading errors');
});

testCleanStop(ctx);
