// browser-phone: every page of the main menu fits a phone (issue 14). With the
// demo organisation (a year of deals, conversations and targets, so tables
// are really wide), headless Chromium at 390×844 signs in as a rep, a manager
// and an admin, switches to each language and loads every page the menu
// offers (with the numbers tabs, a deal, an account, the conversation form,
// the first plan, one-on-one, assessment, round, profile and rep page, and
// a 404): none may scroll sideways. The grouped menu opens with one tap and
// shows every page on screen; at 1366×900 it is one line. Screenshots go to
// build/screenshots/. The plain-HTTP checks (the 404 keeps the menu, one
// "Teams" for an admin) run without Chromium too. This file walks the rep's
// menu; browser-phone-manager and browser-phone-admin walk theirs (a file
// has 300 s in all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop } from './lib.mjs';
import { CHROMIUM, SHOTS, LANGS, ROLES, seed, launch, browserSignIn, setLang, phoneWalk } from './phone-walk.mjs';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

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

test('on a phone no page of the menu scrolls sideways, for the rep in every language', { skip, timeout: 280_000 }, (t) => phoneWalk(ctx, 'rep', t));

test('on a phone a wide table scrolls in its own box, its first column fixed', { skip }, async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await browserSignIn(ctx, page, 'admin');
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
    await browserSignIn(ctx, page, role);
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
