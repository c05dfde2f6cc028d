// learning (issue 9): the learning log — Rita logs what she learned (bad
// input named, nothing stored), Max suggests an activity and a library item,
// Rita accepts, declines and completes, Max assigns a mandatory training to
// North with completion and overdue; privacy: Rita's reflection reaches only
// Rita and Max (who leads North) — never Rob, Mia, Ann (an admin who does
// not lead North) or the other organisation, in pages, API, CSV and Excel;
// the pages in Dutch and Norwegian hold no English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { useServer, testCleanStop, createToken, apiClient, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const SECRET_LEARNED = 'Silence after the price 9c4e';
const SECRET_CHANGE = 'Wait three seconds 9c4e';
const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));
const count = (where = '1=1') => Number(sqlExec(ctx.db, `SELECT count(*) FROM learning_activities WHERE ${where}`).trim());
const f = {};

/** the text of every sheet of an .xlsx (a zip of XML parts), for a leak check */
function xlsxText(buf) {
  let out = '';
  for (let i = 0; i + 30 < buf.length;) {
    if (buf.readUInt32LE(i) !== 0x04034b50) { i++; continue; }
    const method = buf.readUInt16LE(i + 8), size = buf.readUInt32LE(i + 18);
    const nlen = buf.readUInt16LE(i + 26), xlen = buf.readUInt16LE(i + 28);
    const start = i + 30 + nlen + xlen, data = buf.subarray(start, start + size);
    try { out += method === 8 ? inflateRawSync(data).toString('utf8') : data.toString('utf8'); } catch { /* not text */ }
    i = start + size;
  }
  return out;
}

async function getBytes(client, p) {
  const res = await fetch(ctx.base + p, { headers: { Cookie: client.cookieHeader() } });
  return { status: res.status, buf: Buffer.from(await res.arrayBuffer()) };
}

test('Rita logs an activity in one form; bad input is named and nothing is stored', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  f.trait = Number(sqlExec(ctx.db, `SELECT min(id) FROM traits WHERE org_id = ${ctx.ids.acme}`).trim());
  let page = await rita.page('/learning/new');
  assert.equal(page.status, 200, page.text.slice(0, 300));
  // all 13 kinds, the quick picks, today / yesterday, the reflection asked for
  assert.equal((page.text.match(/<option value="[a-z_]+"/g) || []).filter((o) => !/value="\d/.test(o)).length, 13);
  for (const h of ['0.5', '1', '2', '4', '8']) assert.match(page.text, new RegExp(`name="hours_pick" value="${h.replace('.', '\\.')}"`));
  assert.match(page.text, /name="day" value="today" checked/);
  assert.match(page.text, /name="day" value="yesterday"/);
  assert.match(page.text, /What I learned/);
  assert.match(page.text, /What I will do differently/);
  assert.doesNotMatch(page.text, /name="origin"/, 'her own log is self-initiated');

  // bad input: every field named, nothing stored
  let r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'nap', title: '', done_on: '2028-01-01',
    hours: '25', trait: '999999', learned: SECRET_LEARNED });
  assert.equal(r.status, 400, r.text.slice(0, 300));
  for (const field of ['kind', 'title', 'done_on', 'hours', 'trait']) assert.match(r.text, new RegExp(`id="e-${field}"`), field);
  assert.match(r.text, /more than a year in the future/);
  assert.match(r.text, new RegExp(SECRET_LEARNED), 'what was typed is kept');
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'book', title: 'x', hours: '-1' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-hours"/);
  // a trait of the other organisation
  const betaTrait = Number(sqlExec(ctx.db, `SELECT min(id) FROM traits WHERE org_id = ${ctx.ids.beta}`).trim());
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'book', title: 'x', hours_pick: '1', trait: String(betaTrait) });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-trait"/);
  // a retired trait
  const retired = Number(sqlExec(ctx.db, `SELECT max(id) FROM traits WHERE org_id = ${ctx.ids.acme}`).trim());
  sqlExec(ctx.db, `UPDATE traits SET retired_at = 1 WHERE id = ${retired}`);
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'book', title: 'x', hours_pick: '1', trait: String(retired) });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-trait"/);
  sqlExec(ctx.db, `UPDATE traits SET retired_at = NULL WHERE id = ${retired}`);
  assert.equal(count(), 0);

  // the quick pick and "yesterday"; "1,5" and "1:30" typed
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'book', title: 'The Challenger Sale', day: 'yesterday',
    hours_pick: '2', trait: String(f.trait), learned: SECRET_LEARNED, will_change: SECRET_CHANGE });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, '/learning?saved=logged');
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'webinar', title: 'Discovery webinar', hours: '1,5' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await rita.postForm('/learning', { csrf_token: page.csrf, kind: 'article', title: 'Negotiation article', hours: '1:30',
    done_on: '2026-11-01' });
  assert.equal(r.status, 303);
  const rows = sqlExec(ctx.db, `SELECT title, done_on, minutes, origin, status FROM learning_activities ORDER BY id`).trim().split('\n');
  assert.deepEqual(rows, ['The Challenger Sale|2026-11-22|120|self|done', 'Discovery webinar|2026-11-23|90|self|done',
    'Negotiation article|2026-11-01|90|self|done']);
  f.book = Number(sqlExec(ctx.db, `SELECT id FROM learning_activities WHERE title = 'The Challenger Sale'`).trim());

  // the log: which have a reflection, the hours of the last 12 months
  page = await rita.page('/learning?saved=logged');
  assert.equal(page.status, 200);
  assert.match(page.text, /The activity was logged\./);
  assert.match(page.text, /with a reflection/);
  assert.match(page.text, /no reflection yet/);
  assert.match(page.text, /1 \/ 3/, 'one of three with a reflection');
  assert.match(page.text, /<span class="stat-value">5<\/span><span class="stat-label">Hours: Self-initiated/);
  // hours per month by origin: a chart and the same figures in a table, downloadable
  // (the achievement-orientation section of learningindex.c draws them)
  assert.match(page.text, /data-learning-chart="chart-learning-rep"/);
  assert.match(page.text, /<th scope="row">2026-11<\/th><td class="num">5<\/td>/);
  let csv = await rita.get('/learning?table=months&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Month.*Self-initiated \(hours\).*Suggested \(hours\).*Mandatory \(hours\)/);
  assert.match(csv.text, /2026-11[,;]5([.,]00?)?[,;]0/);

  // edit and delete her own
  page = await rita.page(`/learning/${f.book}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(SECRET_LEARNED));
  r = await rita.postForm(`/learning/${f.book}`, { csrf_token: page.csrf, kind: 'book', title: 'The Challenger Sale',
    done_on: '2026-11-22', hours: '3', trait: String(f.trait), learned: SECRET_LEARNED, will_change: SECRET_CHANGE });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sqlExec(ctx.db, `SELECT minutes FROM learning_activities WHERE id = ${f.book}`).trim(), '180');
  r = await rita.postForm(`/learning/${f.book}`, { csrf_token: page.csrf, kind: 'book', title: 'x', hours: '30' });
  assert.equal(r.status, 400);
  assert.equal(sqlExec(ctx.db, `SELECT minutes FROM learning_activities WHERE id = ${f.book}`).trim(), '180');
  const art = Number(sqlExec(ctx.db, `SELECT id FROM learning_activities WHERE title = 'Negotiation article'`).trim());
  r = await rita.postForm(`/learning/${art}/delete`, { csrf_token: page.csrf });
  assert.equal(r.status, 303);
  assert.equal(count(`id = ${art}`), 0);
});

test('the API logs, lists with paging, changes and refuses bad input naming the field', async () => {
  const rita = api('rita@acme.test');
  let r = await rita.post('/api/v1/learning', { kind: 'course', title: 'Bad', hours: 30 });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'hours');
  r = await rita.post('/api/v1/learning', { kind: 'nap', title: 'Bad', hours: 1 });
  assert.equal(r.json.field, 'kind');
  r = await rita.post('/api/v1/learning', { kind: 'course', title: 'Bad', hours: 1, done_on: '2028-06-01' });
  assert.equal(r.json.field, 'done_on');
  r = await rita.post('/api/v1/learning', { kind: 'course', title: 'Bad', hours: 1, trait_id: 999999 });
  assert.equal(r.json.field, 'trait_id');
  const before = count();
  r = await rita.post('/api/v1/learning', { kind: 'course', title: 'Objection handling course', hours: '4', done_on: '2026-10-10' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.minutes, 240);
  assert.equal(r.json.origin, 'self');
  assert.equal(count(), before + 1);
  f.course = r.json.id;
  r = await rita.send('PATCH', `/api/v1/learning/${f.course}`, { learned: 'API reflection 9c4e' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.has_reflection, true);
  assert.equal(r.json.minutes, 240);
  r = await rita.get('/api/v1/learning?limit=1');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 1);
  assert.equal(r.json.total, 3);
  r = await rita.get('/api/v1/learning?limit=1&offset=1');
  assert.equal(r.json.items.length, 1);
  r = await rita.send('DELETE', `/api/v1/learning/${f.course}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(count(`id = ${f.course}`), 0);
});

test('Max logs an activity for Rita and picks its origin; Mia, who does not lead North, may not', async () => {
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page(`/learning/new?rep=${ctx.ids.rita}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  assert.match(page.text, /For Rita Rep/);
  assert.match(page.text, /name="origin"/, 'a manager logging for a rep picks the origin');
  let r = await max.postForm(`/learning?rep=${ctx.ids.rita}`, { csrf_token: page.csrf, kind: 'joint_call', title: 'Joint call at Acme',
    hours_pick: '1', origin: 'boss' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-origin"/);
  r = await max.postForm(`/learning?rep=${ctx.ids.rita}`, { csrf_token: page.csrf, kind: 'joint_call', title: 'Joint call at Acme',
    hours_pick: '1', origin: 'mandatory' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, `/reps/${ctx.ids.rita}/learning?saved=logged`);
  assert.equal(sqlExec(ctx.db, `SELECT origin, created_by FROM learning_activities WHERE title = 'Joint call at Acme'`).trim(),
    `mandatory|${ctx.ids.max}`);
  const mia = await ctx.signIn('mia@acme.test');
  r = await mia.get(`/learning/new?rep=${ctx.ids.rita}`);
  assert.equal(r.status, 403);
  const before = count();
  r = await mia.postForm(`/learning?rep=${ctx.ids.rita}`, { csrf_token: mia.csrf, kind: 'book', title: 'x', hours_pick: '1' });
  assert.equal(r.status, 403);
  r = await api('mia@acme.test').post('/api/v1/learning', { rep_id: ctx.ids.rita, kind: 'book', title: 'x', hours: 1 });
  assert.equal(r.status, 403);
  assert.equal(count(), before);
  // Max reads her log through the API
  r = await api('max@acme.test').get(`/api/v1/learning?rep=${ctx.ids.rita}&status=done`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.some((x) => x.learned === SECRET_LEARNED));
  assert.ok(r.json.items.every((x) => x.status === 'done'));
});

test('Max suggests; Rita accepts one and declines another, and completes it with Done', async () => {
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page(`/learning/suggest?rep=${ctx.ids.rita}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  let r = await max.postForm(`/learning/suggest?rep=${ctx.ids.rita}`, { csrf_token: page.csrf, kind: 'book', title: '',
    due_on: '2020-01-01', library_item_id: '999999' });
  assert.equal(r.status, 400);
  for (const field of ['title', 'due_on', 'library_item_id']) assert.match(r.text, new RegExp(`id="e-${field}"`), field);
  const before = count();
  // a library item to suggest
  const item = Number(sqlExec(ctx.db, `INSERT INTO library_items (org_id, kind, title, added_by, created_at)
    VALUES (${ctx.ids.acme}, 'book', 'SPIN Selling Revisited', ${ctx.ids.max}, 1) RETURNING id`).trim());
  r = await max.postForm(`/learning/suggest?rep=${ctx.ids.rita}`, { csrf_token: page.csrf, kind: 'book',
    title: 'Read the SPIN chapter', due_on: '2026-12-20', library_item_id: String(item), hours_pick: '4' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await max.postForm(`/learning/suggest?rep=${ctx.ids.rita}`, { csrf_token: page.csrf, kind: 'ride_along',
    title: 'Ride along with Vera' });
  assert.equal(r.status, 303);
  assert.equal(count(), before + 2);
  const [spin, ride] = sqlExec(ctx.db, `SELECT id FROM learning_activities WHERE status = 'suggested' ORDER BY id`).trim().split('\n').map(Number);
  // Rob may not suggest to Rita; Mia neither
  const mia = await ctx.signIn('mia@acme.test');
  r = await mia.get(`/learning/suggest?rep=${ctx.ids.rita}`);
  assert.equal(r.status, 403);

  const rita = await ctx.signIn('rita@acme.test');
  page = await rita.page('/');
  assert.match(page.text, /Read the SPIN chapter/, 'home: a suggestion to answer');
  assert.match(page.text, /href="\/library\/\d+">SPIN Selling Revisited/);
  page = await rita.page('/learning');
  assert.match(page.text, new RegExp(`action="/learning/${spin}/accept"`));
  // Max cannot answer for her
  r = await max.postForm(`/learning/${spin}/accept`, { csrf_token: max.csrf });
  assert.equal(r.status, 403);
  r = await rita.postForm(`/learning/${spin}/accept`, { csrf_token: page.csrf });
  assert.equal(r.status, 303);
  r = await rita.postForm(`/learning/${spin}/accept`, { csrf_token: page.csrf });
  assert.equal(r.status, 409, 'answered already');
  r = await rita.postForm(`/learning/${ride}/decline`, { csrf_token: page.csrf });
  assert.equal(r.status, 303);
  assert.equal(sqlExec(ctx.db, `SELECT status FROM learning_activities WHERE id IN (${spin}, ${ride}) ORDER BY id`).trim(), 'accepted\ndeclined');
  // Done: hours and reflection; bad hours named, nothing stored
  page = await rita.page(`/learning/${spin}`);
  assert.match(page.text, new RegExp(`action="/learning/${spin}/done"`));
  r = await rita.postForm(`/learning/${spin}/done`, { csrf_token: page.csrf, day: 'today', hours: 'lots' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-hours"/);
  assert.equal(sqlExec(ctx.db, `SELECT status FROM learning_activities WHERE id = ${spin}`).trim(), 'accepted');
  r = await rita.postForm(`/learning/${spin}/done`, { csrf_token: page.csrf, day: 'today', hours_pick: '4',
    learned: 'SPIN: implication questions' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sqlExec(ctx.db, `SELECT status, done_on, minutes, origin FROM learning_activities WHERE id = ${spin}`).trim(),
    'done|2026-11-23|240|suggested');

  // the API: suggest, accept, done
  const maxApi = api('max@acme.test'), ritaApi = api('rita@acme.test');
  r = await maxApi.post('/api/v1/learning/suggestions', { rep_id: ctx.ids.rita, kind: 'webinar', title: '' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'title');
  r = await maxApi.post('/api/v1/learning/suggestions', { rep_id: ctx.ids.rita, kind: 'webinar', title: 'Pricing webinar', due_on: '2026-12-01' });
  assert.equal(r.status, 201, r.text);
  const web = r.json.id;
  assert.equal(r.json.status, 'suggested');
  r = await maxApi.post(`/api/v1/learning/${web}/accept`, {});
  assert.equal(r.status, 403);
  r = await ritaApi.post(`/api/v1/learning/${web}/done`, { hours: 1 });
  assert.equal(r.status, 409, 'not accepted yet');
  r = await ritaApi.post(`/api/v1/learning/${web}/accept`, {});
  assert.equal(r.status, 200, r.text);
  r = await ritaApi.post(`/api/v1/learning/${web}/done`, { hours: '1:15', will_change: 'Anchor high' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'done');
  assert.equal(r.json.minutes, 75);
  r = await mia.get(`/api/v1/learning/${web}`);
  assert.notEqual(r.status, 200);
});

test('Max assigns a mandatory training to North: one row per member, n of m done, overdue flagged', async () => {
  f.vic = addUser(ctx.db, 'acme', 'vic@acme.test', 'Vic Victor', 'rep', { team: 'North' });
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page('/learning/assignments');
  assert.equal(page.status, 200, page.text.slice(0, 300));
  let r = await max.postForm('/learning/assignments', { csrf_token: page.csrf, team: String(ctx.ids.north), kind: 'training_day',
    title: '', due_on: '' });
  assert.equal(r.status, 400);
  for (const field of ['title', 'due_on']) assert.match(r.text, new RegExp(`id="e-${field}"`), field);
  // Mia does not lead North
  const mia = await ctx.signIn('mia@acme.test');
  r = await mia.postForm('/learning/assignments', { csrf_token: mia.csrf, team: String(ctx.ids.north), kind: 'course',
    title: 'x', due_on: '2026-12-01' });
  assert.equal(r.status, 403);
  assert.equal(count('assignment_id IS NOT NULL'), 0);
  r = await max.postForm('/learning/assignments', { csrf_token: page.csrf, team: String(ctx.ids.north), kind: 'training_day',
    title: 'Compliance training 2026', due_on: '2026-11-30', hours_pick: '4' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const id = Number(/\/learning\/assignments\/(\d+)$/.exec(r.location)[1]);
  assert.equal(count(`assignment_id = ${id} AND status = 'assigned' AND origin = 'mandatory' AND due_on = '2026-11-30'`), 2);
  page = await max.page(`/learning/assignments/${id}`);
  assert.match(page.text, /0 of 2 done/);
  assert.match(page.text, /Rita Rep/);
  assert.match(page.text, /Vic Victor/);

  // Rita completes hers; the due date passes for Vic
  const rita = await ctx.signIn('rita@acme.test');
  const mine = Number(sqlExec(ctx.db, `SELECT id FROM learning_activities WHERE assignment_id = ${id} AND rep_id = ${ctx.ids.rita}`).trim());
  page = await rita.page('/');
  assert.match(page.text, /Compliance training 2026/);
  r = await rita.postForm(`/learning/${mine}/delete`, { csrf_token: page.csrf });
  assert.equal(r.status, 403, 'an open mandatory training is completed, not deleted');
  r = await rita.postForm(`/learning/${mine}/done`, { csrf_token: page.csrf, day: 'today', hours_pick: '4' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await rita.postForm(`/learning/${mine}/delete`, { csrf_token: page.csrf });
  assert.equal(r.status, 403, 'a done mandatory training stays, so its completion is counted');
  r = await api('rita@acme.test').send('DELETE', `/api/v1/learning/${mine}`);
  assert.equal(r.status, 403);
  sqlExec(ctx.db, `UPDATE learning_activities SET due_on = '2026-11-20' WHERE assignment_id = ${id}`);
  sqlExec(ctx.db, `UPDATE learning_assignments SET due_on = '2026-11-20' WHERE id = ${id}`);
  page = await max.page(`/learning/assignments/${id}`);
  assert.match(page.text, /1 of 2 done/);
  assert.match(page.text, /1 overdue/);
  page = await max.page('/learning/assignments');
  assert.match(page.text, /1 of 2 done/);
  assert.match(page.text, /class="badge bad">1 overdue/);
  r = await max.get('/learning/assignments?format=csv');
  assert.equal(r.status, 200);
  assert.match(r.text, /Compliance training 2026/);
  r = await max.get(`/learning/assignments/${id}?format=csv`);
  assert.match(r.text, /Vic Victor.*overdue/);
  page = await max.page('/');
  assert.match(page.text, /Your teams: 1 mandatory training is overdue/);
  // the API
  const maxApi = api('max@acme.test');
  r = await maxApi.get(`/api/v1/learning/assignments/${id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.members, 2);
  assert.equal(r.json.done, 1);
  assert.equal(r.json.overdue, 1);
  r = await maxApi.post('/api/v1/learning/assignments', { team_id: ctx.ids.north, kind: 'course', title: 'Due', due_on: '2020-01-01' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'due_on');
  r = await api('mia@acme.test').get(`/api/v1/learning/assignments/${id}`);
  assert.equal(r.status, 403);
  r = await api('mia@acme.test').get('/api/v1/learning/assignments');
  assert.equal(r.json.items.length, 0);
});

test('Rita\'s reflection reaches Rita and Max only: pages, API, CSV and Excel', async () => {
  const max = await ctx.signIn('max@acme.test');
  let r = await max.get(`/reps/${ctx.ids.rita}/learning`);
  assert.equal(r.status, 200);
  r = await max.get(`/reps/${ctx.ids.rita}/learning?format=csv`);
  assert.match(r.text, new RegExp(SECRET_LEARNED), 'Max downloads her log');
  const x = await getBytes(max, `/reps/${ctx.ids.rita}/learning?format=xlsx`);
  assert.equal(x.status, 200);
  assert.match(xlsxText(x.buf), new RegExp(SECRET_LEARNED));
  r = await max.get(`/reps/${ctx.ids.rita}`);
  assert.match(r.text, /id="learning"/, 'the rep page has a learning section');

  const paths = [`/reps/${ctx.ids.rita}/learning`, `/reps/${ctx.ids.rita}/learning?format=csv`, `/learning/${f.book}`,
    `/reps/${ctx.ids.rita}`, `/api/v1/learning?rep=${ctx.ids.rita}`, `/api/v1/learning/${f.book}`, '/learning', '/'];
  for (const email of ['rob@acme.test', 'mia@acme.test', 'ann@acme.test', 'bea@beta.test', 'ben@beta.test']) {
    const c = await ctx.signIn(email);
    for (const p of paths) {
      const res = await c.get(p);
      assert.ok(!res.text.includes(SECRET_LEARNED) && !res.text.includes(SECRET_CHANGE), `${email} ${p}: ${res.status}`);
      if (p.startsWith('/api/v1/learning') || p.includes('/learning?') || p.startsWith('/learning/'))
        assert.ok([403, 404].includes(res.status), `${email} ${p}: ${res.status}`);
    }
    const b = await getBytes(c, `/reps/${ctx.ids.rita}/learning?format=xlsx`);
    assert.ok([403, 404].includes(b.status));
    assert.ok(!xlsxText(b.buf).includes(SECRET_LEARNED));
    const tok = api(email);
    r = await tok.get(`/api/v1/learning/${f.book}`);
    assert.ok([403, 404].includes(r.status), `${email} API: ${r.status}`);
    assert.ok(!r.text.includes(SECRET_LEARNED));
  }
  // the other organisation gets 404, not 403
  const ben = api('ben@beta.test');
  r = await ben.get(`/api/v1/learning/${f.book}`);
  assert.equal(r.status, 404);
});

test('the learning pages in Dutch and Norwegian hold no English', async () => {
  for (const [lang, dutch] of [['nl', /Wat ik heb geleerd/], ['nb', /Hva jeg lærte/]]) {
    sqlExec(ctx.db, `UPDATE users SET locale = '${lang}' WHERE email IN ('rita@acme.test', 'max@acme.test')`);
    const rita = await ctx.signIn('rita@acme.test');
    const max = await ctx.signIn('max@acme.test');
    const pages = [[rita, '/learning/new'], [rita, '/learning'], [rita, `/learning/${f.book}`], [rita, '/'],
      [max, '/learning/assignments'], [max, `/learning/suggest?rep=${ctx.ids.rita}`], [max, `/reps/${ctx.ids.rita}/learning`]];
    for (const [c, p] of pages) {
      const r = await c.get(p);
      assert.equal(r.status, 200, `${lang} ${p}`);
      const text = r.text.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
      for (const en of ['Log learning', 'What I learned', 'What I will do differently', 'Self-initiated', 'Mandatory trainings',
        'Suggest an activity', 'Hours', 'Yesterday', 'Today', 'Nothing logged yet', 'with a reflection', 'Training day',
        'Assign a training', 'The last 12 months', 'of 2 done', 'Due'])
        assert.ok(!new RegExp(`\\b${en}\\b`).test(text), `${lang} ${p}: "${en}"`);
    }
    const r = await rita.get('/learning/new');
    assert.match(r.text, dutch);
  }
  sqlExec(ctx.db, `UPDATE users SET locale = 'en' WHERE email IN ('rita@acme.test', 'max@acme.test')`);
});

testCleanStop(ctx);
