// text-limits: the free text of a conversation (notes, the next step's what
// and who, the stop's note) is held to the same limits by the form and the
// API — one function, validate_conversation_text in domain/validate.c: a
// 900 KB note and a control character are refused with an error on the field,
// whichever way they come, and nothing is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, createToken, apiClient, formFrom, listOf } from './lib.mjs';

const ctx = useServer();
const uniq = () => Math.random().toString(36).slice(2, 8);
let api;
const rita = () => (api ??= apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test')));

async function newDeal() {
  const tag = uniq();
  const a = await rita().post('/api/v1/accounts', { name: `Limits ${tag} Ltd` });
  assert.equal(a.status, 201, a.text);
  const d = await rita().post('/api/v1/deals', {
    title: `Limits ${tag}`, account_id: a.json.id ?? a.json.account.id, value_minor: 100000, currency: 'EUR',
  });
  assert.equal(d.status, 201, d.text);
  return d.json.id ?? d.json.deal.id;
}

const conversation = (dealId, extra) => ({
  deal_id: dealId, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 20, gut_feeling: 4,
  outcome: 'step', step: { what: 'send the offer', due: '2026-11-25', who: 'Anna' }, notes: 'fine', ...extra,
});

const BIG = 'a'.repeat(900 * 1024);

test('the API refuses a 900 KB note and control characters, naming the field', async () => {
  const deal = await newDeal();
  const cases = [
    ['a 900 KB note', { notes: BIG }, 'notes'],
    ['a control character in the notes', { notes: 'before\u0007after' }, 'notes'],
    ['a control character in the step', { step: { what: 'send\u0001it', due: '2026-11-25', who: 'Anna' } }, 'step.what'],
    ['a line break in who', { step: { what: 'send it', due: '2026-11-25', who: 'An\nna' } }, 'step.who'],
    ['a 600-byte step', { step: { what: 'x'.repeat(600), due: '2026-11-25', who: 'Anna' } }, 'step.what'],
  ];
  for (const [what, extra, field] of cases) {
    const r = await rita().post('/api/v1/conversations', conversation(deal, extra));
    assert.equal(r.status, 400, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
    assert.equal(r.json?.error, 'INVALID', what);
    assert.equal(r.json?.field, field, what);
  }
  const stop = await rita().post('/api/v1/conversations', conversation(deal, {
    outcome: 'stop', step: undefined, stop_reason: 'timing', stop_action: 'paused', stop_note: 'too\u001bdear',
  }));
  assert.equal(stop.status, 400, stop.text.slice(0, 200));
  assert.equal(stop.json?.field, 'stop_note');
  const list = await rita().get(`/api/v1/conversations?deal=${deal}`);
  assert.equal(listOf(list.json, 'conversations').length, 0, 'nothing stored');

  // notes may have line breaks; a PATCH is held to the same rule
  const ok = await rita().post('/api/v1/conversations', conversation(deal, { notes: 'line one\nline two\ttabbed' }));
  assert.equal(ok.status, 201, ok.text);
  const id = ok.json.id ?? ok.json.conversation.id;
  for (const notes of [BIG, 'bell\u0007']) {
    const p = await rita().send('PATCH', `/api/v1/conversations/${id}`, { notes });
    assert.equal(p.status, 400, p.text.slice(0, 200));
    assert.equal(p.json?.field, 'notes');
  }
});

test('the form refuses the same, with the message under the field', async () => {
  const deal = await newDeal();
  const c = await ctx.signIn('rita@acme.test');
  const page = await c.get(`/conversations/new?deal=${deal}`);
  assert.equal(page.status, 200);
  const form = formFrom(page.text, '/conversations');
  const post = (values) => {
    const body = new URLSearchParams();
    for (const i of form.inputs) if (i.type === 'hidden' && i.name) body.set(i.name, i.value);
    body.set('csrf_token', c.csrf);
    const v = { deal_id: String(deal), kind: 'call', date: '2026-11-20', minutes: '20', gut_feeling: '4',
      outcome: 'step', step_what: 'send the offer', step_due: '2026-11-25', step_who: 'Anna', notes: '', ...values };
    for (const [k, x] of Object.entries(v)) body.set(k, x);
    return c.postForm('/conversations', body);
  };
  for (const [what, values, field] of [
    ['a 900 KB note', { notes: BIG }, 'notes'],
    ['a control character in the notes', { notes: 'before\u0007after' }, 'notes'],
    ['a control character in the step', { step_what: 'send\u0001it' }, 'step_what'],
  ]) {
    const r = await post(values);
    assert.equal(r.status, 400, `${what}: ${r.status}`);
    assert.match(r.text, new RegExp(`name="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="${field}"|name="${field}"[^>]*class="[^"]*invalid`),
      `${what}: ${field} is marked`);
  }
  const list = await rita().get(`/api/v1/conversations?deal=${deal}`);
  assert.equal(listOf(list.json, 'conversations').length, 0, 'nothing stored');
});
