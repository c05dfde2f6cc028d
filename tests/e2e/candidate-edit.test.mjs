// candidate-edit: a candidate's details changed on a page (issue 11), with
// the server's clock pinned to 2026-11-25 — the form holds every field the
// PATCH takes, saving shows the new values on the candidate's page; a bad
// e-mail and a past retention date are refused under their fields, in
// Dutch for a Dutch reader, with what was typed kept; an e-mail another
// candidate has gets the merge prompt (409) and "save anyway", page and
// API alike; the "Edit" link and the form only for whoever works on the
// candidate: an invited interviewer 403, a rep not invited and the other
// organisation 404, as the PATCH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, createToken, apiClient, unescapeHtml, sqlExec, formFrom } from './lib.mjs';

const TODAY = '2026-11-25';
const ctx = useServer({ env: { SALESGARDEN_TODAY: TODAY } });

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
const valueOf = (html, name) => {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  return m ? unescapeHtml(/value="([^"]*)"/.exec(m[0])?.[1] ?? '') : null;
};

async function addCandidate(fields) {
  const r = await as('max@acme.test').post('/api/v1/candidates', { source: 'referral', ...fields });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

// every field of the form, as the form holds them now, with some changed
function fieldsOf(html, action, change = {}) {
  const f = formFrom(html, action);
  assert.ok(f, `a form posting to ${action}`);
  const out = {};
  for (const i of f.inputs) if (i.name) out[i.name] = unescapeHtml(i.value);
  for (const s of f.html.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g))
    out[s[1]] = /<option value="([^"]*)" selected/.exec(s[2])?.[1] ?? '';
  for (const t of f.html.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[t[1]] = unescapeHtml(t[2]);
  return { ...out, ...change };
}

test('the edit form holds the candidate; saved, the candidate page shows the new values', async () => {
  const id = await addCandidate({ name: 'Eva Edit', email: 'eva.edit@example.test', phone: '+31 6 1', job_title: 'Account manager', company: 'Globex', tags: 'saas', notes: 'Met at the fair', consent_on: '2026-11-01', retain_until: '2027-05-01' });
  const c = await web('max@acme.test');
  const page = await c.get(`/recruiting/candidates/${id}`);
  assert.match(page.text, new RegExp(`<a class="button" href="/recruiting/candidates/${id}/edit" data-edit>Edit</a>`));
  const form = await c.get(`/recruiting/candidates/${id}/edit`);
  assert.equal(form.status, 200);
  const action = `/recruiting/candidates/${id}/edit`;
  const f = fieldsOf(form.text, action);
  assert.deepEqual(
    [f.name, f.email, f.phone, f.source, f.job_title, f.company, f.tags, f.known_by, f.consent_on, f.retain_until, f.notes],
    ['Eva Edit', 'eva.edit@example.test', '+31 6 1', 'referral', 'Account manager', 'Globex', 'saas', '', '2026-11-01', '2027-05-01', 'Met at the fair'],
  );
  const saved = await c.postForm(action, fieldsOf(form.text, action, {
    name: 'Eva Edited', email: 'Eva.New@Example.test', phone: '+31 6 2', source: 'event', job_title: 'Sales lead',
    company: 'Initech', tags: 'saas, lead', known_by: String(ctx.ids.rita), consent_on: '2026-11-20',
    retain_until: '2027-09-01', notes: 'Now leads a team',
  }));
  assert.equal(saved.status, 303, saved.text.slice(0, 400));
  assert.equal(saved.location, `/recruiting/candidates/${id}?ok=edited`);
  const t = textOf((await c.get(saved.location)).text);
  assert.match(t, /The candidate is saved\./);
  assert.match(t, /Eva Edited/);
  assert.match(t, /E-mail eva\.new@example\.test/);
  assert.match(t, /Phone \+31 6 2/);
  assert.match(t, /Current role Sales lead/);
  assert.match(t, /Company Initech/);
  assert.match(t, /Tags saas, lead/);
  assert.match(t, /Known by Rita Rep/);
  assert.match(t, /Now leads a team/);
  const api = (await as('max@acme.test').get(`/api/v1/candidates/${id}`)).json;
  assert.equal(api.source, 'event');
  assert.equal(api.consent_on, '2026-11-20');
  assert.equal(api.retain_until, '2027-09-01');
  // emptied: consent withdrawn, the retention date kept as it is
  const again = await c.postForm(action, fieldsOf((await c.get(action)).text, action, { consent_on: '', retain_until: '' }));
  assert.equal(again.status, 303, again.text.slice(0, 400));
  const api2 = (await as('max@acme.test').get(`/api/v1/candidates/${id}`)).json;
  assert.equal(api2.consent_on, null);
  assert.equal(api2.retain_until, '2027-09-01');
});

test('a bad e-mail and a past retention date: each field\'s fault in Dutch, what was typed kept, nothing stored', async () => {
  const id = await addCandidate({ name: 'Nina Nederlands', email: 'nina@example.test', company: 'Oud BV' });
  const c = await ctx.signIn('mia@acme.test');
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nl' });
  const action = `/recruiting/candidates/${id}/edit`;
  const form = await c.get(action);
  assert.equal(form.status, 200);
  assert.doesNotMatch(textOf(form.text), /Edit the candidate|Save the candidate/);
  const r = await c.postForm(action, fieldsOf(form.text, action, { email: 'nina@@example', retain_until: '2026-11-24', company: 'Nieuw BV' }));
  assert.equal(r.status, 400, r.text.slice(0, 300));
  const t = textOf(r.text);
  assert.match(r.text, /id="e-email">Vul een geldig e-mailadres in, of laat het veld leeg\.</);
  assert.match(r.text, /id="e-retain_until">De datum tot wanneer de gegevens bewaard worden, kan niet in het verleden liggen\.</);
  assert.doesNotMatch(t, /Enter a valid e-mail|cannot be in the past/);
  assert.equal(valueOf(r.text, 'email'), 'nina@@example');
  assert.equal(valueOf(r.text, 'company'), 'Nieuw BV');
  assert.equal(valueOf(r.text, 'retain_until'), '2026-11-24');
  assert.equal(sql(`SELECT email || '|' || company FROM candidates WHERE id = ${id}`), 'nina@example.test|Oud BV');
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en' });
});

test('an e-mail another candidate has: the merge prompt with a link (409), nothing stored; save anyway', async () => {
  const first = await addCandidate({ name: 'Dirk Dubbel', email: 'dirk@example.test' });
  const id = await addCandidate({ name: 'Daan Ander', email: 'daan@example.test' });
  const action = `/recruiting/candidates/${id}/edit`;
  const c = await web('max@acme.test');
  const form = await c.get(action);
  let r = await c.postForm(action, fieldsOf(form.text, action, { email: 'DIRK@example.test', company: 'Typed Co' }));
  assert.equal(r.status, 409, r.text.slice(0, 300));
  assert.match(textOf(r.text), /Another candidate has this e-mail: Dirk Dubbel ?\. Open it, or save anyway\?/);
  assert.match(r.text, new RegExp(`href="/recruiting/candidates/${first}"`));
  assert.equal(valueOf(r.text, 'company'), 'Typed Co');
  assert.match(r.text, /name="save_anyway" value="yes"/);
  assert.equal(sql(`SELECT email FROM candidates WHERE id = ${id}`), 'daan@example.test');
  // the API: the same rule, 409 with the existing id
  const p = await as('max@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { email: 'dirk@example.test' });
  assert.equal(p.status, 409, p.text);
  assert.equal(p.json.existing_id, first);
  assert.equal(p.json.field, 'email');
  assert.equal(sql(`SELECT email FROM candidates WHERE id = ${id}`), 'daan@example.test');
  // save anyway: the prompt's form as it is
  r = await c.postForm(action, fieldsOf(r.text, action));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sql(`SELECT email || '|' || company FROM candidates WHERE id = ${id}`), 'dirk@example.test|Typed Co');
  // an e-mail kept as it is never asks, even when another has it too
  r = await c.postForm(action, fieldsOf((await c.get(action)).text, action, { company: 'Other Co' }));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(sql(`SELECT company FROM candidates WHERE id = ${id}`), 'Other Co');
  const p2 = await as('max@acme.test').send('PATCH', `/api/v1/candidates/${first}`, { email: 'daan@example.test', save_anyway: 'yes' });
  assert.equal(p2.status, 200, p2.text);
});

test('only whoever works on the candidate: an invited interviewer 403 without an Edit link, others 404', async () => {
  const id = await addCandidate({ name: 'Ivan Invited', email: 'ivan@example.test', company: 'Keep Co' });
  const inv = await post('max@acme.test', `/recruiting/candidates/${id}/invitations`, { user_id: String(ctx.ids.rita) });
  assert.equal(inv.status, 303);
  const action = `/recruiting/candidates/${id}/edit`;
  const rita = await web('rita@acme.test');
  const seen = await rita.get(`/recruiting/candidates/${id}`);
  assert.equal(seen.status, 200);
  assert.doesNotMatch(seen.text, /\/edit"/);
  assert.equal((await rita.get(action)).status, 403);
  assert.equal((await post('rita@acme.test', action, { name: 'x', source: 'event', company: 'Rita Co' })).status, 403);
  assert.equal((await as('rita@acme.test').send('PATCH', `/api/v1/candidates/${id}`, { company: 'x' })).status, 403);
  for (const who of ['rob@acme.test', 'bea@beta.test']) {
    assert.equal((await (await web(who)).get(action)).status, 404, who);
    assert.equal((await post(who, action, { name: 'x', source: 'event', company: 'Other Co' })).status, 404, who);
  }
  assert.equal((await (await web('ann@acme.test')).get(action)).status, 200);
  assert.equal(sql(`SELECT company FROM candidates WHERE id = ${id}`), 'Keep Co');
});
