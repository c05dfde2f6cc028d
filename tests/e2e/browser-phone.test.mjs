// browser-phone: every page of the main menu fits a phone (issue 14). With the
// demo organisation (a year of deals, conversations and targets, so tables
// are really wide), headless Chromium at 390×844 signs in as a rep, a manager
// and an admin, switches to each language and loads every page the menu
// offers (with the numbers tabs, a deal, an account, the conversation form,
// the first plan, one-on-one, assessment, round, profile and rep page, and
// a 404): none may scroll sideways. The grouped menu opens with one tap and
// shows every page on screen; at 1366×900 it is one line. Screenshots go to
// build/screenshots/. The plain-HTTP checks (the 404 keeps the menu, one
// "Teams" for an admin) run without Chromium too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, sg } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const LANGS = ['en', 'nl', 'nb'];
const ROLES = ['rep', 'manager', 'admin'];

// the demo organisation, as the issue was tried; its logins are printed
function seed(db) {
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

const ctx = useServer({ seed });

async function signIn(role) {
  const c = ctx.client();
  await c.signIn(ctx.ids[role].email, ctx.ids[role].password);
  return c;
}

test('a signed-in person who mistypes an address keeps the menu; a stranger gets a bare 404', async () => {
  const c = await signIn('rep');
  const r = await c.get('/no-such-page');
  assert.equal(r.status, 404);
  assert.match(r.text, /<nav class="nav"/, 'the menu on the 404 page');
  assert.match(r.text, /href="\/pipeline"/);
  assert.match(r.text, /href="\/account"/, 'who is signed in, too');
  const anon = await ctx.client().get('/no-such-page');
  assert.equal(anon.status, 404);
  assert.doesNotMatch(anon.text, /<nav class="nav"/);
  // the API's 404 stays JSON
  const api = await c.get('/api/v1/no-such-thing');
  assert.equal(api.status, 404);
  assert.doesNotMatch(api.text, /<nav/);
});

test('the menu is grouped; an admin has one "Teams", the one that manages them', async () => {
  const a = await signIn('admin');
  const home = await a.get('/');
  const nav = home.text.split('<nav class="nav"')[1].split('</nav>')[0];
  assert.doesNotMatch(nav, /Manage teams/);
  assert.equal((nav.match(/>Teams</g) || []).length, 1, nav);
  assert.match(nav, /href="\/admin\/teams">Teams</);
  assert.doesNotMatch(nav, /href="\/teams"/);
  for (const g of ['Sell', 'Numbers', 'Grow', 'Learn', 'Manage']) assert.match(nav, new RegExp(`class="g-name">${g}<`));
  // the current page is named in its group, and marked
  const pipe = await a.get('/pipeline');
  const pnav = pipe.text.split('<nav class="nav"')[1].split('</nav>')[0];
  assert.match(pnav, /<li class="nav-group current"><details class="nav-dd"><summary><span class="g-name">Sell<\/span><span class="g-cur">Pipeline</);
  assert.match(pnav, /href="\/pipeline" aria-current="page"/);
  // the teams page of an admin counts as the admin's Teams item
  const teams = await a.get('/teams');
  assert.match(teams.text, /href="\/admin\/teams" aria-current="page"/);
  // a rep: no admin group; the Team group holds Teams and (levers, issue 10) Kudos
  const rep = await signIn('rep');
  const rnav = (await rep.get('/teams')).text.split('<nav class="nav"')[1].split('</nav>')[0];
  assert.doesNotMatch(rnav, /Manage<|\/admin\//);
  assert.match(rnav, /<span class="g-name">Team<\/span><span class="g-cur">Teams<\/span>/);
  assert.match(rnav, /<a href="\/teams" aria-current="page">Teams<\/a><\/li><li><a href="\/kudos">Kudos</);
});

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

async function browserSignIn(page, role) {
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', ctx.ids[role].email);
  await page.fill('input[name="password"]', ctx.ids[role].password);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
}

async function setLang(page, lang) {
  await Promise.all([page.waitForLoadState('load'), page.click(`form.lang button[value="${lang}"]`)]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}

// what sticks out of a 390 px page, for the failure message
function sideways(page) {
  return page.evaluate(() => {
    const w = document.scrollingElement.scrollWidth;
    if (w <= window.innerWidth) return null;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
      .slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`);
    return `scrollWidth ${w}: ${out.join(', ')}`;
  });
}

// one test per role, each with its own browser and time: the menu holds
// some forty pages by now, three languages each
for (const role of ROLES) test(`on a phone no page of the menu scrolls sideways, for the ${role} in every language`, { skip, timeout: 600_000 }, async (t) => {
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
    await browserSignIn(page, role);
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
});

test('on a phone a wide table scrolls in its own box, its first column fixed', { skip }, async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await browserSignIn(page, 'admin');
  await page.goto(`${ctx.base}/admin/users`);
  const box = await page.evaluate(() => {
    const w = [...document.querySelectorAll('.table-wrap')].find((e) => e.scrollWidth > e.clientWidth);
    if (!w) return null;
    const first = w.querySelector('tbody tr > :first-child');
    const x0 = first.getBoundingClientRect().left;
    w.scrollLeft = 200;
    return { scrolled: w.scrollLeft, moved: first.getBoundingClientRect().left - x0, bg: getComputedStyle(w).backgroundImage };
  });
  assert.ok(box, 'the users table is wider than a phone');
  assert.ok(box.scrolled > 0, 'its box scrolls');
  assert.equal(box.moved, 0, 'the first column stays put');
  assert.match(box.bg, /gradient/, 'a shadow hints at the hidden columns');
  await page.screenshot({ path: path.join(SHOTS, 'phone-admin-users-scrolled.png') });
  // the team's numbers, with the tier and attainment columns to the right
  for (const href of ['/numbers/team', '/tiers']) {
    await page.goto(`${ctx.base}${href}`);
    await page.$eval('.table-wrap', (w) => w.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, `phone-admin${href.replace(/\W+/g, '_')}-table.png`) });
  }
  await context.close();
});

test('on a desktop the menu is one line, for every role and language', { skip }, async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  for (const role of ROLES) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await browserSignIn(page, role);
    for (const lang of LANGS) {
      await setLang(page, lang);
      for (const href of ['/', '/admin/numbers', '/strung-along']) {
        await page.goto(`${ctx.base}${href}`);
        const m = await page.evaluate(() => {
          const tops = [...document.querySelectorAll('.top .bar > *')].map((e) => Math.round(e.getBoundingClientRect().top));
          const items = [...document.querySelectorAll('.nav-group')].map((e) => e.getBoundingClientRect());
          return {
            bar: document.querySelector('.top .bar').getBoundingClientRect().height,
            tops, itemTops: [...new Set(items.map((b) => Math.round(b.top)))],
            width: document.scrollingElement.scrollWidth,
          };
        });
        assert.equal(m.itemTops.length, 1, `${role}/${lang} ${href}: the menu's groups on one line: ${JSON.stringify(m)}`);
        assert.ok(m.bar < 64, `${role}/${lang} ${href}: the header is one line high: ${JSON.stringify(m)}`);
        assert.ok(m.width <= 1366, `${role}/${lang} ${href}: no sideways scrolling`);
      }
      if (lang === 'nb' || role === 'admin') {
        await page.goto(`${ctx.base}/pipeline`);
        await page.click('nav.nav .nav-group.current summary');
        await page.screenshot({ path: path.join(SHOTS, `desktop-${role}-${lang}-menu.png`) });
      }
    }
    await context.close();
  }
});

testCleanStop(ctx);
