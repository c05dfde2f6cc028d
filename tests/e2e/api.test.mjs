// api: the JSON API under /api/v1 as a client sees it — token authentication
// (missing or bad → 401 UNAUTHORIZED), /me, listing and creating teams and
// users with the right status and error code for each mistake (403
// FORBIDDEN, 409 CONFLICT, 400 INVALID naming the field, 413 TOOLARGE), 404
// as JSON under /api/ and as a page elsewhere, the OpenAPI description, and
// the CSRF header that a cookie session must send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, listOf } from './lib.mjs';

// a small body limit, so that "too large" is cheap to reach
const ctx = useServer({ env: { SALESGARDEN_MAX_BODY: '4096' } });
const tokens = {};
const as = (email) => {
  const org = email.endsWith('@beta.test') ? 'beta' : 'acme';
  tokens[email] ??= createToken(ctx.db, org, email);
  return apiClient(ctx.base, tokens[email]);
};

test('GET /api/v1/me with a Bearer token describes the caller', async () => {
  const r = await as('rita@acme.test').get('/api/v1/me');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const me = r.json;
  for (const k of ['id', 'email', 'name', 'role', 'org', 'teams'])
    assert.ok(k in me, `"${k}" in ${JSON.stringify(me)}`);
  assert.equal(me.id, ctx.ids.rita);
  assert.equal(me.email, 'rita@acme.test');
  assert.equal(me.name, 'Rita Rep');
  assert.equal(me.role, 'rep');
  assert.match(JSON.stringify(me.org), /acme|Acme Sales/);
  assert.ok(Array.isArray(me.teams));
  assert.deepEqual(me.teams.map((t) => t.name), ['North']);
});

test('no token answers 401 {"error":"UNAUTHORIZED"}', async () => {
  const r = await apiClient(ctx.base, null).get('/api/v1/me');
  assert.equal(r.status, 401);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.json.error, 'UNAUTHORIZED');
  assert.equal(typeof r.json.message, 'string');
});

test('a bad token, or another scheme than Bearer, answers 401', async () => {
  for (const auth of ['Bearer sg_notarealtoken', 'Bearer ', `Basic ${Buffer.from('a:b').toString('base64')}`]) {
    const r = await apiClient(ctx.base, null).get('/api/v1/me', { Authorization: auth });
    assert.equal(r.status, 401, auth);
    assert.equal(r.json.error, 'UNAUTHORIZED', auth);
  }
});

test('an API token does not open the HTML pages', async () => {
  const r = await as('ann@acme.test').get('/admin/users');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login/);
});

test('GET /api/v1/teams lists the organisation\'s teams for an admin', async () => {
  const r = await as('ann@acme.test').get('/api/v1/teams');
  assert.equal(r.status, 200);
  const teams = listOf(r.json, 'teams');
  assert.deepEqual(teams.map((t) => t.name).sort(), ['North', 'South']);
  const north = teams.find((t) => t.name === 'North');
  assert.equal(north.id, ctx.ids.north);
});

test('an admin creates a team: 201, and it can be read back', async () => {
  const api = as('ann@acme.test');
  const r = await api.post('/api/v1/teams', { name: 'East', territory: 'Oost', segment: 'SMB', manager_id: ctx.ids.max });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id ?? r.json.team?.id;
  assert.ok(Number.isInteger(id) && id > 0, `an id in ${r.text}`);
  const g = await api.get(`/api/v1/teams/${id}`);
  assert.equal(g.status, 200);
  const team = g.json.team ?? g.json;
  assert.equal(team.name, 'East');
  assert.equal(team.territory, 'Oost');
  const again = await api.post('/api/v1/teams', { name: 'East' });
  assert.equal(again.status, 409);
  assert.equal(again.json.error, 'CONFLICT');
});

test('a rep token cannot create a team or a user: 403 FORBIDDEN', async () => {
  const api = as('rita@acme.test');
  let r = await api.post('/api/v1/teams', { name: 'Rogue' });
  assert.equal(r.status, 403);
  assert.equal(r.json.error, 'FORBIDDEN');
  r = await api.post('/api/v1/users', { email: 'rogue@acme.test', name: 'Rogue', role: 'admin' });
  assert.equal(r.status, 403);
  assert.equal(r.json.error, 'FORBIDDEN');
  const list = listOf((await as('ann@acme.test').get('/api/v1/teams')).json, 'teams');
  assert.ok(!list.some((t) => t.name === 'Rogue'));
});

test('an admin creates a user: 201; the same e-mail again is 409 CONFLICT', async () => {
  const api = as('ann@acme.test');
  const body = { email: 'nina@acme.test', name: 'Nina New', role: 'rep', team_id: ctx.ids.north, password: 'Nina-garden-2024' };
  const r = await api.post('/api/v1/users', body);
  assert.equal(r.status, 201, r.text);
  const id = r.json.id ?? r.json.user?.id;
  assert.ok(Number.isInteger(id) && id > 0, `an id in ${r.text}`);
  const g = await api.get(`/api/v1/users/${id}`);
  assert.equal(g.status, 200);
  const user = g.json.user ?? g.json;
  assert.equal(user.email, 'nina@acme.test');
  assert.equal(user.role, 'rep');
  // her manager sees her now
  const maxList = listOf((await as('max@acme.test').get('/api/v1/users')).json, 'users');
  assert.ok(maxList.some((u) => u.email === 'nina@acme.test'));

  const dup = await api.post('/api/v1/users', { ...body, name: 'Nina Twice' });
  assert.equal(dup.status, 409);
  assert.equal(dup.json.error, 'CONFLICT');
  // an address used in another organisation is free here: unique per
  // organisation, so the answer tells nothing of the other one
  const other = await api.post('/api/v1/users', { ...body, email: 'ben@beta.test', name: 'Ben Here' });
  assert.equal(other.status, 201, other.text);
});

test('a field of the wrong type answers 400 INVALID naming the field', async () => {
  const api = as('ann@acme.test');
  let r = await api.post('/api/v1/teams', { name: 5 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error, 'INVALID');
  assert.ok(r.json.field === 'name' || /\bname\b/.test(r.json.message), JSON.stringify(r.json));
  r = await api.post('/api/v1/users', { email: 'x@acme.test', name: 'X', role: 'wizard' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error, 'INVALID');
  assert.ok(r.json.field === 'role' || /\brole\b/.test(r.json.message), JSON.stringify(r.json));
  r = await api.post('/api/v1/users', { email: 'not-an-address', name: 'X', role: 'rep' });
  assert.equal(r.status, 400);
  assert.ok(r.json.field === 'email' || /e-?mail/i.test(r.json.message), JSON.stringify(r.json));
});

test('malformed JSON, or JSON that is not an object, answers 400 INVALID', async () => {
  const api = as('ann@acme.test');
  for (const body of ['{"name": "Oops"', '["name"]', '{"name":"a","name":"b"}']) {
    const r = await api.post('/api/v1/teams', body);
    assert.equal(r.status, 400, body);
    assert.equal(r.json.error, 'INVALID', body);
  }
});

test('a body over the limit answers 413 {"error":"TOOLARGE"}', async () => {
  const api = as('ann@acme.test');
  const big = JSON.stringify({ name: 'Big', territory: 'x'.repeat(8192) });
  let r;
  try {
    r = await api.post('/api/v1/teams', big);
  } catch (e) {
    assert.fail(`the server should answer 413 rather than drop the connection: ${e.cause ?? e}`);
  }
  assert.equal(r.status, 413);
  assert.equal(r.json.error, 'TOOLARGE');
  const list = listOf((await api.get('/api/v1/teams')).json, 'teams');
  assert.ok(!list.some((t) => t.name === 'Big'));
});

test('a body over the limit sent in chunks (no Content-Length) answers 413 too', async () => {
  const chunk = new TextEncoder().encode(`{"name":"Chunked","territory":"${'y'.repeat(2000)}`);
  let sent = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (sent++ < 4) controller.enqueue(chunk);
      else { controller.enqueue(new TextEncoder().encode('"}')); controller.close(); }
    },
  });
  const r = await fetch(`${ctx.base}/api/v1/teams`, {
    method: 'POST', body, duplex: 'half',
    headers: { Authorization: `Bearer ${tokens['ann@acme.test']}`, 'Content-Type': 'application/json' },
  });
  assert.equal(r.status, 413);
  assert.equal((await r.json()).error, 'TOOLARGE');
});

test('an unknown address under /api/ answers 404 NOTFOUND as JSON', async () => {
  const r = await as('ann@acme.test').get('/api/v1/nothing-here');
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.json.error, 'NOTFOUND');
  const anon = await apiClient(ctx.base, null).get('/api/v2/me');
  assert.equal(anon.status, 404);
  assert.equal(anon.json.error, 'NOTFOUND');
});

test('an unknown address elsewhere answers a 404 page in the chrome', async () => {
  const r = await ctx.client().get('/no/such/page');
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.match(r.text, /<html lang="en">/);
  assert.match(r.text, /class="brand"[\s\S]*Salesgarden/);
  assert.match(r.text, /Page not found/);
});

test('GET /api/v1/openapi.json is an OpenAPI description of the endpoints', async () => {
  const r = await apiClient(ctx.base, null).get('/api/v1/openapi.json');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const doc = JSON.parse(r.text);
  assert.match(String(doc.openapi), /^3\./);
  assert.equal(typeof doc.paths, 'object');
  for (const p of ['/api/v1/me', '/api/v1/teams', '/api/v1/users'])
    assert.ok(p in doc.paths || p.replace('/api/v1', '') in doc.paths, `${p} in paths: ${Object.keys(doc.paths)}`);
  const idPath = Object.keys(doc.paths).find((p) => /\/users\/\{[^}]+\}$/.test(p));
  assert.ok(idPath, 'a /users/{id} path');
});

test('a cookie session must send X-CSRF-Token to POST to the API', async () => {
  const c = await ctx.signIn('ann@acme.test');
  let r = await c.sendJson('POST', '/api/v1/teams', { name: 'West' });
  assert.equal(r.status, 403);
  assert.equal(r.json.error, 'FORBIDDEN');
  r = await c.sendJson('POST', '/api/v1/teams', { name: 'West' }, { headers: { 'X-CSRF-Token': 'wrong-token-wrong-token' } });
  assert.equal(r.status, 403);
  r = await c.sendJson('POST', '/api/v1/teams', { name: 'West' }, { headers: { 'X-CSRF-Token': c.csrf } });
  assert.equal(r.status, 201, r.text);
  // reading needs no CSRF token
  r = await c.get('/api/v1/me');
  assert.equal(r.status, 200);
  assert.equal(r.json.email, 'ann@acme.test');
});

testCleanStop(ctx);
