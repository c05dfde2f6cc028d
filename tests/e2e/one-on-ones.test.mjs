// one-on-ones (issue 8): cadence and overdue flags, the agenda with the rep's
// own points, shared and private notes, actions that carry forward — and the
// privacy rules, in pages, API, exports and the other lists' filters: a
// one-on-one is seen by the rep (Rita) and the manager who leads her team
// (Max) only — not by Rob (another rep), Mia (another team's manager), Ann
// (an admin who does not lead North) nor anyone of another organisation; the
// private notes by Max only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, unescapeHtml } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const SECRET_POINT = 'Rita own point 91c2';
const SECRET_SHARED = 'Shared note 91c2';
const SECRET_PRIVATE = 'Max private note 91c2';
const SECRET_ACTION = 'Rita action 91c2';
const SECRETS = [SECRET_POINT, SECRET_SHARED, SECRET_PRIVATE, SECRET_ACTION];

const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));

let f;	// what the first test makes: Rita's one-on-one m1

test('a manager sets a cadence and schedules a one-on-one; overdue is flagged', async () => {
  const max = await ctx.signIn('max@acme.test');
  let page = await max.page('/one-on-ones');
  assert.equal(page.status, 200);
  assert.match(page.text, /Rita Rep/);
  assert.doesNotMatch(page.text, /Rob Rep/);
  // a cadence from 2 November, every two weeks, nothing held: due 2 Nov, overdue on 23 Nov
  let r = await max.postForm('/one-on-ones/cadence', { csrf_token: page.csrf, c_rep: ctx.ids.rita, c_every: 'biweekly', c_anchor: '2026-11-02' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  page = await max.page('/one-on-ones');
  assert.match(page.text, /Every two weeks/);
  assert.match(page.text, /ooo-overdue/);
  assert.match(page.text, /OVERDUE/);
  // the CSV of the list says so too
  r = await max.get('/one-on-ones?format=csv');
  assert.equal(r.status, 200);
  assert.match(r.text, /Rita Rep/);
  assert.match(r.text, /OVERDUE/);
  assert.match(r.text, /2026-11-02/);
  // the manager's home page lists the overdue one
  r = await max.get('/');
  assert.match(r.text, /Overdue one-on-ones/);
  assert.match(r.text, /Rita Rep/);

  r = await max.postForm('/one-on-ones', { csrf_token: page.csrf, s_rep: ctx.ids.rita, s_on: '2026-11-16' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const m1 = Number(/\/one-on-ones\/(\d+)$/.exec(r.location)[1]);
  f = { m1 };
  page = await max.page(`/one-on-ones/${m1}`);
  assert.equal(page.status, 200);
  for (const s of ['Effort', 'Improvement', 'Progress', 'What works', 'What to strengthen', "The rep's own points"])
    assert.ok(unescapeHtml(page.text).includes(s), `section ${s}`);
  assert.match(page.text, /Since the last one-on-one/);
  assert.match(page.text, /Commitment rate/);
  // held: the cadence counts from it (16 Nov + 14 = 30 Nov: not overdue on 23 Nov)
  r = await max.postForm(`/one-on-ones/${m1}/held`, { csrf_token: page.csrf, h_on: '2026-11-16' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  page = await max.page('/one-on-ones');
  assert.doesNotMatch(page.text, /ooo-overdue/);
  r = await max.get('/');
  assert.doesNotMatch(r.text, /Overdue one-on-ones/);
});

test('the rep adds her points; notes are shared, private notes the manager\'s alone', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const max = await ctx.signIn('max@acme.test');
  let page = await rita.page(`/one-on-ones/${f.m1}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /name="p_section"/, 'the rep adds to her own section only');
  assert.doesNotMatch(page.text, /name="n_private"/);
  let r = await rita.postForm(`/one-on-ones/${f.m1}/points`, { csrf_token: page.csrf, p_text: SECRET_POINT });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await rita.postForm(`/one-on-ones/${f.m1}/actions`, { csrf_token: page.csrf, a_what: SECRET_ACTION, a_owner: ctx.ids.rita, a_due: '2026-11-30' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  // the rep may not write notes
  r = await rita.postForm(`/one-on-ones/${f.m1}/notes`, { csrf_token: page.csrf, n_shared: 'x' });
  assert.equal(r.status, 403);

  const mp = await max.page(`/one-on-ones/${f.m1}`);
  assert.match(mp.text, new RegExp(SECRET_POINT));
  assert.match(mp.text, /name="n_private"/);
  r = await max.postForm(`/one-on-ones/${f.m1}/notes`, { csrf_token: mp.csrf, n_shared: SECRET_SHARED, n_private: SECRET_PRIVATE });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await max.get(`/one-on-ones/${f.m1}`);
  assert.match(r.text, new RegExp(SECRET_PRIVATE));

  // the rep: the shared notes, never the private ones — page, API, exports
  page = await rita.page(`/one-on-ones/${f.m1}`);
  assert.match(page.text, new RegExp(SECRET_SHARED));
  assert.match(page.text, new RegExp(SECRET_POINT));
  assert.doesNotMatch(page.text, new RegExp(SECRET_PRIVATE));
  const ritaApi = api('rita@acme.test');
  r = await ritaApi.get(`/api/v1/one-on-ones/${f.m1}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.shared_notes, SECRET_SHARED);
  assert.equal(r.json.private_notes, undefined);
  assert.ok(!r.text.includes(SECRET_PRIVATE));
  assert.equal(r.json.points[0].text, SECRET_POINT);
  assert.equal(r.json.points[0].section, 'rep');
  for (const q of ['', '?rep=' + ctx.ids.rita]) {
    r = await ritaApi.get(`/api/v1/one-on-ones${q}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.items.length, 1);
    assert.ok(!r.text.includes(SECRET_PRIVATE));
  }
  for (const t of ['agenda', 'actions'])
    for (const fmt of ['csv', 'xlsx']) {
      r = await rita.get(`/one-on-ones/${f.m1}?table=${t}&format=${fmt}`);
      assert.equal(r.status, 200);
      assert.ok(!r.text.includes(SECRET_PRIVATE), `${t} ${fmt}`);
    }
  r = await rita.get(`/one-on-ones/${f.m1}?table=actions&format=csv`);
  assert.match(r.text, new RegExp(SECRET_ACTION));
  const maxApi = api('max@acme.test');
  r = await maxApi.get(`/api/v1/one-on-ones/${f.m1}`);
  assert.equal(r.json.private_notes, SECRET_PRIVATE);
  // recognition of effort from the one-on-one: the manager's; the rep sees it on her home page
  r = await rita.postForm(`/one-on-ones/${f.m1}/recognition`, { csrf_token: page.csrf, r_kind: 'effort', r_note: 'x' });
  assert.equal(r.status, 403);
  r = await max.postForm(`/one-on-ones/${f.m1}/recognition`, { csrf_token: mp.csrf, r_kind: 'bravery', r_note: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-r_kind"/);
  r = await max.postForm(`/one-on-ones/${f.m1}/recognition`, { csrf_token: mp.csrf, r_kind: 'effort', r_note: 'Forty calls, all logged' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await rita.get('/');
  assert.match(r.text, /Forty calls, all logged/);
  // the rep cannot change notes through the API either
  r = await ritaApi.send('PATCH', `/api/v1/one-on-ones/${f.m1}`, { shared_notes: 'x' });
  assert.equal(r.status, 403);
});

test('no one else sees a one-on-one: pages, API, exports, lists and their filters', async () => {
  const callers = { 'rob@acme.test': 403, 'mia@acme.test': 403, 'ann@acme.test': 403, 'bea@beta.test': 404, 'ben@beta.test': 404 };
  for (const [email, want] of Object.entries(callers)) {
    const c = await ctx.signIn(email);
    const a = api(email);
    const answers = [];
    for (const p of [`/one-on-ones/${f.m1}`, `/one-on-ones/${f.m1}?table=agenda&format=csv`,
      `/one-on-ones/${f.m1}?table=actions&format=xlsx`, `/one-on-ones?rep=${ctx.ids.rita}`,
      `/one-on-ones?rep=${ctx.ids.rita}&format=csv`]) {
      const r = await c.get(p);
      assert.equal(r.status, want, `${email} ${p}`);
      answers.push(r);
    }
    for (const p of [`/api/v1/one-on-ones/${f.m1}`, `/api/v1/one-on-ones?rep=${ctx.ids.rita}`]) {
      const r = await a.get(p);
      assert.equal(r.status, want, `${email} ${p}`);
      answers.push(r);
    }
    for (const [m, p, body] of [['POST', `/api/v1/one-on-ones/${f.m1}/points`, { text: 'x' }],
      ['POST', `/api/v1/one-on-ones/${f.m1}/actions`, { what: 'x' }]]) {
      const r = await a.send(m, p, body);
      assert.equal(r.status, want, `${email} ${m} ${p}`);
    }
    // lists of their own, and every text filter of the other lists
    // (the filters look for the part every secret has; the page echoes the filter, not the secrets)
    for (const p of ['/one-on-ones', '/one-on-ones?format=csv', '/', '/conversations?q=91c2', '/deals?q=91c2',
      '/accounts?q=91c2', '/deals?q=91c2&format=csv', '/conversations?q=91c2&format=csv'])
      answers.push(await c.get(p));
    const list = await a.get('/api/v1/one-on-ones');
    assert.equal(list.status, 200);
    assert.equal(list.json.items.length, 0, `${email} lists none`);
    answers.push(list);
    for (const r of answers)
      for (const s of SECRETS) assert.ok(!r.text.includes(s), `${email}: "${s}" in an answer`);
  }
  // Mia may not schedule one for Rita, nor set her cadence
  const mia = await ctx.signIn('mia@acme.test');
  const pg = await mia.page('/one-on-ones');
  let r = await mia.postForm('/one-on-ones', { csrf_token: pg.csrf, s_rep: ctx.ids.rita, s_on: '2026-11-30' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Choose one of the reps of the teams you lead/);
  r = await api('mia@acme.test').post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-30' });
  assert.equal(r.status, 403);
  r = await api('ann@acme.test').post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-30' });
  assert.equal(r.status, 403);
  r = await api('rita@acme.test').post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-30' });
  assert.equal(r.status, 403);
});

test('bad input: 400 naming the field, nothing stored, what was typed kept', async () => {
  const max = await ctx.signIn('max@acme.test');
  const page = await max.page('/one-on-ones');
  let r = await max.postForm('/one-on-ones', { csrf_token: page.csrf, s_rep: ctx.ids.rita, s_on: '2026-02-30' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-s_on"/);
  assert.match(r.text, /value="2026-02-30"/);
  r = await max.postForm('/one-on-ones/cadence', { csrf_token: page.csrf, c_rep: '', c_every: 'daily', c_anchor: 'soon' });
  assert.equal(r.status, 400);
  for (const field of ['c_rep', 'c_every', 'c_anchor']) assert.match(r.text, new RegExp(`id="e-${field}"`), field);
  const mp = await max.page(`/one-on-ones/${f.m1}`);
  r = await max.postForm(`/one-on-ones/${f.m1}/points`, { csrf_token: mp.csrf, p_section: 'gossip', p_text: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-p_section"/);
  assert.match(r.text, /id="e-p_text"/);
  r = await max.postForm(`/one-on-ones/${f.m1}/actions`, { csrf_token: mp.csrf, a_what: 'Call back', a_owner: ctx.ids.rob, a_due: '2026-13-01' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-a_owner"/);
  assert.match(r.text, /id="e-a_due"/);
  assert.match(r.text, /value="Call back"/);
  const maxApi = api('max@acme.test');
  for (const [body, field] of [[{ scheduled_on: '2026-12-01' }, 'rep_id'], [{ rep_id: ctx.ids.rita }, 'scheduled_on'],
    [{ rep_id: ctx.ids.rita, scheduled_on: 'tomorrow' }, 'scheduled_on'], [{ rep_id: 'x', scheduled_on: '2026-12-01' }, 'rep_id']]) {
    r = await maxApi.post('/api/v1/one-on-ones', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.field, field);
  }
  r = await maxApi.post(`/api/v1/one-on-ones/${f.m1}/points`, { section: 'effort', text: '' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'text');
  r = await api('rita@acme.test').post(`/api/v1/one-on-ones/${f.m1}/points`, { section: 'effort', text: 'x' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'section');
  r = await maxApi.send('PATCH', `/api/v1/one-on-ones/${f.m1}`, { held_on: '2027-01-01', status: 'held' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'held_on');
  const got = await maxApi.get(`/api/v1/one-on-ones/${f.m1}`);
  assert.equal(got.json.points.length, 1, 'nothing stored');
  assert.equal(got.json.actions.length, 1, 'nothing stored');
});

test('actions carry forward to later one-on-ones until done', async () => {
  const maxApi = api('max@acme.test');
  const ritaApi = api('rita@acme.test');
  let r = await maxApi.post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-30' });
  assert.equal(r.status, 201, r.text);
  const m2 = r.json.id;
  assert.equal(r.json.actions.length, 1);
  assert.equal(r.json.actions[0].what, SECRET_ACTION);
  assert.equal(r.json.actions[0].carried_forward, true);
  const actionId = r.json.actions[0].id;
  // the rep sees it on the page of the new one and on her home page
  const rita = await ctx.signIn('rita@acme.test');
  let page = await rita.get(`/one-on-ones/${m2}`);
  assert.match(page.text, new RegExp(SECRET_ACTION));
  page = await rita.get('/');
  assert.match(page.text, /Your next one-on-one/);
  assert.match(page.text, new RegExp(`/one-on-ones/${m2}#agenda`));
  // done at m2
  r = await ritaApi.send('PATCH', `/api/v1/one-on-ones/${m2}/actions/${actionId}`, { done: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.done_on, '2026-11-23');
  r = await maxApi.send('PATCH', `/api/v1/one-on-ones/${m2}`, { status: 'held', held_on: '2026-11-23' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'held');
  r = await maxApi.post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-12-07' });
  assert.equal(r.status, 201);
  assert.equal(r.json.actions.length, 0, 'done: no longer carried forward');
  // an action of another rep's one-on-one is not reachable through this one
  r = await maxApi.send('PATCH', `/api/v1/one-on-ones/${r.json.id}/actions/999999`, { done: true });
  assert.equal(r.status, 404);
});

test('the pages speak Dutch and Norwegian, with no English left', async () => {
  const english = ['One-on-ones', 'Set a cadence', 'Schedule a one-on-one', 'Since the last one-on-one', 'Mark as held',
    'Shared notes', 'Private notes', 'What to strengthen', 'The rep\'s own points', 'Open actions', 'Next due', 'Last held',
    'OVERDUE', 'Recognise effort', 'Add a point', 'New action', 'Save the notes', 'Every two weeks', 'Commitment rate'];
  const maxApi = api('max@acme.test');
  let r = await maxApi.post('/api/v1/one-on-ones', { rep_id: ctx.ids.rita, scheduled_on: '2026-11-24' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  for (const lang of ['nl', 'nb']) {
    const max = await ctx.signIn('max@acme.test');
    r = await max.postForm('/lang', { csrf_token: max.csrf, lang, next: '/' });
    assert.equal(r.status, 303);
    for (const p of ['/one-on-ones', `/one-on-ones/${id}`, '/']) {
      r = await max.get(p);
      assert.equal(r.status, 200);
      const text = unescapeHtml(r.text);
      for (const e of english) assert.ok(!text.includes(`>${e}<`) && !text.includes(`>${e} `), `${lang} ${p}: "${e}"`);
    }
  }
});

testCleanStop(ctx);
