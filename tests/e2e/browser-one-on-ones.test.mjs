// browser-one-on-ones: the one-on-one and observation pages fit a phone
// (issue 8). Headless Chromium at 390×844 signs in as the manager (Max) and
// the rep (Rita), in each language, and loads the one-on-ones list, an agenda
// with points, actions and long notes, the observation form, an observation
// and the rep page with its coaching section: none may scroll sideways
// (tables scroll inside their own box). Screenshots go to build/screenshots/.
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

test('the one-on-one and observation pages do not scroll sideways on a phone', { skip, timeout: 300_000 }, async (t) => {
  const max = api('max@acme.test');
  let r = await max.post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-23' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  const long = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(4);
  await api('rita@acme.test').post(`/api/v1/one-on-ones/${id}/points`, { text: `My point ${long}` });
  await max.post(`/api/v1/one-on-ones/${id}/actions`, { what: `Action ${long}`, owner_id: ctx.ids.max, due: '2026-11-30' });
  await max.send('PATCH', `/api/v1/one-on-ones/${id}`, { shared_notes: `Shared ${long}`, private_notes: `Private ${long}` });
  const trait = Number(sqlExec(ctx.db, `SELECT min(id) FROM traits WHERE org_id = ${ctx.ids.acme}`).trim());
  r = await max.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20',
    went_well: long, scores: [{ trait_id: trait, score: 4, seen: long }] });
  assert.equal(r.status, 201, r.text);
  const obs = r.json.id;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const pages = {
    'max@acme.test': ['/one-on-ones', `/one-on-ones/${id}`, `/one-on-ones?rep=${ctx.ids.rita}`,
      `/observations/new?rep=${ctx.ids.rita}`, `/observations/${obs}`, `/reps/${ctx.ids.rita}`, '/'],
    'rita@acme.test': ['/one-on-ones', `/one-on-ones/${id}`, `/observations/${obs}`, `/reps/${ctx.ids.rita}`, '/'],
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
      for (const p of paths) {
        const res = await page.goto(ctx.base + p);
        assert.equal(res.status(), 200, `${email} ${p}`);
        const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
        if (w > 390) {
          wide.push(`${email} ${lang} ${p}: ${w}px`);
          await page.screenshot({ path: path.join(SHOTS, `ooo-${lang}-${p.replace(/\W+/g, '_')}.png`), fullPage: true });
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
