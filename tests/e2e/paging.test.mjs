// paging: long lists come in pages with a count ("1–50 of 120") and
// Previous/Next links that keep every filter of the query (and the download
// links hold the whole choice, not one page); the API lists of deals and
// conversations give a `next` cursor that walks every row exactly once, in
// the list's order, while the old offset parameters keep working. The rows
// are made here, through the API; on SQLite, and on PostgreSQL with
// SG_PG_URL_BASE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, Client, unescapeHtml, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const idOf = (body, key) => body?.id ?? body?.[key]?.id;

const RITA_CONVERSATIONS = 120;
const ROB_CONVERSATIONS = 7;
const PAGED_DEALS = 55;
const BIG_DEALS = 30;
const ANN_STEPS = 23;
const PIA_STEPS = 30;
let bigAccount;

async function newDeal(email, title, account, expectedClose) {
  const api = as(email);
  const a = await api.post('/api/v1/accounts', { name: account });
  assert.equal(a.status, 201, a.text);
  const body = { title, account_id: idOf(a.json, 'account'), value_minor: 100000, currency: 'EUR' };
  if (expectedClose) body.expected_close = expectedClose;
  const d = await api.post('/api/v1/deals', body);
  assert.equal(d.status, 201, d.text);
  return idOf(d.json, 'deal');
}

async function converse(email, dealId, at) {
  const c = await as(email).post('/api/v1/conversations', {
    deal_id: dealId, kind: 'call', at, minutes: 10, gut_feeling: 3, outcome: 'none',
  });
  assert.equal(c.status, 201, c.text);
}

let seeded;
async function seed() {
  seeded ??= (async () => {
    const ritaDeal = await newDeal('rita@acme.test', 'Rita talks', 'Praatgraag BV');
    // several a day, so that the order's ties (same day, same minute) are walked too
    for (let i = 0; i < RITA_CONVERSATIONS; i++) {
      const day = String(1 + (i % 20)).padStart(2, '0');
      const hour = String(8 + (i % 3)).padStart(2, '0');
      await converse('rita@acme.test', ritaDeal, `2026-11-${day}T${hour}:00:00Z`);
    }
    const robDeal = await newDeal('rob@acme.test', 'Rob talks', 'Spreekuur BV');
    for (let i = 0; i < ROB_CONVERSATIONS; i++)
      await converse('rob@acme.test', robDeal, `2026-11-${String(2 + i).padStart(2, '0')}T09:00:00Z`);
    // deals with and without an expected close, so the cursor crosses both
    for (let i = 0; i < PAGED_DEALS; i++)
      await newDeal('rita@acme.test', `Paged deal ${String(i).padStart(2, '0')}`, `Paged account ${i}`,
        i % 4 === 0 ? null : `2026-12-${String(1 + (i % 9)).padStart(2, '0')}`);
    // steps: each conversation that ends in a step closes the open one
    const annDeal = await newDeal('ann@acme.test', 'Ann steps', 'Stap~voor~stap BV');
    for (let i = 0; i < ANN_STEPS; i++) {
      const c = await as('ann@acme.test').post('/api/v1/conversations', {
        deal_id: annDeal, kind: 'visit', at: `2026-10-${String(1 + i).padStart(2, '0')}T10:00:00Z`, minutes: 20,
        gut_feeling: 4, outcome: 'step',
        step: { what: `Step ${i}`, due: `2026-12-${String(1 + (i % 5)).padStart(2, '0')}`, who: 'Kees' },
      });
      assert.equal(c.status, 201, c.text);
    }
    // a rep with many open steps after this week, for the agenda's later section
    addUser(ctx.db, 'acme', 'pia@acme.test', 'Pia Planner', 'rep', { team: 'North' });
    const pa = await as('pia@acme.test').post('/api/v1/accounts', { name: 'Pia planning' });
    for (let i = 0; i < PIA_STEPS; i++) {
      const d = await as('pia@acme.test').post('/api/v1/deals', {
        title: `Planned ${i}`, account_id: idOf(pa.json, 'account'), value_minor: 700, currency: 'EUR',
      });
      const c = await as('pia@acme.test').post('/api/v1/conversations', {
        deal_id: idOf(d.json, 'deal'), kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 5, gut_feeling: 3,
        outcome: 'step', step: { what: `Plan ${i}`, due: `2026-12-${String(1 + (i % 20)).padStart(2, '0')}`, who: 'Lea' },
      });
      assert.equal(c.status, 201, c.text);
    }
    const a = await as('rob@acme.test').post('/api/v1/accounts', { name: 'Big customer' });
    bigAccount = idOf(a.json, 'account');
    for (let i = 0; i < BIG_DEALS; i++) {
      const d = await as('rob@acme.test').post('/api/v1/deals', {
        title: `Big deal ${i}`, account_id: bigAccount, value_minor: 5000, currency: 'EUR',
      });
      assert.equal(d.status, 201, d.text);
    }
  })();
  return seeded;
}

async function signedIn(email) {
  const c = new Client(ctx.base);
  await c.signIn(email);
  return c;
}

const count = (html) => /class="muted pager-count">([^<]*)</.exec(html)?.[1];
const link = (html, rel) => {
  const m = new RegExp(`rel="${rel}" href="([^"]*)"`).exec(html);
  return m ? unescapeHtml(m[1]) : null;
};
const rowsOf = (html) => (html.match(/<tr><td>/g) || []).length;

test('the conversations list pages by fifty with a count, and the filter survives paging', async () => {
  await seed();
  const ann = await signedIn('ann@acme.test');
  const who = `rep:${ctx.ids.rita}`;
  const first = await ann.get(`/conversations?who=${encodeURIComponent(who)}&from=2026-10-01&to=2026-11-30`);
  assert.equal(first.status, 200, first.text.slice(0, 400));
  assert.equal(count(first.text), `1–50 of ${RITA_CONVERSATIONS}`);
  assert.equal(rowsOf(first.text), 50);
  assert.equal(link(first.text, 'prev'), null, 'no previous page on the first');
  const next = link(first.text, 'next');
  assert.ok(next, 'a next link');
  const q = new URL(next, ctx.base).searchParams;
  assert.equal(q.get('who'), who, 'the rep filter is kept');
  assert.equal(q.get('from'), '2026-10-01');
  assert.equal(q.get('to'), '2026-11-30');
  assert.equal(q.get('offset'), '50');
  // the downloads hold the whole choice: the filters, no offset
  const csvLink = unescapeHtml(/href="([^"]*format=csv)"/.exec(first.text)[1]);
  assert.equal(new URL(csvLink, ctx.base).searchParams.get('who'), who);

  const second = await ann.get(next);
  assert.equal(count(second.text), `51–100 of ${RITA_CONVERSATIONS}`);
  assert.equal(rowsOf(second.text), 50);
  assert.ok(!second.text.includes('Rob Rep</td>'), 'only the chosen rep on page two');
  const csv2 = unescapeHtml(/href="([^"]*format=csv)"/.exec(second.text)[1]);
  assert.equal(new URL(csv2, ctx.base).searchParams.get('offset'), null, 'the download is not one page');
  const dl = await ann.get(csv2);
  assert.equal(dl.status, 200);
  assert.equal(dl.text.trim().split('\r\n').length, 1 + RITA_CONVERSATIONS, 'the download holds every row');

  const third = await ann.get(link(second.text, 'next'));
  assert.equal(count(third.text), `101–${RITA_CONVERSATIONS} of ${RITA_CONVERSATIONS}`);
  assert.equal(rowsOf(third.text), RITA_CONVERSATIONS - 100);
  assert.equal(link(third.text, 'next'), null, 'no next page on the last');
  const back = link(third.text, 'prev');
  assert.equal(new URL(back, ctx.base).searchParams.get('offset'), '50');
  assert.equal(new URL(back, ctx.base).searchParams.get('who'), who);
  const back2 = link(second.text, 'prev');
  assert.equal(new URL(back2, ctx.base).searchParams.get('offset'), null, 'back to the first page');
  assert.equal(count((await ann.get(back2)).text), `1–50 of ${RITA_CONVERSATIONS}`);
});

test('a list that fits one page has no pager; an offset past the bound is the first page', async () => {
  await seed();
  const ann = await signedIn('ann@acme.test');
  const rob = await ann.get(`/conversations?who=rep:${ctx.ids.rob}&from=2026-10-01&to=2026-11-30`);
  assert.equal(rob.status, 200);
  assert.equal(count(rob.text), undefined);
  assert.equal(rowsOf(rob.text), ROB_CONVERSATIONS);
  const far = await ann.get(`/conversations?who=rep:${ctx.ids.rita}&from=2026-10-01&to=2026-11-30&offset=99999999`);
  assert.equal(count(far.text), `1–50 of ${RITA_CONVERSATIONS}`);
  // past the end of the list: nothing shown, a way back, no way on
  const past = await ann.get(`/conversations?who=rep:${ctx.ids.rob}&from=2026-10-01&to=2026-11-30&offset=50`);
  assert.equal(count(past.text), `0–0 of ${ROB_CONVERSATIONS}`);
  assert.match(past.text, /No more conversations\./);
  assert.equal(link(past.text, 'next'), null);
  assert.ok(link(past.text, 'prev'));
});

test('the deals list keeps its search and status across pages', async () => {
  await seed();
  const ann = await signedIn('ann@acme.test');
  const first = await ann.get('/deals?status=open&q=Paged');
  assert.equal(first.status, 200);
  assert.equal(count(first.text), `1–50 of ${PAGED_DEALS}`);
  const next = link(first.text, 'next');
  const q = new URL(next, ctx.base).searchParams;
  assert.equal(q.get('q'), 'Paged');
  assert.equal(q.get('status'), 'open');
  const second = await ann.get(next);
  assert.equal(count(second.text), `51–${PAGED_DEALS} of ${PAGED_DEALS}`);
  assert.ok(!second.text.includes('Rita talks'), 'the search holds on page two');
  assert.equal(link(second.text, 'next'), null);
});

/** follows `next` from the first page; returns the items of every page */
async function walk(api, path, limit) {
  const items = [];
  let url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
  for (let pages = 0; ; pages++) {
    assert.ok(pages < 1000, 'the walk ends');
    const r = await api.get(url);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length <= limit);
    items.push(...r.json.items);
    if (r.json.next === null) return { items, total: r.json.total, pages: pages + 1 };
    assert.equal(typeof r.json.next, 'string');
    assert.equal(r.json.items.length, limit, 'only the last page is short');
    url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&cursor=${encodeURIComponent(r.json.next)}`;
  }
}

test('the API cursor walks every conversation exactly once, newest first, also with a filter', async () => {
  await seed();
  const api = as('ann@acme.test');
  const all = await api.get('/api/v1/conversations?limit=500');
  assert.equal(all.status, 200);
  assert.equal(all.json.next, null, 'everything on one page: no next');
  const expected = all.json.items.map((c) => c.id);
  assert.equal(expected.length, RITA_CONVERSATIONS + ROB_CONVERSATIONS + ANN_STEPS + PIA_STEPS);

  const w = await walk(api, '/api/v1/conversations', 7);
  assert.deepEqual(w.items.map((c) => c.id), expected, 'same rows, same order, each once');
  assert.equal(w.pages, Math.ceil(expected.length / 7));

  const ritaOnly = await walk(api, `/api/v1/conversations?rep=${ctx.ids.rita}`, 13);
  assert.equal(ritaOnly.items.length, RITA_CONVERSATIONS);
  assert.equal(new Set(ritaOnly.items.map((c) => c.id)).size, RITA_CONVERSATIONS);
  assert.ok(ritaOnly.items.every((c) => c.rep_id === ctx.ids.rita || c.rep?.id === ctx.ids.rita),
    'the filter holds along the cursor');

  // the offset parameters still work as before
  const off = await api.get('/api/v1/conversations?limit=5&offset=5');
  assert.deepEqual(off.json.items.map((c) => c.id), expected.slice(5, 10));
  assert.equal(off.json.offset, 5);
  assert.equal(typeof off.json.next, 'string', 'an offset page also tells the cursor of the next');
});

test('the API cursor walks every deal exactly once, in the list order', async () => {
  await seed();
  const api = as('ann@acme.test');
  const all = await api.get('/api/v1/deals?status=open&limit=500');
  const expected = all.json.items.map((d) => d.id);
  assert.equal(expected.length, PAGED_DEALS + 3 + BIG_DEALS + PIA_STEPS);
  const w = await walk(api, '/api/v1/deals?status=open', 8);
  assert.deepEqual(w.items.map((d) => d.id), expected);
  const q = await walk(api, '/api/v1/deals?q=Paged', 10);
  assert.equal(q.items.length, PAGED_DEALS);
  assert.equal(new Set(q.items.map((d) => d.id)).size, PAGED_DEALS);
});

test('the API cursor walks every step and every account exactly once', async () => {
  await seed();
  const api = as('ann@acme.test');
  const steps = (await api.get('/api/v1/steps?limit=500')).json.items.map((x) => x.id);
  assert.equal(steps.length, ANN_STEPS + PIA_STEPS);
  const ws = await walk(api, '/api/v1/steps', 4);
  assert.deepEqual(ws.items.map((x) => x.id), steps);
  const accounts = (await api.get('/api/v1/accounts?limit=500')).json.items.map((x) => x.id);
  assert.equal(accounts.length, PAGED_DEALS + 5);
  const wa = await walk(api, '/api/v1/accounts', 7);
  assert.deepEqual(wa.items.map((x) => x.id), accounts, 'names with ~ included');
  const wq = await walk(api, '/api/v1/accounts?q=paged', 9);
  assert.equal(wq.items.length, PAGED_DEALS);
  const users = (await api.get('/api/v1/users?limit=500')).json.items.map((x) => x.id);
  assert.equal(users.length, 6);
  const wu = await walk(api, '/api/v1/users', 2);
  assert.deepEqual(wu.items.map((x) => x.id), users);
  assert.equal(wu.pages, 3);
  // a rep sees only themself: one page, no next
  const rita = await walk(as('rita@acme.test'), '/api/v1/users', 2);
  assert.equal(rita.pages, 1);
});

test('a cursor the API did not give, or a cursor with an offset, is refused by name', async () => {
  await seed();
  const api = as('ann@acme.test');
  for (const bad of ['nonsense!', 'bm90LWEta2V5', Buffer.from('2026-11-01~1~0').toString('base64url'),
    Buffer.from('x~1~2').toString('base64url')]) {
    const r = await api.get(`/api/v1/conversations?cursor=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 400, `${bad}: ${r.text}`);
    assert.match(r.text, /cursor/);
  }
  const d = await api.get(`/api/v1/deals?cursor=${Buffer.from('1~tomorrow~3').toString('base64url')}`);
  assert.equal(d.status, 400);
  const u = await api.get(`/api/v1/users?cursor=${Buffer.from('999999').toString('base64url')}`);
  assert.equal(u.status, 400, 'a user that is not in the list');
  const first = await api.get('/api/v1/conversations?limit=2');
  const both = await api.get(`/api/v1/conversations?limit=2&offset=2&cursor=${first.json.next}`);
  assert.equal(both.status, 400);
  assert.match(both.text, /cursor/);
});


test('the pipeline bounds each column, and "N more" opens the deals list with the board\'s filters', async () => {
  await seed();
  const ann = await signedIn('ann@acme.test');
  const board = await ann.get(`/pipeline?q=Paged&rep=${ctx.ids.rita}`);
  assert.equal(board.status, 200);
  assert.match(board.text, new RegExp(`${PAGED_DEALS} open deals`), 'the count is of every deal, not of the cards');
  assert.equal((board.text.match(/class="deal-card /g) || []).length, 20, 'twenty cards in the one column');
  const more = /<p class="board-more"><a href="([^"]*)">and (\d+) more<\/a>/.exec(board.text);
  assert.ok(more, 'an "and N more" link');
  assert.equal(Number(more[2]), PAGED_DEALS - 20);
  const q = new URL(unescapeHtml(more[1]), ctx.base).searchParams;
  assert.equal(q.get('q'), 'Paged');
  assert.equal(q.get('rep'), String(ctx.ids.rita));
  assert.equal(q.get('status'), 'open');
  assert.ok(q.get('stage'));
  const list = await ann.get(unescapeHtml(more[1]));
  assert.equal(count(list.text), `1–50 of ${PAGED_DEALS}`);
  assert.equal(new URL(link(list.text, 'next'), ctx.base).searchParams.get('stage'), q.get('stage'));
});


test("an account's deals come in pages", async () => {
  await seed();
  const ann = await signedIn('ann@acme.test');
  const first = await ann.get(`/accounts/${bigAccount}`);
  assert.equal(first.status, 200);
  assert.equal(count(first.text), `1–25 of ${BIG_DEALS}`);
  const second = await ann.get(link(first.text, 'next'));
  assert.equal(count(second.text), `26–${BIG_DEALS} of ${BIG_DEALS}`);
  assert.equal((second.text.match(/Big deal \d+/g) || []).length, BIG_DEALS - 25);
});

test('the agenda pages its later section, keeping whose agenda it is', async () => {
  await seed();
  const pia = await signedIn('pia@acme.test');
  const first = await pia.get('/agenda');
  assert.equal(first.status, 200);
  const later = first.text.slice(first.text.indexOf('id="later"'));
  assert.match(later, new RegExp(`<span class="count">${PIA_STEPS}</span>`));
  assert.equal(count(later), `1–25 of ${PIA_STEPS}`);
  assert.equal((later.match(/Plan \d+/g) || []).length, 25);
  const second = await pia.get(link(later, 'next'));
  const later2 = second.text.slice(second.text.indexOf('id="later"'));
  assert.equal(count(later2), `26–${PIA_STEPS} of ${PIA_STEPS}`);
  assert.equal((later2.match(/Plan \d+/g) || []).length, PIA_STEPS - 25);
  // a manager looking at Pia's agenda keeps ?rep= across its pages
  const max = await signedIn('max@acme.test');
  const piaId = (await as('ann@acme.test').get('/api/v1/users?limit=500')).json.items
    .find((u) => u.email === 'pia@acme.test').id;
  const m = await max.get(`/agenda?rep=${piaId}`);
  const next = new URL(link(m.text.slice(m.text.indexOf('id="later"')), 'next'), ctx.base).searchParams;
  assert.equal(next.get('rep'), String(piaId));
  assert.equal(next.get('offset'), '25');
});

test('the strung-along list shows each rep\'s first ten, and one rep\'s list in pages', async () => {
  await seed();
  // past the grace of a new deal, Rita's deals without a next step string her along
  sqlExec(ctx.db, "UPDATE deals SET created_on = '2026-09-01', stage_changed_on = '2026-09-01' "
    + "WHERE title LIKE 'Paged deal%';");
  const ann = await signedIn('ann@acme.test');
  const all = await ann.get('/strung-along?who=org');
  assert.equal(all.status, 200);
  const rita = all.text.slice(all.text.indexOf('<h2>Rita Rep</h2>'));
  const ritaSection = rita.slice(0, rita.indexOf('</section>'));
  const shown = (ritaSection.match(/<li class="strung-deal"/g) || []).length;
  assert.equal(shown, 10, 'ten of Rita\'s deals');
  const more = /href="(\/strung-along\?who=rep:\d+)">and (\d+) more/.exec(ritaSection);
  assert.ok(more, 'a link to the rest');
  const total = 10 + Number(more[2]);
  assert.equal(total, PAGED_DEALS);
  const one = await ann.get(more[1]);
  assert.equal(count(one.text), `1–50 of ${total}`);
  const next = link(one.text, 'next');
  assert.equal(new URL(next, ctx.base).searchParams.get('who'), `rep:${ctx.ids.rita}`);
  const two = await ann.get(next);
  assert.equal(count(two.text), `51–${total} of ${total}`);
});

testCleanStop(ctx);
