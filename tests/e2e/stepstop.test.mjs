// stepstop: "step or stop" from logging a conversation to the figures, as a
// client and a person see it, with the server's clock pinned to Monday
// 2026-11-23 (SALESGARDEN_TODAY):
//   - a rep creates a deal and logs the issue's conversation (outcome STEP):
//     201, the step is open in /api/v1/steps and on the rep's /agenda;
//   - combinations the rules refuse: 400 naming the field, through the API
//     and through the form (the message under the field, the typed text kept);
//   - the figures of a fresh rep whose ten conversations were computed by
//     hand (see FIGURES below), through the API and on the page in English
//     and Norwegian;
//   - a step's life (slips, red health, strung along, kept), the agenda's
//     buttons, and the same deals seen a week later by a second server whose
//     clock says 2026-12-01 (no next step, a missed step);
//   - the secret iCalendar feed (RFC 5545: CRLF, folded lines, revocable);
//   - the stage vocabulary: defaults in the organisation's language, edited
//     by an admin, closed to reps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, startServer, createToken, apiClient, listOf, addOrg, addUser, addTeam, formFrom,
  unescapeHtml, Client,
} from './lib.mjs';

const TODAY = '2026-11-23';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

const tokens = {};
const orgOf = (email) => (email.endsWith('@beta.test') ? 'beta' : email.split('@')[1].split('.')[0]);
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, orgOf(email), email);
  return apiClient(ctx.base, tokens[email]);
};
const uniq = () => Math.random().toString(36).slice(2, 8);
const idOf = (body, key) => body?.id ?? body?.[key]?.id;
const obj = (body, key) => body?.[key] ?? body;

/** An account and an open deal owned by the caller: the deal as the API returns it. */
async function newDeal(api, title, extra = {}) {
  const a = await api.post('/api/v1/accounts', { name: `${title} Ltd` });
  assert.equal(a.status, 201, `account: ${a.text}`);
  const r = await api.post('/api/v1/deals', {
    title, account_id: idOf(a.json, 'account'), value_minor: 1250000, currency: 'EUR', ...extra,
  });
  assert.equal(r.status, 201, `deal: ${r.text}`);
  const id = idOf(r.json, 'deal');
  assert.ok(Number.isInteger(id) && id > 0, `an id in ${r.text}`);
  return { ...obj(r.json, 'deal'), id };
}

/** Logs a conversation through the API; asserts 201 and returns the answer's body. */
async function logConversation(api, body) {
  const r = await api.post('/api/v1/conversations', body);
  assert.equal(r.status, 201, `${JSON.stringify(body)} → ${r.status} ${r.text}`);
  return r.json;
}

/** A step of the caller's, found in GET /api/v1/steps by its text. */
async function stepByWhat(api, what, query = '') {
  const r = await api.get(`/api/v1/steps?limit=500${query}`);
  assert.equal(r.status, 200, r.text);
  const s = listOf(r.json, 'steps').find((x) => x.what === what);
  assert.ok(s, `a step "${what}" in ${r.text.slice(0, 600)}`);
  return s;
}

/** Text of the page without tags, entities decoded, spaces collapsed (no-break spaces kept). */
function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/&nbsp;|&#160;|&#xa0;/gi, '\u00a0').replace(/[ \t\r\n]+/g, ' ');
}

/** The message the form shows under the field called name, or null. */
function errorUnder(html, name) {
  const re = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bname="${name}"[\\s\\S]*?(?=<div class="field|</form>)`);
  const m = re.exec(html);
  if (!m) return null;
  const e = /class="field-error"[^>]*>([\s\S]*?)<\/p>/.exec(m[0]);
  return e ? textOf(e[1]).trim() : null;
}

/** A signed-in browser-like client. */
const signIn = (email) => ctx.signIn(email);

// --- 1–3. a deal, the issue's conversation, the open step on the agenda -----

const issueConversation = (dealId) => ({
  deal_id: dealId, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 20, gut_feeling: 4,
  outcome: 'step', step: { what: 'demo for the CFO', due: '2026-11-27', who: 'Anna de Vries' },
  notes: 'Talked budget with **Anna**; she wants the CFO to see it.',
});

let ritaDeal;	// Rita's deal with the issue's step on it

test("Rita creates a deal and logs the issue's conversation: 201 and an open step on her agenda", async () => {
  const api = as('rita@acme.test');
  ritaDeal = await newDeal(api, `Vries Logistics ${uniq()}`);
  assert.equal(ritaDeal.status ?? 'open', 'open');

  const body = await logConversation(api, issueConversation(ritaDeal.id));
  const convId = idOf(body, 'conversation');
  assert.ok(Number.isInteger(convId) && convId > 0, `an id in ${JSON.stringify(body)}`);

  // read back
  const g = await api.get(`/api/v1/conversations/${convId}`);
  assert.equal(g.status, 200, g.text);
  const conv = obj(g.json, 'conversation');
  assert.equal(conv.deal_id, ritaDeal.id);
  assert.equal(conv.kind, 'call');
  assert.equal(conv.outcome, 'step');
  assert.equal(conv.gut_feeling, 4);
  assert.equal(conv.minutes, 20);
  assert.equal(conv.step?.what, 'demo for the CFO');
  assert.equal(conv.step?.due, '2026-11-27');
  assert.equal(conv.step?.who, 'Anna de Vries');

  // the step is open
  const open = await api.get('/api/v1/steps?status=open');
  assert.equal(open.status, 200, open.text);
  const step = listOf(open.json, 'steps').find((s) => s.what === 'demo for the CFO' && s.deal_id === ritaDeal.id);
  assert.ok(step, `the step among the open ones: ${open.text.slice(0, 600)}`);
  assert.equal(step.status, 'open');
  assert.equal(step.due, '2026-11-27');
  assert.equal(step.who, 'Anna de Vries');
  assert.equal(step.slips, 0);

  // and on her agenda (due this week: Friday 27 November)
  const c = await signIn('rita@acme.test');
  const agenda = await c.get('/agenda');
  assert.equal(agenda.status, 200);
  assert.ok(agenda.text.includes('demo for the CFO'), 'the step on /agenda');
  assert.ok(agenda.text.includes(ritaDeal.title), 'with its deal');

  // and in the deal's timeline, the notes rendered as Markdown
  const page = await c.get(`/deals/${ritaDeal.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('demo for the CFO'));
  assert.match(page.text, /<strong>Anna<\/strong>/, 'the notes rendered as Markdown');
});

test('Markdown notes are rendered safely: raw HTML never reaches the page', async () => {
  const api = as('rita@acme.test');
  const deal = await newDeal(api, `Script Kiddies ${uniq()}`);
  await logConversation(api, {
    deal_id: deal.id, kind: 'meeting', at: '2026-11-21T09:00:00Z', minutes: 30, gut_feeling: 3,
    outcome: 'none', notes: 'Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))',
  });
  const page = await (await signIn('rita@acme.test')).get(`/deals/${deal.id}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.doesNotMatch(page.text, /<img[^>]*onerror/i);
  assert.doesNotMatch(page.text, /href="javascript:/i);
});

// --- 4. combinations the rules refuse ----------------------------------------

test('the API refuses every other combination with 400 INVALID naming the field, and stores nothing', async () => {
  const api = as('rita@acme.test');
  const deal = await newDeal(api, `Refusals ${uniq()}`);
  const base = {
    deal_id: deal.id, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 20, gut_feeling: 4,
  };
  const cases = [
    ['a step without its due date', { ...base, outcome: 'step', step: { what: 'pilot', who: 'Anna' } }, /^step\.due$/],
    ['a stop without a reason', { ...base, outcome: 'stop', stop_action: 'lost' }, /^stop_reason$/],
    ['no commitment with a step', { ...base, outcome: 'none', step: { what: 'pilot', due: '2026-11-27', who: 'Anna' } }, /^step(\.what)?$/],
    ['a step with a stop reason', { ...base, outcome: 'step', step: { what: 'pilot', due: '2026-11-27', who: 'Anna' }, stop_reason: 'timing' }, /^stop_reason$/],
    ['gut feeling 6', { ...base, outcome: 'none', gut_feeling: 6 }, /^gut_feeling$/],
    ['gut feeling 0', { ...base, outcome: 'none', gut_feeling: 0 }, /^gut_feeling$/],
    ['a conversation tomorrow', { ...base, at: '2026-11-24T10:00:00Z', outcome: 'none' }, /^(at|date)$/],
    ['an unknown outcome', { ...base, outcome: 'maybe' }, /^outcome$/],
    ['no outcome', { ...base }, /^outcome$/],
    ['an unknown kind', { ...base, kind: 'telepathy', outcome: 'none' }, /^kind$/],
    ['an unknown stop reason', { ...base, outcome: 'stop', stop_reason: 'bad_vibes', stop_action: 'lost' }, /^stop_reason$/],
    ['a step due before the conversation', { ...base, outcome: 'step', step: { what: 'pilot', due: '2026-11-19', who: 'Anna' } }, /^step\.due$/],
    ['a step without who committed', { ...base, outcome: 'step', step: { what: 'pilot', due: '2026-11-27' } }, /^step\.who$/],
  ];
  for (const [what, body, field] of cases) {
    const r = await api.post('/api/v1/conversations', body);
    assert.equal(r.status, 400, `${what}: ${r.status} ${r.text}`);
    assert.equal(r.json?.error, 'INVALID', what);
    assert.match(String(r.json.field), field, `${what}: ${r.text}`);
    assert.ok(r.json.message && r.json.message.length > 5, `${what}: a message`);
  }
  // today itself is fine: the clock is pinned to 23 November 2026
  await logConversation(api, { ...base, at: `${TODAY}T08:00:00Z`, outcome: 'none' });
  const list = await api.get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(list.status, 200, list.text);
  assert.equal(listOf(list.json, 'conversations').length, 1, 'only the valid conversation was stored');
});

/** The conversation form for a deal, signed in as email: { c, form, page }. */
async function conversationForm(email, dealId) {
  const c = await signIn(email);
  const page = await c.get(`/conversations/new?deal=${dealId}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  const form = formFrom(page.text, '/conversations');
  assert.ok(form, 'a form posting to /conversations');
  assert.equal(form.method, 'post');
  return { c, form, page };
}

/** The fields of the conversation form, as the form names them, with our values. */
function formFields(form, csrf, values) {
  const out = new URLSearchParams();
  // hidden inputs the form carries (csrf_token, deal_id ...) first
  for (const i of form.inputs)
    if (i.type === 'hidden' && i.name && !(i.name in values)) out.set(i.name, i.value);
  out.set('csrf_token', csrf);
  for (const [k, v] of Object.entries(values)) out.set(k, v);
  return out;
}

test('the form refuses a step without a date: the message under the field, the typed text kept', async () => {
  const deal = await newDeal(as('rita@acme.test'), `Form Refusal ${uniq()}`);
  const { c, form } = await conversationForm('rita@acme.test', deal.id);
  for (const f of ['kind', 'gut_feeling', 'outcome', 'step_what', 'step_due', 'step_who'])
    assert.ok(form.fields.includes(f), `field ${f} in the form: ${form.fields}`);
  const typed = 'Pilot <for> "the board" & co';
  const r = await c.postForm('/conversations', formFields(form, c.csrf, {
    deal_id: String(deal.id), kind: 'call', date: '2026-11-20', minutes: '20', gut_feeling: '4',
    outcome: 'step', step_what: typed, step_due: '', step_who: 'Anna de Vries', notes: 'kept notes',
  }));
  assert.equal(r.status, 400, r.text.slice(0, 300));
  assert.match(errorUnder(r.text, 'step_due') ?? '(none)', /date of the next step/i, 'the message under "By when?"');
  assert.ok(r.text.includes('value="Pilot &lt;for&gt; &quot;the board&quot; &amp; co"'),
    'the typed "what" is kept, escaped');
  assert.ok(r.text.includes('value="Anna de Vries"'), 'the typed "who" is kept');
  assert.ok(r.text.includes('kept notes'), 'the notes are kept');
  assert.match(r.text, /<input[^>]*name="outcome"[^>]*value="step"[^>]*\schecked/, 'Step is still chosen');
  assert.match(r.text, /<input[^>]*name="kind"[^>]*value="call"[^>]*\schecked/, 'Call is still chosen');
  assert.ok(formFrom(r.text, '/conversations'), 'the form is shown again');
  // nothing stored
  const list = await as('rita@acme.test').get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(listOf(list.json, 'conversations').length, 0);
});

test('the form refuses a stop without a reason, gut feeling 6, a date in the future and no commitment with a step', async () => {
  const deal = await newDeal(as('rita@acme.test'), `Form Refusals ${uniq()}`);
  const { c, form } = await conversationForm('rita@acme.test', deal.id);
  const base = { deal_id: String(deal.id), kind: 'visit', date: '2026-11-20', minutes: '45', gut_feeling: '3', notes: '' };
  const cases = [
    ['stop without a reason', { ...base, outcome: 'stop', stop_reason: '', stop_action: 'lost', stop_note: 'They went quiet' },
      'stop_reason', /reason/i, 'They went quiet'],
    ['gut feeling 6', { ...base, outcome: 'none', gut_feeling: '6' }, 'gut_feeling', /1 to 5/, null],
    ['a date in the future', { ...base, outcome: 'none', date: '2026-11-24' }, 'date', /future/, null],
    ['no commitment with a step', { ...base, outcome: 'none', step_what: 'Sneaky step', step_due: '2026-11-30', step_who: 'Anna' },
      'step_what', /no next step/i, 'Sneaky step'],
  ];
  for (const [what, values, field, message, kept] of cases) {
    const r = await c.postForm('/conversations', formFields(form, c.csrf, values));
    assert.equal(r.status, 400, `${what}: ${r.status}`);
    const shown = errorUnder(r.text, field);
    assert.match(shown ?? '(no message)', message, `${what}: the message under ${field}`);
    if (kept) assert.ok(textOf(r.text).includes(kept) || r.text.includes(`value="${kept}"`), `${what}: "${kept}" kept`);
  }
  const list = await as('rita@acme.test').get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(listOf(list.json, 'conversations').length, 0, 'nothing stored');
});

test('the form logs a valid conversation: 303 to the deal, which shows it', async () => {
  const deal = await newDeal(as('rita@acme.test'), `Form Success ${uniq()}`);
  const { c, form } = await conversationForm('rita@acme.test', deal.id);
  const r = await c.postForm('/conversations', formFields(form, c.csrf, {
    deal_id: String(deal.id), kind: 'demo', date: '2026-11-23', minutes: '40', gut_feeling: '5',
    outcome: 'step', step_what: 'security review with IT', step_due: '2026-11-26', step_who: 'Piet Jansen', notes: '',
  }));
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.match(r.location, new RegExp(`^/deals/${deal.id}\\b`));
  const page = await c.get(r.location);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('security review with IT'));
  assert.ok(page.text.includes('Piet Jansen'));
  const step = await stepByWhat(as('rita@acme.test'), 'security review with IT', `&deal=${deal.id}`);
  assert.equal(step.status, 'open');
  assert.equal(step.due, '2026-11-26');
});

test('a conversation form posted without the CSRF token is refused', async () => {
  const deal = await newDeal(as('rita@acme.test'), `No CSRF ${uniq()}`);
  const c = await signIn('rita@acme.test');
  const r = await c.postForm('/conversations', {
    deal_id: String(deal.id), kind: 'call', date: '2026-11-20', minutes: '5', gut_feeling: '3', outcome: 'none',
  });
  assert.equal(r.status, 403);
  const list = await as('rita@acme.test').get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(listOf(list.json, 'conversations').length, 0);
});

// --- 5. figures computed by hand ----------------------------------------------
//
// A fresh rep, three deals, ten conversations in October and November 2026
// (today is 23 November, grace period 3 days):
//
//  #  day    deal   kind     min gut outcome                      effect
//  1  10-01  Alpha  call      30  3  STEP a1 due 10-05
//  2  10-05  Alpha  meeting   60  4  STEP a2 due 11-26            a1 kept on 10-05 (on time)
//  3  10-10  Beta   visit     90  4  STEP b1 due 10-14
//  4  10-19  Beta   call      15  5  none                         b1 missed (5 days late > grace 3)
//  5  10-20  Beta   video     45  4  STEP b2 due 10-27
//     PATCH b2 due → 11-25 (slips 1)
//  6  11-20  Beta   call      15  2  STOP no_budget, lost         b2 kept 11-20 (late); Beta lost 11-20
//  7  11-02  Gamma  demo      60  4  none
//  8  11-09  Gamma  call      20  3  none
//  9  11-16  Gamma  call      10  3  none
// 10  11-18  Gamma  meeting   30  2  STOP timing, paused          Gamma paused (not closed)
//     Alpha won (closed today, 11-23; a2, still open, is cancelled)
//
// Over 2026-10-01 .. 2026-11-30:
//   commitment rate  (4 steps + 2 stops) / 10          = 0.6
//   stop rate         2 / 10                            = 0.2
//   no commitment     4 / 10                            = 0.4
//   follow-through    steps agreed for a day before today: a1, b1, b2 (a2 is
//                     due 11-26); kept on time: a1       = 1 / 3
//   days between steps on the same deal: Alpha 10-01→10-05 = 4,
//                     Beta 10-10→10-20 = 10; median      = 7
//   win rate, steps never broke: Alpha won               = 1 / 1 = 1
//   win rate, the rest: Beta (missed, slipped, none) lost = 0 / 1 = 0
//   hours on lost deals: Beta 90+15+45+15 = 165 min      = 2.75
//   by gut feeling on closed deals (Alpha 3,4 won; Beta 4,5,4,2 lost):
//     1: –, 2: 0/1, 3: 1/1, 4: 1/3, 5: 0/1
//   by outcome on closed deals: step 2/4, stop 0/1, none 0/1
//   by month: 2026-10: 5 conversations (4 step, 0 stop, 1 none);
//             2026-11: 5 conversations (0 step, 2 stop, 3 none)
const FIGURES = {
  conversations: 10, steps: 4, stops: 2, nones: 4,
  commitment_rate: 0.6, stop_rate: 0.2, none_rate: 0.4,
  steps_due: 3, steps_kept_on_time: 1, follow_through: 1 / 3,
  median_days_between_steps: 7,
  win_unbroken: 1, win_broken: 0, hours_on_lost: 2.75,
};

const FROM = '2026-10-01', TO = '2026-11-30';
let fig;	// { email, id, team, api, deals }

async function figuresRep() {
  if (fig) return fig;
  // alone in a team of her own, led by Max: the team's figures are hers
  const email = `fay-${uniq()}@acme.test`;
  const teamName = `Figures ${uniq()}`;
  const team = addTeam(ctx.db, 'acme', teamName, { manager: 'max@acme.test' });
  const id = addUser(ctx.db, 'acme', email, 'Fay Figures', 'rep', { team: teamName });
  const api = as(email);
  const deals = {
    alpha: await newDeal(api, `Alpha ${uniq()}`),
    beta: await newDeal(api, `Beta ${uniq()}`),
    gamma: await newDeal(api, `Gamma ${uniq()}`),
  };
  const at = (day) => `2026-${day}T10:00:00Z`;
  const conv = (deal, day, kind, minutes, gut, outcome, more = {}) => logConversation(api, {
    deal_id: deals[deal].id, kind, at: at(day), minutes, gut_feeling: gut, outcome, notes: '', ...more,
  });
  const step = (what, due) => ({ step: { what, due, who: 'Olga Buyer' } });
  await conv('alpha', '10-01', 'call', 30, 3, 'step', step('a1 first meeting', '2026-10-05'));
  await conv('alpha', '10-05', 'meeting', 60, 4, 'step', step('a2 signature', '2026-11-26'));
  await conv('beta', '10-10', 'visit', 90, 4, 'step', step('b1 site survey', '2026-10-14'));
  await conv('beta', '10-19', 'call', 15, 5, 'none');
  await conv('beta', '10-20', 'video', 45, 4, 'step', step('b2 trial', '2026-10-27'));
  const b2 = await stepByWhat(api, 'b2 trial');
  const slip = await api.send('PATCH', `/api/v1/steps/${b2.id}`, { due: '2026-11-25' });
  assert.equal(slip.status, 200, slip.text);
  await conv('beta', '11-20', 'call', 15, 2, 'stop', { stop_reason: 'no_budget', stop_action: 'lost', stop_note: 'Budget went to IT' });
  await conv('gamma', '11-02', 'demo', 60, 4, 'none');
  await conv('gamma', '11-09', 'call', 20, 3, 'none');
  await conv('gamma', '11-16', 'call', 10, 3, 'none');
  await conv('gamma', '11-18', 'meeting', 30, 2, 'stop', { stop_reason: 'timing', stop_action: 'paused' });
  const won = await api.send('PATCH', `/api/v1/deals/${deals.alpha.id}`, { status: 'won' });
  assert.equal(won.status, 200, won.text);
  fig = { email, id, team, api, deals };
  return fig;
}

test('the steps of the hand-computed case end as the rules say', async () => {
  const { api, deals } = await figuresRep();
  const a1 = await stepByWhat(api, 'a1 first meeting');
  assert.equal(a1.status, 'kept');
  assert.equal(a1.done_on, '2026-10-05');
  const b1 = await stepByWhat(api, 'b1 site survey');
  assert.equal(b1.status, 'missed', 'a conversation 5 days after the due date, grace 3: missed');
  const b2 = await stepByWhat(api, 'b2 trial');
  assert.equal(b2.status, 'kept');
  assert.equal(b2.slips, 1);
  assert.equal(b2.due, '2026-11-25');
  assert.equal(b2.original_due, '2026-10-27');
  const status = async (d) => obj((await api.get(`/api/v1/deals/${d.id}`)).json, 'deal').status;
  assert.equal(await status(deals.alpha), 'won');
  assert.equal(await status(deals.beta), 'lost');
  assert.equal(await status(deals.gamma), 'paused');
  const beta = obj((await api.get(`/api/v1/deals/${deals.beta.id}`)).json, 'deal');
  assert.equal(beta.lost_reason, 'no_budget');
  assert.equal(beta.closed_on, '2026-11-20');
});

const close = (got, want, what) => {
  assert.equal(typeof got, 'number', `${what}: ${got}`);
  assert.ok(Math.abs(got - want) < 1e-9, `${what}: ${got}, expected ${want}`);
};

test('GET /api/v1/figures/commitment gives exactly the hand-computed figures', async () => {
  const { api, id } = await figuresRep();
  const r = await api.get(`/api/v1/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.from, FROM);
  assert.equal(b.to, TO);
  assert.equal(b.scope?.rep_id, id);
  // the counts behind the figures
  assert.deepEqual(b.counts, {
    conversations: 10, steps: 4, stops: 2, none: 4, steps_due: 3, steps_kept_on_time: 1,
    unbroken_won: 1, unbroken_lost: 0, broken_won: 0, broken_lost: 1, minutes_on_lost: 165,
  });
  // the figures
  const f = b.figures;
  close(f.commitment_rate, FIGURES.commitment_rate, 'commitment rate');
  close(f.stop_rate, FIGURES.stop_rate, 'stop rate');
  close(f.no_commitment_rate, FIGURES.none_rate, 'no-commitment rate');
  close(f.follow_through, FIGURES.follow_through, 'follow-through');
  close(f.median_days_between_steps, FIGURES.median_days_between_steps, 'median days between steps');
  close(f.win_rate_unbroken, FIGURES.win_unbroken, 'win rate, steps never broke');
  close(f.win_rate_broken, FIGURES.win_broken, 'win rate, the rest');
  close(f.hours_on_lost, FIGURES.hours_on_lost, 'hours on lost deals');
  // gut feeling and outcome against winning, on the closed deals
  const gut = Object.fromEntries(b.by_gut_feeling.map((g) => [g.gut, [g.conversations, g.won, g.win_rate]]));
  assert.deepEqual(gut, { 1: [0, 0, null], 2: [1, 0, 0], 3: [1, 1, 1], 4: [3, 1, 1 / 3], 5: [1, 0, 0] });
  const oc = Object.fromEntries(b.by_outcome.map((o) => [o.outcome, [o.conversations, o.won, o.win_rate]]));
  assert.deepEqual(oc, { step: [4, 2, 0.5], stop: [1, 0, 0], none: [1, 0, 0] });
  // by month
  assert.deepEqual(b.monthly.map((m) => [m.month, m.conversations, m.steps, m.stops, m.none]),
    [['2026-10', 5, 4, 0, 1], ['2026-11', 5, 0, 2, 3]]);
  close(b.monthly[0].commitment_rate, 0.8, 'October commitment rate');
  close(b.monthly[1].commitment_rate, 0.4, 'November commitment rate');

  // a period with nothing in it: rates without a denominator are null, not 0
  const empty = await api.get(`/api/v1/figures/commitment?rep=${id}&from=2025-01-01&to=2025-01-31`);
  assert.equal(empty.status, 200, empty.text);
  assert.equal(empty.json.counts.conversations, 0);
  for (const k of ['commitment_rate', 'stop_rate', 'no_commitment_rate', 'follow_through',
    'median_days_between_steps', 'win_rate_unbroken', 'win_rate_broken'])
    assert.equal(empty.json.figures[k], null, `${k}: no data is null, never 0`);
  assert.equal(empty.json.figures.hours_on_lost, 0);
  // an empty month, if the trend lists it, has a null rate
  for (const m of empty.json.monthly)
    assert.deepEqual(m, { month: '2025-01', conversations: 0, steps: 0, stops: 0, none: 0, commitment_rate: null });
});

test('the figures API checks its parameters and who may see whose figures', async () => {
  const { id, team, api } = await figuresRep();
  const rita = as('rita@acme.test');
  let r = await rita.get(`/api/v1/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 403, `another rep's figures: ${r.text}`);
  r = await rita.get(`/api/v1/figures/commitment?rep=${ctx.ids.rita}&from=2026-13-01&to=${TO}`);
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'from');
  r = await rita.get(`/api/v1/figures/commitment?rep=${ctx.ids.rita}&from=${TO}&to=${FROM}`);
  assert.equal(r.status, 400, `from after to: ${r.text}`);
  // Fay's manager (North: Max) sees hers; the manager of South does not
  r = await as('max@acme.test').get(`/api/v1/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200, r.text);
  close(r.json.figures.commitment_rate, 0.6, 'Max sees the same figures');
  r = await as('mia@acme.test').get(`/api/v1/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 403);
  // the team's figures: Max leads it, so he sees them; they are Fay's
  r = await as('max@acme.test').get(`/api/v1/figures/commitment?team=${team}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.counts.conversations, 10);
  close(r.json.figures.follow_through, 1 / 3, 'team follow-through');
  close(r.json.figures.median_days_between_steps, 7, 'team median days between steps');
  r = await as('mia@acme.test').get(`/api/v1/figures/commitment?team=${team}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 403, `a team Mia does not lead: ${r.text}`);
  // a rep sees their own team's figures as a whole (domain/access.h), not another team's
  r = await api.get(`/api/v1/figures/commitment?team=${team}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200, `a rep asking for their own team's figures: ${r.text}`);
  assert.equal(r.json.counts.conversations, 10);
  r = await rita.get(`/api/v1/figures/commitment?team=${team}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 403, `a rep asking for another team's figures: ${r.text}`);
  r = await as('ann@acme.test').get(`/api/v1/figures/commitment?team=${team}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200, 'an admin sees any team');
  assert.equal(r.json.counts.conversations, 10);
  r = await as('bea@beta.test').get(`/api/v1/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 404);
});

test('the figures page shows the same numbers, explained, in English and in Norwegian', async () => {
  const { email, id } = await figuresRep();
  const c = await signIn(email);
  const url = `/figures/commitment?rep=${id}&from=${FROM}&to=${TO}`;
  let r = await c.get(url);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  let text = textOf(r.text);
  // each figure beside its name, and the counts it was computed from
  for (const [figureText, explained] of [
    [/60% Commitment rate/, /6 of 10 conversations ended in a step or a stop/],
    [/20% Stop rate/, /2 of 10 conversations ended in a stop/],
    [/40% No-commitment rate/, /4 of 10 conversations ended without a step or a stop/],
    [/33% Step follow-through/, /1 of 3 steps due in the period/],
    [/\b7 Median days between steps/, /over 2 intervals/],
    [/100% Win rate when steps never broke/, /1 won of 1 closed deal without/],
    [/0% Win rate of the rest/, /0 won of 1 closed deal with/],
    [/2\.8 Hours spent on deals finally lost/, /2\.8 hours on 1 lost deal/],
  ]) {
    assert.match(text, figureText);
    assert.match(text, explained);
  }
  assert.ok(!/\bNaN\b/.test(text), 'no NaN on the page');

  // Norwegian: a no-break space before the percent sign
  const sw = await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nb', next: url });
  assert.equal(sw.status, 303);
  r = await c.get(url);
  assert.equal(r.status, 200);
  assert.match(r.text, /<html lang="nb"/);
  text = textOf(r.text);
  for (const p of ['60\u00a0%', '20\u00a0%', '40\u00a0%', '33\u00a0%'])
    assert.ok(text.includes(p), `${JSON.stringify(p)} on the Norwegian page`);
  assert.match(text, /2,8/, 'hours on lost deals with a decimal comma');
  assert.ok(!text.includes('60%'), 'no English percentages left');
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en', next: '/' });

  // an empty period shows "–", never 0 %
  r = await c.get(`/figures/commitment?rep=${id}&from=2025-01-01&to=2025-01-31`);
  assert.equal(r.status, 200);
  text = textOf(r.text);
  assert.ok(text.includes('–'), 'a dash for figures without data');
  assert.ok(!text.includes('0%') && !text.includes('NaN'), 'no 0 % and no NaN when there is no data');
});

// --- 6. the life of a step ---------------------------------------------------

test('a step that slips twice makes the deal red and strung along; kept closes it', async () => {
  const api = as('rita@acme.test');
  const deal = await newDeal(api, `Slippery Eel ${uniq()}`);
  await logConversation(api, {
    deal_id: deal.id, kind: 'video', at: '2026-11-23T09:00:00Z', minutes: 25, gut_feeling: 5,
    outcome: 'step', step: { what: 'sign the order form', due: '2026-11-24', who: 'Eel Buyer' },
  });
  const step = await stepByWhat(api, 'sign the order form', `&deal=${deal.id}`);
  let d = obj((await api.get(`/api/v1/deals/${deal.id}`)).json, 'deal');
  assert.equal(d.health?.strung_along, false, `fresh step: not strung along: ${JSON.stringify(d.health)}`);
  assert.equal(d.health.color, 'green', JSON.stringify(d.health));
  assert.deepEqual(d.health.reasons, []);

  let r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { due: '2026-11-30' });
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'step').slips, 1);
  assert.equal(obj(r.json, 'step').due, '2026-11-30');
  assert.equal(obj(r.json, 'step').original_due, '2026-11-24');
  d = obj((await api.get(`/api/v1/deals/${deal.id}`)).json, 'deal');
  assert.equal(d.health?.strung_along, false, `one slip: not yet strung along: ${JSON.stringify(d.health)}`);
  assert.equal(d.health.color, 'amber');

  // moving it into the past, or to the same date, is refused
  r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { due: '2026-11-20' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'due');
  r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { due: '2026-11-30' });
  assert.equal(r.status, 400);

  r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { due: '2026-12-07' });
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'step').slips, 2);
  d = obj((await api.get(`/api/v1/deals/${deal.id}`)).json, 'deal');
  assert.equal(d.health.color, 'red', JSON.stringify(d.health));
  assert.equal(d.health.strung_along, true);
  assert.ok(d.health.reasons.includes('slipping'), `the reason "slipping": ${JSON.stringify(d.health)}`);

  // on the strung-along list, and in words on the deal page
  const c = await signIn('rita@acme.test');
  const list = await c.get('/strung-along');
  assert.equal(list.status, 200);
  assert.ok(list.text.includes(deal.title), 'the deal on /strung-along');
  const page = await c.get(`/deals/${deal.id}`);
  assert.ok(page.text.includes('The next step keeps slipping.'), 'the reason in words on the deal page');

  r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { status: 'kept' });
  assert.equal(r.status, 200, r.text);
  const kept = obj(r.json, 'step');
  assert.equal(kept.status, 'kept');
  assert.equal(kept.done_on, TODAY);
  const open = await api.get(`/api/v1/steps?status=open&deal=${deal.id}`);
  assert.equal(listOf(open.json, 'steps').length, 0, 'no open step left on the deal');
  // a kept step cannot be moved any more
  r = await api.send('PATCH', `/api/v1/steps/${step.id}`, { due: '2026-12-14' });
  assert.equal(r.status, 400, r.text);
});

test('a week later (the clock at 2026-12-01): no next step and a missed step make deals red', async (t) => {
  const api = as('rita@acme.test');
  const bare = await newDeal(api, `Bare Deal ${uniq()}`);
  const late = await newDeal(api, `Late Deal ${uniq()}`);
  await logConversation(api, {
    deal_id: late.id, kind: 'call', at: '2026-11-23T11:00:00Z', minutes: 15, gut_feeling: 4,
    outcome: 'step', step: { what: 'late: send the contract', due: '2026-11-24', who: 'Lars Late' },
  });
  // today: a deal made today is not yet strung along for lacking a step
  assert.equal(obj((await api.get(`/api/v1/deals/${late.id}`)).json, 'deal').health.color, 'green');

  // the same database seen by a server whose clock says 1 December
  const later = await startServer(ctx.db, { env: { SALESGARDEN_TODAY: '2026-12-01' }, name: 'later' });
  t.after(() => later.kill());
  const api2 = apiClient(later.base, tokens['rita@acme.test']);
  const b = obj((await api2.get(`/api/v1/deals/${bare.id}`)).json, 'deal');
  assert.equal(b.health.color, 'red', JSON.stringify(b.health));
  assert.equal(b.health.strung_along, true);
  assert.ok(b.health.reasons.includes('no_next_step'), JSON.stringify(b.health));
  const l = obj((await api2.get(`/api/v1/deals/${late.id}`)).json, 'deal');
  assert.equal(l.health.color, 'red', JSON.stringify(l.health));
  assert.ok(l.health.reasons.includes('step_missed'), `due 24 Nov, 7 days late, grace 3: ${JSON.stringify(l.health)}`);
  const step = (await api2.get(`/api/v1/steps?deal=${late.id}`)).json.items[0];
  assert.equal(step.status, 'open', 'nobody marked it');
  assert.equal(step.state, 'missed', 'but past due plus grace it counts as missed');
  // and on the pages of that day
  const c = new Client(later.base);
  await c.signIn('rita@acme.test');
  const strung = await c.get('/strung-along');
  assert.equal(strung.status, 200);
  assert.ok(strung.text.includes(bare.title) && strung.text.includes(late.title), 'both on /strung-along');
  const agenda = await c.get('/agenda');
  assert.ok(agenda.text.includes('late: send the contract'), 'the overdue step is still on the agenda');
  const page = await c.get(`/deals/${bare.id}`);
  assert.ok(page.text.includes('No dated next step.'), 'the reason in words');
});

test('the agenda buttons keep, move and cancel a step', async () => {
  const api = as('rita@acme.test');
  const deal = await newDeal(api, `Agenda Buttons ${uniq()}`);
  await logConversation(api, {
    deal_id: deal.id, kind: 'call', at: '2026-11-23T09:00:00Z', minutes: 10, gut_feeling: 3,
    outcome: 'step', step: { what: 'send the references', due: '2026-11-23', who: 'Ref Reader' },
  });
  const step = await stepByWhat(api, 'send the references', `&deal=${deal.id}`);
  const c = await signIn('rita@acme.test');
  const agenda = await c.get('/agenda');
  assert.ok(agenda.text.includes('send the references'), 'due today: on the agenda');
  const slipForm = formFrom(agenda.text, `/steps/${step.id}/slip`);
  assert.ok(slipForm, 'a form to move the step');
  const dueField = slipForm.fields.find((f) => /due/.test(f));
  assert.ok(dueField, `a date field in ${slipForm.fields}`);
  let r = await c.postForm(`/steps/${step.id}/slip`, { csrf_token: c.csrf, [dueField]: '2026-11-25' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  let s = obj((await api.get(`/api/v1/steps/${step.id}`)).json, 'step');
  assert.equal(s.due, '2026-11-25');
  assert.equal(s.slips, 1);
  r = await c.postForm(`/steps/${step.id}/keep`, { csrf_token: c.csrf });
  assert.equal(r.status, 303);
  s = obj((await api.get(`/api/v1/steps/${step.id}`)).json, 'step');
  assert.equal(s.status, 'kept');
  // keeping it again: it is not open any more
  r = await c.postForm(`/steps/${step.id}/cancel`, { csrf_token: c.csrf });
  assert.ok([400, 404, 409].includes(r.status), `cancel a kept step: ${r.status}`);
  s = obj((await api.get(`/api/v1/steps/${step.id}`)).json, 'step');
  assert.equal(s.status, 'kept');
});

// --- 7. the iCalendar feed -------------------------------------------------

test('the iCalendar feed: a secret .ics address with the open steps, valid RFC 5545, revocable', async () => {
  const api = as('rita@acme.test');
  const deal = await newDeal(api, `Calendar Co ${uniq()}`);
  const longWhat = `calendar check: ${'a very long description of what the customer promised, '.repeat(3)}ünïcödé`;
  await logConversation(api, {
    deal_id: deal.id, kind: 'meeting', at: '2026-11-22T14:00:00Z', minutes: 50, gut_feeling: 4,
    outcome: 'step', step: { what: longWhat, due: '2026-12-02', who: 'Cal Endar; Esq., "CEO"' },
  });
  const c = await signIn('rita@acme.test');
  const account = await c.get('/account');
  assert.equal(account.status, 200);
  const form = formFrom(account.text, '/account/calendar');
  assert.ok(form, 'a form to create the calendar address on /account');
  let r = await c.postForm('/account/calendar', { csrf_token: c.csrf });
  // the address is shown once: on the answer itself, or on the page it sends to
  const shown = r.status === 303 ? await c.get(r.location) : r;
  assert.equal(shown.status, 200, shown.text.slice(0, 300));
  const m = /https?:\/\/[^\s"<>]+\/calendar\/([A-Za-z0-9_.-]+)\.ics/.exec(shown.text);
  assert.ok(m, 'the page shows an address ending in .ics');
  const feedPath = `/calendar/${m[1]}.ics`;

  // anyone with the address, no cookie, no token
  const res = await fetch(`${ctx.base}${feedPath}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar/);
  const bytes = Buffer.from(await res.arrayBuffer());
  const ics = bytes.toString('utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'), 'starts with BEGIN:VCALENDAR and CRLF');
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
  assert.match(ics, /\r\nVERSION:2\.0\r\n/);
  assert.match(ics, /\r\nPRODID:[^\r]+\r\n/);
  const lines = ics.split('\r\n').slice(0, -1);
  for (const l of lines)
    assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line of ${Buffer.byteLength(l, 'utf8')} octets: ${l}`);
  // unfold (RFC 5545 3.1) and find the step's event
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1).map((e) => e.split('END:VEVENT')[0]);
  const ev = events.find((e) => /SUMMARY:[^\r]*calendar check/.test(e));
  assert.ok(ev, `a VEVENT whose SUMMARY holds the step's text:\n${unfolded.slice(0, 2000)}`);
  assert.ok(ev.includes('ünïcödé'), 'UTF-8 survives folding');
  assert.match(ev, /\r\nUID:[^\r]+\r\n/);
  assert.match(ev, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  assert.match(ev, /\r\nDTSTART;VALUE=DATE:20261202\r\n/);
  const summary = /\r\nSUMMARY:([^\r]*)\r\n/.exec(ev)[1];
  assert.ok(summary.includes(deal.title), 'the deal in the SUMMARY');
  assert.ok(!/[;,]/.test(summary.replace(/\\[\\;,nN]/g, '')), `commas and semicolons escaped: ${summary}`);
  assert.match(summary, /promised\\, /);
  // another rep's steps are not in Rita's feed
  assert.doesNotMatch(unfolded, /b1 site survey|a2 signature/);

  // a new address stops the old one
  const anon = new Client(ctx.base);
  r = await c.postForm('/account/calendar', { csrf_token: c.csrf });
  const shown2 = r.status === 303 ? await c.get(r.location) : r;
  const m2 = /https?:\/\/[^\s"<>]+\/calendar\/([A-Za-z0-9_.-]+)\.ics/.exec(shown2.text);
  assert.ok(m2 && m2[1] !== m[1], 'a different address');
  assert.equal((await anon.get(feedPath)).status, 404, 'the old address is dead');
  const feedPath2 = `/calendar/${m2[1]}.ics`;
  assert.equal((await anon.get(feedPath2)).status, 200, 'the new one works');

  // revoked: the address is dead
  const later = await c.get('/account');
  assert.ok(!later.text.includes(m[1]), 'the secret is not shown again on /account');
  assert.ok(formFrom(later.text, '/account/calendar/revoke'), 'a form on /account to stop the feed');
  r = await c.postForm('/account/calendar/revoke', { csrf_token: c.csrf });
  assert.equal(r.status, 303);
  const gone = await anon.get(feedPath2);
  assert.equal(gone.status, 404);
  assert.ok(!gone.text.includes('calendar check'));
  // a made-up address is 404 as well
  assert.equal((await anon.get('/calendar/not-a-real-secret-0000000000000000.ics')).status, 404);
  assert.equal((await anon.get(`/calendar/${'A'.repeat(m[1].length)}.ics`)).status, 404);
});

// --- 8. the stage vocabulary -----------------------------------------------

const EN_STAGES = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'];
const NL_STAGES = ['Lead', 'Gekwalificeerd', 'Demo', 'Offerte', 'Onderhandeling', 'Gewonnen', 'Verloren'];

test('GET /api/v1/stages lists the default stages in order, with definitions and commitments', async () => {
  const r = await as('rita@acme.test').get('/api/v1/stages');
  assert.equal(r.status, 200, r.text);
  const stages = listOf(r.json, 'stages');
  assert.deepEqual(stages.map((s) => s.name), EN_STAGES);
  assert.deepEqual(stages.map((s) => s.kind), ['open', 'open', 'open', 'open', 'open', 'won', 'lost']);
  for (const s of stages) {
    assert.ok(s.definition?.length > 5, `a definition for ${s.name}`);
    assert.ok(s.commitment?.length > 5, `a commitment for ${s.name}`);
  }
});

test('an organisation whose language is Dutch gets the stages in Dutch', async () => {
  const slug = `nl${uniq()}`;
  addOrg(ctx.db, slug, 'Tuin BV', ['--locale', 'nl']);
  addUser(ctx.db, slug, `anke@${slug}.test`, 'Anke Admin', 'admin');
  const api = apiClient(ctx.base, createToken(ctx.db, slug, `anke@${slug}.test`));
  const r = await api.get('/api/v1/stages');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(listOf(r.json, 'stages').map((s) => s.name), NL_STAGES);
  // and the English organisation's stages did not change
  const en = await as('ann@acme.test').get('/api/v1/stages');
  assert.deepEqual(listOf(en.json, 'stages').map((s) => s.name), EN_STAGES);
});

test('an admin renames a stage and the pipeline shows the new name; reps cannot', async () => {
  const admin = as('ann@acme.test');
  const stages = listOf((await admin.get('/api/v1/stages')).json, 'stages');
  const neg = stages.find((s) => s.name === 'Negotiation');
  assert.ok(neg);
  const rep = as('rita@acme.test');
  // a rep: 403 through the API and on the admin page
  let r = await rep.post('/api/v1/stages', { name: 'Rogue stage', kind: 'open', position: 99 });
  assert.equal(r.status, 403);
  assert.equal(r.json.error, 'FORBIDDEN');
  r = await rep.send('PATCH', `/api/v1/stages/${neg.id}`, { name: 'Rogue name' });
  assert.equal(r.status, 403);
  const ritaPage = await (await signIn('rita@acme.test')).get('/admin/stages');
  assert.equal(ritaPage.status, 403);

  const name = `Negotiation ${uniq()}`;
  r = await admin.send('PATCH', `/api/v1/stages/${neg.id}`, { name });
  assert.equal(r.status, 200, r.text);
  assert.equal(obj(r.json, 'stage').name, name);
  const again = listOf((await rep.get('/api/v1/stages')).json, 'stages');
  assert.deepEqual(again.map((s) => s.name), EN_STAGES.map((n) => (n === 'Negotiation' ? name : n)), 'same place');
  // a name another stage has: 409
  r = await admin.send('PATCH', `/api/v1/stages/${neg.id}`, { name: 'Lead' });
  assert.equal(r.status, 409, r.text);
  // the pipeline shows the new name (to the rep too)
  const pipeline = await (await signIn('rita@acme.test')).get('/pipeline');
  assert.equal(pipeline.status, 200);
  assert.ok(pipeline.text.includes(name), 'the renamed stage on /pipeline');
  assert.ok(!pipeline.text.includes('>Negotiation<'), 'the old name is gone');
  const adminPage = await (await signIn('ann@acme.test')).get('/admin/stages');
  assert.equal(adminPage.status, 200);
  assert.ok(adminPage.text.includes(name));
  // the other organisation's admin cannot touch it
  r = await as('bea@beta.test').send('PATCH', `/api/v1/stages/${neg.id}`, { name: 'Stolen' });
  assert.equal(r.status, 404);
});

testCleanStop(ctx);
