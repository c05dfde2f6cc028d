// library: the library of issue 9 end to end, with the server's clock pinned
// to Monday 2026-11-23 (a loan is due 21 days later: 2026-12-14).
//
// Max (manager of North: Rita) adds items; Rita borrows the one copy of a
// book, Rob (a rep of South) finds none free and joins the waiting list;
// Rita returns it with a takeaway and a rating, which becomes a
// self-initiated learning activity (a book, the item's reading time and
// first trait); returning twice changes nothing; the copy is then held for
// Rob, first in line ("a copy of X is waiting for you" on his home page),
// so Ann (an admin) cannot take it. A book Max suggested to Rita completes
// the suggestion on return (origin stays 'suggested'). Rob sees Rita's name
// on the item, never her takeaway; the other organisation gets 404. Two
// reps racing for the last copy: exactly one gets it, on SQLite and (with
// SG_PG_URL_BASE) PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, unescapeHtml, formFrom, sqlExec, freshDb, seedStandard,
  startServer, PG_BASE, listOf,
} from './lib.mjs';

const TODAY = '2026-11-23';
const DUE = '2026-12-14';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });
const TAKEAWAY = 'Library takeaway 7c1e: ask why twice';

const tokens = {};
const as = (email, c = ctx) => {
  const key = `${c.base} ${email}`;
  tokens[key] ??= createToken(c.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return apiClient(c.base, tokens[key]);
};
const sessions = {};
async function web(email) {
  sessions[email] ??= await ctx.signIn(email);
  return sessions[email];
}
const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');
async function post(email, p, fields) {
  const c = await web(email);
  return c.postForm(p, { csrf_token: c.csrf, ...fields });
}
const sql = (q) => sqlExec(ctx.db, q).trim();

let traits;
async function traitIds() {
  if (traits) return traits;
  const r = await as('rita@acme.test').get('/api/v1/traits');
  assert.equal(r.status, 200, r.text);
  traits = listOf(r.json, 'traits').map((t) => t.id);
  assert.ok(traits.length >= 2);
  return traits;
}

/** a new item through the page, by Max; its id */
async function addItem(title, { kind = 'book', copies = '1', hours = '4', url = '' } = {}) {
  const [t1, t2] = await traitIds();
  const r = await post('max@acme.test', '/library/new', {
    kind, title, author: 'Iris Example', url, summary: 'A short summary.', copies, hours,
    [`trait_${t2}`]: '1', [`trait_${t1}`]: '1',
  });
  assert.equal(r.status, 303, r.text.slice(0, 2000));
  return Number(/\/library\/(\d+)/.exec(r.location)[1]);
}

test('adding an item: bad input names every field and stores nothing; a rep may not add', async () => {
  const before = sql('SELECT count(*) FROM library_items');
  let r = await post('max@acme.test', '/library/new', { kind: 'podcast', title: ' ', copies: '-2', hours: '30', url: 'ftp://x' });
  assert.equal(r.status, 400);
  const text = textOf(r.text);
  assert.match(text, /Nothing was saved/);
  for (const msg of ['Choose a kind', 'Enter a title', 'Enter an address starting with https://', 'Copies: a whole number',
    'Reading time: hours from 0 to 24', 'Choose at least one trait'])
    assert.ok(text.includes(msg), msg);
  assert.equal(sql('SELECT count(*) FROM library_items'), before);
  r = await post('rita@acme.test', '/library/new', { kind: 'book', title: 'Rita book' });
  assert.equal(r.status, 403);
  r = await as('rita@acme.test').post('/api/v1/library', { kind: 'book', title: 'Rita book', copies: 1, trait_ids: await traitIds() });
  assert.equal(r.status, 403);
  assert.equal(sql('SELECT count(*) FROM library_items'), before);
  const id = await addItem('The Second Question');
  const page = await (await web('rita@acme.test')).get(`/library/${id}`);
  assert.equal(page.status, 200);
  const t = textOf(page.text);
  assert.match(t, /The Second Question/);
  assert.match(t, /1 copy, 1 free now/);
  assert.match(t, /not rated yet/);
  assert.ok(formFrom(page.text, `/library/${id}/borrow`), 'a Borrow button');
  assert.match(t, /due back on/);
});

test('borrow, no free copy, waiting list, return with a takeaway, twice, the held copy', async () => {
  const id = await addItem('Listening Between the Lines');
  let r = await post('rita@acme.test', `/library/${id}/borrow`, {});
  assert.equal(r.status, 303, r.text.slice(0, 1000));
  let page = await (await web('rita@acme.test')).get(`/library/${id}?ok=borrowed`);
  assert.match(textOf(page.text), /Borrowed on 23 Nov 2026, due back on 14 Dec 2026|due back on 14/);
  const loanId = Number(sql(`SELECT id FROM library_loans WHERE item_id = ${id}`));
  assert.equal(sql(`SELECT due_on FROM library_loans WHERE id = ${loanId}`), DUE);

  // no free copy: a clear error and the offer to wait; nothing stored
  r = await post('rob@acme.test', `/library/${id}/borrow`, {});
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /No copy is free/);
  assert.ok(formFrom(r.text, `/library/${id}/wait`), 'the offer to join the waiting list');
  assert.equal(sql(`SELECT count(*) FROM library_loans WHERE item_id = ${id}`), '1');
  r = await post('rob@acme.test', `/library/${id}/wait`, {});
  assert.equal(r.status, 303);
  r = await post('max@acme.test', `/library/${id}/wait`, {});
  assert.equal(r.status, 303);
  // Rita has the copy: she waits for nothing, and is not put on the list
  r = await post('rita@acme.test', `/library/${id}/wait`, {});
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /You have a copy of this item on loan; return it before you wait for another\./);
  assert.equal(sql(`SELECT count(*) FROM library_waitlist WHERE item_id = ${id}`), '2');

  // Rob sees who has it and the waiting list (names, in order)
  page = await (await web('rob@acme.test')).get(`/library/${id}`);
  let t = textOf(page.text);
  assert.match(t, /Rita Rep since 23 Nov 2026, due back on 14 Dec 2026/);
  assert.match(t, /Waiting list Rob Rep Max Manager/);
  assert.match(t, /You are number 1 on the waiting list/);

  // the return: a takeaway is required
  r = await post('rita@acme.test', `/library/loans/${loanId}/return`, { takeaway: '', rating: '9' });
  assert.equal(r.status, 400);
  t = textOf(r.text);
  assert.match(t, /Write your takeaway in one line/);
  assert.match(t, /A rating is a whole number from 1 to 5/);
  assert.equal(sql(`SELECT count(*) FROM library_loans WHERE id = ${loanId} AND returned_on IS NULL`), '1');
  // Rob may not return Rita's loan
  r = await post('rob@acme.test', `/library/loans/${loanId}/return`, { takeaway: 'not mine', rating: '1' });
  assert.equal(r.status, 403);
  r = await post('rita@acme.test', `/library/loans/${loanId}/return`, { takeaway: TAKEAWAY, rating: '4' });
  assert.equal(r.status, 303, r.text.slice(0, 1000));
  const row = sql(`SELECT kind, origin, status, done_on, learned, minutes, library_item_id, loan_id FROM learning_activities `
    + `WHERE loan_id = ${loanId}`);
  assert.equal(row, `book|self|done|${TODAY}|${TAKEAWAY}|240|${id}|${loanId}`);
  const [t1] = await traitIds();
  assert.equal(sql(`SELECT trait_id FROM learning_activities WHERE loan_id = ${loanId}`), String(t1));

  // twice: a clear error, nothing changed
  r = await post('rita@acme.test', `/library/loans/${loanId}/return`, { takeaway: 'again', rating: '1' });
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /returned already/);
  r = await as('rita@acme.test').post(`/api/v1/library/loans/${loanId}/return`, { takeaway: 'again' });
  assert.equal(r.status, 409);
  assert.equal(r.json.field, 'returned_on');
  assert.equal(sql(`SELECT takeaway || '|' || rating FROM library_loans WHERE id = ${loanId}`), `${TAKEAWAY}|4`);
  assert.equal(sql(`SELECT count(*) FROM learning_activities WHERE library_item_id = ${id}`), '1');

  // the copy is held for Rob, first in line
  page = await (await web('rob@acme.test')).get('/');
  assert.match(textOf(page.text), /A copy of Listening Between the Lines is waiting for you/);
  page = await (await web('max@acme.test')).get('/');
  assert.doesNotMatch(textOf(page.text), /A copy of Listening Between the Lines is waiting/);
  r = await post('ann@acme.test', `/library/${id}/borrow`, {});
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /held for a colleague/);
  r = await post('max@acme.test', `/library/${id}/borrow`, {});
  assert.equal(r.status, 409);
  r = await as('rob@acme.test').post(`/api/v1/library/${id}/borrow`, {});
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.due_on, DUE);
  assert.equal(r.json.borrower_name, 'Rob Rep');
  // Max is first now; the item shows the rating, never the takeaway
  page = await (await web('rob@acme.test')).get(`/library/${id}`);
  t = textOf(page.text);
  assert.match(t, /Waiting list Max Manager/);
  assert.match(t, /Rating 4\.0 of 5 \(1 rating\)/);
  assert.ok(!page.text.includes(TAKEAWAY));
});

test('the borrower\'s name to everyone, never the takeaway; the other organisation gets 404', async () => {
  const id = await addItem('Resilience on Monday');
  let r = await as('rita@acme.test').post(`/api/v1/library/${id}/borrow`, {});
  assert.equal(r.status, 201, r.text);
  const loan = r.json.id;
  r = await as('rita@acme.test').post(`/api/v1/library/loans/${loan}/return`, { takeaway: `${TAKEAWAY} 2`, rating: 5 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.takeaway, `${TAKEAWAY} 2`);
  assert.ok(r.json.learning_activity_id > 0);
  // Rob: Rita's name, no takeaway, no rating of hers
  r = await as('rob@acme.test').get(`/api/v1/library/loans?item=${id}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.items[0].borrower_name, 'Rita Rep');
  assert.ok(!r.text.includes(TAKEAWAY));
  assert.equal(r.json.items[0].rating, undefined);
  // her manager sees it
  r = await as('max@acme.test').get(`/api/v1/library/loans?item=${id}`);
  assert.ok(r.text.includes(`${TAKEAWAY} 2`));
  for (const p of [`/library/${id}`, '/library', '/library?format=csv', `/reps/${ctx.ids.rita}`]) {
    const page = await (await web('rob@acme.test')).get(p);
    assert.ok(page.status === 200 || page.status === 403, p);
    assert.ok(!page.text.includes(TAKEAWAY), p);
  }
  // another organisation: 404 everywhere
  const bea = as('bea@beta.test');
  for (const p of [`/api/v1/library/${id}`, `/api/v1/library/loans?item=${id}`])
    assert.equal((await bea.get(p)).status, 404, p);
  assert.equal((await bea.post(`/api/v1/library/${id}/borrow`, {})).status, 404);
  assert.equal((await bea.post(`/api/v1/library/${id}/wait`, {})).status, 404);
  assert.equal((await bea.post(`/api/v1/library/loans/${loan}/return`, { takeaway: 'x' })).status, 404);
  const b = await ctx.signIn('bea@beta.test');
  assert.equal((await b.get(`/library/${id}`)).status, 404);
  r = await b.get('/library');
  assert.equal(r.status, 200);
  assert.ok(!r.text.includes('Resilience on Monday'));
});

test('a suggested book, returned, completes the suggestion (origin suggested); a link cannot be lent', async () => {
  const id = await addItem('Plan the Week');
  let r = await post('max@acme.test', `/library/${id}/suggest`, { rep: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const sug = sql(`SELECT id || '|' || status || '|' || origin || '|' || suggested_by FROM learning_activities `
    + `WHERE library_item_id = ${id}`);
  const [actId] = sug.split('|');
  assert.equal(sug, `${actId}|suggested|suggested|${ctx.ids.max}`);
  // Mia leads South, not Rita's team; Rita may not suggest to herself
  r = await post('mia@acme.test', `/library/${id}/suggest`, { rep: String(ctx.ids.rita) });
  assert.equal(r.status, 403);
  r = await as('rita@acme.test').post(`/api/v1/library/${id}/borrow`, {});
  assert.equal(r.status, 201);
  r = await as('rita@acme.test').post(`/api/v1/library/loans/${r.json.id}/return`, { takeaway: 'Block Monday mornings.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(String(r.json.learning_activity_id), actId);
  assert.equal(sql(`SELECT status || '|' || origin || '|' || done_on || '|' || learned FROM learning_activities WHERE id = ${actId}`),
    `done|suggested|${TODAY}|Block Monday mornings.`);
  assert.equal(sql(`SELECT count(*) FROM learning_activities WHERE library_item_id = ${id}`), '1');

  // Max lends a copy to Rita (his team); Mia may not (she leads South)
  const lendable = await addItem('Lent by the Manager', { copies: '2' });
  r = await post('mia@acme.test', `/library/${lendable}/lend`, { rep: String(ctx.ids.rita) });
  assert.equal(r.status, 403);
  r = await post('max@acme.test', `/library/${lendable}/lend`, { rep: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.equal(sql(`SELECT borrower_id || '|' || due_on FROM library_loans WHERE item_id = ${lendable}`), `${ctx.ids.rita}|${DUE}`);
  r = await post('max@acme.test', `/library/${lendable}/lend`, { rep: String(ctx.ids.rita) });
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /The rep has a copy of this item already/);
  r = await as('rita@acme.test').get(`/api/v1/library/loans?item=${lendable}&open=1`);
  await as('rita@acme.test').post(`/api/v1/library/loans/${r.json.items[0].id}/return`, { takeaway: 'Handed back.' });

  const link = await addItem('Ten Questions (article)', { kind: 'article', copies: '0', url: 'https://example.com/ten' });
  r = await post('rita@acme.test', `/library/${link}/borrow`, {});
  assert.equal(r.status, 409);
  assert.match(textOf(r.text), /a link/);
  const page = await (await web('rita@acme.test')).get(`/library/${link}`);
  assert.match(page.text, /href="https:\/\/example\.com\/ten"/);
  assert.ok(!formFrom(page.text, `/library/${link}/borrow`));
});

test('the catalogue filters and pages; the loans overview lists overdue first, as CSV too', async () => {
  const id = await addItem('Overdue Book of Closing');
  let r = await as('rita@acme.test').post(`/api/v1/library/${id}/borrow`, {});
  assert.equal(r.status, 201);
  sql(`UPDATE library_loans SET lent_on = '2026-10-01', due_on = '2026-10-22' WHERE id = ${r.json.id}`);
  const max = await web('max@acme.test');
  r = await max.get('/library/loans');
  assert.equal(r.status, 200);
  const t = textOf(r.text);
  assert.match(t, /Overdue Book of Closing Rita Rep .* 32 overdue/);
  assert.ok(t.indexOf('Overdue Book of Closing') < t.indexOf('Listening Between the Lines'));
  r = await max.get('/library/loans?format=csv');
  assert.equal(r.status, 200);
  assert.match(r.text, /Overdue Book of Closing,Rita Rep,2026-10-01,2026-10-22,32,overdue/);
  assert.equal((await (await web('rita@acme.test')).get('/library/loans')).status, 403);
  // Rita's home: the overdue book; her rep page: what she has on loan
  r = await (await web('rita@acme.test')).get('/');
  assert.match(textOf(r.text), /Return Overdue Book of Closing · due back on 22 Oct 2026 overdue/);
  r = await max.get(`/reps/${ctx.ids.rita}`);
  assert.match(textOf(r.text), /On loan from the library .*Overdue Book of Closing/);
  // filters
  r = await max.get('/library?q=closing');
  assert.match(textOf(r.text), /Overdue Book of Closing/);
  assert.doesNotMatch(textOf(r.text), /Plan the Week/);
  r = await max.get('/library?kind=article');
  assert.match(textOf(r.text), /Ten Questions/);
  assert.doesNotMatch(textOf(r.text), /Overdue Book/);
  r = await max.get('/library?kind=podcast');
  assert.match(textOf(r.text), /Choose a kind/);
  // retiring takes an item out of the catalogue, into the retired list (a manager's), and back
  const plan = Number(sql("SELECT id FROM library_items WHERE title = 'Plan the Week'"));
  r = await post('max@acme.test', `/library/${plan}/retire`, {});
  assert.equal(r.status, 303);
  assert.doesNotMatch(textOf((await max.get('/library')).text), /Plan the Week/);
  assert.match(textOf((await max.get('/library?retired=1')).text), /Plan the Week/);
  r = await (await web('rita@acme.test')).get('/library?retired=1');
  assert.doesNotMatch(textOf(r.text), /Plan the Week/);
  assert.equal((await post('rita@acme.test', `/library/${plan}/borrow`, {})).status, 409);
  r = await post('max@acme.test', `/library/${plan}/retire`, {});
  assert.equal(r.status, 303);
  assert.match(textOf((await max.get('/library')).text), /Plan the Week/);
  r = await as('max@acme.test').get('/api/v1/library?limit=2&offset=1');
  assert.equal(r.status, 200);
  assert.equal(r.json.items.length, 2);
  assert.ok(r.json.total >= 6);
  r = await as('max@acme.test').get('/api/v1/library/loans?open=1');
  assert.equal(r.json.items[0].title ?? r.json.items[0].item_title, 'Overdue Book of Closing');
  assert.equal(r.json.items[0].overdue, true);
});

test('recommendations per trait: readers whose manager score rose, with the rule in words', async () => {
  const [t1, t2] = await traitIds();
  const id = await addItem('Growth Book of Goals');
  let r = await as('rita@acme.test').post(`/api/v1/library/${id}/borrow`, {});
  assert.equal(r.status, 201, r.text);
  r = await as('rita@acme.test').post(`/api/v1/library/loans/${r.json.id}/return`, { takeaway: 'Goals first.', rating: 5 });
  assert.equal(r.status, 200, r.text);
  // Max scored Rita 2 on the first trait before the loan and 4 after it; 3 and 3 on the second
  const org = ctx.ids.acme, max = ctx.ids.max, rita = ctx.ids.rita;
  for (const [opened, s1, s2] of [['2026-10-01', 2, 3], ['2026-11-30', 4, 3]]) {
    const round = sql(`INSERT INTO assessment_rounds (org_id, name, team_id, opened_by, opened_on, created_at)
      VALUES (${org}, 'Library round ${opened}', ${ctx.ids.north}, ${max}, '${opened}', 1) RETURNING id`);
    const form = sql(`INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at, created_at)
      VALUES (${org}, ${round}, ${rita}, ${max}, 'manager', 'submitted', 1, 1) RETURNING id`);
    sql(`INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score) VALUES (${org}, ${form}, ${t1}, ${s1}),
      (${org}, ${form}, ${t2}, ${s2})`);
  }
  const c = await web('rob@acme.test');
  r = await c.get(`/library?trait=${t1}`);
  assert.equal(r.status, 200);
  let t = textOf(r.text);
  assert.match(t, /What helped colleagues grow/);
  assert.match(t, /last submitted manager assessment before the loan/);
  assert.match(t, /Growth Book of Goals 1 reader grew, average rating 5\.0 of 5 \(1 rating\)/);
  // on the second trait Rita did not grow: not recommended there
  r = await c.get(`/library?trait=${t2}`);
  assert.doesNotMatch(textOf(r.text), /Growth Book of Goals 1 reader grew/);
});

/** two reps race for the last copy, ten times; exactly one wins each */
async function race(c) {
  const maxApi = as('max@acme.test', c);
  const tr = await as('rita@acme.test', c).get('/api/v1/traits');
  const traitId = listOf(tr.json, 'traits')[0].id;
  const rita = as('rita@acme.test', c), rob = as('rob@acme.test', c);
  for (let i = 0; i < 10; i++) {
    const item = await maxApi.post('/api/v1/library', { kind: 'book', title: `Race ${i}`, copies: 1, trait_ids: [traitId] });
    assert.equal(item.status, 201, item.text);
    const [a, b] = await Promise.all([rita.post(`/api/v1/library/${item.json.id}/borrow`, {}),
      rob.post(`/api/v1/library/${item.json.id}/borrow`, {})]);
    const codes = [a.status, b.status].sort();
    assert.deepEqual(codes, [201, 409], `round ${i}: ${a.text} ${b.text}`);
    assert.equal(sqlExec(c.db, `SELECT count(*) FROM library_loans WHERE item_id = ${item.json.id}`).trim(), '1');
  }
}

for (const engine of PG_BASE ? ['sqlite', 'postgresql'] : ['sqlite']) {
  test(`two reps racing for the last copy: exactly one gets it (${engine})`, async () => {
    const db = freshDb({ pgBase: engine === 'sqlite' ? '' : PG_BASE });
    seedStandard(db);
    const server = await startServer(db, { env: { SALESGARDEN_TODAY: TODAY }, name: `library-race-${engine}` });
    try {
      await race({ db, base: server.base });
    } finally {
      await server.kill();
      db.drop();
    }
  });
}

test('the pages speak Dutch and Norwegian, with no English left', async () => {
  const id = Number(sql("SELECT id FROM library_items WHERE title = 'Listening Between the Lines'"));
  const english = ['Library', 'Borrow', 'Join the waiting list', 'Waiting list', 'Lent copies', 'Open loans', 'Add an item',
    'What helped colleagues grow', 'Traits', 'Copies', 'Rating', 'Return', 'Suggest', 'Edit', 'Retire', 'Filter',
    'All kinds', 'All traits', 'Kind', 'Title', 'Author', 'Summary', 'Save', 'Cancel', 'overdue', 'Nobody is waiting.',
    'What is due: the library', 'On loan from the library', 'Your copy', 'Book', 'Retired items', 'Lend'];
  for (const lang of ['nl', 'nb']) {
    for (const who of ['max@acme.test', 'rita@acme.test']) {
      const c = await ctx.signIn(who);
      let r = await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
      assert.equal(r.status, 303);
      const pages = ['/library', `/library/${id}`, '/', `/reps/${ctx.ids.rita}`];
      if (who.startsWith('max')) pages.push('/library/new', '/library/loans', `/library/${id}/edit`);
      for (const p of pages) {
        r = await c.get(p);
        assert.equal(r.status, 200, `${lang} ${who} ${p}`);
        const text = unescapeHtml(r.text);
        for (const e of english)
          assert.ok(!text.includes(`>${e}<`) && !text.includes(`>${e} `), `${lang} ${who} ${p}: "${e}"`);
      }
    }
  }
});

testCleanStop(ctx);
