// step-question: "was the step kept?" (issue 14). Logging a conversation no
// longer marks the deal's open step kept by itself: the form asks — kept,
// slipped to a new date, missed, or (not yet due) left open — and the API
// takes open_step {outcome, due}; without an answer only a step that is due
// by the day of the conversation closes (kept within the grace period,
// missed after it). Follow-through counts what was answered. Also: every
// error at once (the form under each field, the API's errors list), a STOP
// closing the deal as lost with the same reason, and a new contact added
// with the conversation. Today is 2026-11-23, the grace period 3 days.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, listOf, addUser, addTeam, formFrom, unescapeHtml, Client,
} from './lib.mjs';

const TODAY = '2026-11-23';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const uniq = () => Math.random().toString(36).slice(2, 8);
const idOf = (body, key) => body?.id ?? body?.[key]?.id;
const obj = (body, key) => body?.[key] ?? body;
const RITA = 'rita@acme.test';

async function newDeal(api, title) {
  const a = await api.post('/api/v1/accounts', { name: `${title} Ltd` });
  assert.equal(a.status, 201, a.text);
  const r = await api.post('/api/v1/deals', { title, account_id: idOf(a.json, 'account'), value_minor: 100000, currency: 'EUR' });
  assert.equal(r.status, 201, r.text);
  return { ...obj(r.json, 'deal'), id: idOf(r.json, 'deal'), account_id: idOf(a.json, 'account') };
}

async function log(api, body, status = 201) {
  const r = await api.post('/api/v1/conversations', body);
  assert.equal(r.status, status, `${JSON.stringify(body)} → ${r.status} ${r.text}`);
  return r.json;
}

/** A deal with an open step due on `due`, agreed in a conversation on `on`. */
async function dealWithStep(api, what, due, on = '2026-11-10') {
  const deal = await newDeal(api, `Q ${what}`);
  await log(api, {
    deal_id: deal.id, kind: 'call', at: `${on}T10:00:00Z`, minutes: 10, gut_feeling: 3, outcome: 'step',
    step: { what, due, who: 'Olga' },
  });
  return deal;
}

async function stepByWhat(api, what) {
  const r = await api.get('/api/v1/steps?limit=500');
  assert.equal(r.status, 200, r.text);
  const s = listOf(r.json, 'steps').find((x) => x.what === what);
  assert.ok(s, `a step "${what}"`);
  return s;
}

/** A follow-up conversation on the deal, held on `on`, ending without commitment. */
const followUp = (deal, on, more = {}) => ({
  deal_id: deal.id, kind: 'call', at: `${on}T15:00:00Z`, minutes: 5, gut_feeling: 3, outcome: 'none', ...more,
});

function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** The message the form shows under the field called name, or null. */
function errorUnder(html, name) {
  const re = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bname="${name}"[\\s\\S]*?(?=<div class="field|</form>)`);
  const m = re.exec(html);
  if (!m) return null;
  const e = /class="field-error"[^>]*>([\s\S]*?)<\/p>/.exec(m[0]);
  return e ? textOf(e[1]).trim() : null;
}

async function formFor(email, dealId) {
  const c = new Client(ctx.base);
  await c.signIn(email);
  const page = await c.get(`/conversations/new?deal=${dealId}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  const form = formFrom(page.text, '/conversations');
  assert.ok(form);
  return { c, form, page };
}

function fields(form, csrf, values) {
  const out = new URLSearchParams();
  for (const i of form.inputs)
    if (i.type === 'hidden' && i.name && !(i.name in values)) out.set(i.name, i.value);
  out.set('csrf_token', csrf);
  for (const [k, v] of Object.entries(values)) out.set(k, v);
  return out;
}

// --- the API ----------------------------------------------------------------

test('API: kept, slipped (new date, slip counted) and missed, as answered', async () => {
  const api = as(RITA);
  const tag = uniq();
  const d1 = await dealWithStep(api, `kept ${tag}`, '2026-11-25');
  await log(api, followUp(d1, '2026-11-20', { open_step: { outcome: 'kept' } }));
  const kept = await stepByWhat(api, `kept ${tag}`);
  assert.equal(kept.status, 'kept', 'kept before its date because the rep said so');
  assert.equal(kept.done_on, '2026-11-20');

  const d2 = await dealWithStep(api, `slipped ${tag}`, '2026-11-20');
  await log(api, followUp(d2, '2026-11-21', { open_step: { outcome: 'slipped', due: '2026-12-02' } }));
  const slipped = await stepByWhat(api, `slipped ${tag}`);
  assert.equal(slipped.status, 'open');
  assert.equal(slipped.due, '2026-12-02', 'the new date is stored');
  assert.equal(slipped.original_due, '2026-11-20', 'the date first agreed stays');
  assert.equal(slipped.slips, 1, 'the slip is counted');

  const d3 = await dealWithStep(api, `missed ${tag}`, '2026-11-21');
  await log(api, followUp(d3, '2026-11-21', { open_step: { outcome: 'missed' } }));
  const missed = await stepByWhat(api, `missed ${tag}`);
  assert.equal(missed.status, 'missed', 'missed on its own day because the rep said so');
});

test('API: "open" only while the step is not yet due; slipped needs a new date; the answer is checked', async () => {
  const api = as(RITA);
  const tag = uniq();
  const later = await dealWithStep(api, `later ${tag}`, '2026-11-30');
  await log(api, followUp(later, '2026-11-22', { open_step: { outcome: 'open' } }));
  assert.equal((await stepByWhat(api, `later ${tag}`)).status, 'open');

  const due = await dealWithStep(api, `due ${tag}`, '2026-11-19');
  let r = await log(api, followUp(due, '2026-11-22', { open_step: { outcome: 'open' } }), 400);
  assert.equal(r.field, 'open_step.outcome');
  r = await log(api, followUp(due, '2026-11-22', { open_step: { outcome: 'slipped' } }), 400);
  assert.equal(r.field, 'open_step.due');
  r = await log(api, followUp(due, '2026-11-22', { open_step: { outcome: 'slipped', due: '2026-11-19' } }), 400);
  assert.equal(r.field, 'open_step.due', 'the same date is no slip');
  r = await log(api, followUp(due, '2026-11-22', { open_step: { outcome: 'perhaps' } }), 400);
  assert.equal(r.field, 'open_step.outcome');
  r = await log(api, followUp(due, '2026-11-22', { open_step: 'kept' }), 400);
  assert.equal(r.field, 'open_step');
  assert.equal((await stepByWhat(api, `due ${tag}`)).status, 'open', 'nothing changed by the refusals');
  const list = await api.get(`/api/v1/conversations?deal=${due.id}`);
  assert.equal(listOf(list.json, 'conversations').length, 1, 'no conversation stored by the refusals');
});

test('API without an answer: a step not yet due stays open, a due one is kept within the grace period, a late one missed', async () => {
  const api = as(RITA);
  const tag = uniq();
  const early = await dealWithStep(api, `early ${tag}`, '2026-11-28');
  await log(api, followUp(early, '2026-11-21'));
  assert.equal((await stepByWhat(api, `early ${tag}`)).status, 'open', 'a call before the date is not the step');

  const onTime = await dealWithStep(api, `on time ${tag}`, '2026-11-20');
  await log(api, followUp(onTime, '2026-11-22'));
  assert.equal((await stepByWhat(api, `on time ${tag}`)).status, 'kept', '2 days after, grace 3: kept');

  const late = await dealWithStep(api, `late ${tag}`, '2026-11-15');
  await log(api, followUp(late, '2026-11-22'));
  assert.equal((await stepByWhat(api, `late ${tag}`)).status, 'missed', '7 days after, grace 3: missed');
});

test('follow-through counts the answers: one kept on time, one missed, one slipped', async () => {
  const email = `fran-${uniq()}@acme.test`;
  const team = `Follow ${uniq()}`;
  addTeam(ctx.db, 'acme', team, { manager: 'max@acme.test' });
  const id = addUser(ctx.db, 'acme', email, 'Fran Follow', 'rep', { team });
  const api = as(email);
  const tag = uniq();
  const a = await dealWithStep(api, `fa ${tag}`, '2026-11-12', '2026-11-02');
  const b = await dealWithStep(api, `fb ${tag}`, '2026-11-12', '2026-11-02');
  const c = await dealWithStep(api, `fc ${tag}`, '2026-11-12', '2026-11-02');
  await log(api, followUp(a, '2026-11-12', { open_step: { outcome: 'kept' } }));
  await log(api, followUp(b, '2026-11-12', { open_step: { outcome: 'missed' } }));
  await log(api, followUp(c, '2026-11-12', { open_step: { outcome: 'slipped', due: '2026-11-30' } }));
  const r = await api.get(`/api/v1/figures/commitment?rep=${id}&from=2026-11-01&to=2026-11-30`);
  assert.equal(r.status, 200, r.text);
  // three steps agreed for 11-12 (before today); kept on time only the first
  assert.equal(r.json.counts.steps_due, 3, JSON.stringify(r.json.counts));
  assert.equal(r.json.counts.steps_kept_on_time, 1, JSON.stringify(r.json.counts));
  assert.ok(Math.abs(r.json.figures.follow_through - 1 / 3) < 1e-9, JSON.stringify(r.json.figures));
});

test('API: every error at once, in an errors list, with field and message of the first', async () => {
  const api = as(RITA);
  const deal = await newDeal(api, `Errors ${uniq()}`);
  const r = await log(api, {
    deal_id: deal.id, at: '2026-11-22T10:00:00Z', minutes: 5000, gut_feeling: 9, outcome: 'step', step: { what: '' },
  }, 400);
  const fieldsNamed = r.errors.map((e) => e.field);
  assert.deepEqual(fieldsNamed, ['kind', 'minutes', 'gut_feeling', 'step.what', 'step.due', 'step.who']);
  assert.ok(r.errors.every((e) => typeof e.message === 'string' && e.message.length > 5), JSON.stringify(r.errors));
  assert.equal(r.field, 'kind', 'the first error is still field/message');
  assert.equal(r.message, r.errors[0].message);
  assert.equal(r.error, 'INVALID');
  const list = await api.get(`/api/v1/conversations?deal=${deal.id}`);
  assert.equal(listOf(list.json, 'conversations').length, 0, 'nothing stored');
});

// --- the form ---------------------------------------------------------------

test('form: the step question is asked, required, and slipped stores the new date and counts the slip', async () => {
  const api = as(RITA);
  const what = `form slip ${uniq()}`;
  const deal = await dealWithStep(api, what, '2026-11-20');
  const { c, form, page } = await formFor(RITA, deal.id);
  assert.ok(textOf(page.text).includes(`Was the step "${what}" (due 20 Nov 2026) kept?`),
    textOf(page.text).match(/Was the step[^?]*\?/)?.[0]);
  assert.match(page.text, /name="open_step" value="kept"[^>]*required/, 'the browser asks for an answer too');
  assert.doesNotMatch(page.text, /<label class="tile tile-open">/, 'no "leave it open" for a step already due');
  const values = {
    deal_id: String(deal.id), kind: 'call', date: '2026-11-22', minutes: '10', gut_feeling: '3', outcome: 'none',
    notes: 'typed notes stay',
  };
  let r = await c.postForm('/conversations', fields(form, c.csrf, values));
  assert.equal(r.status, 400);
  assert.match(errorUnder(r.text, 'open_step') ?? '(none)', /kept, slipped to a new date or missed/);
  assert.ok(r.text.includes('typed notes stay'));
  r = await c.postForm('/conversations', fields(form, c.csrf, { ...values, open_step: 'slipped', open_step_due: '' }));
  assert.equal(r.status, 400);
  assert.match(errorUnder(r.text, 'open_step_due') ?? '(none)', /new date/i);
  assert.match(r.text, /name="open_step" value="slipped"[^>]*checked/, 'the answer is kept');
  r = await c.postForm('/conversations', fields(form, c.csrf, { ...values, open_step: 'slipped', open_step_due: '2026-12-04' }));
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const s = await stepByWhat(api, what);
  assert.equal(s.status, 'open');
  assert.equal(s.due, '2026-12-04');
  assert.equal(s.slips, 1);
});

test('form: kept and missed, as answered', async () => {
  const api = as(RITA);
  for (const answer of ['kept', 'missed']) {
    const what = `form ${answer} ${uniq()}`;
    const deal = await dealWithStep(api, what, '2026-11-22');
    const { c, form } = await formFor(RITA, deal.id);
    const r = await c.postForm('/conversations', fields(form, c.csrf, {
      deal_id: String(deal.id), kind: 'call', date: '2026-11-23', minutes: '10', gut_feeling: '3', outcome: 'none',
      open_step: answer,
    }));
    assert.equal(r.status, 303, r.text.slice(0, 400));
    const s = await stepByWhat(api, what);
    assert.equal(s.status, answer);
    assert.equal(s.done_on, '2026-11-23');
  }
});

test('form: every error at once, each under its field, what was typed kept', async () => {
  const api = as(RITA);
  const deal = await newDeal(api, `Form errors ${uniq()}`);
  const { c, form } = await formFor(RITA, deal.id);
  const r = await c.postForm('/conversations', fields(form, c.csrf, {
    deal_id: String(deal.id), kind: '', date: '2026-11-22', minutes: '20', gut_feeling: '',
    outcome: 'step', step_what: 'Pilot <b>', step_due: '', step_who: '', notes: 'my notes',
  }));
  assert.equal(r.status, 400);
  const under = Object.fromEntries(['kind', 'gut_feeling', 'step_due', 'step_who'].map((f) => [f, errorUnder(r.text, f)]));
  for (const [f, m] of Object.entries(under)) assert.ok(m, `a message under ${f}: ${JSON.stringify(under)}`);
  assert.match(under.step_due, /date of the next step/);
  const list = /<ul class="error-list">([\s\S]*?)<\/ul>/.exec(r.text)?.[1] ?? '';
  assert.equal((list.match(/<li>/g) ?? []).length, 4, `the summary lists all four: ${textOf(list)}`);
  assert.ok(r.text.includes('value="Pilot &lt;b&gt;"'), 'the typed step kept');
  assert.ok(r.text.includes('my notes'));
  assert.match(r.text, /name="outcome" value="step" checked/);
});

test('form: a STOP closes the deal as lost with the same reason (one list: every STOP reason is a lost reason); unticked it pauses', async () => {
  const api = as(RITA);
  const cases = [
    ['no_budget', '1', 'lost', 'conversation-lost'],
    ['timing', '', 'paused', 'conversation-paused'],
    ['not_a_fit', '1', 'lost', 'conversation-lost'],
  ];
  for (const [reason, tick, status, done] of cases) {
    const deal = await newDeal(api, `Stop ${reason} ${uniq()}`);
    const { c, form, page } = await formFor(RITA, deal.id);
    assert.match(page.text, /name="close_lost" value="1" checked/, 'ticked by default');
    assert.match(page.text, /<div data-hide-on-outcome="stop">[\s\S]*?name="stage_id"/, 'the stage question hides on a stop');
    const values = {
      deal_id: String(deal.id), kind: 'call', date: '2026-11-23', minutes: '10', gut_feeling: '1', outcome: 'stop',
      stop_reason: reason,
    };
    if (tick) values.close_lost = tick;
    const r = await c.postForm('/conversations', fields(form, c.csrf, values));
    assert.equal(r.status, 303, r.text.slice(0, 400));
    assert.match(r.headers.get('location') ?? '', new RegExp(`done=${done}`));
    const d = obj((await api.get(`/api/v1/deals/${deal.id}`)).json, 'deal');
    assert.equal(d.status, status, `${reason}: ${JSON.stringify(d)}`);
    if (status === 'lost') assert.equal(d.lost_reason, reason);
  }
});

test('form: a new contact is saved to the account and is the step\'s "who"; the last kind and duration are remembered', async () => {
  const api = as(RITA);
  const deal = await newDeal(api, `Contact ${uniq()}`);
  const name = `Nina New ${uniq()}`;
  const { c, form } = await formFor(RITA, deal.id);
  const r = await c.postForm('/conversations', fields(form, c.csrf, {
    deal_id: String(deal.id), kind: 'visit', date: '2026-11-23', minutes: '35', gut_feeling: '4', outcome: 'step',
    step_what: 'Site tour', step_due: '2026-11-30', step_who: '', new_contact_name: name, new_contact_role: 'Plant manager',
  }));
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const acc = obj((await api.get(`/api/v1/accounts/${deal.account_id}`)).json, 'account');
  const contact = acc.contacts.find((k) => k.name === name);
  assert.ok(contact, JSON.stringify(acc.contacts));
  assert.equal(contact.title, 'Plant manager');
  assert.equal((await stepByWhat(api, 'Site tour')).who, name);
  const again = await c.get(`/conversations/new?deal=${deal.id}`);
  assert.match(again.text, /name="kind" value="visit" checked/, 'the last kind is pre-chosen');
  assert.match(again.text, /name="minutes" type="number" value="35"/, 'the last duration is pre-filled');
  assert.match(again.text, new RegExp(`data-value="${name}"`), 'the contact is offered as a chip');
});

testCleanStop(ctx);
