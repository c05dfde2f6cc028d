// phone-walk: the shared part of the phone tests (browser-phone*.test.mjs):
// the demo organisation's seed, and the walk of every page a role's menu
// offers, in every language, at 390 px. One test file per role, since a
// file has 300 s in all (node --test-timeout) and a walk takes up to a
// minute and a half on a slow machine.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sg } from './lib.mjs';

export const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'build/screenshots');
export const LANGS = ['en', 'nl', 'nb'];
export const ROLES = ['rep', 'manager', 'admin'];

// the demo organisation, as the issue was tried; its logins are printed
export function seed(db) {
  const r = sg(['demo'], { db });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const header = lines.findIndex((l) => /^role\s+e-mail\s+password\s+name/.test(l));
  assert.ok(header >= 0, r.stdout);
  const logins = {};
  for (const l of lines.slice(header + 1).filter(Boolean)) {
    const [role, email, password] = l.split(/\s{2,}/);
    if (!logins[role]) logins[role] = { email, password };
  }
  return logins;
}

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

export async function browserSignIn(ctx, page, role) {
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', ctx.ids[role].email);
  await page.fill('input[name="password"]', ctx.ids[role].password);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
}

export async function setLang(page, lang) {
  await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}

// what sticks out of a 390 px page, for the failure message
export function sideways(page) {
  return page.evaluate(() => {
    const w = document.scrollingElement.scrollWidth;
    if (w <= window.innerWidth) return null;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
      .slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`);
    return `scrollWidth ${w}: ${out.join(', ')}`;
  });
}

// every page in the role's menu (and the pages reached from its lists), in
// each language: none scrolls sideways, no script error
export async function phoneWalk(ctx, role, t) {
  const browser = await launch();
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const failures = [];
  const problems = [];
  let loaded = 0;
  {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'en-GB',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${role}: page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' && !/404/.test(m.text())) problems.push(`${role}: ${m.text()}`); });
    await browserSignIn(ctx, page, role);
    for (const lang of LANGS) {
      await setLang(page, lang);
      // every page in the menu, reachable with one tap once its group is open
      const menu = await page.$$eval('nav.nav a', (as) => as.map((a) => a.getAttribute('href')));
      const cut = await page.$$eval('nav.nav .g-name, nav.nav .nav-solo', (es) => es.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      if (cut.length) failures.push(`${role}/${lang}: cut-off group names: ${cut.join(', ')}`);
      const groups = await page.$$('nav.nav details.nav-dd');
      for (const g of groups) {
        await g.$eval('summary', (s) => s.scrollIntoView());
        await (await g.$('summary')).tap();
        if (!(await g.evaluate((d) => d.open))) failures.push(`${role}/${lang}: a tap does not open a group`);
        const off = await g.$$eval('a', (as) => as.filter((a) => {
          const b = a.getBoundingClientRect();
          return b.width === 0 || b.left < 0 || b.right > window.innerWidth || b.bottom > window.innerHeight;
        }).map((a) => a.textContent));
        if (off.length) failures.push(`${role}/${lang}: pages of the open group off screen: ${off.join(', ')}`);
        if (lang === 'nl' && g === groups[0]) await page.screenshot({ path: path.join(SHOTS, `menu-open-${role}-nl.png`) });
      }
      // the rest of the pages a person reaches from there
      const extra = ['/account', '/deals', '/no-such-page'];
      await page.goto(`${ctx.base}/pipeline`);
      const deal = await page.$eval('a[href^="/deals/"]:not([href="/deals/new"])', (a) => a.getAttribute('href')).catch(() => null);
      if (deal) {
        extra.push(deal);
        await page.goto(`${ctx.base}${deal}`);
        const conv = await page.$eval('a[href^="/conversations/new"]', (a) => a.getAttribute('href')).catch(() => null);
        if (conv) extra.push(conv);
      }
      await page.goto(`${ctx.base}/accounts`);
      const account = await page.$eval('main a[href^="/accounts/"]', (a) => a.getAttribute('href')).catch(() => null);
      if (account) extra.push(account);
      // the development pages behind the Grow menu's lists: a plan, a
      // one-on-one, an assessment form, a rep's profile and rep page, an
      // observation — the first of each the person may open
      for (const [list, sel] of [['/plans', 'main a[href^="/plans/"]:not([href^="/plans/new"])'],
        ['/one-on-ones', 'main a[href^="/one-on-ones/"]'], ['/assessments', 'main a[href^="/assessments/"]:not([href^="/assessments/rounds"])'],
        ['/assessments', 'main a[href^="/assessments/rounds/"]'], ['/team/traits', 'main a[href$="/profile"]'],
        ['/team/traits', 'main a[href^="/reps/"]:not([href$="/profile"])'], ['/', 'main a[href^="/observations/"]']]) {
        if (!menu.includes(list) && list !== '/') continue;
        await page.goto(`${ctx.base}${list}`);
        const href = await page.$eval(sel, (a) => a.getAttribute('href')).catch(() => null);
        if (href) extra.push(href.split('#')[0]);
      }
      // a candidate of the pool and its edit form (recruiting, issue 11)
      if (menu.includes('/recruiting')) {
        await page.goto(`${ctx.base}/recruiting`);
        const cand = await page.$eval('main a[href^="/recruiting/candidates/"]:not([href$="/new"])', (a) => a.getAttribute('href')).catch(() => null);
        if (cand) {
          extra.push(cand.split('#')[0]);
          await page.goto(`${ctx.base}${cand}`);
          const edit = await page.$eval('main a[data-edit]', (a) => a.getAttribute('href')).catch(() => null);
          if (edit) extra.push(edit);
        }
      }
      await page.goto(`${ctx.base}/numbers`);
      const tabs = await page.$$eval('.num-tabs a', (as) => as.map((a) => a.getAttribute('href')));
      const all = [...new Set([...menu, ...tabs, ...extra])];
      for (const href of all) {
        const resp = await page.goto(`${ctx.base}${href}`);
        loaded++;
        const want = href === '/no-such-page' ? 404 : 200;
        if (resp.status() !== want) failures.push(`${role}/${lang} ${href}: status ${resp.status()}`);
        const bad = await sideways(page);
        if (bad) {
          failures.push(`${role}/${lang} ${href}: ${bad}`);
          await page.screenshot({ path: path.join(SHOTS, `overflow-${role}-${lang}-${href.replace(/\W+/g, '_')}.png`), fullPage: true });
        }
        // choice tiles (the conversation kinds) wrap their words, none is clipped
        const clipped = await page.$$eval('.tile span', (ss) => ss.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
        if (clipped.length) failures.push(`${role}/${lang} ${href}: clipped tiles: ${clipped.join(', ')}`);
        if (href === '/no-such-page' && !(await page.$('nav.nav'))) failures.push(`${role}/${lang}: the 404 lost the menu`);
        if (lang === 'nl' && ['/', '/numbers/team', '/tiers', '/admin/users', '/conversations', '/targets'].includes(href))
          await page.screenshot({ path: path.join(SHOTS, `phone-${role}-nl${href.replace(/\W+/g, '_')}.png`) });
        if (lang === 'nl' && href.startsWith('/conversations/new'))
          await page.screenshot({ path: path.join(SHOTS, `phone-${role}-nl-conversation-form.png`), fullPage: true });
      }
    }
    await context.close();
  }
  console.log(`# ${loaded} phone page loads checked for the ${role}`);
  assert.deepEqual(failures, [], 'no page scrolls sideways at 390 px');
  assert.deepEqual(problems, [], 'no script errors');
}
