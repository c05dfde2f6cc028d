// hiring: part 3 of issue 11 end to end — "what predicts top performance
// here", hiring a candidate, and back into the pool — with the server's
// clock pinned to 2026-11-25.
//
// Acme: team North (Max; rep Rita), team South (Mia; rep Rob), admin Ann,
// and six more reps; Beta: admin Bea, rep Ben. The hiring profile pairs each
// current rep's latest manager assessment with their attainment over the
// twelve months before November 2026 (imported results over targets); the
// test recomputes r and the means from the data it seeded and from the sums
// the API gives, sees the warning "too few reps to trust" (n = 8) and no r
// where only two reps were scored. A hire by Max: a team of Beta refused,
// Rita's address refused, nothing stored; then the rep is made, signs in
// with the password shown once and sees their first assessment marked
// "from interviews" with the rounded means of the SUBMITTED scorecards.
// Rita, invited to interview, gets 403; Rob, Mia (another team's vacancy)
// and Beta get 404. Back into the pool: out of the vacancy, a step "Get
// back in touch" due the date given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, createToken, apiClient, unescapeHtml, sqlExec, addUser } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-25' } });

const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return apiClient(ctx.base, tokens[email]);
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
const num = (q) => Number(sql(q));

// the reps' scores on the first three traits (null: not scored) and their
// attainment in March 2026 (result / target of 10,000.00)
const REPS = [
  ['rita@acme.test', [5, 3, 4], 1.50],
  ['rob@acme.test', [4, 3, 5], 1.25],
  ['r3@acme.test', [3, 4, null], 1.00],
  ['r4@acme.test', [2, 2, null], 0.70],
  ['r5@acme.test', [4, 5, null], 0.90],
  ['r6@acme.test', [1, 3, null], 0.60],
  ['r7@acme.test', [3, 4, null], 1.05],
  ['r8@acme.test', [2, 4, null], 0.85],
];
let traits = [];

function pearson(xs, ys) {
  const n = xs.length, mx = xs.reduce((a, b) => a + b) / n, my = ys.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

test('seed: reps, targets and imported results, manager assessments', () => {
  const acme = ctx.ids.acme;
  for (let i = 3; i <= 8; i++)
    addUser(ctx.db, 'acme', `r${i}@acme.test`, `Rep ${i}`, 'rep', { team: i % 2 ? 'North' : 'South' });
  traits = sql(`SELECT id FROM traits WHERE org_id = ${acme} ORDER BY position, id`).split('\n').map(Number);
  assert.ok(traits.length >= 3);
  sql(`INSERT INTO org_settings (org_id, key, value) VALUES (${acme}, 'results_source', '1')`);
  for (const [email, scores, att] of REPS) {
    const uid = num(`SELECT id FROM users WHERE email = '${email}'`);
    for (const table of ['targets', 'result_totals'])
      sql(`INSERT INTO ${table} (org_id, user_id, kind, period_start, period_end, amount_minor, currency, created_at, updated_at)
           VALUES (${acme}, ${uid}, 'month', '2026-03-01', '2026-03-31', ${table === 'targets' ? 1000000 : Math.round(att * 1000000)}, 'EUR', 1, 1)`);
    // an older form with other scores (the latest counts) and the latest one
    for (const [at, k] of [[1767225600, 0], [1780000000, 1]]) {
      const round = num(`INSERT INTO assessment_rounds (org_id, name, rep_id, opened_by, opened_on, status, created_at)
        VALUES (${acme}, 'H${k}', ${uid}, ${ctx.ids.max}, '2026-0${k + 1}-01', 'closed', 1) RETURNING id`);
      const form = num(`INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at, created_at)
        VALUES (${acme}, ${round}, ${uid}, ${ctx.ids.max}, 'manager', 'submitted', ${at}, 1) RETURNING id`);
      scores.forEach((s, t) => {
        if (s !== null)
          sql(`INSERT INTO assessment_scores (org_id, assessment_id, trait_id, subskill_id, score)
               VALUES (${acme}, ${form}, ${traits[t]}, 0, ${k ? s : 6 - s})`);
      });
    }
  }
});

test('what predicts top performance here: the numbers recomputed from the inputs, the warnings, who sees it', async () => {
  const r = await as('max@acme.test').get('/api/v1/hiring-profile');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.attainment_from, '2025-11-01');
  assert.equal(r.json.attainment_to, '2026-10-31');
  assert.equal(r.json.reps_assessed, 8);
  assert.equal(r.json.superstars, 2, 'Rita and Rob, at or above 120%');
  const byId = Object.fromEntries(r.json.traits.map((t) => [t.id, t]));
  const atts = REPS.map((x) => x[2]);
  for (const t of [0, 1]) {
    const got = byId[traits[t]];
    const xs = REPS.map((x) => x[1][t]);
    assert.equal(got.n, 8);
    assert.ok(Math.abs(got.r - pearson(xs, atts)) < 1e-5, `trait ${t}: r ${got.r} vs ${pearson(xs, atts)}`);
    // the same r from the sums the API gives
    const i = got.inputs, n = got.n;
    const fromSums = (n * i.sum_product - i.sum_score * i.sum_attainment) /
      Math.sqrt((n * i.sum_score_sq - i.sum_score ** 2) * (n * i.sum_attainment_sq - i.sum_attainment ** 2));
    assert.ok(Math.abs(got.r - fromSums) < 1e-5);
    assert.equal(i.sum_score, xs.reduce((a, b) => a + b));
    // superstars Rita and Rob, the rest six
    assert.equal(got.superstars.n, 2);
    assert.ok(Math.abs(got.superstars.mean - (xs[0] + xs[1]) / 2) < 1e-6);
    assert.ok(Math.abs(got.rest.mean - xs.slice(2).reduce((a, b) => a + b) / 6) < 1e-6);
    assert.equal(got.too_few, true);
    assert.equal(got.warning, 'Too few reps to trust: n = 8.');
  }
  // by hand, the first trait: scores 5 4 3 2 4 1 3 2 (mean 3), attainments mean 0.98125;
  // sum of products 2.4, of squares 12 and 0.5946875: r = 2.4 / sqrt(7.13625) = 0.8984
  assert.ok(Math.abs(byId[traits[0]].r - 0.898413) < 1e-5, String(byId[traits[0]].r));
  const two = byId[traits[2]];
  assert.equal(two.n, 2);
  assert.equal(two.r, null);
  assert.match(two.warning, /n = 2/);
  // ordered by |r|, those without r last
  const rs = r.json.traits.map((t) => t.r);
  const withR = rs.filter((x) => x !== null);
  assert.deepEqual(rs.slice(0, withR.length), withR);
  for (let k = 1; k < withR.length; k++) assert.ok(Math.abs(withR[k - 1]) >= Math.abs(withR[k]));
  // the page: the sentence, the chart, the warning — no rep's name
  const p = await (await web('max@acme.test')).get('/recruiting/hiring-profile');
  assert.equal(p.status, 200);
  const t = textOf(p.text);
  assert.match(t, /What predicts top performance here/);
  assert.match(t, /Computed from your organisation's own data/);
  assert.match(t, /Too few reps to trust: n = 8\./);
  assert.match(p.text, /<svg[^>]*role="img"/);
  assert.match(t, /\(n = 8\): r = 0\.90/);
  for (const name of ['Rita Rep', 'Rob Rep', 'Rep 3']) assert.ok(!t.includes(name), name);
  const csv = await (await web('ann@acme.test')).get('/recruiting/hiring-profile?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Too few reps to trust: n = 8\./);
  // reps, even invited ones, and the other organisation's people: nothing of Acme's
  for (const email of ['rita@acme.test', 'rob@acme.test', 'ben@beta.test']) {
    assert.equal((await (await web(email)).get('/recruiting/hiring-profile')).status, 404, email);
    assert.equal((await as(email).get('/api/v1/hiring-profile')).status, 404, email);
  }
  const bea = await as('bea@beta.test').get('/api/v1/hiring-profile');
  assert.equal(bea.status, 200);
  assert.ok(bea.json.traits.every((x) => x.n === 0), 'Beta has no assessments');
});

let sanne, kees, vacancy;

test('hire: the checks, the rep signs in and sees the first assessment from interviews', async () => {
  const acme = ctx.ids.acme;
  let r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Sanne de Vries', email: 'Sanne@Example.test',
    source: 'referral', job_title: 'Account manager' });
  assert.equal(r.status, 201, r.text);
  sanne = r.json.id;
  r = await as('max@acme.test').post('/api/v1/vacancies', { title: 'Seller North', team_id: ctx.ids.north });
  assert.equal(r.status, 201, r.text);
  vacancy = r.json.id;
  const offer = num(`SELECT id FROM recruit_stages WHERE org_id = ${acme} AND kind = 'open' ORDER BY position DESC LIMIT 1`);
  sql(`UPDATE candidates SET vacancy_id = ${vacancy}, stage_id = ${offer} WHERE id = ${sanne}`);
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/invitations`, { user_id: String(ctx.ids.rita) });
  assert.equal(r.status, 303);
  // two submitted scorecards (Max 4 and 3, Rita 5 and 4) and Rob's draft of 1s
  for (const [who, status, s0, s1, ev] of [[ctx.ids.max, 'submitted', 4, 3, 'Knew her numbers'],
    [ctx.ids.rita, 'submitted', 5, 4, 'Set her own goal'], [ctx.ids.rob, 'draft', 1, 1, 'Draft 9f1']]) {
    const iv = num(`INSERT INTO interviews (org_id, candidate_id, vacancy_id, held_on, created_by, created_at)
      VALUES (${acme}, ${sanne}, ${vacancy}, '2026-11-20', ${who}, 1) RETURNING id`);
    const sc = num(`INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, status, submitted_at, created_at)
      VALUES (${acme}, ${iv}, ${sanne}, ${who}, '${status}', 1, 1) RETURNING id`);
    sql(`INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) VALUES
      (${acme}, ${sc}, ${traits[0]}, ${s0}, '${ev}'), (${acme}, ${sc}, ${traits[1]}, ${s1}, '')`);
  }
  // who may not: Rita (invited: 403), Rob and Mia (404), Beta (404)
  const rita = await web('rita@acme.test');
  assert.equal((await rita.get(`/recruiting/candidates/${sanne}/hire`)).status, 403);
  assert.equal((await post('rita@acme.test', `/recruiting/candidates/${sanne}/hire`, { name: 'X' })).status, 403);
  assert.equal((await as('rita@acme.test').post(`/api/v1/candidates/${sanne}/hire`, {})).status, 403);
  for (const email of ['rob@acme.test', 'mia@acme.test', 'bea@beta.test']) {
    assert.equal((await (await web(email)).get(`/recruiting/candidates/${sanne}/hire`)).status, 404, email);
    assert.equal((await as(email).post(`/api/v1/candidates/${sanne}/hire`, {})).status, 404, email);
  }
  // the candidate page links to the hire page and the hiring profile
  const cp = await (await web('max@acme.test')).get(`/recruiting/candidates/${sanne}`);
  assert.match(cp.text, new RegExp(`href="/recruiting/candidates/${sanne}/hire"`));
  assert.match(cp.text, /href="\/recruiting\/hiring-profile"/);
  // the form: prefilled, the means of the submitted scorecards (4.5 -> 5, 3.5 -> 4)
  const form = await (await web('max@acme.test')).get(`/recruiting/candidates/${sanne}/hire`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="sanne@example\.test"/);
  let t = textOf(form.text);
  assert.match(t, /Per trait, the mean of 2 submitted scorecards/);
  assert.match(t, / 5 9 \/ 2 /);
  assert.match(t, / 4 7 \/ 2 /);
  assert.match(t, /Strongest where it matters here: /);
  const users0 = num(`SELECT count(*) FROM users WHERE org_id = ${acme}`);
  const fields = { name: 'Sanne de Vries', email: 'sanne@example.test', team_id: String(ctx.ids.north),
    start_on: '2027-01-04', lang: 'nl' };
  // a team of another organisation; Rita's address: refused, nothing stored
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/hire`, { ...fields, team_id: String(ctx.ids.betaTeam) });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose a team of your organisation\./);
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/hire`, { ...fields, team_id: ctx.ids.betaTeam });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'team_id');
  // a team of his organisation that Max does not lead (Mia's South): refused
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/hire`, { ...fields, team_id: String(ctx.ids.south) });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose one of the teams you lead\./);
  assert.doesNotMatch(r.text, new RegExp(`<option value="${ctx.ids.south}"`), 'the form offers only the teams he leads');
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/hire`, { ...fields, team_id: ctx.ids.south });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'team_id');
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/hire`, { ...fields, email: 'rita@acme.test' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /A user of your organisation has this e-mail address already/);
  assert.equal(num(`SELECT count(*) FROM users WHERE org_id = ${acme}`), users0);
  assert.equal(num(`SELECT count(*) FROM assessment_rounds WHERE org_id = ${acme} AND from_interviews = 1`), 0);
  // the hire
  r = await post('max@acme.test', `/recruiting/candidates/${sanne}/hire`, fields);
  assert.equal(r.status, 200, textOf(r.text).slice(0, 400));
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const password = /<span class="secret">([^<]+)<\/span>/.exec(r.text)?.[1];
  assert.ok(password && password.length >= 10, 'the password, shown once');
  assert.match(textOf(r.text), /Their first assessment, from interviews, holds the means of 2 submitted scorecards on 2 traits\./);
  assert.equal(num(`SELECT count(*) FROM users WHERE org_id = ${acme}`), users0 + 1);
  assert.equal(sql(`SELECT s.kind FROM candidates c JOIN recruit_stages s ON s.id = c.stage_id WHERE c.id = ${sanne}`), 'hired');
  // the new rep signs in, in Dutch, and sees their assessment marked "from interviews"
  const sv = await ctx.signIn('sanne@example.test', password);
  const list = await sv.get('/assessments');
  assert.equal(list.status, 200);
  assert.match(list.text, /data-from-interviews/);
  const formId = num(`SELECT a.id FROM assessments a JOIN users u ON u.id = a.rep_id WHERE u.email = 'sanne@example.test'`);
  const own = await sv.get(`/assessments/${formId}`);
  assert.equal(own.status, 200);
  assert.match(own.text, /data-from-interviews/);
  assert.match(textOf(own.text), /Knew her numbers/);
  assert.ok(!own.text.includes('Draft 9f1'), 'a draft scorecard is not part of it');
  const uid = num(`SELECT id FROM users WHERE email = 'sanne@example.test'`);
  const prof = await sv.get(`/reps/${uid}/profile`);
  assert.equal(prof.status, 200);
  assert.match(prof.text, /data-from-interviews/, 'the profile marks the round from interviews');
  // hired once: again is a conflict; the hire page says who
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/hire`, { ...fields, team_id: ctx.ids.north, email: 'sanne2@example.test' });
  assert.equal(r.status, 409);
  t = textOf((await (await web('max@acme.test')).get(`/recruiting/candidates/${sanne}/hire`)).text);
  assert.match(t, /Hired: Sanne de Vries starts on/);
  // through the API, by the admin, a candidate without scorecards
  r = await as('ann@acme.test').post('/api/v1/candidates', { name: 'Kees Bakker', email: 'kees@example.test', source: 'event' });
  kees = r.json.id;
  r = await as('ann@acme.test').post(`/api/v1/candidates/${kees}/hire`, { team_id: ctx.ids.south, start_on: '2027-02-01', lang: 'en' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.user.role, 'rep');
  assert.equal(r.json.user.team_id, ctx.ids.south);
  assert.equal(r.json.first_assessment, null);
  assert.ok(r.json.password.length >= 10);
});

test('back into the pool: out of the vacancy, a step to get back in touch', async () => {
  const acme = ctx.ids.acme;
  let r = await as('max@acme.test').post('/api/v1/candidates', { name: 'Lotte Janssen', source: 'linkedin' });
  const lotte = r.json.id;
  const declined = num(`SELECT id FROM recruit_stages WHERE org_id = ${acme} AND kind = 'declined'`);
  sql(`UPDATE candidates SET vacancy_id = ${vacancy}, stage_id = ${declined} WHERE id = ${lotte}`);
  const page = await (await web('max@acme.test')).get(`/recruiting/candidates/${lotte}/hire`);
  assert.match(textOf(page.text), /Back into the pool/);
  r = await post('max@acme.test', `/recruiting/candidates/${lotte}/pool`, { touch_on: '2026-11-01', kind: 'call' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /The date to get back in touch cannot be in the past\./);
  assert.equal(num(`SELECT count(*) FROM candidates WHERE id = ${lotte} AND vacancy_id IS NOT NULL`), 1);
  r = await post('rita@acme.test', `/recruiting/candidates/${lotte}/pool`, { touch_on: '2027-03-01', kind: 'call' });
  assert.equal(r.status, 404, 'not invited to this one');
  r = await post('max@acme.test', `/recruiting/candidates/${lotte}/pool`, { touch_on: '2027-03-01', kind: 'call', notes: 'Told her by phone' });
  assert.equal(r.status, 303);
  const c = await as('max@acme.test').get(`/api/v1/candidates/${lotte}`);
  assert.equal(c.json.vacancy, null);
  assert.equal(c.json.stage, null);
  assert.equal(c.json.next_step.what, 'Get back in touch');
  assert.equal(c.json.next_step.due, '2027-03-01');
  // through the API; a hired candidate is not sent back
  r = await as('max@acme.test').post(`/api/v1/candidates/${lotte}/pool`, { touch_on: '2027-04-01' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.next_step.due, '2027-04-01');
  assert.equal(num(`SELECT count(*) FROM candidate_steps WHERE candidate_id = ${lotte} AND status = 'open'`), 1);
  r = await as('max@acme.test').post(`/api/v1/candidates/${sanne}/pool`, { touch_on: '2027-04-01' });
  assert.equal(r.status, 409);
});

test('in Dutch and Norwegian: no English left on the hiring profile and the hire page', async () => {
  const lotte = num(`SELECT id FROM candidates WHERE name = 'Lotte Janssen'`);
  for (const [lang, profile, hire] of [
    ['nl', /Wat hier topprestaties voorspelt[\s\S]*Te weinig verkopers om op te vertrouwen: n = 8\./, /Startdatum[\s\S]*Aannemen en het account aanmaken/],
    ['nb', /Hva som forutsier toppresultater her[\s\S]*For få selgere til å stole på: n = 8\./, /Startdato[\s\S]*Ansett og opprett kontoen/]]) {
    const c = await ctx.signIn('ann@acme.test');
    await c.postForm('/lang', { csrf_token: c.csrf, lang, next: '/' });
    const p = await c.get('/recruiting/hiring-profile');
    assert.match(textOf(p.text), profile, lang);
    assert.doesNotMatch(textOf(p.text), /Too few reps|Computed from|Per trait|Correlation with attainment|Warning/, lang);
    const h = await c.get(`/recruiting/candidates/${lotte}/hire`);
    assert.match(textOf(h.text), hire, lang);
    assert.doesNotMatch(textOf(h.text), /Hire and create|Start date|first assessment|No scorecard/, lang);
    await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en', next: '/' });
  }
});
