// page-cache (speed, issue 15): the server keeps rendered pages
// (src/http/pagecache.h) per session, address, language and data version.
// What a user sees must never change for it: a write — through the server
// or from another process — shows on the very next request; nobody gets
// another person's page; a one-time notice (?done=) shows once; the forms
// of a kept page carry the session's CSRF token and still post; signing out
// ends the kept pages with the session. Each test asks for the page first
// (so that it is kept), then changes something and asks again.
// On PostgreSQL nothing is kept (no data version), and the same answers
// must come.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, sqlExec, formFrom } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const as = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));

test('a deal made through the API shows on the next request of a pipeline already shown', async () => {
  const s = await ctx.signIn('rita@acme.test');
  const before = await s.get('/pipeline');
  assert.equal(before.status, 200);
  assert.equal((await s.get('/pipeline')).text, before.text, 'the same page twice, nothing written');
  assert.doesNotMatch(before.text, /Cached Deal One/);
  const rita = as('rita@acme.test');
  const a = await rita.post('/api/v1/accounts', { name: 'Cache Ltd' });
  const d = await rita.post('/api/v1/deals', { title: 'Cached Deal One', account_id: a.json.id, value_minor: 5000, currency: 'EUR' });
  assert.equal(d.status, 201, d.text);
  const after = await s.get('/pipeline');
  assert.equal(after.status, 200);
  assert.match(after.text, /Cached Deal One/);
});

test('a change written by another process (the database itself) shows on the next request', async () => {
  const s = await ctx.signIn('max@acme.test');
  const home = await s.get('/');
  assert.match(home.text, /Max Manager/);
  await s.get('/');
  sqlExec(ctx.db, "UPDATE users SET name = 'Max Renamed' WHERE email = 'max@acme.test'");
  const again = await s.get('/');
  assert.match(again.text, /Max Renamed/);
  assert.doesNotMatch(again.text, /Max Manager/);
  sqlExec(ctx.db, "UPDATE users SET name = 'Max Manager' WHERE email = 'max@acme.test'");
  assert.match((await s.get('/')).text, /Max Manager/);
});

test('two people asking for the same address each get their own page, also in another organisation', async () => {
  const max = await ctx.signIn('max@acme.test');
  const mia = await ctx.signIn('mia@acme.test');
  const bea = await ctx.signIn('bea@beta.test');
  for (let i = 0; i < 2; i++) {
    const m = await max.get('/numbers/team');
    const n = await mia.get('/numbers/team');
    assert.equal(m.status, 200);
    assert.equal(n.status, 200);
    assert.match(m.text, /Rita Rep/);
    assert.doesNotMatch(m.text, /Rob Rep/);
    assert.match(n.text, /Rob Rep/);
    assert.doesNotMatch(n.text, /Rita Rep/);
    const b = await bea.get('/');
    assert.match(b.text, /Bea Admin/);
    assert.doesNotMatch(b.text, /Acme|Max Manager|Mia Manager/);
  }
  // the same person in a second session: that session's page (its own CSRF token)
  const max2 = await ctx.signIn('max@acme.test');
  assert.notEqual(max.csrf, max2.csrf);
  const p1 = await max.get('/');
  const p2 = await max2.get('/');
  assert.ok(p1.text.includes(max.csrf) && !p1.text.includes(max2.csrf));
  assert.ok(p2.text.includes(max2.csrf) && !p2.text.includes(max.csrf));
});

test('a one-time notice shows with ?done= and not on the same page without it', async () => {
  const s = await ctx.signIn('rita@acme.test');
  await s.get('/');
  const done = await s.get('/?done=saved');
  const plain = await s.get('/');
  assert.doesNotMatch(plain.text, /class="notice notice-ok"/);
  if (/class="notice notice-ok"/.test(done.text)) assert.notEqual(done.text, plain.text);
});

test('a kept page carries the session\'s CSRF token and its form still posts; signing out ends it', async () => {
  const s = await ctx.signIn('max@acme.test');
  const first = await s.page('/');
  const second = await s.page('/');
  assert.equal(second.csrf, first.csrf);
  assert.equal(second.csrf, s.csrf);
  const out = formFrom(second.text, '/logout');
  assert.ok(out, 'the sign-out form is on the page');
  const session = s.cookieHeader();
  const r = await s.postForm('/logout', { csrf_token: second.csrf });
  assert.equal(r.status, 303);
  const after = await s.get('/', { headers: { Cookie: session }, cookies: false });
  assert.equal(after.status, 303, 'signed out: back to the sign-in page, not the kept home page');
});

test('a person who changes their language gets the next page in it, not the kept one', async () => {
  const s = await ctx.signIn('rita@acme.test');
  assert.match((await s.get('/pipeline')).text, /<html lang="en"/);
  assert.match((await s.get('/pipeline')).text, /<html lang="en"/);
  sqlExec(ctx.db, "UPDATE users SET locale = 'nl' WHERE email = 'rita@acme.test'");
  assert.match((await s.get('/pipeline')).text, /<html lang="nl"/);
  sqlExec(ctx.db, "UPDATE users SET locale = 'en' WHERE email = 'rita@acme.test'");
  assert.match((await s.get('/pipeline')).text, /<html lang="en"/);
});

testCleanStop(ctx);
