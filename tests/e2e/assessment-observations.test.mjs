// observations pulled into an assessment (issue 8, field coaching): on the
// manager's form for Rita each trait lists Rita's observations of it since
// her previous round (here: the last 12 months), with "Use as evidence";
// saving stores the observation with the score only after the server checked
// it is Rita's, of this organisation and seen by the rater — another rep's or
// another organisation's observation is refused (400 naming the field,
// nothing stored), in the page and the API. Rob's forms (his own, his
// manager's) and a peer's form for Rita never list Rita's observations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { useServer, testCleanStop, createToken, apiClient, sqlExec, PASSWORD } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const SECRET_RITA = 'Rita opened with the buyer agenda 7f3a';
const SECRET_OLD = 'Rita long ago remark 7f3a';
const SECRET_ROB = 'Rob asked for the order 7f3a';

const api = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));
const f = {};

/** the form of rep by rater kind, from the API as the given caller */
async function formOf(caller, rep, kind) {
  const r = await api(caller).get(`/api/v1/assessments?rep=${rep}`);
  assert.equal(r.status, 200, r.text);
  const it = r.json.items.find((x) => x.rater_kind === kind);
  assert.ok(it, `${caller}: no ${kind} form of ${rep} in ${r.text}`);
  return it.id;
}

/** the observation ids listed beside trait t on a form page */
function listed(html, t) {
  const m = new RegExp(`<div class="obs-evidence" id="obs-list-${t}">([\\s\\S]*?)</div>`).exec(html);
  return m ? [...m[1].matchAll(/data-obs-use="(\d+)"/g)].map((x) => Number(x[1])) : [];
}

test('setup: observations of Rita and Rob, rounds for North and South, a peer for Rita', async () => {
  const out = sqlExec(ctx.db, `SELECT id FROM traits WHERE org_id = ${ctx.ids.acme} ORDER BY position`);
  f.traits = out.trim().split('\n').map((l) => Number(l.split('|')[0]));
  assert.equal(f.traits.length, 5, out);
  const max = api('max@acme.test');
  let r = await max.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2026-11-20',
    scores: [{ trait_id: f.traits[4], score: 5, seen: SECRET_RITA }] });
  assert.equal(r.status, 201, r.text);
  f.rita = r.json.id;
  r = await max.post('/api/v1/observations', { rep_id: ctx.ids.rita, kind: 'joint_call', observed_on: '2025-06-02',
    scores: [{ trait_id: f.traits[4], score: 2, seen: SECRET_OLD }] });
  assert.equal(r.status, 201, r.text);
  f.old = r.json.id;
  r = await api('mia@acme.test').post('/api/v1/observations', { rep_id: ctx.ids.rob, kind: 'joint_call',
    observed_on: '2026-11-19', scores: [{ trait_id: f.traits[4], score: 4, seen: SECRET_ROB }] });
  assert.equal(r.status, 201, r.text);
  f.rob = r.json.id;
  // an observation in Beta (Ben, seen by Bea), written straight into the database
  sqlExec(ctx.db, `INSERT INTO observations (org_id, rep_id, observer_id, kind, observed_on, created_at) VALUES ` +
    `(${ctx.ids.beta}, ${ctx.ids.ben}, ${ctx.ids.bea}, 'joint_call', '2026-11-20', 0)`);
  f.beta = Number(sqlExec(ctx.db, `SELECT max(id) FROM observations WHERE org_id = ${ctx.ids.beta}`).trim());
  assert.ok(f.beta > 0);

  f.max = await ctx.signIn('max@acme.test');
  f.mia = await ctx.signIn('mia@acme.test');
  f.ritaC = await ctx.signIn('rita@acme.test');
  f.robC = await ctx.signIn('rob@acme.test');
  r = await f.max.postForm('/assessments/rounds', { csrf_token: f.max.csrf, name: '2026 H2', due: '2026-12-15', team: String(ctx.ids.north) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const round = `/assessments/rounds/${/\/assessments\/rounds\/(\d+)/.exec(r.location)[1]}`;
  r = await f.mia.postForm('/assessments/rounds', { csrf_token: f.mia.csrf, name: '2026 H2 South', due: '2026-12-15', team: String(ctx.ids.south) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await f.max.postForm(`${round}/peers`, { csrf_token: f.max.csrf, rep: String(ctx.ids.rita), peer: String(ctx.ids.rob) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  f.mgrForm = await formOf('max@acme.test', ctx.ids.rita, 'manager');
  f.selfForm = await formOf('rita@acme.test', ctx.ids.rita, 'self');
  f.peerForm = await formOf('rob@acme.test', ctx.ids.rita, 'peer');
  f.robSelf = await formOf('rob@acme.test', ctx.ids.rob, 'self');
  f.robMgr = await formOf('mia@acme.test', ctx.ids.rob, 'manager');
});

test("the manager's form lists Rita's observation of the trait, with its date, observer, score and what was seen", async () => {
  const r = await f.max.get(`/assessments/${f.mgrForm}`);
  assert.equal(r.status, 200);
  const t = f.traits[4];
  assert.deepEqual(listed(r.text, t), [f.rita]);
  assert.match(r.text, new RegExp(SECRET_RITA));
  assert.match(r.text, /Max[^<]*· score 5/);
  assert.match(r.text, /Use as evidence/);
  assert.match(r.text, new RegExp(`name="observation-${t}" value=""`));
  // older than 12 months (no previous round): not listed; other traits list nothing
  assert.ok(!r.text.includes(SECRET_OLD));
  for (const o of f.traits.slice(0, 4)) assert.deepEqual(listed(r.text, o), [], `trait ${o}`);
  // in Dutch and Norwegian, no English of the list is left
  for (const [lang, words] of [['nl', /Geobserveerd bij coaching in het veld[\s\S]*score 5[\s\S]*Als onderbouwing gebruiken/],
    ['nb', /Observert under coaching i felten[\s\S]*score 5[\s\S]*Bruk som begrunnelse/]]) {
    const c = await ctx.signIn('max@acme.test');
    await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
    const x = await c.get(`/assessments/${f.mgrForm}`);
    assert.match(x.text, words, lang);
    assert.doesNotMatch(x.text, /Use as evidence|Observed in field coaching|not scored/, lang);
    await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en', next: '/' });	// the choice is Max's, not the session's
  }
  // Rita's own self form may list her observations too
  const self = await f.ritaC.get(`/assessments/${f.selfForm}`);
  assert.deepEqual(listed(self.text, t), [f.rita]);
});

test('"Use as evidence" appends the observation, suggests its score and names it, on a 390 px phone', { skip, timeout: 180_000 }, async (t) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'max@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  await page.goto(`${ctx.base}/assessments/${f.mgrForm}`);
  const tr = f.traits[4];
  await page.fill(`#ev-${tr}`, 'Typed first');
  await page.tap(`button[data-obs-use="${f.rita}"]`);
  assert.equal(await page.inputValue(`#ev-${tr}`), `Typed first\n2026-11-20 (observed): ${SECRET_RITA}`);
  assert.equal(await page.isChecked(`#score-${tr}-5`), true);
  assert.equal(await page.inputValue(`#obs-${tr}`), String(f.rita));
  // a score already chosen is kept
  await page.tap(`label[for="score-${tr}-3"]`);
  await page.tap(`button[data-obs-use="${f.rita}"]`);
  assert.equal(await page.isChecked(`#score-${tr}-3`), true);
  const w = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(w <= 0, `the form scrolls sideways by ${w}px`);
  assert.deepEqual(errors, []);
});

test("another rep's or another organisation's observation is refused, naming the field, nothing stored", async () => {
  const t = f.traits[4];
  const fields = { csrf_token: f.max.csrf, action: 'save', [`evidence-${t}`]: 'Saw it on the call' };
  for (const id of f.traits) fields[`score-${id}`] = '4';
  for (const bad of [String(f.rob), String(f.beta), 'abc', '-1']) {
    const r = await f.max.postForm(`/assessments/${f.mgrForm}`, { ...fields, [`observation-${t}`]: bad });
    assert.equal(r.status, 400, bad);
    assert.match(r.text, new RegExp(`observation-${t}: this is not an observation of this rep`), bad);
    assert.ok(!r.text.includes(SECRET_ROB), bad);
  }
  // an observation that did not touch this trait is refused too
  const other = f.traits[0];
  let r = await f.max.postForm(`/assessments/${f.mgrForm}`, { ...fields, [`observation-${other}`]: String(f.rita) });
  assert.equal(r.status, 400);
  assert.match(r.text, new RegExp(`observation-${other}:`));
  r = await api('max@acme.test').get(`/api/v1/assessments/${f.mgrForm}`);
  assert.deepEqual(r.json.scores, []);
  // the API: the same check on observation_id
  const put = (body) => api('max@acme.test').send('PUT', `/api/v1/assessments/${f.mgrForm}/scores`, body);
  for (const bad of [f.rob, f.beta, 'x']) {
    r = await put({ scores: [{ trait_id: t, score: 4, evidence: 'e', observation_id: bad }] });
    assert.equal(r.status, 400, r.text);
    assert.match(r.text, /scores\[0\]\.observation_id/);
  }
  r = await api('max@acme.test').get(`/api/v1/assessments/${f.mgrForm}`);
  assert.deepEqual(r.json.scores, []);
  assert.equal(sqlExec(ctx.db, 'SELECT count(*) FROM assessment_scores WHERE observation_id IS NOT NULL').trim(), '0');
});

test("submitting with Rita's observation stores it; the form and the history mark the score observed", async () => {
  const t = f.traits[4];
  const fields = { csrf_token: f.max.csrf, action: 'submit', [`score-${t}`]: '5',
    [`evidence-${t}`]: `2026-11-20 (observed): ${SECRET_RITA}`, [`observation-${t}`]: String(f.rita) };
  for (const id of f.traits.slice(0, 4)) fields[`score-${id}`] = '4';
  let r = await f.max.postForm(`/assessments/${f.mgrForm}`, fields);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  r = await api('max@acme.test').get(`/api/v1/assessments/${f.mgrForm}`);
  const byTrait = Object.fromEntries(r.json.scores.map((s) => [s.trait_id, s]));
  assert.equal(byTrait[t].observation_id, f.rita);
  assert.equal(byTrait[t].score, 5);
  assert.equal(byTrait[f.traits[0]].observation_id, null);
  r = await f.max.get(`/assessments/${f.mgrForm}`);
  assert.match(r.text, new RegExp(`id="observed-${t}">observed<`));
  assert.ok(!r.text.includes(`id="observed-${f.traits[0]}"`));
  r = await f.max.get(`/reps/${ctx.ids.rita}/assessments?format=csv`);
  assert.equal(r.status, 200);
  const rows = r.text.split('\n').filter((l) => l.includes('observed'));
  assert.equal(rows.length, 1, r.text);
  // Rita's self form through the API: her own observation is accepted, Rob's not
  const put = (body) => api('rita@acme.test').send('PUT', `/api/v1/assessments/${f.selfForm}/scores`, body);
  r = await put({ scores: [{ trait_id: t, score: 4, evidence: '', observation_id: f.rob }] });
  assert.equal(r.status, 400, r.text);
  r = await put({ scores: [{ trait_id: t, score: 4, evidence: '', observation_id: f.rita }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scores[0].observation_id, f.rita);
});

test("Rob's forms and a peer's form for Rita never list Rita's observations", async () => {
  const t = f.traits[4];
  for (const [c, form] of [[f.robC, f.robSelf], [f.mia, f.robMgr], [f.robC, f.peerForm]]) {
    const r = await c.get(`/assessments/${form}`);
    assert.equal(r.status, 200);
    assert.ok(!r.text.includes(SECRET_RITA), `form ${form}`);
    assert.ok(!listed(r.text, t).includes(f.rita), `form ${form}`);
  }
  // Rob's own forms list his own observation; the peer's form lists none
  assert.deepEqual(listed((await f.robC.get(`/assessments/${f.robSelf}`)).text, t), [f.rob]);
  assert.deepEqual(listed((await f.mia.get(`/assessments/${f.robMgr}`)).text, t), [f.rob]);
  const peer = await f.robC.get(`/assessments/${f.peerForm}`);
  assert.deepEqual(listed(peer.text, t), []);
  assert.ok(!peer.text.includes('Use as evidence'));
  // the peer may not store one either
  const r = await api('rob@acme.test').send('PUT', `/api/v1/assessments/${f.peerForm}/scores`,
    { scores: [{ trait_id: t, score: 4, evidence: '', observation_id: f.rita }] });
  assert.equal(r.status, 400, r.text);
  assert.match(r.text, /scores\[0\]\.observation_id/);
});

testCleanStop(ctx);
