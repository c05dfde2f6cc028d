// webhooks (issue 16) end to end, on SQLite or (with SG_PG_URL_BASE) PostgreSQL.
//
// A receiver written here (node http on loopback) checks every delivery's
// signature (HMAC-SHA256 of "t.body" with the secret) and timestamp, and
// can answer 200, fail once with 500, redirect, hang, or always fail; it is
// stopped and started again. The server runs with loopback allowed
// (SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK=1), retries at once
// (SALESGARDEN_WEBHOOK_BACKOFF_SECONDS=0), sweeps every second and times a
// delivery out after 2 s.
//
// Covered: the URL refusals (page and API, naming the field, nothing
// stored); each event type delivered once with its data (test, conversation
// logged through the page, deal won and lost, import finished, step due and
// missed from the sweep, tier changed); 500 then 200 retried and delivered; a redirect a
// failure and not followed; a hanging receiver timed out while a page
// answers; the outbox surviving kill -9 with deliveries pending; repeated
// failure disabling the subscription, told on the admin's home page and
// the webhooks page; /metrics' backlog lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  freshDb, seedStandard, startServer, createToken, apiClient, Client, sg, sqlExec, unescapeHtml, formFrom, listOf,
} from './lib.mjs';

const ENV = {
  SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK: '1', SALESGARDEN_WEBHOOK_BACKOFF_SECONDS: '0',
  SALESGARDEN_WEBHOOK_SWEEP_SECONDS: '1', SALESGARDEN_WEBHOOK_TIMEOUT_SECONDS: '2',
};
const ctx = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');
const sql = (q) => sqlExec(ctx.db, q).trim();

/* --- the receiver --- */
const rx = { mode: 'ok', got: [], bad: [], seen: new Map(), secret: null, hits: { elsewhere: 0 },
  secrets: {}, hanging: [] };
let receiver = null;
let rxPort = 0;
function startReceiver(port = 0) {
  return new Promise((resolve) => {
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => { raw += d; });
      req.on('end', () => {
        if (req.url === '/elsewhere') { rx.hits.elsewhere++; res.end('moved'); return; }
        const sigHdr = req.headers['salesgarden-signature'] || '';
        const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sigHdr);
        const secret = rx.secrets[req.url] || rx.secret; // another subscription's path: its own secret
        const want = m && secret
          ? crypto.createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest('hex') : '';
        const fresh = m && Math.abs(Date.now() / 1000 - Number(m[1])) < 300;
        const ok = m && fresh && crypto.timingSafeEqual(Buffer.from(want), Buffer.from(m[2]));
        const d = {
          event: req.headers['salesgarden-event'], delivery: req.headers['salesgarden-delivery'],
          body: JSON.parse(raw), ok, path: req.url, at: Date.now(),
        };
        if (!ok) rx.bad.push(d);
        const n = (rx.seen.get(d.delivery) || 0) + 1;
        rx.seen.set(d.delivery, n);
        if (rx.mode === 'hang') return; // never answers
        if (req.url === '/hang') { rx.hanging.push({ res, at: Date.now() }); return; } // answers when told
        if (rx.mode === 'redirect') { res.writeHead(302, { Location: `http://127.0.0.1:${rxPort}/elsewhere` }); res.end(); return; }
        if (rx.mode === 'fail' || (rx.mode === 'fail-once' && n === 1)) { res.writeHead(500); res.end('no'); return; }
        rx.got.push(d);
        res.writeHead(200);
        res.end('ok');
      });
    });
    receiver.listen(port, '127.0.0.1', () => { rxPort = receiver.address().port; resolve(); });
  });
}
function stopReceiver() {
  return new Promise((resolve) => { receiver.closeAllConnections?.(); receiver.close(() => resolve()); });
}

/** waits until fn() is truthy (polling), or fails naming what */
async function until(what, fn, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(150);
  }
}
const delivered = (type) => rx.got.filter((d) => d.event === type);

async function start(env = {}) {
  ctx.server = await startServer(ctx.db, { env: { ...ENV, ...env } });
  ctx.base = ctx.server.base;
  ctx.ann = new Client(ctx.base);
  await ctx.ann.signIn('ann@acme.test');
  ctx.api = apiClient(ctx.base, ctx.annToken);
}

before(async () => {
  await startReceiver();
  ctx.db = freshDb();
  ctx.ids = seedStandard(ctx.db);
  ctx.annToken = createToken(ctx.db, 'acme', 'ann@acme.test');
  ctx.ritaToken = createToken(ctx.db, 'acme', 'rita@acme.test');
  await start();
});
after(async () => {
  if (ctx.server) await ctx.server.kill();
  if (receiver) await stopReceiver().catch(() => {});
  if (ctx.db) ctx.db.drop();
});

const hookCount = () => Number(sql('SELECT count(*) FROM webhooks'));

test('refused URLs: not http(s), user:password, link-local, metadata, 0.0.0.0, multicast, the server itself — 400 naming the url field, nothing stored', async () => {
  const cases = [
    ['ftp://example.com/hook', /must start with http:\/\/ or https:\/\//],
    ['http://user:pw@127.0.0.1:9/hook', /user name or password/],
    ['http://169.254.169.254/latest/meta-data', /cloud metadata address/],
    ['http://169.254.10.1/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00:ec2::254]/', /cloud metadata address/],
    ['http://0.0.0.0:8080/', /unspecified address/],
    ['http://224.0.0.1/', /multicast/],
    [`${ctx.base}/api/v1/me`, /this Salesgarden server itself/],
  ];
  for (const [url, msg] of cases) {
    const r = await ctx.api.post('/api/v1/webhooks', { url, events: ['deal.won'] });
    assert.equal(r.status, 400, `${url}: ${r.text}`);
    assert.equal(r.json.field, 'url', url);
    assert.match(r.json.message, msg, url);
  }
  const r = await ctx.api.post('/api/v1/webhooks', { url: `http://127.0.0.1:${rxPort}/`, events: [] });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'events');
  // the page: the message under the field, the typed URL kept
  const page = await ctx.ann.postForm('/admin/webhooks', {
    csrf_token: ctx.ann.csrf, url: 'http://169.254.169.254/', 'ev_deal.won': '1',
  });
  assert.equal(page.status, 400);
  const t = textOf(page.text);
  assert.match(t, /The webhook was not saved\. Check the fields marked below\./);
  assert.match(page.text, /id="f-url"[^>]*value="http:\/\/169\.254\.169\.254\/"/);
  assert.match(t, /The URL points at a cloud metadata address; that is not allowed\./);
  const none = await ctx.ann.postForm('/admin/webhooks', { csrf_token: ctx.ann.csrf, url: `http://127.0.0.1:${rxPort}/` });
  assert.equal(none.status, 400);
  assert.match(textOf(none.text), /Choose at least one event\./);
  assert.equal(hookCount(), 0);
});

test('the empty page explains what to do; an admin adds a webhook and sees its secret; the test event arrives signed', async () => {
  const empty = await ctx.ann.get('/admin/webhooks');
  assert.equal(empty.status, 200);
  assert.match(textOf(empty.text), /No webhooks yet\. To send events to another system, add its URL below/);
  assert.match(textOf(empty.text), /HMAC-SHA256/);
  const fields = { csrf_token: ctx.ann.csrf, url: `http://127.0.0.1:${rxPort}/hook` };
  for (const e of ['conversation.logged', 'step.due', 'step.missed', 'deal.won', 'deal.lost', 'tier.changed', 'import.finished'])
    fields[`ev_${e}`] = '1';
  const r = await ctx.ann.postForm('/admin/webhooks', fields);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const m = /^\/admin\/webhooks\/(\d+)\?done=webhook-created$/.exec(r.location);
  assert.ok(m, r.location);
  ctx.hook = Number(m[1]);
  const page = await ctx.ann.get(r.location);
  assert.match(textOf(page.text), /The webhook was added\. Copy its secret below/);
  const sm = /<code id="webhook-secret">(whsec_[A-Za-z0-9_-]+)<\/code>/.exec(page.text);
  assert.ok(sm, 'the secret on the page');
  rx.secret = sm[1];
  const g = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`);
  assert.equal(g.json.secret, rx.secret);
  assert.deepEqual(g.json.events, ['conversation.logged', 'step.due', 'step.missed', 'deal.won', 'deal.lost',
    'tier.changed', 'import.finished']);

  const t = await ctx.ann.page(`/admin/webhooks/${ctx.hook}`);
  const tr = await ctx.ann.postForm(`/admin/webhooks/${ctx.hook}`, { csrf_token: t.csrf, action: 'test' });
  assert.equal(tr.status, 303);
  const got = await until('the test event', () => delivered('test')[0]);
  assert.equal(got.ok, true, 'signature and timestamp check out');
  assert.equal(got.body.type, 'test');
  assert.equal(got.body.org.slug, 'acme');
  assert.match(got.body.id, /^evt_/);
  assert.match(got.delivery, /^evt_.+-\d+$/);
  const log = await until('the delivery log', async () => {
    const x = await ctx.ann.get(`/admin/webhooks/${ctx.hook}`);
    return /delivered/.test(textOf(x.text.slice(x.text.indexOf('webhook-log')))) && x;
  });
  assert.match(textOf(log.text), /The last 1 of 1 attempts, newest first\./);
});

test('each event is delivered once with its data: conversation logged (page), deal won and lost (API), import finished, steps due and missed (sweep)', async () => {
  const rita = apiClient(ctx.base, ctx.ritaToken);
  const a = await rita.post('/api/v1/accounts', { name: 'Hook Ltd' });
  const mk = async (title) => (await rita.post('/api/v1/deals', { title, account_id: a.json.id, value_minor: 420000, currency: 'EUR' })).json;
  const d1 = await mk('Hook Won'); const d2 = await mk('Hook Lost'); const d3 = await mk('Hook Talk');
  // a conversation through the form
  const c = new Client(ctx.base);
  await c.signIn('rita@acme.test');
  const pg = await c.get(`/conversations/new?deal=${d3.id}`);
  const form = formFrom(pg.text, '/conversations');
  const body = new URLSearchParams();
  for (const i of form.inputs) if (i.type === 'hidden' && i.name) body.set(i.name, i.value);
  const today = new Date().toISOString().slice(0, 10);
  for (const [k, v] of Object.entries({
    csrf_token: c.csrf, deal_id: String(d3.id), kind: 'call', date: today, minutes: '25', gut_feeling: '4',
    outcome: 'step', step_what: 'Send the offer', step_due: '2099-01-01', step_who: 'Anna',
  })) body.set(k, v);
  const lr = await c.postForm('/conversations', body);
  assert.equal(lr.status, 303, textOf(lr.text).slice(0, 600));
  const conv = await until('conversation.logged', () => delivered('conversation.logged')[0]);
  assert.equal(conv.body.data.deal_id, d3.id);
  assert.equal(conv.body.data.rep_name, 'Rita Rep');
  assert.equal(conv.body.data.minutes, 25);
  assert.equal(conv.body.data.outcome, 'step');

  let r = await rita.send('PATCH', `/api/v1/deals/${d1.id}`, { status: 'won' });
  assert.equal(r.status, 200, r.text);
  r = await rita.send('PATCH', `/api/v1/deals/${d2.id}`, { status: 'lost', lost_reason: 'price' });
  assert.equal(r.status, 200, r.text);
  const won = await until('deal.won', () => delivered('deal.won')[0]);
  assert.equal(won.body.data.deal_id, d1.id);
  assert.equal(won.body.data.title, 'Hook Won');
  assert.equal(won.body.data.value_minor, 420000);
  const lost = await until('deal.lost', () => delivered('deal.lost')[0]);
  assert.equal(lost.body.data.deal_id, d2.id);
  assert.equal(lost.body.data.lost_reason, 'price');

  const csv = path.join(ctx.db.dir, 'reps.csv');
  writeFileSync(csv, 'E-mail,Name,Team,Role\nhanna@acme.test,Hanna Hook,North,rep\n');
  const imp = sg(['import', 'reps', csv, '--org', 'acme'], { db: ctx.db });
  assert.equal(imp.code, 0, imp.stderr);
  const fin = await until('import.finished', () => delivered('import.finished')[0]);
  assert.equal(fin.body.data.kind, 'reps');
  assert.equal(fin.body.data.created, 1);

  // the sweep: one open step missed long ago, one due today
  const stepId = Number(sql(`SELECT id FROM steps WHERE deal_id = ${d3.id}`));
  sql(`UPDATE steps SET due = '2020-01-06' WHERE id = ${stepId}`);
  const missed = await until('step.missed', () => delivered('step.missed')[0]);
  assert.equal(missed.body.data.step_id, stepId);
  assert.equal(missed.body.data.what, 'Send the offer');
  sql(`UPDATE steps SET due = '${today}' WHERE id = ${stepId}`);
  const due = await until('step.due', () => delivered('step.due')[0]);
  assert.equal(due.body.data.step_id, stepId);
  await sleep(2500); // two more sweeps: nothing enqueued twice
  for (const t of ['conversation.logged', 'deal.won', 'deal.lost', 'import.finished', 'step.missed', 'step.due'])
    assert.equal(delivered(t).length, 1, `${t} delivered once`);
  assert.equal(rx.bad.length, 0, 'every signature checked out');
});

test('tier.changed: a rep from core last quarter to superstar this quarter, sent once per tier reached by the sweep', async () => {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const y = now.getUTCFullYear();
  const label = `${y}-Q${q + 1}`;
  const pq = q === 0 ? 3 : q - 1, py = q === 0 ? y - 1 : y;
  const prevLabel = `${py}-Q${pq + 1}`;
  const prevDay = `${py}-${String(pq * 3 + 2).padStart(2, '0')}-15`;
  const ann = ctx.api;
  for (const period of [prevLabel, label]) {
    const t = await ann.post('/api/v1/targets', { rep_id: ctx.ids.rob, period, amount_minor: 100000 });
    assert.equal(t.status, 201, t.text);
  }
  const rob = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rob@acme.test'));
  const a = await rob.post('/api/v1/accounts', { name: 'Tier Ltd' });
  for (const [title, value, day] of [['Tier Last', 100000, prevDay], ['Tier Now', 300000, null]]) {
    const d = (await rob.post('/api/v1/deals', { title, account_id: a.json.id, value_minor: value, currency: 'EUR' })).json;
    assert.equal((await rob.send('PATCH', `/api/v1/deals/${d.id}`, { status: 'won' })).status, 200);
    if (day) sql(`UPDATE deals SET closed_on = '${day}' WHERE id = ${d.id}`);
  }
  // (on the way there the sweep may see other tiers: each is told once)
  const mine = () => delivered('tier.changed').filter((x) => x.body.data.rep_id === ctx.ids.rob && x.body.data.tier === 'superstar');
  const got = await until('tier.changed to superstar', () => mine()[0]);
  assert.deepEqual([got.body.data.period, got.body.data.previous_period, got.body.data.previous_tier, got.body.data.tier],
    [label, prevLabel, 'core', 'superstar']);
  assert.equal(got.body.data.rep_name, 'Rob Rep');
  await sleep(2500); // more sweeps: once per rep and quarter
  assert.equal(mine().length, 1);
  const tiers = delivered('tier.changed').filter((x) => x.body.data.rep_id === ctx.ids.rob).map((x) => x.body.data.tier);
  assert.equal(new Set(tiers).size, tiers.length, `each tier once: ${tiers}`);
});

const OLD_EVENTS = ['conversation.logged', 'step.due', 'step.missed', 'deal.won', 'deal.lost', 'tier.changed', 'import.finished'];
const NEW_EVENTS = ['assessment.submitted', 'improvement_plan.decided', 'scorecard.submitted', 'candidate.hired'];
const SECRET_EVIDENCE = 'Evidence-that-stays-home-7731';
const SECRET_NOTES = 'Diagnosis-notes-that-stay-home-4412';

test('the later capabilities\' events: assessment submitted, improvement plan decided, scorecard submitted, candidate hired — signed, with ids, names, dates and the outcome, never evidence, notes or scores', async () => {
  // the subscription page lists them (in Dutch too); the admin ticks them
  const pg = await ctx.ann.page(`/admin/webhooks/${ctx.hook}`);
  for (const e of NEW_EVENTS) assert.ok(pg.text.includes(`name="ev_${e}"`), `a checkbox for ${e}`);
  assert.match(textOf(pg.text), /A candidate was hired\./);
  const nl = new Client(ctx.base);
  await nl.signIn('ann@acme.test');
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'nl', next: '/' });
  const nlPage = textOf((await nl.get(`/admin/webhooks/${ctx.hook}`)).text);
  assert.match(nlPage, /Een kandidaat is aangenomen\./);
  assert.match(nlPage, /Een verbeterplan is afgesloten met een besluit\./);
  await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'en', next: '/' }); // Ann's language is hers: back to English
  const fields = { csrf_token: pg.csrf, action: 'save', url: `http://127.0.0.1:${rxPort}/hook` };
  for (const e of [...OLD_EVENTS, ...NEW_EVENTS]) fields[`ev_${e}`] = '1';
  const sv = await ctx.ann.postForm(`/admin/webhooks/${ctx.hook}`, fields);
  assert.equal(sv.status, 303, textOf(sv.text).slice(0, 500));
  assert.deepEqual((await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`)).json.events, [...OLD_EVENTS, ...NEW_EVENTS]);

  const tok = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));
  const max = tok('max@acme.test'), rita = apiClient(ctx.base, ctx.ritaToken), rob = tok('rob@acme.test');
  const today = new Date().toISOString().slice(0, 10);
  const traits = listOf((await rita.get('/api/v1/traits')).json, 'items').filter((t) => !t.retired).map((t) => t.id);

  // assessment.submitted: Rita's own and Max's of her
  let r = await max.post('/api/v1/assessment-rounds', { name: 'Hook round', due_on: '2099-12-31', team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  const round = r.json.id;
  const scores = traits.map((t, i) => ({ trait_id: t, score: i === 0 ? 5 : 3, evidence: i === 0 ? SECRET_EVIDENCE : '' }));
  const self = listOf((await rita.get('/api/v1/assessments')).json, 'items').find((f) => f.round === 'Hook round' && f.rater_kind === 'self');
  assert.equal((await rita.send('PUT', `/api/v1/assessments/${self.id}/scores`, { scores })).status, 200);
  assert.equal((await rita.post(`/api/v1/assessments/${self.id}/submit`, {})).status, 200);
  const mgr = listOf((await max.get(`/api/v1/assessments?rep=${ctx.ids.rita}`)).json, 'items')
    .find((f) => f.round === 'Hook round' && f.rater_kind === 'manager');
  assert.equal((await max.send('PUT', `/api/v1/assessments/${mgr.id}/scores`, { scores })).status, 200);
  assert.equal((await max.post(`/api/v1/assessments/${mgr.id}/submit`, {})).status, 200);
  await until('two assessment.submitted', () => delivered('assessment.submitted').length >= 2);
  const [aSelf, aMgr] = ['self', 'manager'].map((k) => delivered('assessment.submitted').find((d) => d.body.data.rater_kind === k));
  assert.equal(aSelf.body.data.assessment_id, self.id);
  assert.equal(aSelf.body.data.round_id, round);
  assert.equal(aSelf.body.data.round_name, 'Hook round');
  assert.equal(aSelf.body.data.rep_id, ctx.ids.rita);
  assert.equal(aSelf.body.data.rater_name, 'Rita Rep');
  assert.equal(aMgr.body.data.assessment_id, mgr.id);
  assert.equal(aMgr.body.data.rater_name, 'Max Manager');
  assert.ok(aMgr.body.data.submitted_at > 0);

  // improvement_plan.decided: flagged, planned, closed as improved
  r = await max.post('/api/v1/improvement-plans', { rep_id: ctx.ids.rita, flagged_on: today, diagnosis: 'will', diagnosis_notes: SECRET_NOTES });
  assert.equal(r.status, 201, r.text);
  const plan = r.json.id;
  r = await max.send('PATCH', `/api/v1/improvement-plans/${plan}`, { plan_start: today, plan_end: '2099-12-31',
    items: [{ kind: 'expectation', metric: 'commitment_rate', target: 0.75, text: 'Every conversation ends in a step or a stop' }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(delivered('improvement_plan.decided').length, 0);
  r = await max.post(`/api/v1/improvement-plans/${plan}/decide`, { decision: 'improved', note: SECRET_NOTES });
  assert.equal(r.status, 200, r.text);
  const pd = await until('improvement_plan.decided', () => delivered('improvement_plan.decided')[0]);
  assert.deepEqual([pd.body.data.plan_id, pd.body.data.rep_id, pd.body.data.rep_name, pd.body.data.decision, pd.body.data.decided_on],
    [plan, ctx.ids.rita, 'Rita Rep', 'improved', today]);

  // scorecard.submitted: Rob interviews a candidate and recommends
  r = await ctx.api.post('/api/v1/candidates', { name: 'Hook Candidate', email: 'hook.candidate@example.test', source: 'referral' });
  assert.equal(r.status, 201, r.text);
  const cand = r.json.id;
  r = await ctx.api.post('/api/v1/interviews', { candidate_id: cand, held_on: today, kind: 'interview', interviewers: [ctx.ids.rob] });
  assert.equal(r.status, 201, r.text);
  const card = Number(sql(`SELECT id FROM scorecards WHERE candidate_id = ${cand} AND interviewer_id = ${ctx.ids.rob}`));
  r = await rob.send('PUT', `/api/v1/scorecards/${card}`, { scores, recommendation: 'yes' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await rob.post(`/api/v1/scorecards/${card}/submit`, {})).status, 200);
  const sc = await until('scorecard.submitted', () => delivered('scorecard.submitted')[0]);
  assert.deepEqual([sc.body.data.scorecard_id, sc.body.data.candidate_id, sc.body.data.candidate_name, sc.body.data.interviewer_id,
    sc.body.data.interviewer_name, sc.body.data.recommendation, sc.body.data.held_on],
  [card, cand, 'Hook Candidate', ctx.ids.rob, 'Rob Rep', 'yes', today]);

  // candidate.hired: the admin hires the candidate into South
  r = await ctx.api.post(`/api/v1/candidates/${cand}/hire`, { team_id: ctx.ids.south, start_on: '2099-02-01', lang: 'en' });
  assert.equal(r.status, 201, r.text);
  const h = await until('candidate.hired', () => delivered('candidate.hired')[0]);
  assert.deepEqual([h.body.data.candidate_id, h.body.data.candidate_name, h.body.data.user_id, h.body.data.team_id,
    h.body.data.team_name, h.body.data.start_on], [cand, 'Hook Candidate', r.json.user.id, ctx.ids.south, 'South', '2099-02-01']);

  await sleep(1500);
  for (const t of NEW_EVENTS) {
    const got = delivered(t);
    assert.equal(got.length, t === 'assessment.submitted' ? 2 : 1, `${t} delivered once each`);
    for (const d of got) {
      assert.equal(d.ok, true, `${t}: a valid signature`);
      const raw = JSON.stringify(d.body);
      assert.ok(!raw.includes(SECRET_EVIDENCE) && !raw.includes(SECRET_NOTES), `${t}: no private text`);
      assert.ok(!/"scores?"/.test(raw), `${t}: no scores`);
    }
  }
  assert.equal(rx.bad.length, 0, 'every signature checked out');
});

test('500 then 200: retried and delivered; a redirect is a failure and is not followed; a hanging receiver times out while pages answer', async () => {
  rx.mode = 'fail-once';
  const t = await ctx.ann.page(`/admin/webhooks/${ctx.hook}`);
  await ctx.ann.postForm(`/admin/webhooks/${ctx.hook}`, { csrf_token: t.csrf, action: 'test' });
  const got = await until('the retried test event', () => delivered('test')[1]);
  assert.equal(rx.seen.get(got.delivery), 2, 'the same delivery id twice: a 500, then 200');
  const dl = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}/deliveries?limit=50`);
  const [last, first] = listOf(dl.json, 'items').filter((x) => x.type === 'test');
  assert.deepEqual([first.status_code, first.ok, first.attempt, first.error], [500, false, 1, 'status']);
  assert.deepEqual([last.status_code, last.ok, last.attempt], [200, true, 2]);
  // the log downloads as CSV, the columns the page shows
  const csv = await ctx.ann.get(`/admin/webhooks/${ctx.hook}?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /^"?When \(UTC\)"?,Event,Attempt,Result,HTTP status,Duration \(ms\),Error/);
  assert.match(csv.text, /\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,test,1,failed,500,\d+,Answered with an error status/);
  assert.match(csv.text, /\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,test,2,delivered,200,\d+,/);

  rx.mode = 'redirect';
  const before = delivered('test').length;
  await ctx.api.post(`/api/v1/webhooks/${ctx.hook}/test`, {});
  await until('a failed redirect attempt', async () => {
    const x = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}/deliveries?limit=50`);
    return listOf(x.json, 'items').filter((d) => d.type === 'test')[0]?.status_code === 302;
  });
  rx.mode = 'hang';
  await until('the hanging attempt', async () => {
    const x = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}/deliveries?limit=50`);
    return listOf(x.json, 'items').filter((d) => d.type === 'test')[0]?.error === 'timeout';
  });
  // the worker waits on the receiver; a page answers meanwhile
  const home = await ctx.ann.get('/');
  assert.equal(home.status, 200);
  const page = await ctx.ann.get(`/admin/webhooks/${ctx.hook}`);
  assert.match(textOf(page.text), /Answered with a redirect, which is not followed/);
  assert.match(textOf(page.text), /No answer in time/);
  assert.equal(rx.hits.elsewhere, 0, 'the redirect was not followed');
  assert.equal(delivered('test').length, before);
  rx.mode = 'ok';
  await until('the test event after the receiver answers again', () => delivered('test').length > before);
});

test('a hanging receiver holds one delivery, not the others: another subscription\'s event arrives well before the timeout', async (t) => {
  await until('nothing pending', () => sql("SELECT count(*) FROM webhook_outbox WHERE status = 'pending'") === '0');
  await ctx.server.stop();
  await start({ SALESGARDEN_WEBHOOK_TIMEOUT_SECONDS: '10' });
  const mk = async (p) => {
    const r = await ctx.api.post('/api/v1/webhooks', { url: `http://127.0.0.1:${rxPort}${p}`, events: ['deal.won'] });
    assert.equal(r.status, 201, r.text);
    rx.secrets[p] = (await ctx.api.get(`/api/v1/webhooks/${r.json.id}`)).json.secret;
    return r.json.id;
  };
  const hangHook = await mk('/hang');
  const fast = await mk('/fast');
  const rita = apiClient(ctx.base, ctx.ritaToken);
  const a = await rita.post('/api/v1/accounts', { name: 'Parallel Ltd' });
  const deal = async (title) => {
    const d = (await rita.post('/api/v1/deals', { title, account_id: a.json.id, value_minor: 100, currency: 'EUR' })).json;
    assert.equal((await rita.send('PATCH', `/api/v1/deals/${d.id}`, { status: 'won' })).status, 200);
  };
  await deal('Parallel 1');
  await until('the hanging receiver reached', () => rx.hanging.length === 1);
  const hungAt = rx.hanging[0].at;
  // while /hang is held (10 s timeout), a second event: /fast and /hook get it at once
  await deal('Parallel 2');
  const got = await until('Parallel 2 at /fast', () => rx.got.find((d) => d.path === '/fast' && d.body.data.title === 'Parallel 2'), 8000);
  assert.ok(got.at - hungAt < 4000, `arrived ${got.at - hungAt} ms after the hang began (timeout 10 s)`);
  t.diagnostic(`/fast got its event ${got.at - hungAt} ms after /hang began to hang (timeout 10 s)`);
  assert.equal(got.ok, true);
  assert.equal(rx.hanging.length, 1, 'one delivery at a time to the hanging subscription: Parallel 2 waits behind Parallel 1');
  await until('Parallel 2 at /hook', () => rx.got.some((d) => d.path === '/hook' && d.body.data.title === 'Parallel 2'), 5000);
  // the receiver answers at last: the hanging subscription gets its second event, in order
  for (const h of rx.hanging.splice(0)) { h.res.writeHead(200); h.res.end('ok'); }
  await until('Parallel 2 at /hang', () => rx.hanging.length === 1);
  const second = rx.hanging.splice(0);
  assert.equal(second.length, 1);
  for (const h of second) { h.res.writeHead(200); h.res.end('ok'); }
  for (const id of [hangHook, fast]) assert.equal((await ctx.api.send('DELETE', `/api/v1/webhooks/${id}`, undefined)).status, 204);
});

test('the outbox survives kill -9 with deliveries pending: receiver down, kill -9, receiver up, restart → delivered once', async () => {
  await until('nothing pending', () => sql("SELECT count(*) FROM webhook_outbox WHERE status = 'pending'") === '0');
  await ctx.server.stop();
  await start({ SALESGARDEN_WEBHOOK_BACKOFF_SECONDS: '3' });
  const port = rxPort;
  await stopReceiver();
  const rita = apiClient(ctx.base, ctx.ritaToken);
  const a = await rita.post('/api/v1/accounts', { name: 'Crash Ltd' });
  const d = (await rita.post('/api/v1/deals', { title: 'Crash Won', account_id: a.json.id, value_minor: 100, currency: 'EUR' })).json;
  assert.equal((await rita.send('PATCH', `/api/v1/deals/${d.id}`, { status: 'won' })).status, 200);
  await until('a failed attempt with the receiver down', () =>
    Number(sql("SELECT count(*) FROM webhook_deliveries WHERE type = 'deal.won' AND ok = 0")) > 0);
  assert.equal(sql("SELECT count(*) FROM webhook_outbox WHERE type = 'deal.won' AND status = 'pending'"), '1');
  ctx.server.proc.kill('SIGKILL');
  await new Promise((r) => ctx.server.proc.once('exit', r));
  await startReceiver(port);
  await start();
  const got = await until('the deal.won after the restart', () => rx.got.find((x) => x.body.data.title === 'Crash Won'));
  await sleep(1500);
  assert.equal(rx.got.filter((x) => x.body.data.title === 'Crash Won').length, 1, 'delivered once');
  assert.equal(got.ok, true);
});

test('repeated failure disables the subscription; the admin sees it on the home page and the webhooks page', async () => {
  rx.mode = 'fail';
  await ctx.api.post(`/api/v1/webhooks/${ctx.hook}/test`, {});
  await until('the webhook disabled', async () => (await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`)).json.enabled === false);
  const g = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`);
  assert.equal(g.json.failures, 10);
  assert.ok(g.json.disabled_at > 0);
  const home = textOf((await ctx.ann.get('/')).text);
  assert.match(home, /1 webhook was disabled after 10 failed deliveries in a row\. See the webhooks/);
  const list = textOf((await ctx.ann.get('/admin/webhooks')).text);
  assert.match(list, /1 webhook was disabled after 10 failed deliveries in a row\./);
  const page = textOf((await ctx.ann.get(`/admin/webhooks/${ctx.hook}`)).text);
  assert.match(page, /This webhook was disabled on .* after 10 failed deliveries in a row\. Fix the receiving system, then enable it again\./);
  // a rep sees no banner
  const rita = new Client(ctx.base);
  await rita.signIn('rita@acme.test');
  assert.doesNotMatch(textOf((await rita.get('/')).text), /webhook/i);
  // a disabled webhook takes no test event; enabled again, it is told no more
  const t = await ctx.api.post(`/api/v1/webhooks/${ctx.hook}/test`, {});
  assert.equal(t.status, 409);
  rx.mode = 'ok';
  const en = await ctx.api.send('PATCH', `/api/v1/webhooks/${ctx.hook}`, { enabled: true });
  assert.equal(en.status, 200);
  assert.equal(en.json.failures, 0);
  assert.doesNotMatch(textOf((await ctx.ann.get('/')).text), /webhook was disabled/);
});

test('a subscription disabled by failures holds its events, new ones too; "Retry now" sends each once, oldest first', async () => {
  await until('nothing pending', () => sql("SELECT count(*) FROM webhook_outbox WHERE status = 'pending'") === '0');
  rx.mode = 'fail';
  const rita = apiClient(ctx.base, ctx.ritaToken);
  const a = await rita.post('/api/v1/accounts', { name: 'Held Ltd' });
  const won = async (title) => {
    const d = (await rita.post('/api/v1/deals', { title, account_id: a.json.id, value_minor: 100, currency: 'EUR' })).json;
    assert.equal((await rita.send('PATCH', `/api/v1/deals/${d.id}`, { status: 'won' })).status, 200);
  };
  for (const t of ['Held 1', 'Held 2', 'Held 3']) await won(t);
  await until('the webhook disabled', async () => (await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`)).json.enabled === false);
  await won('Held 4'); // while disabled by failures: queued and held as well
  await sleep(1200);
  const held = (st) => sql(`SELECT count(*) FROM webhook_outbox WHERE webhook_id = ${ctx.hook} AND type = 'deal.won' ` +
    `AND status = '${st}' AND body LIKE '%Held %'`);
  assert.equal(held('pending'), '4');
  assert.equal(held('cancelled'), '0');
  const page = textOf((await ctx.ann.get(`/admin/webhooks/${ctx.hook}`)).text);
  assert.match(page, /Events waiting: 4\. They are kept, and sent oldest first when the webhook is enabled again\./);
  assert.equal(rx.got.filter((d) => /^Held /.test(d.body.data?.title || '')).length, 0);
  rx.mode = 'ok';
  const t = await ctx.ann.page(`/admin/webhooks/${ctx.hook}`);
  const rr = await ctx.ann.postForm(`/admin/webhooks/${ctx.hook}`, { csrf_token: t.csrf, action: 'retry' });
  assert.equal(rr.status, 303);
  await until('the four held events', () => rx.got.filter((d) => /^Held /.test(d.body.data?.title || '')).length >= 4);
  await sleep(1500);
  const got = rx.got.filter((d) => /^Held /.test(d.body.data?.title || ''));
  assert.deepEqual(got.map((d) => d.body.data.title), ['Held 1', 'Held 2', 'Held 3', 'Held 4'], 'each once, oldest first');
  assert.ok(got.every((d) => d.ok), 'signed');
  const g = await ctx.api.get(`/api/v1/webhooks/${ctx.hook}`);
  assert.equal(g.json.enabled, true);
  assert.equal(g.json.failures, 0);
  assert.doesNotMatch(textOf((await ctx.ann.get('/')).text), /webhook was disabled/);
});

test('SIGHUP: the server keeps serving and logs that there is nothing to reload', async () => {
  ctx.server.proc.kill('SIGHUP');
  await until('the SIGHUP line', () => /received SIGHUP; nothing to reload: settings are read at start/.test(ctx.server.log()), 5000);
  await sleep(300);
  assert.equal(ctx.server.proc.exitCode, null, 'still running');
  assert.equal((await fetch(`${ctx.base}/healthz`)).status, 200);
  assert.equal((await ctx.ann.get('/')).status, 200);
});

test('/metrics shows the webhook backlog and the attempts by result', async () => {
  const m = await fetch(`${ctx.base}/metrics`).then((r) => r.text());
  assert.match(m, /^salesgarden_webhook_outbox_pending \d+$/m);
  assert.match(m, /^salesgarden_webhook_outbox_oldest_pending_seconds \d+$/m);
  assert.match(m, /^salesgarden_webhook_deliveries_total\{result="failed"\} ([1-9]\d*)$/m);
  assert.match(m, /^salesgarden_webhook_deliveries_total\{result="delivered"\} \d+$/m);
});

test('API: another organisation\'s admin finds nothing; a manager is refused; delete removes the webhook and its log', async () => {
  const bea = apiClient(ctx.base, createToken(ctx.db, 'beta', 'bea@beta.test'));
  assert.equal((await bea.get(`/api/v1/webhooks/${ctx.hook}`)).status, 404);
  assert.equal(listOf((await bea.get('/api/v1/webhooks')).json, 'items').length, 0);
  const max = apiClient(ctx.base, createToken(ctx.db, 'acme', 'max@acme.test'));
  assert.equal((await max.get('/api/v1/webhooks')).status, 403);
  const del = await ctx.api.send('DELETE', `/api/v1/webhooks/${ctx.hook}`, undefined);
  assert.equal(del.status, 204);
  assert.equal(hookCount(), 0);
  assert.equal(sql('SELECT count(*) FROM webhook_deliveries'), '0');
  assert.equal(sql('SELECT count(*) FROM webhook_outbox'), '0');
});

test('SIGTERM stops the server and its delivery worker: exit 0', async () => {
  const r = await ctx.server.stop();
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  assert.match(r.stderr, /\bstopped\n/);
});
