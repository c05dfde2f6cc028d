// inbox: the coach's inbox (issue 10) over real HTTP — each source appears
// for the manager of the rep and not for another manager or a rep; the
// order; dismiss (back when the situation changes) and snooze (a bad date
// names the field and stores nothing; back on its day); the count in the
// menu equals the list; the home page starts with it; and nothing of a
// rep's pulse that the rep did not share reaches the inbox, its count, its
// CSV and Excel or the API.
//
// Today is pinned to Monday 7 December 2026. Team North (Max): Rita. Team
// South (Mia): Rob. Computed by hand:
//   - Rita's weekly one-on-ones from 2 Nov 2026, none held: due 2 Nov, 35
//     days overdue (level 2);
//   - Rita and Rob joined 1 Jan 2026 and logged no learning: 340 days (1);
//   - the next quarter, 2027-Q1, starts 1 Jan 2027 (25 days ahead, within 30):
//     Rita (North) and Rob (South) have no target: 1 rep each (1);
//   - Rita's library loan was due 30 Nov 2026: 7 days late (1);
//   - no spotlight this month for North nor South: 6 days since 1 Dec (1);
//   - Rita's pulse, weeks 2026-W47..W49 energy 1, motivation 1, workload 5:
//     answer 1.0 each (mean 1.0 <= 2.5): a burnout risk — in the inbox only
//     once she shares it.
// Max's order: level 2 first, then by days: ooo (35), learning (340),
// targets (25), loan (7), spotlight (6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, seedStandard, sqlExec, createToken, apiClient, testCleanStop } from './lib.mjs';

const JAN_1_2026 = 1767225600;

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-12-07' },
  seed(db) {
    const ids = seedStandard(db);
    sqlExec(db, `UPDATE users SET created_at = ${JAN_1_2026} WHERE id IN (${ids.rita}, ${ids.rob})`);
    sqlExec(db, `INSERT INTO one_on_one_cadences (org_id, rep_id, every, anchor_on, set_by, updated_at) VALUES (${ids.acme}, ${ids.rita}, 'weekly', '2026-11-02', ${ids.max}, 1)`);
    sqlExec(db, `INSERT INTO library_items (org_id, kind, title, copies, added_by, created_at) VALUES (${ids.acme}, 'book', 'SPIN Selling 7f3', 1, ${ids.ann}, 1)`);
    const item = Number(sqlExec(db, `SELECT id FROM library_items WHERE title = 'SPIN Selling 7f3'`).trim());
    sqlExec(db, `INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, created_at) VALUES (${ids.acme}, ${item}, ${ids.rita}, '2026-11-02', '2026-11-30', 1)`);
    ids.item = item;
    for (const week of ['2026-W47', '2026-W48', '2026-W49'])
      sqlExec(db, `INSERT INTO pulse_answers (org_id, rep_id, team_id, week, energy, motivation, workload, comment, created_at, updated_at) VALUES (${ids.acme}, ${ids.rita}, ${ids.north}, '${week}', 1, 1, 5, 'Exhausted 4d2', 1, 1)`);
    return ids;
  },
});

const api = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));
const kinds = (j) => j.items.map((i) => i.kind);
// dates are written with a no-break space ("2 Nov 2026")
const plain = (s) => s.replace(/\u00a0/g, ' ');
const navCount = (html) => {
  const m = html.match(/<a href="\/inbox"[^>]*>[^<]*<span class="nav-count"[^>]*>(\d+)<\/span>/);
  return m ? Number(m[1]) : null;
};

test('each source reaches the manager of the rep, most urgent first, and no one else', async () => {
  const max = await api('max@acme.test').get('/api/v1/inbox');
  assert.equal(max.status, 200);
  assert.deepEqual(kinds(max.json), ['one_on_one_overdue', 'no_learning', 'targets_missing', 'loan_overdue', 'spotlight_due']);
  const [ooo, learn, targets, loan, spot] = max.json.items;
  assert.equal(plain(ooo.text), 'The one-on-one with Rita Rep is 35 days overdue (it was due on 2 Nov 2026).');
  assert.equal(ooo.key, `one_on_one_overdue:rep:${ctx.ids.rita}`);
  assert.equal(ooo.fingerprint, 'since:2026-11-02');
  assert.equal(ooo.link, `/one-on-ones?rep=${ctx.ids.rita}`);
  assert.deepEqual([ooo.level, ooo.days], [2, 35]);
  assert.equal(plain(learn.text), 'Rita Rep has logged no learning in the 340 days since joining.');
  assert.equal(plain(targets.text), '1 rep of your teams has no target for 2027-Q1, which starts on 1 Jan 2027.');
  assert.equal(targets.link, '/targets?period=2027-Q1');
  assert.equal(plain(loan.text), 'Rita Rep is 7 days late returning SPIN Selling 7f3 to the library.');
  assert.equal(plain(spot.text), 'Team North has no spotlight yet this month.');
  assert.equal(max.json.count, 5);
  assert.ok(!JSON.stringify(max.json).includes('Rob Rep'), 'nothing of South for Max');

  const mia = await api('mia@acme.test').get('/api/v1/inbox');
  assert.deepEqual(kinds(mia.json), ['no_learning', 'targets_missing', 'spotlight_due']);
  assert.equal(plain(mia.json.items[0].text), 'Rob Rep has logged no learning in the 340 days since joining.');
  assert.ok(!JSON.stringify(mia.json).includes('Rita Rep'), 'nothing of North for Mia');

  // Ann leads no team: every team, but only what she may act on — targets
  // (an admin sets anyone's), the loan, each team's spotlight; never the
  // one-on-ones or learning of teams she does not lead
  const ann = await api('ann@acme.test').get('/api/v1/inbox');
  assert.deepEqual(kinds(ann.json), ['targets_missing', 'loan_overdue', 'spotlight_due', 'spotlight_due']);
  assert.equal(plain(ann.json.items[0].text), '2 reps of your teams have no target for 2027-Q1, which starts on 1 Jan 2027.');

  // a rep has no inbox, on any path
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/inbox')).status, 403);
  assert.equal((await api('rita@acme.test').get('/api/v1/inbox')).status, 403);
  const home = await rita.get('/');
  assert.doesNotMatch(home.text, /href="\/inbox"|id="inbox"/);
  // the other organisation's admin: their own organisation's only (Ben's target)
  const bea = await apiClient(ctx.base, createToken(ctx.db, 'beta', 'bea@beta.test')).get('/api/v1/inbox');
  assert.deepEqual(kinds(bea.json), ['targets_missing']);
  assert.ok(!JSON.stringify(bea.json).match(/Rita|Rob|North|South|SPIN/));
});

test('the page, the count in the menu and the home page agree with the list', async () => {
  const max = await ctx.signIn('max@acme.test');
  const page = await max.get('/inbox');
  assert.equal(page.status, 200);
  const items = page.text.match(/<li class="inbox-item"/g) ?? [];
  assert.equal(items.length, 5);
  assert.equal(navCount(page.text), 5, 'the count beside Inbox');
  assert.match(page.text, /<span class="nav-count g-count" aria-label="5 items in the inbox">5<\/span>/);
  assert.match(page.text, /<a href="\/one-on-ones\?rep=\d+">The one-on-one with Rita Rep is 35 days overdue/);
  const home = await max.get('/');
  assert.equal(navCount(home.text), 5);
  const main = home.text.slice(home.text.indexOf('<main'));
  assert.ok(main.indexOf('id="inbox"') < main.indexOf('home-steps'), 'the home page starts with the inbox');
  assert.match(home.text, /<a href="\/inbox">All 5 items<\/a>/);
  // in Dutch too, with no English left
  const { csrf } = await max.page('/inbox');
  await max.postForm('/lang', { csrf_token: csrf, lang: 'nl', next: '/inbox' });
  const nlPage = await max.get('/inbox');
  assert.match(nlPage.text, /De 1-op-1 met Rita Rep is 35 dagen te laat/);
  assert.match(nlPage.text, />Afwijzen</);
  assert.doesNotMatch(nlPage.text, /days overdue|Dismiss</);
  await max.postForm('/lang', { csrf_token: csrf, lang: 'en', next: '/inbox' });
});

// levers (issue 10), more: the inbox's table to CSV and Excel holds exactly
// the items the page lists, in its order — so nothing of the pulse reaches
// a file that the page would not show
test('the inbox to CSV and Excel: the items of the page in its order, the pulse only as the rep shares it', async () => {
  const max = await ctx.signIn('max@acme.test');
  const page = await max.get('/inbox');
  assert.match(page.text, /<a href="\/inbox\?format=csv" download>CSV<\/a>/);
  assert.match(page.text, /<a href="\/inbox\?format=xlsx" download>Excel<\/a>/);
  const list = await api('max@acme.test').get('/api/v1/inbox');
  const csv = await max.get('/inbox?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const lines = plain(csv.text).replace(/^\ufeff/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'Urgency,What needs you,Since,Where to act');
  assert.equal(lines.length, 1 + list.json.items.length);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ['soon', 'when you can', 'when you can', 'when you can', 'when you can']);
  list.json.items.forEach((it, i) => assert.ok(lines[i + 1].includes(plain(it.text)), `row ${i + 1}: ${it.text}`));
  assert.match(lines[1], new RegExp(`^soon,The one-on-one with Rita Rep is 35 days overdue \\(it was due on 2 Nov 2026\\)\\.,2026-11-02,/one-on-ones\\?rep=${ctx.ids.rita}$`));
  assert.doesNotMatch(csv.text, /burnout|Exhausted 4d2/i, 'an unshared risk is in no file');
  const xlsx = await max.get('/inbox?format=xlsx');
  assert.equal(xlsx.status, 200);
  // Mia's file holds nothing of Rita's (North is not her team)
  const mia = await ctx.signIn('mia@acme.test');
  const miaCsv = await mia.get('/inbox?format=csv');
  assert.equal(miaCsv.status, 200);
  assert.doesNotMatch(miaCsv.text, /Rita Rep/);
  // shared: the risk is a row, never the comment; revoked: gone again
  const rita = await ctx.signIn('rita@acme.test');
  const { csrf } = await rita.page('/pulse');
  assert.equal((await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '1' })).status, 303);
  const shared = plain((await max.get('/inbox?format=csv')).text);
  assert.match(shared, /Rita Rep shared a burnout risk in their pulse \(week of 30 Nov 2026\)\./);
  assert.doesNotMatch(shared, /Exhausted 4d2/);
  assert.doesNotMatch((await mia.get('/inbox?format=csv')).text, /burnout/);
  assert.equal((await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '0' })).status, 303);
  assert.doesNotMatch((await max.get('/inbox?format=csv')).text, /burnout/);
});

test('pulse privacy: an unshared risk reaches no inbox, count or API; a shared one reaches Rita\'s manager only', async () => {
  const before = await api('max@acme.test').get('/api/v1/inbox');
  assert.ok(!kinds(before.json).some((k) => k.startsWith('pulse')));
  const max = await ctx.signIn('max@acme.test');
  for (const p of ['/inbox', '/']) {
    const r = await max.get(p);
    assert.doesNotMatch(r.text, /burnout|Exhausted 4d2/i, p);
    assert.equal(navCount(r.text), before.json.count, `${p}: the count does not move`);
  }
  const rita = await ctx.signIn('rita@acme.test');
  const { csrf } = await rita.page('/pulse');
  assert.equal((await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '1' })).status, 303);
  const after = await api('max@acme.test').get('/api/v1/inbox');
  const risk = after.json.items.find((i) => i.kind === 'pulse_risk_shared');
  assert.ok(risk, 'the shared risk is in Max\'s inbox');
  assert.equal(plain(risk.text), 'Rita Rep shared a burnout risk in their pulse (week of 30 Nov 2026).');
  assert.equal(after.json.count, before.json.count + 1);
  assert.ok(!JSON.stringify(after.json).includes('Exhausted'), 'never a comment');
  for (const email of ['mia@acme.test', 'ann@acme.test']) {
    const other = await api(email).get('/api/v1/inbox');
    assert.ok(!kinds(other.json).some((k) => k.startsWith('pulse')), email);
  }
  assert.equal((await rita.postForm('/pulse/sharing', { csrf_token: csrf, share: '0' })).status, 303);
  const revoked = await api('max@acme.test').get('/api/v1/inbox');
  assert.ok(!kinds(revoked.json).some((k) => k.startsWith('pulse')));
});

test('dismiss until the situation changes; snooze until a day; another manager cannot touch the item', async () => {
  const loanKey = `loan_overdue:loan:${Number(sqlExec(ctx.db, `SELECT id FROM library_loans WHERE borrower_id = ${ctx.ids.rita}`).trim())}`;
  // Mia cannot dismiss Max's item: it is not in her inbox
  const miaPost = await api('mia@acme.test').post('/api/v1/inbox/dismiss', { key: loanKey });
  assert.equal(miaPost.status, 404);

  const max = await ctx.signIn('max@acme.test');
  // the menu's count on another page, twice (the second time kept from the
  // first while nothing was written), follows every write below at once
  for (let i = 0; i < 2; i++) assert.equal(navCount((await max.get('/pipeline')).text), 5, 'the count on /pipeline');
  const { csrf } = await max.page('/inbox');
  let r = await max.postForm('/inbox/dismiss', { csrf_token: csrf, key: loanKey });
  assert.equal(r.status, 303);
  assert.equal(navCount((await max.get('/pipeline')).text), 4, 'the count on /pipeline after the dismissal');
  let page = await max.get('/inbox?done=inbox-dismissed');
  assert.match(page.text, /The item was dismissed\./);
  assert.doesNotMatch(page.text, /SPIN Selling 7f3/);
  assert.match(page.text, /1 item is dismissed or snoozed\./);
  assert.equal(navCount(page.text), 4);
  // the due day moved: another situation, back in the list
  sqlExec(ctx.db, `UPDATE library_loans SET due_on = '2026-12-01' WHERE borrower_id = ${ctx.ids.rita}`);
  assert.equal(navCount((await max.get('/pipeline')).text), 5, 'the count on /pipeline after a write by another program');
  page = await max.get('/inbox');
  assert.match(page.text, /Rita Rep is 6 days late returning SPIN Selling 7f3/);
  assert.equal(navCount(page.text), 5);

  // snooze: a date in the past names the field and stores nothing
  const oooKey = `one_on_one_overdue:rep:${ctx.ids.rita}`;
  r = await max.postForm('/inbox/snooze', { csrf_token: csrf, key: oooKey, for: 'date', until: '2026-12-01' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Snooze until: give a day after today, at most a year ahead\./);
  assert.match(r.text, /value="2026-12-01"/, 'the form keeps what was typed');
  const stored = () => Number(sqlExec(ctx.db, `SELECT count(*) FROM inbox_dismissals WHERE item_key = '${oooKey}'`).trim());
  assert.equal(stored(), 0);
  const bad = await api('max@acme.test').post('/api/v1/inbox/snooze', { key: oooKey, until: 'someday' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.field, 'until');
  assert.equal(stored(), 0);
  r = await api('max@acme.test').post('/api/v1/inbox/snooze', { key: oooKey, until: 'week' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { key: oooKey, fingerprint: 'since:2026-11-02', until: '2026-12-14' });
  let list = await api('max@acme.test').get('/api/v1/inbox');
  assert.ok(!kinds(list.json).includes('one_on_one_overdue'));
  assert.equal(list.json.hidden, 1);
  // the snooze ends on its day (today, set in the database)
  sqlExec(ctx.db, `UPDATE inbox_dismissals SET until_on = '2026-12-07' WHERE item_key = '${oooKey}'`);
  list = await api('max@acme.test').get('/api/v1/inbox');
  assert.equal(kinds(list.json)[0], 'one_on_one_overdue');
  // Mia's inbox is untouched by Max's dismissals
  const mia = await api('mia@acme.test').get('/api/v1/inbox');
  assert.equal(mia.json.hidden, 0);
});

test('strung-along deals: Rita\'s three deals without a next step reach Max (urgent enough for level 2), not Mia', async () => {
  const rita = api('rita@acme.test');
  let r = await rita.post('/api/v1/accounts', { name: 'Inbox Account 3a1' });
  assert.equal(r.status, 201, r.text);
  const account = r.json.id ?? r.json.account?.id;
  for (const title of ['Deal one 3a1', 'Deal two 3a1', 'Deal three 3a1']) {
    r = await rita.post('/api/v1/deals', { title, account_id: account, value_minor: 100, currency: 'EUR' });
    assert.equal(r.status, 201, r.text);
  }
  // new deals have the grace period to get a first step: not yet
  let max = await api('max@acme.test').get('/api/v1/inbox');
  assert.ok(!kinds(max.json).includes('strung_along'));
  // made in October, still without a dated next step: strung along
  sqlExec(ctx.db, `UPDATE deals SET created_on = '2026-10-01', stage_changed_on = '2026-10-01' WHERE owner_id = ${ctx.ids.rita}`);
  max = await api('max@acme.test').get('/api/v1/inbox');
  const item = max.json.items.find((i) => i.kind === 'strung_along');
  assert.ok(item, 'in Max\'s inbox');
  assert.equal(item.text, 'Rita Rep has 3 open deals that string them along.');
  assert.equal(item.level, 2);
  assert.equal(item.link, `/strung-along?rep=${ctx.ids.rita}`);
  assert.equal(item.fingerprint, 'deals:3');
  const mia = await api('mia@acme.test').get('/api/v1/inbox');
  assert.ok(!kinds(mia.json).includes('strung_along'));
  // the home page's "Strung along" counts the same deals in each one's scope:
  // Rita's own three, Max's team's three, none in Mia's team, all for Ann
  const strungOnHome = async (email) => {
    const home = await (await ctx.signIn(email)).get('/');
    assert.equal(home.status, 200);
    const m = home.text.match(/href="\/strung-along"><span class="stat-value">(\d+)<\/span><span class="stat-label">Strung along</);
    assert.ok(m, `${email}: the home page shows Strung along`);
    return Number(m[1]);
  };
  assert.equal(await strungOnHome('rita@acme.test'), 3);
  assert.equal(await strungOnHome('max@acme.test'), 3);
  assert.equal(await strungOnHome('mia@acme.test'), 0);
  assert.ok(await strungOnHome('ann@acme.test') >= 3, "the admin sees the organisation's, Rita's included");
});

test('a contest of the manager\'s team ending within three days is in the inbox, and not in another manager\'s', async () => {
  const mk = (name, ends) => api('max@acme.test').post('/api/v1/contests', {
    name, figure: 'steps_kept', mode: 'individual', starts_on: '2026-12-01', ends_on: ends, teams: [ctx.ids.north],
  });
  const soon = await mk('Steps sprint 5e1', '2026-12-09');
  assert.equal(soon.status, 201, soon.text);
  const later = await mk('Steps marathon 5e1', '2026-12-20');
  assert.equal(later.status, 201, later.text);
  const max = await api('max@acme.test').get('/api/v1/inbox');
  const items = max.json.items.filter((i) => i.kind === 'contest_ending');
  assert.equal(items.length, 1);
  assert.equal(plain(items[0].text), 'The contest Steps sprint 5e1 ends on 9 Dec 2026.');
  assert.equal(items[0].link, `/contests/${soon.json.id}`);
  const mia = await api('mia@acme.test').get('/api/v1/inbox');
  assert.equal(mia.json.items.filter((i) => i.kind === 'contest_ending').length, 0);
  for (const c of [soon, later])
    assert.equal((await api('max@acme.test').send('DELETE', `/api/v1/contests/${c.json.id}`)).status, 200);
});

testCleanStop(ctx);
