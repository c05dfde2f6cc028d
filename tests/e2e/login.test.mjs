// login: signing in and out as a browser does it — the login form and its
// CSRF token, the session cookie's attributes, wrong passwords, missing or
// foreign CSRF tokens, signing out (the old cookie stops working), throttling
// after five wrong passwords, and changing one's password on /account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, seedStandard, addUser, Client, formFrom, PASSWORD } from './lib.mjs';

const ctx = useServer({
  seed(db) {
    const ids = seedStandard(db);
    ids.tess = addUser(db, 'acme', 'tess@acme.test', 'Tess Throttle', 'rep', { team: 'North' });
    ids.pete = addUser(db, 'acme', 'pete@acme.test', 'Pete Password', 'rep', { team: 'North' });
    return ids;
  },
});

test('GET /login shows a form that posts e-mail, password and a CSRF token', async () => {
  const c = ctx.client();
  const r = await c.page('/login');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  const form = formFrom(r.text, '/login');
  assert.ok(form, 'a form with action="/login"');
  assert.equal(form.method, 'post');
  for (const f of ['email', 'password', 'csrf_token'])
    assert.ok(form.fields.includes(f), `field ${f} in ${form.fields}`);
  assert.ok(r.csrf && r.csrf.length >= 20, 'a CSRF token of some length');
  assert.ok(c.jar.has('sg_csrf'), 'the pre-login CSRF cookie is set');
});

test('a page that needs a session sends a visitor to /login?next=...', async () => {
  const r = await ctx.client().get('/');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2F');
});

test('the right password gives 303 to / with an HttpOnly, SameSite=Lax session cookie', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  const r = await c.postForm('/login', { csrf_token: csrf, email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/');
  const cookie = r.cookies.find((l) => l.startsWith('sg_session='));
  assert.ok(cookie, `a sg_session cookie in ${r.cookies}`);
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=Lax/i);
  assert.match(cookie, /;\s*Path=\//i);
  const home = await c.get('/');
  assert.equal(home.status, 200);
  assert.match(home.text, /Rita Rep/);
});

test('the e-mail address is matched without regard to case', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  const r = await c.postForm('/login', { csrf_token: csrf, email: '  Rita@ACME.test ', password: PASSWORD });
  assert.equal(r.status, 303);
});

test('a next= address is kept through the login, but only a local one', async () => {
  const c = ctx.client();
  let p = await c.page('/login?next=%2Fteams');
  let r = await c.postForm('/login', { csrf_token: p.csrf, next: '/teams', email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/teams');
  const d = ctx.client();
  p = await d.page('/login');
  r = await d.postForm('/login', { csrf_token: p.csrf, next: '//evil.example/x', email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/');
});

test('a wrong password answers 401 with the form and an error', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  const r = await c.postForm('/login', { csrf_token: csrf, email: 'rob@acme.test', password: 'not the password' });
  assert.equal(r.status, 401);
  assert.ok(formFrom(r.text, '/login'), 'the login form again');
  assert.match(r.text, /The e-mail address or the password is not right\./);
  assert.match(r.text, /value="rob@acme\.test"/, 'the address is kept in the form');
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')), 'no session cookie');
});

test('an unknown address gets the same answer as a wrong password', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  const r = await c.postForm('/login', { csrf_token: csrf, email: 'nobody@acme.test', password: PASSWORD });
  assert.equal(r.status, 401);
  assert.match(r.text, /The e-mail address or the password is not right\./);
});

test('POST /login without a csrf_token answers 403', async () => {
  const c = ctx.client();
  await c.page('/login');
  const r = await c.postForm('/login', { email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 403);
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')));
});

test("POST /login with another visitor's csrf_token answers 403", async () => {
  const other = ctx.client();
  const theirs = (await other.page('/login')).csrf;
  const c = ctx.client();
  const mine = (await c.page('/login')).csrf;
  assert.notEqual(mine, theirs);
  const r = await c.postForm('/login', { csrf_token: theirs, email: 'rita@acme.test', password: PASSWORD });
  assert.equal(r.status, 403);
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')));
});

test('signing out ends the session: the old cookie no longer opens a page', async () => {
  const c = await ctx.signIn('rob@acme.test');
  const session = c.jar.get('sg_session');
  assert.ok(session);
  const home = await c.page('/');
  assert.equal(home.status, 200);
  const out = await c.postForm('/logout', { csrf_token: home.csrf });
  assert.equal(out.status, 303);
  assert.match(out.location, /^\/login/);
  assert.ok(!c.jar.has('sg_session'), 'the cookie is deleted in the browser');
  let r = await c.get('/');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2F');
  // and on the server: replaying the old cookie does not work either
  const replay = ctx.client();
  replay.jar.set('sg_session', session);
  r = await replay.get('/');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2F');
});

test('POST /logout without the CSRF token answers 403 and keeps the session', async () => {
  const c = await ctx.signIn('rob@acme.test');
  const r = await c.postForm('/logout', {});
  assert.equal(r.status, 403);
  assert.equal((await c.get('/')).status, 200);
});

test('after 5 wrong passwords the 6th attempt answers 429 with Retry-After, even with the right password', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  for (let i = 1; i <= 5; i++) {
    const r = await c.postForm('/login', { csrf_token: csrf, email: 'tess@acme.test', password: `wrong-${i}-password` });
    assert.equal(r.status, 401, `attempt ${i}`);
  }
  const r = await c.postForm('/login', { csrf_token: csrf, email: 'tess@acme.test', password: PASSWORD });
  assert.equal(r.status, 429);
  const after = Number(r.headers.get('retry-after'));
  assert.ok(Number.isInteger(after) && after > 0 && after <= 15 * 60, `Retry-After: ${r.headers.get('retry-after')}`);
  assert.match(r.text, /Too many failed attempts/);
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')));
  // other addresses are not affected
  const d = ctx.client();
  const p = await d.page('/login');
  assert.equal((await d.postForm('/login', { csrf_token: p.csrf, email: 'rita@acme.test', password: PASSWORD })).status, 303);
});

test('changing the password on /account: the new one works, the old one no longer; other sessions end', async () => {
  const elsewhere = await ctx.signIn('pete@acme.test');
  const c = await ctx.signIn('pete@acme.test');
  const acct = await c.page('/account');
  assert.equal(acct.status, 200);
  const form = formFrom(acct.text, '/account/password');
  assert.ok(form, 'a form posting to /account/password');
  assert.equal(form.method, 'post');
  // read the field names from the form: current, new, repeat, in page order
  const pw = form.inputs.filter((i) => i.type === 'password').map((i) => i.name);
  assert.equal(pw.length, 3, `three password fields, got ${pw}`);
  const fresh = 'Fresh-garden-2025';
  const fields = { csrf_token: acct.csrf, [pw[0]]: PASSWORD, [pw[1]]: fresh, [pw[2]]: fresh };
  for (const i of form.inputs)
    if (i.name && !(i.name in fields) && i.type === 'hidden') fields[i.name] = i.value;

  // a wrong current password changes nothing
  const bad = await c.postForm('/account/password', { ...fields, [pw[0]]: 'not-my-password' });
  assert.ok(bad.status >= 400 && bad.status < 500, `wrong current password: ${bad.status}`);

  // a repeat that differs changes nothing
  const mismatch = await c.postForm('/account/password', { ...fields, [pw[2]]: 'Other-garden-2025' });
  assert.ok(mismatch.status >= 400 && mismatch.status < 500, `mismatched repeat: ${mismatch.status}`);

  const r = await c.postForm('/account/password', fields);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const done = await c.get(r.location);
  assert.equal(done.status, 200, 'this session goes on');
  assert.match(done.text, /Your password was changed/);
  const other = await elsewhere.get('/');
  assert.equal(other.status, 303, 'the other session is signed out');
  assert.equal(other.location, '/login?next=%2F');

  const withNew = ctx.client();
  const p1 = await withNew.page('/login');
  const ok = await withNew.postForm('/login', { csrf_token: p1.csrf, email: 'pete@acme.test', password: fresh });
  assert.equal(ok.status, 303);
  const withOld = ctx.client();
  const p2 = await withOld.page('/login');
  const no = await withOld.postForm('/login', { csrf_token: p2.csrf, email: 'pete@acme.test', password: PASSWORD });
  assert.equal(no.status, 401);
});

testCleanStop(ctx);
