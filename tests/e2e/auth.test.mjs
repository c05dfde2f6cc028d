// auth: the sign-in holes of issue 13, each as it was found — parallel
// guesses past the throttle and a stranger locking the owner out; a planted
// pre-sign-in CSRF cookie; next= addresses that leave the site or break the
// Location header; API tokens that could not be listed or revoked and that
// outlived a password change; an e-mail address taken in one organisation
// refused in another, and signing in with an address two organisations share.
// The source address is set with X-Forwarded-For, which the server honours
// from a peer on this machine only (a reverse proxy on the same host).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, seedStandard, addUser, createToken, apiClient, sg, sgOk, formFrom, PASSWORD,
} from './lib.mjs';

const ctx = useServer({
  seed(db) {
    const ids = seedStandard(db);
    ids.hank = addUser(db, 'acme', 'hank@acme.test', 'Hank Hammered', 'rep', { team: 'North' });
    ids.dora = addUser(db, 'acme', 'dora@acme.test', 'Dora Distributed', 'rep', { team: 'North' });
    ids.tom = addUser(db, 'acme', 'tom@acme.test', 'Tom Tokens', 'rep', { team: 'North' });
    // one person in two organisations, with the same password in both
    ids.sam1 = addUser(db, 'acme', 'sam@both.test', 'Sam in Acme', 'rep', { team: 'North' });
    ids.sam2 = addUser(db, 'beta', 'sam@both.test', 'Sam in Beta', 'rep', { team: 'Beta Team' });
    // and one with a different password in each
    ids.pat1 = addUser(db, 'acme', 'pat@both.test', 'Pat in Acme', 'rep', { team: 'North' });
    ids.pat2 = addUser(db, 'beta', 'pat@both.test', 'Pat in Beta', 'rep', { team: 'Beta Team', password: 'Beta-garden-2024' });
    return ids;
  },
});

const from = (addr) => ({ headers: { 'X-Forwarded-For': addr } });

async function loginPage(addr) {
  const c = ctx.client();
  const p = await c.page('/login', from(addr));
  assert.equal(p.status, 200);
  return { c, csrf: p.csrf };
}

function count(results) {
  const by = {};
  for (const r of results) by[r.status] = (by[r.status] || 0) + 1;
  return by;
}

test('60 parallel wrong passwords from one address: exactly 5 are checked, the rest answer 429', async () => {
  const { c, csrf } = await loginPage('203.0.113.10');
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) =>
    c.postForm('/login', { csrf_token: csrf, email: 'hank@acme.test', password: `guess-${i}-wrong` }, from('203.0.113.10'))));
  const by = count(results);
  assert.equal(by[401], 5, `answers: ${JSON.stringify(by)}`);
  assert.equal(by[429], 55, `answers: ${JSON.stringify(by)}`);
  for (const r of results.filter((x) => x.status === 429)) {
    const after = Number(r.headers.get('retry-after'));
    assert.ok(after >= 1 && after <= 15 * 60, `Retry-After ${after}`);
  }
  // the stranger's address is shut for this account, even with the right password
  const again = await c.postForm('/login', { csrf_token: csrf, email: 'hank@acme.test', password: PASSWORD }, from('203.0.113.10'));
  assert.equal(again.status, 429);
  // the owner, from their own address, signs in all the same
  const owner = await loginPage('198.51.100.7');
  const ok = await owner.c.postForm('/login', { csrf_token: owner.csrf, email: 'hank@acme.test', password: PASSWORD }, from('198.51.100.7'));
  assert.equal(ok.status, 303, ok.text.slice(0, 300));
  assert.equal((await owner.c.get('/')).status, 200);
});

test('60 parallel wrong passwords from 60 addresses: at most 11 are checked (10 free, then one per 30 s)', async () => {
  const tries = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
    const addr = `192.0.2.${i + 1}`;
    const { c, csrf } = await loginPage(addr);
    return c.postForm('/login', { csrf_token: csrf, email: 'dora@acme.test', password: `wrong-${i}-guess` }, from(addr));
  }));
  const by = count(tries);
  assert.ok(by[401] >= 10 && by[401] <= 11, `answers: ${JSON.stringify(by)}`);
  assert.equal(by[401] + by[429], 60, `answers: ${JSON.stringify(by)}`);
  // no one is locked out for good: a refusal names a wait of at most the spacing
  for (const r of tries.filter((x) => x.status === 429)) {
    const after = Number(r.headers.get('retry-after'));
    assert.ok(after >= 1 && after <= 30, `Retry-After ${after}`);
  }
});

test('one address guessing many accounts is stopped after 30 attempts; right passwords do not count', async () => {
  const { c, csrf } = await loginPage('203.0.113.99');
  // an office behind one address: many sign-ins, none of them counted
  for (let i = 0; i < 35; i++) {
    const ok = await c.postForm('/login', { csrf_token: csrf, email: 'mia@acme.test', password: PASSWORD }, from('203.0.113.99'));
    assert.equal(ok.status, 303, `sign-in ${i}`);
    c.jar.delete('sg_session');
  }
  const results = [];
  for (let i = 0; i < 35; i++)
    results.push(await c.postForm('/login', { csrf_token: csrf, email: `nobody${i}@acme.test`, password: 'whatever-it-is' }, from('203.0.113.99')));
  const by = count(results);
  assert.equal(by[401], 30, JSON.stringify(by));
  assert.equal(by[429], 5, JSON.stringify(by));
});

test('a planted pre-sign-in CSRF cookie with a matching form token is refused', async () => {
  for (const planted of ['A'.repeat(32), 'planted-by-a-sibling-domain-0123456789', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBB']) {
    const c = ctx.client();
    c.jar.set('sg_csrf', planted);
    const r = await c.postForm('/login', { csrf_token: planted, email: 'rita@acme.test', password: PASSWORD });
    assert.equal(r.status, 403, `planted ${planted}`);
    assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')));
  }
  // a cookie the server made still works, and a planted one is replaced on the form
  const c = ctx.client();
  c.jar.set('sg_csrf', 'A'.repeat(32));
  const p = await c.page('/login');
  assert.notEqual(p.csrf, 'A'.repeat(32));
  assert.notEqual(c.jar.get('sg_csrf'), 'A'.repeat(32));
  const r = await c.postForm('/login', { csrf_token: p.csrf, email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 303);
});

test('next= with a tab, a newline, a backslash or an encoded slash goes to / instead', async () => {
  const bad = ['/\t/evil.example', '/\n/evil.example', '/%0A', '/\\evil.example', '//evil.example',
    '/%2F/evil.example', '/%5Cevil.example', 'https://evil.example/', '/\r\nSet-Cookie: x=1'];
  for (const next of bad) {
    const { c, csrf } = await loginPage('198.51.100.50');
    const page = await c.get(`/login?next=${encodeURIComponent(next)}`);
    const form = formFrom(page.text, '/login');
    assert.equal(form.inputs.find((i) => i.name === 'next').value, '/', `form for ${JSON.stringify(next)}`);
    const r = await c.postForm('/login', { csrf_token: csrf, email: 'rob@acme.test', password: PASSWORD, next }, from('198.51.100.50'));
    assert.equal(r.status, 303, `login with next ${JSON.stringify(next)}`);
    assert.equal(r.location, '/', `Location for next ${JSON.stringify(next)}`);
  }
  // the language switch uses the same check
  const { c, csrf } = await loginPage('198.51.100.51');
  const r = await c.postForm('/lang', { csrf_token: csrf, lang: 'nl', next: '/\t/evil.example' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/');
  const good = await c.postForm('/lang', { csrf_token: csrf, lang: 'en', next: '/deals?status=open' });
  assert.equal(good.location, '/deals?status=open');
});

test('API tokens: listed and revoked one by one through the API; not another user\'s', async () => {
  const t1 = createToken(ctx.db, 'acme', 'tom@acme.test');
  const t2 = createToken(ctx.db, 'acme', 'tom@acme.test');
  const other = createToken(ctx.db, 'acme', 'rita@acme.test');
  const api1 = apiClient(ctx.base, t1);
  assert.equal((await api1.get('/api/v1/me')).status, 200);
  const list = await api1.get('/api/v1/tokens');
  assert.equal(list.status, 200);
  assert.equal(list.json.items.length, 2);
  for (const k of list.json.items) {
    assert.deepEqual(Object.keys(k).sort(), ['created_at', 'id', 'label', 'last_used_at', 'user_email', 'user_id']);
    assert.equal(k.user_email, 'tom@acme.test');
  }
  assert.ok(!JSON.stringify(list.json).includes(t1.slice(3)), 'no secret in the list');
  const used = list.json.items.find((k) => k.last_used_at);
  assert.ok(used, 'the token in use shows when it was last used');
  const second = list.json.items.find((k) => !k.last_used_at);
  // Rita cannot revoke Tom's token (404, as for none), nor list it
  const apiRita = apiClient(ctx.base, other);
  assert.equal((await apiRita.send('DELETE', `/api/v1/tokens/${second.id}`)).status, 404);
  assert.equal((await apiRita.get(`/api/v1/tokens?user=${ctx.ids.tom}`)).status, 403);
  // another organisation's admin cannot either
  const bea = apiClient(ctx.base, createToken(ctx.db, 'beta', 'bea@beta.test'));
  assert.equal((await bea.send('DELETE', `/api/v1/tokens/${second.id}`)).status, 404);
  // Tom revokes the second: it stops working, the first goes on
  const del = await api1.send('DELETE', `/api/v1/tokens/${second.id}`);
  assert.equal(del.status, 204);
  assert.equal((await apiClient(ctx.base, t2).get('/api/v1/me')).status, 401);
  assert.equal((await api1.get('/api/v1/me')).status, 200);
  assert.equal((await api1.send('DELETE', `/api/v1/tokens/${second.id}`)).status, 404);
  // an admin of the organisation may list and revoke a user's token
  const ann = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const ritas = await ann.get(`/api/v1/tokens?user=${ctx.ids.rita}`);
  assert.equal(ritas.status, 200);
  assert.equal(ritas.json.items.length, 1);
  assert.equal((await ann.send('DELETE', `/api/v1/tokens/${ritas.json.items[0].id}`)).status, 204);
  assert.equal((await apiRita.get('/api/v1/me')).status, 401);
  // the description names both
  const doc = (await api1.get('/api/v1/openapi.json')).json;
  assert.ok(doc.paths['/api/v1/tokens'].get);
  assert.ok(doc.paths['/api/v1/tokens/{id}'].delete);
});

test('API tokens on /account: shown with name and dates, revoked by a button; the CLI lists and revokes', async () => {
  sgOk(['token', 'create', '--org', 'acme', '--email', 'rob@acme.test', '--label', 'Laptop <b>'], { db: ctx.db });
  const tok = createToken(ctx.db, 'acme', 'rob@acme.test');
  const c = await ctx.signIn('rob@acme.test');
  const acct = await c.page('/account');
  assert.match(acct.text, /API tokens/);
  assert.match(acct.text, /Laptop &lt;b&gt;/);
  const forms = [...acct.text.matchAll(/action="(\/account\/tokens\/(\d+)\/revoke)"/g)];
  assert.equal(forms.length, 2);
  // the CLI sees the same two
  const listed = sgOk(['token', 'list', '--org', 'acme', '--email', 'rob@acme.test'], { db: ctx.db }).stdout;
  assert.equal(listed.trim().split('\n').length, 3, listed);
  assert.match(listed, /Laptop <b>/);
  // revoke the labelled one on the page
  const laptopId = /^(\d+)\trob@acme\.test\tLaptop/m.exec(listed)[1];
  const r = await c.postForm(`/account/tokens/${laptopId}/revoke`, { csrf_token: acct.csrf });
  assert.equal(r.status, 303);
  assert.match((await c.get(r.location)).text, /The API token was revoked/);
  // and one of someone else's is not found
  const ritaTok = createToken(ctx.db, 'acme', 'rita@acme.test');
  const ritaId = /^(\d+)\trita@acme\.test/m.exec(sgOk(['token', 'list', '--org', 'acme', '--email', 'rita@acme.test'], { db: ctx.db }).stdout)[1];
  assert.equal((await c.postForm(`/account/tokens/${ritaId}/revoke`, { csrf_token: acct.csrf })).status, 404);
  assert.equal((await apiClient(ctx.base, ritaTok).get('/api/v1/me')).status, 200);
  // the CLI revokes by id, once
  const robId = /^(\d+)\trob@acme\.test/m.exec(sgOk(['token', 'list', '--org', 'acme'], { db: ctx.db }).stdout)[1];
  sgOk(['token', 'revoke', '--org', 'acme', robId], { db: ctx.db });
  assert.equal((await apiClient(ctx.base, tok).get('/api/v1/me')).status, 401);
  assert.equal(sg(['token', 'revoke', '--org', 'acme', robId], { db: ctx.db }).code, 1);
  // not through another organisation
  assert.equal(sg(['token', 'revoke', '--org', 'beta', ritaId], { db: ctx.db }).code, 1);
  assert.equal((await apiClient(ctx.base, ritaTok).get('/api/v1/me')).status, 200);
});

test('a new password revokes the API tokens and ends the other sessions', async () => {
  addUser(ctx.db, 'acme', 'nina@acme.test', 'Nina New', 'rep', { team: 'North' });
  const tok = createToken(ctx.db, 'acme', 'nina@acme.test');
  assert.equal((await apiClient(ctx.base, tok).get('/api/v1/me')).status, 200);
  const c = await ctx.signIn('nina@acme.test');
  const acct = await c.page('/account');
  const fresh = 'Fresh-garden-2025';
  const r = await c.postForm('/account/password', {
    csrf_token: acct.csrf, current_password: PASSWORD, new_password: fresh, new_password2: fresh,
  });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal((await apiClient(ctx.base, tok).get('/api/v1/me')).status, 401);
});

test('an address taken in another organisation can be added; neither organisation learns of the other', async () => {
  const ann = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const r = await ann.post('/api/v1/users', { email: 'ben@beta.test', name: 'Ben in Acme', role: 'rep', password: 'Acme-ben-password-1' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  // the same address twice in one organisation is still refused
  const dup = await ann.post('/api/v1/users', { email: 'BEN@beta.test', name: 'Ben again', role: 'rep' });
  assert.equal(dup.status, 409);
  // each Ben signs in to his own organisation with his own password
  const { c, csrf } = await loginPage('198.51.100.60');
  const a = await c.postForm('/login', { csrf_token: csrf, email: 'ben@beta.test', password: 'Acme-ben-password-1' }, from('198.51.100.60'));
  assert.equal(a.status, 303);
  const me = await c.get('/account');
  assert.match(me.text, /Ben in Acme/);
  assert.doesNotMatch(me.text, /Beta Trading/);
  const b = await ctx.signIn('ben@beta.test');
  assert.doesNotMatch((await b.get('/account')).text, /Acme Sales/);
});

test('an address in two organisations with one password: the form asks which, naming only those two', async () => {
  const { c, csrf } = await loginPage('198.51.100.70');
  const r = await c.postForm('/login', { csrf_token: csrf, email: 'sam@both.test', password: PASSWORD }, from('198.51.100.70'));
  assert.equal(r.status, 200);
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')), 'not signed in yet');
  const form = formFrom(r.text, '/login');
  assert.ok(form.fields.includes('org'), `fields ${form.fields}`);
  const options = [...r.text.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(options.sort(), ['acme', 'beta']);
  const in2 = await c.postForm('/login', { csrf_token: csrf, email: 'sam@both.test', password: PASSWORD, org: 'beta' }, from('198.51.100.70'));
  assert.equal(in2.status, 303);
  assert.match((await c.get('/account')).text, /Sam in Beta/);
  // with a password that opens only one of them, no question: straight in
  const p = await loginPage('198.51.100.71');
  const pat = await p.c.postForm('/login', { csrf_token: p.csrf, email: 'pat@both.test', password: 'Beta-garden-2024' }, from('198.51.100.71'));
  assert.equal(pat.status, 303);
  assert.match((await p.c.get('/account')).text, /Pat in Beta/);
  // an organisation the password does not open is not a way in
  const q = await loginPage('198.51.100.72');
  const wrong = await q.c.postForm('/login', { csrf_token: q.csrf, email: 'pat@both.test', password: 'Beta-garden-2024', org: 'acme' }, from('198.51.100.72'));
  assert.equal(wrong.status, 401);
  assert.doesNotMatch(wrong.text, /beta|Beta Trading/);
});

test('sessions and API tokens name their organisation; another number opens nothing', async () => {
  const c = await ctx.signIn('rita@acme.test');
  const cookie = c.jar.get('sg_session');
  assert.match(cookie, new RegExp(`^${ctx.ids.acme}\\.[A-Za-z0-9_-]{43}$`));
  const swapped = ctx.client();
  swapped.jar.set('sg_session', cookie.replace(/^\d+/, String(ctx.ids.beta)));
  assert.equal((await swapped.get('/')).status, 303);
  const tok = createToken(ctx.db, 'beta', 'ben@beta.test');
  assert.match(tok, new RegExp(`^sg_${ctx.ids.beta}\\.`));
  assert.equal((await apiClient(ctx.base, tok.replace(/^sg_\d+/, `sg_${ctx.ids.acme}`)).get('/api/v1/me')).status, 401);
});
