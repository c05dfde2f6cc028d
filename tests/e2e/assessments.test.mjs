// assessments: rounds and forms end to end — opening a round, filling in
// and submitting forms, every privacy rule (the self form hidden from the
// manager until submitted and the manager's from the rep; a peer sees only
// their own form; another rep, another team's manager and an admin who does
// not lead the team see no scores; another organisation sees nothing) in
// pages and exports, and the bad input that must be refused with nothing
// stored. The world is seedStandard's: Rita (North, led by Max), Rob (South,
// led by Mia), Ann the admin (leads no team), Bea and Ben of Beta.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, formFrom, unescapeHtml, createToken, apiClient } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const SECRET_SELF = 'Rita self evidence 91c2';
const SECRET_MGR = 'Max manager evidence 4be7';
const SECRET_PEER = 'Rob peer evidence 0d5a';

const s = {};	// shared state: clients and ids, filled step by step

async function signInAll() {
  for (const [k, email] of Object.entries({
    rita: 'rita@acme.test', rob: 'rob@acme.test', max: 'max@acme.test', mia: 'mia@acme.test',
    ann: 'ann@acme.test', bea: 'bea@beta.test', ben: 'ben@beta.test',
  })) s[k] = await ctx.signIn(email);
}

/** the forms listed on /assessments for the client: [{id, round, rep, kind}] */
async function formsOf(c) {
  const r = await c.get('/assessments');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  return [...r.text.matchAll(/<tr><td><a href="\/assessments\/(\d+)">([^<]*)<\/a><\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)]
    .map((m) => ({ id: Number(m[1]), round: unescapeHtml(m[2]), rep: unescapeHtml(m[3]), kind: m[4] }));
}

/** the trait ids of a form page, in order */
function traitIds(html) {
  return [...html.matchAll(/name="score-(\d+)" value="1"/g)].map((m) => m[1]);
}

/** all five traits scored 4 (3 and 4 need no evidence), with extra fields */
function allFours(ids, extra = {}) {
  const f = {};
  for (const id of ids) f[`score-${id}`] = '4';
  return { ...f, ...extra };
}

test('a manager opens a round for the team they lead; each rep gets a self form, the manager a form per rep', async () => {
  await signInAll();
  // Mia does not lead North: refused, naming the field
  let r = await s.mia.postForm('/assessments/rounds', { csrf_token: s.mia.csrf, name: '2026 H2', due: '2026-12-15', team: String(ctx.ids.north) });
  assert.equal(r.status, 403);
  assert.match(r.text, /only for a team you lead/);
  // bad input: no name, no due date, both a team and a rep
  r = await s.max.postForm('/assessments/rounds', { csrf_token: s.max.csrf, name: '', due: 'soon', team: String(ctx.ids.north), rep: String(ctx.ids.rita) });
  assert.equal(r.status, 400);
  assert.match(r.text, /Choose either a team or one rep/);
  assert.match(r.text, /Enter the due date/);
  r = await s.max.postForm('/assessments/rounds', { csrf_token: s.max.csrf, name: '2026 H2', due: '2026-12-15', team: String(ctx.ids.north) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  s.round = Number(/\/assessments\/rounds\/(\d+)/.exec(r.location)[1]);
  const rita = await formsOf(s.rita);
  assert.deepEqual(rita.map((f) => [f.round, f.rep, f.kind]), [['2026 H2', 'Rita Rep', 'Self']]);
  s.ritaSelf = rita[0].id;
  const max = await formsOf(s.max);
  const mgr = max.find((f) => f.rep === 'Rita Rep' && f.kind === 'Manager');
  assert.ok(mgr, JSON.stringify(max));
  s.maxForm = mgr.id;
  // Rob is in South: no form of this round
  assert.deepEqual(await formsOf(s.rob), []);
  // the rep's home page says a self-assessment is due, linking to the form
  r = await s.rita.get('/');
  assert.match(r.text, new RegExp(`href="/assessments/${s.ritaSelf}">Self-assessment due: 2026 H2`));
});

test('the form shows every trait with score buttons 1-5 and the anchors of 1, 3 and 5', async () => {
  const r = await s.rita.get(`/assessments/${s.ritaSelf}`);
  assert.equal(r.status, 200);
  s.traits = traitIds(r.text);
  assert.equal(s.traits.length, 5);
  for (const n of [1, 2, 3, 4, 5]) assert.match(r.text, new RegExp(`name="score-${s.traits[0]}" value="${n}"`));
  assert.match(r.text, /Goal-oriented/);
  assert.match(r.text, /Customer-oriented/);
  assert.match(r.text, /<dt>1<\/dt><dd>Works without goals of their own/);
  assert.match(r.text, /<details class="subskills"><summary>Sub-skills \(optional\)/);
  assert.match(r.text, /Winning the customer(&#39;|')s trust/);
});

test('bad scores are refused, each next to its trait, with nothing stored and nothing typed lost', async () => {
  const [t0, t1, t2] = s.traits;
  const url = `/assessments/${s.ritaSelf}`;
  // 1 without evidence, 6, and evidence typed elsewhere that must come back
  let r = await s.rita.postForm(url, {
    csrf_token: s.rita.csrf, action: 'save', [`score-${t0}`]: '1', [`score-${t1}`]: '6',
    [`score-${t2}`]: '3', [`evidence-${t2}`]: 'Typed text that must survive',
  });
  assert.equal(r.status, 400);
  assert.match(r.text, new RegExp(`id="e-trait-${t0}">A score of 1 needs evidence`));
  assert.match(r.text, new RegExp(`id="e-trait-${t1}">A score is a whole number from 1 to 5`));
  assert.match(r.text, /Typed text that must survive/);
  assert.match(r.text, new RegExp(`name="score-${t2}" value="3" checked`));
  // 0, 5 without evidence
  r = await s.rita.postForm(url, { csrf_token: s.rita.csrf, action: 'save', [`score-${t0}`]: '0', [`score-${t1}`]: '5' });
  assert.equal(r.status, 400);
  assert.match(r.text, /A score of 5 needs evidence/);
  // an unknown trait: 400 naming it
  r = await s.rita.postForm(url, { csrf_token: s.rita.csrf, action: 'save', 'score-999999': '3' });
  assert.equal(r.status, 400);
  assert.match(r.text, /score-999999: there is no such trait/);
  // submitting with traits unscored
  r = await s.rita.postForm(url, { csrf_token: s.rita.csrf, action: 'submit', [`score-${t0}`]: '3' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Choose a score from 1 to 5 before you submit/);
  // nothing of it was stored
  r = await s.rita.get(url);
  assert.doesNotMatch(r.text, / checked/);
});

test('the self form stays hidden from the manager until the rep submits it', async () => {
  const url = `/assessments/${s.ritaSelf}`;
  let r = await s.rita.postForm(url, allFours(s.traits, {
    csrf_token: s.rita.csrf, action: 'save', [`score-${s.traits[4]}`]: '2', [`evidence-${s.traits[4]}`]: SECRET_SELF,
  }));
  assert.equal(r.status, 303, r.text.slice(0, 400));
  r = await s.max.get(url);
  assert.equal(r.status, 403);
  assert.ok(!r.text.includes(SECRET_SELF));
  r = await s.rita.postForm(url, allFours(s.traits, {
    csrf_token: s.rita.csrf, action: 'submit', [`score-${s.traits[4]}`]: '2', [`evidence-${s.traits[4]}`]: SECRET_SELF,
  }));
  assert.equal(r.status, 303);
  r = await s.max.get(url);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(SECRET_SELF));
  assert.match(r.text, new RegExp(`name="score-${s.traits[4]}" value="2" checked disabled`));
  // submitted: it no longer changes
  r = await s.rita.postForm(url, allFours(s.traits, { csrf_token: s.rita.csrf, action: 'save' }));
  assert.equal(r.status, 409);
});

test('the manager form stays hidden from the rep until the manager submits it', async () => {
  const url = `/assessments/${s.maxForm}`;
  const fields = allFours(s.traits, { csrf_token: s.max.csrf, [`score-${s.traits[0]}`]: '5', [`evidence-${s.traits[0]}`]: SECRET_MGR });
  let r = await s.max.postForm(url, { ...fields, action: 'save' });
  assert.equal(r.status, 303);
  r = await s.rita.get(url);
  assert.equal(r.status, 403);
  assert.ok(!r.text.includes(SECRET_MGR));
  r = await s.max.postForm(url, { ...fields, action: 'submit' });
  assert.equal(r.status, 303);
  r = await s.rita.get(url);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(SECRET_MGR));
  // the history: the manager's score per trait, for Rita and Max only
  r = await s.rita.get(`/reps/${ctx.ids.rita}/assessments`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Goal-oriented<\/td><td>2026 H2<\/td><td class="num">5<\/td>/);
  for (const c of ['rob', 'mia', 'ann']) assert.equal((await s[c].get(`/reps/${ctx.ids.rita}/assessments`)).status, 403, c);
  assert.equal((await s.bea.get(`/reps/${ctx.ids.rita}/assessments`)).status, 404);
});

test('a peer sees only the form they were invited to', async () => {
  const round = `/assessments/rounds/${s.round}`;
  // a user of another organisation: 400 naming the field
  let r = await s.max.postForm(`${round}/peers`, { csrf_token: s.max.csrf, rep: String(ctx.ids.rita), peer: String(ctx.ids.ben) });
  assert.equal(r.status, 400);
  assert.match(r.text, /There is no such user in your organisation/);
  // the rep as her own peer
  r = await s.max.postForm(`${round}/peers`, { csrf_token: s.max.csrf, rep: String(ctx.ids.rita), peer: String(ctx.ids.rita) });
  assert.equal(r.status, 400);
  r = await s.max.postForm(`${round}/peers`, { csrf_token: s.max.csrf, rep: String(ctx.ids.rita), peer: String(ctx.ids.rob) });
  assert.equal(r.status, 303);
  r = await s.max.postForm(`${round}/peers`, { csrf_token: s.max.csrf, rep: String(ctx.ids.rita), peer: String(ctx.ids.rob) });
  assert.equal(r.status, 409);
  const rob = await formsOf(s.rob);
  assert.deepEqual(rob.map((f) => [f.rep, f.kind]), [['Rita Rep', 'Peer']]);
  s.peerForm = rob[0].id;
  r = await s.rob.postForm(`/assessments/${s.peerForm}`, allFours(s.traits, {
    csrf_token: s.rob.csrf, action: 'submit', [`score-${s.traits[1]}`]: '1', [`evidence-${s.traits[1]}`]: SECRET_PEER,
  }));
  assert.equal(r.status, 303);
  // the peer never sees the other forms, submitted or not
  for (const id of [s.ritaSelf, s.maxForm]) {
    r = await s.rob.get(`/assessments/${id}`);
    assert.equal(r.status, 403);
    assert.ok(!r.text.includes(SECRET_SELF) && !r.text.includes(SECRET_MGR));
  }
  // the rep does not see the peer's form; the manager does, once submitted
  assert.equal((await s.rita.get(`/assessments/${s.peerForm}`)).status, 403);
  r = await s.max.get(`/assessments/${s.peerForm}`);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(SECRET_PEER));
});

test('another team\'s manager, an admin who does not lead the team and another organisation see no scores', async () => {
  for (const id of [s.ritaSelf, s.maxForm, s.peerForm]) {
    for (const c of ['mia', 'ann']) {
      const r = await s[c].get(`/assessments/${id}`);
      assert.equal(r.status, 403, `${c} /assessments/${id}`);
    }
    for (const c of ['bea', 'ben']) assert.equal((await s[c].get(`/assessments/${id}`)).status, 404, c);
  }
  // Ann may see the round she did not open? No: Max opened it and Ann does not lead North
  assert.equal((await s.ann.get(`/assessments/rounds/${s.round}`)).status, 403);
  assert.equal((await s.mia.get(`/assessments/rounds/${s.round}`)).status, 403);
  assert.equal((await s.bea.get(`/assessments/rounds/${s.round}`)).status, 404);
  // lists and exports: nobody else's secrets
  for (const c of ['rob', 'mia', 'ann', 'bea', 'ben'])
    for (const p of ['/assessments', '/assessments?format=csv', '/', `/reps/${ctx.ids.rita}`]) {
      const r = await s[c].get(p);
      for (const secret of [SECRET_SELF, SECRET_MGR]) assert.ok(!r.text.includes(secret), `${c} ${p} shows ${secret}`);
    }
  // Rob's download lists his peer form only
  const csv = await s.rob.get('/assessments?format=csv');
  assert.equal(csv.status, 200);
  assert.equal(csv.text.trim().split('\n').length, 2, csv.text);
  assert.match(csv.text, /Rita Rep,Peer,Rob Rep,submitted/);
});

test('an admin who opened a round for a team they do not lead sees its name and counts, no scores', async () => {
  let r = await s.ann.postForm('/assessments/rounds', { csrf_token: s.ann.csrf, name: 'Ann round', due: '2026-12-20', team: String(ctx.ids.north) });
  assert.equal(r.status, 303);
  const round = Number(/\/assessments\/rounds\/(\d+)/.exec(r.location)[1]);
  r = await s.ann.get(`/assessments/rounds/${round}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /0 of 2 forms submitted/);
  assert.doesNotMatch(r.text, /Rita Rep/);
  // its download holds no form either; the team's manager downloads the states
  r = await s.ann.get(`/assessments/rounds/${round}?format=csv`);
  assert.equal(r.status, 200);
  assert.equal(r.text.trim().split('\n').length, 1, r.text);
  r = await s.max.get(`/assessments/rounds/${round}?format=csv`);
  assert.match(r.text, /Rita Rep,Self,Rita Rep,draft/);
  assert.equal(formFrom(r.text, `/assessments/rounds/${round}/peers`), null);
});

test('a closed round takes no more ratings', async () => {
  let r = await s.mia.postForm(`/assessments/rounds/${s.round}/close`, { csrf_token: s.mia.csrf });
  assert.equal(r.status, 403);
  r = await s.max.postForm(`/assessments/rounds/${s.round}/close`, { csrf_token: s.max.csrf });
  assert.equal(r.status, 303);
  // Max's forms of the other reps of North are drafts of a closed round
  const open = (await formsOf(s.max)).find((f) => f.round === '2026 H2' && f.rep !== 'Rita Rep' && f.kind === 'Manager');
  if (open) {
    r = await s.max.postForm(`/assessments/${open.id}`, allFours(s.traits, { csrf_token: s.max.csrf, action: 'save' }));
    assert.equal(r.status, 400);
    assert.match(r.text, /This round is closed/);
  }
  // an ad-hoc round for Rita, closed at once: her self form refuses ratings
  r = await s.max.postForm('/assessments/rounds', { csrf_token: s.max.csrf, name: 'Ad hoc', due: '2026-12-01', rep: String(ctx.ids.rita) });
  assert.equal(r.status, 303);
  const adhoc = Number(/\/assessments\/rounds\/(\d+)/.exec(r.location)[1]);
  const self = (await formsOf(s.rita)).find((f) => f.round === 'Ad hoc');
  assert.ok(self);
  r = await s.max.postForm(`/assessments/rounds/${adhoc}/close`, { csrf_token: s.max.csrf });
  assert.equal(r.status, 303);
  r = await s.rita.postForm(`/assessments/${self.id}`, allFours(s.traits, { csrf_token: s.rita.csrf, action: 'save' }));
  assert.equal(r.status, 400);
  assert.match(r.text, /This round is closed/);
  r = await s.max.postForm(`/assessments/rounds/${adhoc}/close`, { csrf_token: s.max.csrf });
  assert.equal(r.status, 409);
  // nothing of the closed rounds is due any more (Ann's round still is)
  r = await s.rita.get('/');
  assert.doesNotMatch(r.text, /Self-assessment due: (Ad hoc|2026 H2)/);
  assert.match(r.text, /Self-assessment due: Ann round/);
});


const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));

test('API: the framework for every member; admins add, rename and retire traits', async () => {
  const rita = api('rita@acme.test'), ann = api('ann@acme.test'), max = api('max@acme.test');
  let r = await rita.get('/api/v1/traits');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.items.map((t) => t.code), ['goal', 'accountable', 'learning', 'motivated', 'customer']);
  assert.match(r.json.items[0].anchors['5'], /Sets goals beyond the target/);
  assert.ok(r.json.items[4].subskills.some((x) => x.name === 'Closing the deal'));
  r = await max.post('/api/v1/traits', { name: 'Resilient' });
  assert.equal(r.status, 403);
  r = await ann.post('/api/v1/traits', { name: '' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'name');
  r = await ann.post('/api/v1/traits', { name: 'Resilient', anchor1: 'Gives up', anchor3: 'Recovers', anchor5: 'Grows from it' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.json.code, null);
  r = await ann.send('PATCH', `/api/v1/traits/${id}`, { name: 'Veerkracht', retired: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'Veerkracht');
  assert.equal(r.json.retired, true);
  assert.equal(r.json.anchors['5'], 'Grows from it');
  r = await ann.send('PATCH', `/api/v1/traits/${id}`, { retired: 'yes' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'retired');
  // another organisation's admin does not find it
  r = await api('bea@beta.test').send('PATCH', `/api/v1/traits/${id}`, { name: 'x' });
  assert.equal(r.status, 404);
});

test('API: rounds, scores and submit under the same rules as the pages', async () => {
  const rita = api('rita@acme.test'), max = api('max@acme.test'), rob = api('rob@acme.test'), mia = api('mia@acme.test');
  let r = await mia.post('/api/v1/assessment-rounds', { name: 'API round', due_on: '2026-12-31', team_id: ctx.ids.north });
  assert.equal(r.status, 403);
  r = await max.post('/api/v1/assessment-rounds', { name: 'API round', due_on: 'soon', team_id: ctx.ids.north });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'due_on');
  r = await max.post('/api/v1/assessment-rounds', { name: 'API round', due_on: '2026-12-31', team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  const round = r.json.id;
  assert.equal(r.json.forms, 2);
  r = await rita.get('/api/v1/assessments');
  const self = r.json.items.find((f) => f.round === 'API round' && f.rater_kind === 'self');
  assert.ok(self, r.text);
  const traits = (await rita.get('/api/v1/traits')).json.items.filter((t) => !t.retired).map((t) => t.id);
  const put = (body) => rita.send('PUT', `/api/v1/assessments/${self.id}/scores`, body);
  // bad input: 400 naming the field, nothing stored
  for (const [scores, field] of [
    [[{ trait_id: traits[0], score: 0 }], 'scores[0].score'],
    [[{ trait_id: traits[0], score: 6 }], 'scores[0].score'],
    [[{ trait_id: traits[0], score: 3 }, { trait_id: 999999, score: 3 }], 'scores[1].trait_id'],
    [[{ trait_id: traits[0], score: 5 }], 'scores[0].evidence'],
    [[{ trait_id: traits[0], score: 2, evidence: '  ' }], 'scores[0].evidence'],
  ]) {
    r = await put({ scores });
    assert.equal(r.status, 400, JSON.stringify(scores));
    assert.equal(r.json.field, field);
  }
  assert.deepEqual((await rita.get(`/api/v1/assessments/${self.id}`)).json.scores, []);
  r = await rita.post(`/api/v1/assessments/${self.id}/submit`, {});
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'scores');
  r = await put({ scores: traits.map((t, i) => ({ trait_id: t, score: i === 0 ? 5 : 4, evidence: i === 0 ? SECRET_SELF : '' })) });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scores.length, 5);
  // hidden from the manager until submitted, in the API as on the page
  assert.equal((await max.get(`/api/v1/assessments/${self.id}`)).status, 403);
  r = await max.get(`/api/v1/assessments?rep=${ctx.ids.rita}`);
  assert.ok(!r.json.items.some((f) => f.id === self.id), 'the draft is not listed for the manager');
  r = await rita.post(`/api/v1/assessments/${self.id}/submit`, {});
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'submitted');
  r = await max.get(`/api/v1/assessments/${self.id}`);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(SECRET_SELF));
  // and in his list without ?rep=: the forms about the reps he leads, as far as he may see them
  r = await max.get('/api/v1/assessments');
  assert.ok(r.json.items.some((f) => f.id === self.id), 'the submitted self form');
  assert.ok(!r.json.items.some((f) => f.rep_id === ctx.ids.rita && f.rater_kind === 'self' && f.status === 'draft'), 'no draft self form');
  // nobody else
  for (const c of [rob, mia, api('ann@acme.test')]) {
    assert.equal((await c.get(`/api/v1/assessments/${self.id}`)).status, 403);
    const l = await c.get(`/api/v1/assessments?rep=${ctx.ids.rita}`);
    assert.ok(!l.text.includes(SECRET_SELF) && !l.json.items.some((f) => f.rater_kind !== 'peer' && f.rep_id === ctx.ids.rita), l.text);
  }
  assert.equal((await api('ben@beta.test').get(`/api/v1/assessments/${self.id}`)).status, 404);
  // peers: another organisation's user is refused naming the field
  r = await max.post(`/api/v1/assessment-rounds/${round}/peers`, { rep_id: ctx.ids.rita, peer_id: ctx.ids.ben });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'peer_id');
  r = await max.post(`/api/v1/assessment-rounds/${round}/peers`, { rep_id: ctx.ids.rita, peer_id: ctx.ids.rob });
  assert.equal(r.status, 201, r.text);
  const peer = r.json.id;
  // closed: a rating is refused, naming the round
  r = await max.post(`/api/v1/assessment-rounds/${round}/close`, {});
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'closed');
  r = await rob.send('PUT', `/api/v1/assessments/${peer}/scores`, { scores: [{ trait_id: traits[1], score: 3 }] });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'round');
  r = await max.get('/api/v1/assessment-rounds');
  assert.ok(r.json.items.some((x) => x.id === round && x.submitted === 1 && x.forms === 3), r.text);
  assert.ok(!r.text.includes(SECRET_SELF));
});

test('the framework: every member reads it; admins rename, reorder, retire and restore; a default shows in the reader\'s language', async () => {
  let r = await s.rob.get('/traits');
  assert.equal(r.status, 200);
  assert.match(r.text, /<dt>5<\/dt><dd>Sets goals beyond the target/);
  assert.doesNotMatch(r.text, /action="\/admin\/traits/);
  assert.equal((await s.rob.get('/admin/traits')).status, 403);
  assert.equal((await s.max.postForm('/admin/traits', { csrf_token: s.max.csrf, name: 'x' })).status, 403);
  r = await s.ann.get('/admin/traits');
  assert.equal(r.status, 200);
  const ids = [...r.text.matchAll(/<section class="card trait-card[^"]*" id="trait-(\d+)"/g)].map((m) => m[1]);
  const sub = /action="\/admin\/subskills\/(\d+)"/.exec(r.text)[1];
  // bad input: all at once, typed text kept
  r = await s.ann.postForm(`/admin/traits/${ids[1]}`, { csrf_token: s.ann.csrf, name: '', definition: 'Kept text 5e1' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Kept text 5e1/);
  // rename "Accountable"; a Dutch reader sees it as typed, the untouched ones translated
  r = await s.ann.postForm(`/admin/traits/${ids[1]}`, { csrf_token: s.ann.csrf, name: 'Owner of the outcome', definition: 'Owns it.', anchor1: 'a', anchor3: 'b', anchor5: 'c' });
  assert.equal(r.status, 303);
  r = await s.ann.postForm(`/admin/traits/${ids[1]}/move`, { csrf_token: s.ann.csrf, dir: 'up' });
  assert.equal(r.status, 303);
  r = await s.ann.postForm(`/admin/subskills/${sub}/retire`, { csrf_token: s.ann.csrf, retired: '1' });
  assert.equal(r.status, 303);
  r = await s.ann.postForm(`/admin/traits/${ids[4]}/retire`, { csrf_token: s.ann.csrf, retired: '1' });
  assert.equal(r.status, 303);
  const nl = await ctx.signIn('rob@acme.test');
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'nl', next: '/traits' });
  r = await nl.get('/traits');
  const names = [...r.text.matchAll(/id="trait-\d+"><h2>([^<]*)/g)].map((m) => unescapeHtml(m[1]));
  assert.deepEqual(names, ['Owner of the outcome', 'Doelgericht', 'Leergierig', 'Gemotiveerd'], 'renamed first, retired gone');
  assert.doesNotMatch(r.text, /Winning the customer|Het vertrouwen van de klant winnen/, 'the retired sub-skill');
  // a new round's form leaves the retired trait out; the history keeps its old scores
  r = await s.max.postForm('/assessments/rounds', { csrf_token: s.max.csrf, name: 'After the change', due: '2026-12-20', rep: String(ctx.ids.rita) });
  assert.equal(r.status, 303);
  const f = (await formsOf(s.rita)).find((x) => x.round === 'After the change');
  r = await s.rita.get(`/assessments/${f.id}`);
  assert.equal(traitIds(r.text).length, 4);
  assert.doesNotMatch(r.text, /Customer-oriented/);
  r = await s.rita.get(`/reps/${ctx.ids.rita}/assessments`);
  assert.match(r.text, /Customer-oriented<\/td><td>2026 H2<\/td>/);
  // restore
  r = await s.ann.postForm(`/admin/traits/${ids[4]}/retire`, { csrf_token: s.ann.csrf, retired: '0' });
  assert.equal(r.status, 303);
  assert.match((await s.rob.get('/traits')).text, /Klantgericht/, 'Rob reads Dutch now');
  assert.equal((await s.bea.postForm(`/admin/traits/${ids[4]}/retire`, { csrf_token: s.bea.csrf, retired: '1' })).status, 404);
});

testCleanStop(ctx);
