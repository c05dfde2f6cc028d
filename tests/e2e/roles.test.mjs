// roles: who may open what. Reps and managers are kept out of /admin; admins
// get in; a rep's /teams shows their own team only; nobody reaches another
// organisation's users or teams, neither on the pages nor through the API;
// a manager's user list holds the reps of the teams they lead and no others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, listOf } from './lib.mjs';

const ctx = useServer();
const adminPages = () => ['/admin/users', '/admin/teams', `/admin/users/${ctx.ids.rita}`, `/admin/teams/${ctx.ids.north}`];

test('a rep gets 403 on the admin pages', async () => {
  const c = await ctx.signIn('rita@acme.test');
  for (const p of adminPages()) {
    const r = await c.get(p);
    assert.equal(r.status, 403, p);
    assert.match(r.text, /Salesgarden/, 'an error page in the chrome');
    assert.doesNotMatch(r.text, /rob@acme\.test/);
  }
});

test('a rep cannot add a user through the admin form, even with a valid CSRF token', async () => {
  const c = await ctx.signIn('rita@acme.test');
  const r = await c.postForm('/admin/users', {
    csrf_token: c.csrf, email: 'sneaky@acme.test', name: 'Sneaky', role: 'admin',
  });
  assert.equal(r.status, 403);
});

test('a manager gets 403 on the admin pages', async () => {
  const c = await ctx.signIn('max@acme.test');
  for (const p of adminPages())
    assert.equal((await c.get(p)).status, 403, p);
});

test("the navigation offers the admin pages to admins only", async () => {
  const rep = await ctx.signIn('rita@acme.test');
  assert.doesNotMatch((await rep.get('/')).text, /href="\/admin\/users"/);
  const admin = await ctx.signIn('ann@acme.test');
  assert.match((await admin.get('/')).text, /href="\/admin\/users"/);
});

test('an admin opens the admin pages of their organisation', async () => {
  const c = await ctx.signIn('ann@acme.test');
  for (const p of adminPages()) {
    const r = await c.get(p);
    assert.equal(r.status, 200, p);
  }
  const users = await c.get('/admin/users');
  for (const name of ['Ann Admin', 'Max Manager', 'Mia Manager', 'Rita Rep', 'Rob Rep'])
    assert.ok(users.text.includes(name), `${name} on /admin/users`);
  for (const name of ['Bea Admin', 'Ben Rep'])
    assert.ok(!users.text.includes(name), `${name} (other organisation) not on /admin/users`);
  const teams = await c.get('/admin/teams');
  assert.ok(teams.text.includes('North') && teams.text.includes('South'));
  assert.ok(!teams.text.includes('Beta Team'));
});

test("a rep's /teams lists their own team and not the other team", async () => {
  const c = await ctx.signIn('rita@acme.test');
  const r = await c.get('/teams');
  assert.equal(r.status, 200);
  assert.ok(r.text.includes('North'), 'their team North');
  assert.ok(r.text.includes('Max Manager'), 'their manager');
  assert.ok(!r.text.includes('South'), 'not the team South');
  assert.ok(!r.text.includes('Rob Rep'), 'not the rep of South');
  assert.ok(!r.text.includes('Beta Team'), 'nothing of the other organisation');
});

test("an admin of organisation B gets 404 for organisation A's users and teams", async () => {
  const c = await ctx.signIn('bea@beta.test');
  for (const p of [`/admin/users/${ctx.ids.rita}`, `/admin/users/${ctx.ids.ann}`, `/admin/teams/${ctx.ids.north}`]) {
    const r = await c.get(p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.text.includes('Rita Rep') && !r.text.includes('Ann Admin') && !r.text.includes('North'), `no data of A on ${p}`);
  }
  // and cannot change them either
  const r = await c.postForm(`/admin/users/${ctx.ids.rita}/active`, { csrf_token: c.csrf, active: '0' });
  assert.equal(r.status, 404);
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/')).status, 200, 'Rita is still active');
});

test("organisation B's API token gets 404 for organisation A's user and team", async () => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'beta', 'bea@beta.test'));
  for (const p of [`/api/v1/users/${ctx.ids.rita}`, `/api/v1/users/${ctx.ids.ann}`, `/api/v1/teams/${ctx.ids.north}`]) {
    const r = await api.get(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.json?.error, 'NOTFOUND', p);
    assert.ok(!r.text.includes('acme.test'), `no data of A in ${p}`);
  }
  const users = listOf((await api.get('/api/v1/users')).json, 'users');
  assert.deepEqual(users.map((u) => u.email).sort(), ['bea@beta.test', 'ben@beta.test']);
  const teams = listOf((await api.get('/api/v1/teams')).json, 'teams');
  assert.deepEqual(teams.map((t) => t.name), ['Beta Team']);
});

test('a manager sees through the API only the reps of the teams they lead', async () => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'max@acme.test'));
  const r = await api.get('/api/v1/users');
  assert.equal(r.status, 200);
  const emails = listOf(r.json, 'users').map((u) => u.email);
  assert.ok(emails.includes('rita@acme.test'), `Rita (North) in ${emails}`);
  assert.ok(!emails.includes('rob@acme.test'), `Rob (South) not in ${emails}`);
  assert.ok(!emails.some((e) => e.endsWith('@beta.test')), `nobody of beta in ${emails}`);
  assert.ok(!emails.includes('ann@acme.test') && !emails.includes('mia@acme.test'), `no other managers/admins in ${emails}`);
  // one at a time: a led rep yes, another team's rep no
  assert.equal((await api.get(`/api/v1/users/${ctx.ids.rita}`)).status, 200);
  const rob = await api.get(`/api/v1/users/${ctx.ids.rob}`);
  assert.ok([403, 404].includes(rob.status), `Rob: ${rob.status}`);
  assert.ok(!rob.text.includes('rob@acme.test'));
});

test('an admin sees through the API every user of their organisation and nobody else', async () => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const r = await api.get('/api/v1/users');
  assert.equal(r.status, 200);
  assert.deepEqual(listOf(r.json, 'users').map((u) => u.email).sort(),
    ['ann@acme.test', 'max@acme.test', 'mia@acme.test', 'rita@acme.test', 'rob@acme.test']);
});

test("a rep sees through the API no other team's people", async () => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  const r = await api.get('/api/v1/users');
  assert.equal(r.status, 200);
  const emails = listOf(r.json, 'users').map((u) => u.email);
  assert.ok(emails.includes('rita@acme.test'), `herself in ${emails}`);
  assert.ok(!emails.includes('rob@acme.test') && !emails.some((e) => e.endsWith('@beta.test')), `${emails}`);
  const rob = await api.get(`/api/v1/users/${ctx.ids.rob}`);
  assert.ok([403, 404].includes(rob.status), `Rob: ${rob.status}`);
  const south = await api.get(`/api/v1/teams/${ctx.ids.south}`);
  assert.ok([403, 404].includes(south.status), `South: ${south.status}`);
  assert.equal((await api.get(`/api/v1/teams/${ctx.ids.north}`)).status, 200);
});

testCleanStop(ctx);
