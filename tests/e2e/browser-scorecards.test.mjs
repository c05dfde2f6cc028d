// browser-scorecards: filling an interview scorecard on a phone (issue 11,
// part 3). Headless Chromium at 390×844 (touch): Max schedules an interview
// of a candidate with a long name with Rita and Rob; Rob's scorecard is
// submitted through the API; Rita, on her phone, opens her scorecard from
// the candidate's page, taps a score per trait, types evidence, tries to
// submit without a recommendation (the field is named, her scores and
// evidence stay), then submits. The candidate's page then shows the
// profile, the radar and the disagreement. In each language the scorecard,
// the candidate's page and the questions page: none may scroll sideways.
// Screenshots of any that do go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LONG = 'Eenzeerlangwoordzonderspatiesdatnergensafbreekt'.repeat(2);

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-25' } });
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

test('filling a scorecard on a phone: a score per trait, evidence, a named error, then submitted', { skip, timeout: 300_000 }, async (t) => {
  let r = await api('max@acme.test').post('/api/v1/candidates', {
    name: `Cora ${LONG}`, source: 'referral', job_title: `Key account ${LONG}`, company: 'Globex',
  });
  assert.equal(r.status, 201, r.text);
  const cand = r.json.id;
  r = await api('max@acme.test').post('/api/v1/interviews', {
    candidate_id: cand, held_on: '2026-11-24', kind: 'interview', interviewers: [ctx.ids.rita, ctx.ids.rob],
  });
  assert.equal(r.status, 201, r.text);
  const cards = Object.fromEntries(r.json.scorecards.map((s) => [s.interviewer_id, s.id]));
  const traits = sqlExec(ctx.db, "SELECT t.id FROM traits t JOIN orgs o ON o.id = t.org_id WHERE o.slug = 'acme' " +
    'AND t.retired_at IS NULL ORDER BY t.position, t.id').trim().split('\n').map(Number);
  const rob = api('rob@acme.test');
  r = await rob.send('PUT', `/api/v1/scorecards/${cards[ctx.ids.rob]}`, {
    scores: traits.map((id, i) => ({ trait_id: id, score: [5, 4, 4, 5, 5][i], evidence: i === 0 ? LONG : '' })),
    recommendation: 'strong_yes',
  });
  assert.equal(r.status, 200, r.text);
  assert.equal((await rob.post(`/api/v1/scorecards/${cards[ctx.ids.rob]}/submit`, {})).status, 200);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  const check = async (page, label) => {
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (w > 390) {
      wide.push(`${label}: ${w}px`);
      await page.screenshot({ path: path.join(SHOTS, `scorecards-${label.replace(/\W+/g, '_')}.png`), fullPage: true });
    }
  };
  const rt = await signIn(browser, 'rita@acme.test');
  const page = rt.page;
  await page.goto(`${ctx.base}/recruiting/candidates/${cand}`);
  await check(page, 'candidate before');
  assert.equal(await page.locator('#sc-profile').count(), 0, 'no profile before her own is in');
  const mine = cards[ctx.ids.rita];
  await Promise.all([page.waitForURL(new RegExp(`/recruiting/scorecards/${mine}$`)),
    page.locator(`tr[data-scorecard="${mine}"] a`).tap()]);
  await check(page, 'scorecard');
  // a score per trait by tapping its button; evidence on the first
  const mineScores = [4, 4, 4, 4, 2];
  for (const [i, id] of traits.entries())
    await page.locator(`label[for="score-${id}-${mineScores[i]}"]`).tap();
  await page.locator(`textarea[name="evidence-${traits[0]}"]`).tap();
  await page.keyboard.type('Knew her numbers by heart');
  // submit without a recommendation: named, nothing lost
  await Promise.all([page.waitForNavigation(), page.locator('button[value="submit"]').tap()]);
  assert.match(await page.locator('#e-recommendation').textContent(), /Choose an overall recommendation before you submit\./);
  assert.equal(await page.locator(`textarea[name="evidence-${traits[0]}"]`).inputValue(), 'Knew her numbers by heart');
  assert.ok(await page.locator(`#score-${traits[4]}-2`).isChecked(), 'her score of 2 is still chosen');
  await check(page, 'scorecard error');
  await page.locator('label.check:has(input[value="no"])').tap();
  await Promise.all([page.waitForURL(/ok=submitted/), page.locator('button[value="submit"]').tap()]);
  assert.match(await page.locator('#sc-status').textContent(), /submitted/);
  assert.equal(sqlExec(ctx.db, `SELECT status FROM scorecards WHERE id = ${mine}`).trim(), 'submitted');
  await check(page, 'scorecard submitted');
  // the candidate's page: the profile, the radar, the disagreement
  await page.goto(`${ctx.base}/recruiting/candidates/${cand}`);
  assert.match(await page.locator('#elite').textContent(), /Not yet: weakest trait Customer-oriented \(mean 3\.5\)/);
  assert.ok(await page.locator('svg#sc-radar').isVisible());
  assert.equal(await page.locator('#sc-side-table tr.disagree').count(), 1, 'customer-oriented: 2 against 5');
  await check(page, 'candidate after');

  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of [`/recruiting/candidates/${cand}`, `/recruiting/scorecards/${mine}`,
      `/recruiting/scorecards/${cards[ctx.ids.rob]}`]) {
      const res = await page.goto(ctx.base + p);
      assert.equal(res.status(), 200, p);
      await check(page, `${lang} ${p}`);
    }
  }
  await page.screenshot({ path: path.join(SHOTS, 'scorecards-phone-candidate.png'), fullPage: true });
  await rt.context.close();
  // the admin's questions page and a fresh draft form, on a phone
  const an = await signIn(browser, 'ann@acme.test');
  for (const p of ['/admin/interview-questions', '/admin/interview-questions?lang=nb']) {
    const res = await an.page.goto(ctx.base + p);
    assert.equal(res.status(), 200, p);
    await check(an.page, `admin ${p}`);
  }
  await an.context.close();
  assert.deepEqual(wide, [], 'pages wider than a 390 px phone');
});

testCleanStop(ctx);
