// sales meetings and the case library (issue 9): a team's meetings with a
// practice case or a piece of theory on every agenda — prepared is refused
// without one, a meeting held without one is flagged and counted — the
// attendance that counts as mandatory learning (one activity per member
// present, never two), the case library's last-used and rotation, the
// meetings in the calendar feed of the team's members, and the privacy
// rules: team North's meetings are seen by Rita (a member), Max (who leads
// North) and Ann (the admin); not by Rob, Mia or another organisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));
const sql = (q) => sqlExec(ctx.db, q).trim();
const NOTES = 'North meeting notes 5d1e';

let f = {};

async function newCase(who, title, extra = {}) {
  const r = await who.post('/api/v1/cases', { title, situation: `The situation of ${title}`, challenge: 'Too expensive',
    good_handling: 'Ask what it is compared with', ...extra });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

test('a manager plans a meeting, builds its agenda; prepared is refused without a case or theory', async () => {
  f.vic = addUser(ctx.db, 'acme', 'vic@acme.test', 'Vic Member', 'rep', { team: 'North' });
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page('/meetings/new');
  assert.equal(page.status, 200);
  // bad input: every field named, nothing stored
  let r = await max.postForm('/meetings', { csrf_token: page.csrf, team: String(ctx.ids.south), held_on: '2026-02-30',
    starts_at: '25:00', minutes: '0', title: '' });
  assert.equal(r.status, 400);
  const t = unescapeHtml(r.text);
  for (const m of ['Choose one of the teams you lead.', 'Enter a date, such as 2026-12-07.', 'Enter a time, such as 09:00.',
    'Enter the length in minutes, from 1 to 480.', 'Give the meeting a title.'])
    assert.ok(t.includes(m), m);
  assert.equal(sql('SELECT count(*) FROM sales_meetings'), '0');

  r = await max.postForm('/meetings', { csrf_token: page.csrf, team: String(ctx.ids.north), held_on: '2026-11-16',
    starts_at: '08:30', minutes: '45', title: 'Monday meeting' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  f.m1 = Number(/\/meetings\/(\d+)$/.exec(r.location)[1]);
  page = await max.page(`/meetings/${f.m1}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Monday meeting/);
  // an empty agenda: "Mark as prepared" is refused with the article's rule
  r = await max.postForm(`/meetings/${f.m1}/prepared`, { csrf_token: page.csrf });
  assert.equal(r.status, 400);
  assert.match(unescapeHtml(r.text), /A meeting is prepared when its agenda holds a practice case or a piece of theory/);
  assert.equal(sql(`SELECT status FROM sales_meetings WHERE id = ${f.m1}`), 'planned');
  // a topic is not enough
  r = await max.postForm(`/meetings/${f.m1}/items`, { csrf_token: page.csrf, kind: 'topic', title: 'Pipeline review' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const maxApi = api('max@acme.test');
  r = await maxApi.post(`/api/v1/meetings/${f.m1}/prepared`, {});
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'items');
  // a case from the library: prepared now
  f.c1 = await newCase(maxApi, 'Price objection');
  f.c2 = await newCase(maxApi, 'Send me something in writing');
  f.c3 = await newCase(maxApi, 'The buyer goes silent');
  r = await max.postForm(`/meetings/${f.m1}/items`, { csrf_token: page.csrf, kind: 'case', case_id: String(f.c1),
    presenter_id: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  // a rep of another team presents nothing here
  r = await max.postForm(`/meetings/${f.m1}/items`, { csrf_token: page.csrf, kind: 'theory', title: 'SPIN chapter 3',
    presenter_id: String(ctx.ids.rob) });
  assert.equal(r.status, 400);
  assert.match(unescapeHtml(r.text), /Choose a member of the team or its manager/);
  r = await max.postForm(`/meetings/${f.m1}/prepared`, { csrf_token: page.csrf });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  page = await max.page(`/meetings/${f.m1}`);
  assert.match(page.text, /Prepared/);
  assert.match(page.text, /Price objection/);
  assert.match(page.text, /presented by Rita Rep/);
  // move the case above the topic; the API shows the order
  const items = (await maxApi.get(`/api/v1/meetings/${f.m1}`)).json.items;
  assert.deepEqual(items.map((x) => x.kind), ['topic', 'case']);
  r = await max.postForm(`/meetings/${f.m1}/items/${items[1].id}/move`, { csrf_token: page.csrf, dir: 'up' });
  assert.equal(r.status, 303);
  const again = (await maxApi.get(`/api/v1/meetings/${f.m1}`)).json.items;
  assert.deepEqual(again.map((x) => x.kind), ['case', 'topic']);
  // remove the topic
  r = await maxApi.send('DELETE', `/api/v1/meetings/${f.m1}/items/${items[0].id}`);
  assert.equal(r.status, 204);
  r = await maxApi.send('DELETE', `/api/v1/meetings/${f.m1}/items/${items[0].id}`);
  assert.equal(r.status, 404);
});

test('held with attendance: one mandatory learning activity per member present, never two', async () => {
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page(`/meetings/${f.m1}`);
  // a rep of another team on the attendance list: refused naming the field, nothing stored
  let r = await max.postForm(`/meetings/${f.m1}/held`, { csrf_token: page.csrf, present: [String(ctx.ids.rita), String(ctx.ids.rob)] });
  assert.equal(r.status, 400);
  assert.match(unescapeHtml(r.text), /present: only members of the meeting's team/);
  assert.equal(sql(`SELECT status FROM sales_meetings WHERE id = ${f.m1}`), 'prepared');
  assert.equal(sql(`SELECT count(*) FROM meeting_attendance WHERE meeting_id = ${f.m1}`), '0');
  assert.equal(sql(`SELECT count(*) FROM learning_activities WHERE meeting_id = ${f.m1}`), '0');
  // the API says the same
  const maxApi = api('max@acme.test');
  r = await maxApi.post(`/api/v1/meetings/${f.m1}/held`, { present: [ctx.ids.rob] });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'present');
  // Rita present, Vic absent
  r = await max.postForm(`/meetings/${f.m1}/held`, { csrf_token: page.csrf, present: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const rows = () => sql(`SELECT rep_id, kind, origin, title, minutes, done_on FROM learning_activities WHERE meeting_id = ${f.m1} ORDER BY rep_id`);
  assert.equal(rows(), `${ctx.ids.rita}|practice_case|mandatory|Sales meeting: Monday meeting|45|2026-11-16`);
  page = await max.page(`/meetings/${f.m1}`);
  assert.match(page.text, /1 of 2 present/);
  // saved again, the same: still one row
  r = await max.postForm(`/meetings/${f.m1}/attendance`, { csrf_token: page.csrf, present: String(ctx.ids.rita) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sql(`SELECT count(*) FROM learning_activities WHERE meeting_id = ${f.m1}`), '1');
  // attendance changed after: Vic too, through the API; rows replaced, one per member
  r = await maxApi.send('PUT', `/api/v1/meetings/${f.m1}/attendance`, { present: [ctx.ids.rita, f.vic] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.present, 2);
  r = await maxApi.send('PUT', `/api/v1/meetings/${f.m1}/attendance`, { present: [ctx.ids.rita, f.vic] });
  assert.equal(r.status, 200, r.text);
  assert.equal(sql(`SELECT count(*) FROM learning_activities WHERE meeting_id = ${f.m1}`), '2');
  assert.equal(sql(`SELECT count(DISTINCT rep_id) FROM learning_activities WHERE meeting_id = ${f.m1}`), '2');
  // Vic absent again: his row goes
  r = await maxApi.send('PUT', `/api/v1/meetings/${f.m1}/attendance`, { present: [ctx.ids.rita] });
  assert.equal(r.status, 200, r.text);
  assert.equal(rows().split('\n').length, 1);
  // the meeting changed after it was held: its learning says what it was
  r = await maxApi.send('PATCH', `/api/v1/meetings/${f.m1}`, { minutes: 50 });
  assert.equal(r.status, 200, r.text);
  assert.equal(rows(), `${ctx.ids.rita}|practice_case|mandatory|Sales meeting: Monday meeting|50|2026-11-16`);
  r = await maxApi.send('PATCH', `/api/v1/meetings/${f.m1}`, { minutes: 0 });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'minutes');
  // notes
  r = await max.postForm(`/meetings/${f.m1}/notes`, { csrf_token: page.csrf, notes: NOTES });
  assert.equal(r.status, 303);
  // a meeting in the future is not held before its day
  r = await maxApi.post('/api/v1/meetings', { team_id: ctx.ids.north, held_on: '2026-11-30', title: 'Next Monday', minutes: 60 });
  assert.equal(r.status, 201, r.text);
  f.m3 = r.json.id;
  r = await maxApi.post(`/api/v1/meetings/${f.m3}/held`, { present: [ctx.ids.rita] });
  assert.equal(r.status, 400, r.text);
  // attendance of a meeting not held yet
  r = await maxApi.send('PUT', `/api/v1/meetings/${f.m3}/attendance`, { present: [ctx.ids.rita] });
  assert.equal(r.status, 409, r.text);
});

test('a meeting held without a case or theory is flagged and counted', async () => {
  const maxApi = api('max@acme.test');
  let r = await maxApi.post('/api/v1/meetings', { team_id: ctx.ids.north, held_on: '2026-11-09', title: 'Quick huddle', starts_at: '09:00', minutes: 30 });
  assert.equal(r.status, 201, r.text);
  f.m2 = r.json.id;
  r = await maxApi.post(`/api/v1/meetings/${f.m2}/held`, { present: [ctx.ids.rita, f.vic] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.held_without_case_or_theory, true);
  // the learning of a meeting without a case is a workshop
  assert.equal(sql(`SELECT DISTINCT kind FROM learning_activities WHERE meeting_id = ${f.m2}`), 'workshop');
  const rita = await ctx.signIn('rita@acme.test');
  const page = await rita.page('/meetings');
  assert.equal(page.status, 200);
  const t = unescapeHtml(page.text);
  assert.ok(t.includes('1 of 2 meetings held this year were held without a practice case or theory.'), t.slice(0, 2000));
  assert.match(page.text, /mt-flagged/);
  assert.match(t, /Held without a case or theory/);
  assert.match(t, /1 of 2/);
  // the list downloads
  r = await rita.get('/meetings?format=csv');
  assert.equal(r.status, 200);
  assert.match(r.text, /Quick huddle/);
  assert.match(r.text, /Price objection/);
  r = await rita.get('/meetings?format=xlsx');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /spreadsheet/);
});

test('the case library: last used, who presented it, times used, and rotation', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  let r = await rita.get('/cases');
  assert.equal(r.status, 200);
  const t = unescapeHtml(r.text);
  // never used first (by title), the one used last
  const order = ['Send me something in writing', 'The buyer goes silent', 'Price objection'].map((x) => t.indexOf(x));
  assert.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], `order ${order}`);
  assert.match(t, /used recently/);
  const c1 = (await api('rita@acme.test').get(`/api/v1/cases/${f.c1}`)).json;
  assert.equal(c1.times_used, 1);
  assert.equal(c1.last_used, '2026-11-16');
  assert.equal(c1.last_presenter, 'Rita Rep');
  const list = (await api('rita@acme.test').get('/api/v1/cases')).json.items;
  assert.deepEqual(list.map((x) => x.id), [f.c2, f.c3, f.c1]);
  assert.deepEqual(list.map((x) => x.used_recently), [false, false, true]);
  // a rep reads but does not add
  r = await rita.postForm('/cases', { csrf_token: rita.csrf, title: 'Mine' });
  assert.equal(r.status, 403);
  // a manager's bad case: each field named, nothing stored
  const max = await ctx.signIn('max@acme.test');
  const page = await max.page('/cases');
  const before = sql('SELECT count(*) FROM practice_cases');
  r = await max.postForm('/cases', { csrf_token: page.csrf, title: '', situation: '', challenge: '', good_handling: '', trait_id: '999999' });
  assert.equal(r.status, 400);
  const bt = unescapeHtml(r.text);
  for (const m of ['Give the case a title.', 'Describe the situation.', "Write the customer's objection or challenge.",
    'Write what good handling looks like.', 'Choose one of the traits.'])
    assert.ok(bt.includes(m), m);
  assert.equal(sql('SELECT count(*) FROM practice_cases'), before);
  // retire: gone from the picker, back with ?retired=1
  r = await max.postForm(`/cases/${f.c3}/retire`, { csrf_token: page.csrf, retired: '1' });
  assert.equal(r.status, 303);
  assert.ok(!unescapeHtml((await max.get('/cases')).text).includes('The buyer goes silent'));
  assert.ok(unescapeHtml((await max.get('/cases?retired=1')).text).includes('The buyer goes silent'));
  r = await max.get('/cases?format=csv');
  assert.equal(r.status, 200);
  assert.match(r.text, /Price objection/);
  r = await max.get('/cases?format=xlsx');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /spreadsheet/);
  // edit
  r = await api('max@acme.test').send('PATCH', `/api/v1/cases/${f.c2}`, { title: 'Send it in writing', retired: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Send it in writing');
});

test('the meeting is in the calendar feed of a team member, not in another team\'s', async () => {
  async function feed(email) {
    const c = await ctx.signIn(email);
    const r = await c.postForm('/account/calendar', { csrf_token: c.csrf });
    const shown = r.status === 303 ? await c.get(r.location) : r;
    const m = /https?:\/\/[^\s"<>]+\/calendar\/([A-Za-z0-9_.-]+)\.ics/.exec(shown.text);
    assert.ok(m, 'a feed address');
    return (await ctx.signIn(email)).get(`/calendar/${m[1]}.ics`);
  }
  const ritaFeed = await feed('rita@acme.test');
  assert.equal(ritaFeed.status, 200);
  const unfolded = ritaFeed.text.replace(/\r\n /g, '');
  assert.match(unfolded, /SUMMARY:Next Monday — North/);
  assert.match(unfolded, /DTSTART:20261130T090000/);
  assert.match(unfolded, /DURATION:PT60M/);
  assert.match(unfolded, /SUMMARY:Monday meeting — North/);
  assert.match(unfolded, /DESCRIPTION:On the agenda: Price objection/);
  const robFeed = await feed('rob@acme.test');
  assert.equal(robFeed.status, 200);
  assert.doesNotMatch(robFeed.text, /Monday meeting|Next Monday/);
});

test('privacy: North\'s meetings are seen by its members, Max and Ann; not by Rob, Mia or another organisation', async () => {
  const who = { rita: 200, max: 200, ann: 200, rob: 403, mia: 403, bea: 404, ben: 404 };
  const email = { rita: 'rita@acme.test', max: 'max@acme.test', ann: 'ann@acme.test', rob: 'rob@acme.test',
    mia: 'mia@acme.test', bea: 'bea@beta.test', ben: 'ben@beta.test' };
  for (const [k, want] of Object.entries(who)) {
    const c = await ctx.signIn(email[k]);
    const r = await c.get(`/meetings/${f.m1}`);
    assert.equal(r.status, want, `${k}: page`);
    assert.equal(r.text.includes(NOTES), want === 200, `${k}: the notes`);
    const a = await api(email[k]).get(`/api/v1/meetings/${f.m1}`);
    assert.equal(a.status, want, `${k}: API`);
    const l = await c.get('/meetings');
    assert.equal(l.status, 200);
    assert.equal(l.text.includes('Monday meeting'), want === 200, `${k}: the list`);
    const al = await api(email[k]).get('/api/v1/meetings');
    assert.equal(al.status, 200);
    assert.equal(al.text.includes('Monday meeting'), want === 200, `${k}: the API list`);
    // the case library is the organisation's
    const cl = await c.get(`/cases/${f.c1}`);
    assert.equal(cl.status, k === 'bea' || k === 'ben' ? 404 : 200, `${k}: a case`);
  }
  // Rob may not ask for North's list either
  const rob = await ctx.signIn('rob@acme.test');
  assert.equal((await rob.get(`/meetings?team=${ctx.ids.north}`)).status, 403);
  assert.equal((await api('rob@acme.test').get(`/api/v1/meetings?team=${ctx.ids.north}`)).status, 403);
  // only North's manager (and the admin) runs its meetings
  const mia = await ctx.signIn('mia@acme.test');
  assert.equal((await mia.postForm(`/meetings/${f.m1}/notes`, { csrf_token: mia.csrf, notes: 'x' })).status, 403);
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.postForm(`/meetings/${f.m1}/notes`, { csrf_token: rita.csrf, notes: 'x' })).status, 403);
  assert.equal((await api('mia@acme.test').post('/api/v1/meetings', { team_id: ctx.ids.north, held_on: '2026-12-01', title: 'x' })).status, 400);
});

test('home: a meeting this week without a case for the manager; the rep page counts meetings attended', async () => {
  const max = await ctx.signIn('max@acme.test');
  let r = await max.get('/');
  let t = unescapeHtml(r.text);
  assert.ok(t.includes('Sales meetings this week'), 'the section');
  assert.ok(t.includes('Next Monday') && t.includes('prepare a case'));
  // an agenda item Rita presents
  const maxApi = api('max@acme.test');
  r = await maxApi.post(`/api/v1/meetings/${f.m3}/items`, { kind: 'case', case_id: f.c2, presenter_id: ctx.ids.rita });
  assert.equal(r.status, 201, r.text);
  t = unescapeHtml((await max.get('/')).text);
  assert.ok(!t.includes('prepare a case'), 'prepared: no longer due');
  const rita = await ctx.signIn('rita@acme.test');
  t = unescapeHtml((await rita.get('/')).text);
  assert.ok(t.includes('You present: Send it in writing'), t.slice(0, 3000));
  t = unescapeHtml((await max.get(`/reps/${ctx.ids.rita}`)).text);
  assert.ok(t.includes('Attended 2 of 2 sales meetings in the last 12 months.'));
});

test('Dutch and Norwegian: the meeting pages have no English left', async () => {
  const max = await ctx.signIn('max@acme.test');
  const english = ['Sales meetings', 'Upcoming', 'Past 12 months', 'Mark as held', 'Save attendance', 'Attendance',
    'Pick a practice case', 'Add to the agenda', 'Case library', 'used recently', 'never used', 'What good handling looks like',
    'meetings held this year'];
  for (const lang of ['nl', 'nb']) {
    const r = await max.postForm('/lang', { csrf_token: max.csrf, lang, next: '/' });
    assert.equal(r.status, 303);
    let all = '';
    for (const p of ['/meetings', `/meetings/${f.m1}`, `/meetings/${f.m3}`, '/meetings/new', '/cases', `/cases/${f.c1}`]) {
      const page = await max.get(p);
      assert.equal(page.status, 200, `${lang} ${p}`);
      all += unescapeHtml(page.text);
    }
    for (const w of english) assert.ok(!all.includes(w), `${lang}: "${w}" left in English`);
  }
  await max.postForm('/lang', { csrf_token: max.csrf, lang: 'en', next: '/' });
});

testCleanStop(ctx);
