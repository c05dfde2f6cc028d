// browser-learning-index: the team's learning page fits a phone (issue 9).
// Headless Chromium at 390×844 signs in as the manager (Max, who sees every
// rep's index, the scatter chart and the team's hours) and a rep of his team
// (Rita, who sees the team's hours only), in each language, and loads
// /team/learning, Rita's rep page with the index and her profile with the
// learning per trait: none may scroll sideways (tables scroll inside their
// own box), and the charts are drawn (Chart.js has put pixels on every
// canvas). Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, PASSWORD, sqlExec, addUser } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

test('the team learning page draws its charts and does not scroll sideways on a phone', { skip, timeout: 300_000 }, async (t) => {
  const org = ctx.ids.acme;
  const sql = (q) => sqlExec(ctx.db, q);
  const long = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt';
  const reps = [ctx.ids.rita];
  for (let i = 0; i < 6; i++) reps.push(addUser(ctx.db, 'acme', `r${i}@acme.test`, `${long} ${i}`, 'rep', { team: 'North' }));
  sql(`INSERT INTO org_settings (org_id, key, value) VALUES (${org}, 'results_source', '1')`);
  reps.forEach((rep, i) => {
    for (let m = 0; m < 12; m += 1 + (i % 3)) {
      const y = m === 0 ? 2025 : 2026, mm = String(m === 0 ? 12 : m).padStart(2, '0');
      sql(`INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, minutes, learned, created_by,
        created_at) VALUES (${org}, ${rep}, 'book', 'Book', '${['self', 'suggested', 'mandatory'][(i + m) % 3]}', 'done',
        '${y}-${mm}-05', ${60 + 30 * i}, '${m % 2 ? 'Learned' : ''}', ${rep}, 1)`);
    }
    for (const [table, amount] of [['targets', 100000], ['result_totals', 60000 + 20000 * i]])
      sql(`INSERT INTO ${table} (org_id, user_id, kind, period_start, period_end, amount_minor, currency, created_at,
        updated_at) VALUES (${org}, ${rep}, 'quarter', '2026-10-01', '2026-12-31', ${amount}, 'EUR', 1, 1)`);
  });

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [], blank = [];
  const pages = {
    'max@acme.test': [[`/team/learning?team=${ctx.ids.north}`, 2], [`/reps/${ctx.ids.rita}`, 0],
      [`/reps/${ctx.ids.rita}/profile`, 0]],
    'rita@acme.test': [['/team/learning', 1], [`/reps/${ctx.ids.rita}`, 0], [`/reps/${ctx.ids.rita}/profile`, 0]],
  };
  for (const [email, paths] of Object.entries(pages)) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${ctx.base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
    for (const lang of ['en', 'nl', 'nb']) {
      await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
      for (const [p, charts] of paths) {
        const res = await page.goto(ctx.base + p);
        assert.equal(res.status(), 200, `${email} ${p}`);
        await page.waitForLoadState('load');
        // every chart canvas was drawn by Chart.js (it registers the chart and paints pixels)
        const drawn = await page.evaluate(() => [...document.querySelectorAll('canvas[data-learning-chart]')].map((c) => {
          const chart = window.Chart && window.Chart.getChart(c);
          if (!chart) return false;
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
          return false;
        }));
        assert.equal(drawn.length, charts, `${email} ${lang} ${p}: charts on the page`);
        if (drawn.some((x) => !x)) blank.push(`${email} ${lang} ${p}`);
        const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
        if (w > 390 || (lang === 'en' && charts))
          await page.screenshot({ path: path.join(SHOTS, `learning-${email.split('@')[0]}-${lang}-${p.replace(/\W+/g, '_')}.png`), fullPage: true });
        if (w > 390) wide.push(`${email} ${lang} ${p}: ${w}px`);
      }
    }
    await context.close();
  }
  assert.deepEqual(blank, [], 'charts left blank');
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
