// errors: the edges of the HTTP side — badly encoded forms and query strings
// (400 naming the field), wrong methods (405), /healthz, the security headers
// on every kind of answer, static assets, the page language (Accept-Language,
// the language switch and its cookie, a user's saved choice), a graceful stop
// with a request in flight, and — on PostgreSQL — the database going away
// (503) and coming back (200) without restarting salesgarden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  useServer, testCleanStop, startServer, freshDb, seedStandard, addOrg, addUser, createToken,
  Client, PG_BASE, freePort, pgScript, listOf, apiClient,
} from './lib.mjs';

const ctx = useServer();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a badly encoded form field answers 400 naming the field', async () => {
  const c = ctx.client();
  const { csrf } = await c.page('/login');
  const r = await c.request('POST', '/login', {
    body: `csrf_token=${csrf}&email=rita%40acme.test&password=%zz`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(r.status, 400);
  assert.match(r.text, /form field &#39;password&#39;|form field 'password'|form field &apos;password&apos;/);
  assert.ok(!r.cookies.some((l) => l.startsWith('sg_session=')));
  const a = await c.request('POST', '/login', {
    body: 'a=%zz', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(a.status, 400);
  assert.match(a.text, /form field (&#39;|'|&apos;)a(&#39;|'|&apos;)/);
});

test('a badly encoded query parameter answers 400 naming it', async () => {
  const r = await ctx.client().get('/login?next=%zz');
  assert.equal(r.status, 400);
  assert.match(r.text, /query parameter (&#39;|'|&apos;)next(&#39;|'|&apos;)/);
});

test('GET /healthz answers 200 "ok"', async () => {
  const r = await ctx.client().get('/healthz');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  assert.equal(r.text.trim(), 'ok');
});

test('every answer carries the security headers', async () => {
  const c = ctx.client();
  const token = createToken(ctx.db, 'acme', 'rita@acme.test');
  const answers = {
    'login page': await c.get('/login'),
    redirect: await c.get('/'),
    healthz: await c.get('/healthz'),
    'static file': await c.get('/static/app.css'),
    'page 404': await c.get('/nowhere'),
    'api 401': await c.get('/api/v1/me'),
    'api 200': await c.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } }),
    'api 404': await c.get('/api/v1/nowhere'),
    405: await c.request('PUT', '/healthz'),
  };
  for (const [what, r] of Object.entries(answers)) {
    const csp = r.headers.get('content-security-policy');
    assert.ok(csp, `Content-Security-Policy on ${what} (${r.status})`);
    assert.match(csp, /frame-ancestors 'none'/, what);
    assert.match(csp, /default-src 'self'/, what);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
    assert.ok(r.headers.get('referrer-policy'), `Referrer-Policy on ${what}`);
  }
});

test('static assets are served with their type', async () => {
  const c = ctx.client();
  let r = await c.get('/static/app.css');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/css/);
  assert.ok(r.text.length > 100);
  r = await c.get('/static/app.js');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/javascript|^application\/javascript/);
  r = await c.get('/static/favicon.svg');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^image\/svg\+xml/);
  r = await c.get('/static/chart.umd.js');
  assert.equal(r.status, 200, 'Chart.js is built in');
  r = await c.get('/static/nothing.css');
  assert.equal(r.status, 404);
  r = await c.get('/static/%2e%2e/migrations/0001_foundation.sql');
  assert.equal(r.status, 404);
});

test('a wrong method answers 405', async () => {
  const c = ctx.client();
  for (const [m, p] of [['GET', '/logout'], ['PUT', '/login'], ['DELETE', '/healthz'], ['POST', '/healthz']]) {
    const r = await c.request(m, p);
    assert.equal(r.status, 405, `${m} ${p}`);
  }
  const api = await c.request('DELETE', '/api/v1/me');
  assert.equal(api.status, 405);
  assert.equal(api.json?.error, 'INVALID');
});

test('Accept-Language picks the page language before signing in', async () => {
  const c = ctx.client();
  let r = await c.get('/login', { headers: { 'Accept-Language': 'nl-NL,nl;q=0.9,en;q=0.5' } });
  assert.equal(r.status, 200);
  assert.match(r.text, /<html lang="nl">/);
  r = await c.get('/login', { headers: { 'Accept-Language': 'nb-NO' } });
  assert.match(r.text, /<html lang="nb">/);
  r = await c.get('/login', { headers: { 'Accept-Language': 'de-DE,fr;q=0.8' } });
  assert.match(r.text, /<html lang="en">/);
  r = await c.get('/login');
  assert.match(r.text, /<html lang="en">/);
});

test('the language switch sets a sg_lang cookie that decides the language', async () => {
  const c = ctx.client();
  const p = await c.page('/login');
  const r = await c.postForm('/lang', { csrf_token: p.csrf, lang: 'nb', next: '/login' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login');
  const cookie = r.cookies.find((l) => l.startsWith('sg_lang='));
  assert.ok(cookie, `a sg_lang cookie in ${r.cookies}`);
  assert.match(cookie, /^sg_lang=nb;/);
  // the cookie wins over the browser's preference
  const page = await c.get('/login', { headers: { 'Accept-Language': 'nl-NL' } });
  assert.match(page.text, /<html lang="nb">/);
  // an unknown language is refused
  const bad = await c.postForm('/lang', { csrf_token: p.csrf, lang: 'xx', next: '/login' });
  assert.equal(bad.status, 400);
  // and the switch needs the CSRF token like every form
  const noToken = await ctx.client().postForm('/lang', { lang: 'nl', next: '/login' });
  assert.equal(noToken.status, 403);
});

test("a signed-in user's language choice is kept with the user", async () => {
  const c = await ctx.signIn('rob@acme.test');
  assert.match((await c.get('/')).text, /<html lang="en">/);
  const r = await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nl', next: '/teams' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/teams');
  assert.match((await c.get('/')).text, /<html lang="nl">/);
  // another browser, without the cookie, signing in as the same user
  const other = new Client(ctx.base);
  await other.signIn('rob@acme.test');
  assert.ok(!other.jar.has('sg_lang'));
  assert.match((await other.get('/')).text, /<html lang="nl">/);
});

test('the language switch only redirects to a local address', async () => {
  const c = ctx.client();
  const p = await c.page('/login');
  for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
    const r = await c.postForm('/lang', { csrf_token: p.csrf, lang: 'en', next });
    assert.equal(r.status, 303, next);
    assert.equal(r.location, '/', next);
  }
});

// Sends a request with "Expect: 100-continue" on a raw socket: the server's
// "100 Continue" proves the request is under way before SIGTERM is sent.
function slowRequest(port, { method, path: p, headers, body }) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    let continued = false;
    const state = {};
    state.continued = new Promise((res) => { state.onContinue = res; });
    state.sendBody = () => sock.write(body);
    state.response = new Promise((res) => { state.onResponse = res; });
    sock.setEncoding('utf8');
    sock.on('data', (d) => {
      buf += d;
      if (!continued && /^HTTP\/1\.1 100 /.test(buf)) {
        continued = true;
        const end = buf.indexOf('\r\n\r\n');
        if (end >= 0) {
          buf = buf.slice(end + 4);
          state.onContinue();
        }
      }
    });
    sock.on('end', () => state.onResponse(buf));
    sock.on('error', reject);
    const head = [`${method} ${p} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close',
      'Expect: 100-continue', `Content-Length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
    sock.write(head);
    resolve(state);
  });
}

test('SIGTERM while a request is under way: the request is still answered, then exit 0', async () => {
  const srv = await startServer(ctx.db, { name: 'graceful' });
  try {
    const token = createToken(ctx.db, 'acme', 'ann@acme.test');
    const body = JSON.stringify({ name: 'Late Team' });
    const req = await slowRequest(srv.port, {
      method: 'POST', path: '/api/v1/teams', body,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    await req.continued;
    srv.proc.kill('SIGTERM');
    // wait until the server has seen the signal, then finish the request
    for (let i = 0; i < 600 && !/received SIGTERM/.test(srv.log()); i++) await sleep(50);
    assert.match(srv.log(), /received SIGTERM/);
    req.sendBody();
    const raw = await req.response;
    assert.match(raw, /^HTTP\/1\.1 201 /, raw.slice(0, 300));
    const r = await srv.stop();
    assert.equal(r.code, 0, srv.log().slice(-2000));
    assert.match(r.stderr, /\bstopped\n/);
    // the team was written
    const teams = listOf((await apiClient(ctx.base, token).get('/api/v1/teams')).json, 'teams');
    assert.ok(teams.some((t) => t.name === 'Late Team'));
  } finally {
    await srv.kill();
  }
});

// Keeps `conns` keep-alive connections busy with GETs until `until` resolves;
// returns what came back: statuses, and how many requests ended on a closed
// connection instead.
async function hammer(port, paths, headers, conns, until) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const seen = { statuses: {}, closed: 0, bodies503: [] };
  let done = false;
  until.then(() => { done = true; });
  const one = (p) => new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        seen.statuses[res.statusCode] = (seen.statuses[res.statusCode] || 0) + 1;
        if (res.statusCode === 503 && seen.bodies503.length < 3) seen.bodies503.push(body);
        resolve();
      });
      res.on('error', () => { seen.closed++; resolve(); });
    });
    req.on('error', () => { seen.closed++; resolve(); });
  });
  await Promise.all(Array.from({ length: conns }, async (_, i) => {
    for (let n = i; !done; n++) await one(paths[n % paths.length]);
  }));
  agent.destroy();
  return seen;
}

test('SIGTERM under load, five times: every answer is whole (200, or 503 while stopping), then exit 0', async () => {
  const token = createToken(ctx.db, 'acme', 'ann@acme.test');
  for (let round = 0; round < 5; round++) {
    const srv = await startServer(ctx.db, { name: `load-stop-${round}` });
    try {
      const c = new Client(srv.base);
      await c.signIn('ann@acme.test');
      const headers = { Authorization: `Bearer ${token}` };
      // pages answered on libmicrohttpd's threads and on the workers, and the API
      const paths = ['/api/v1/teams', '/healthz', '/api/v1/me', '/login'];
      let stopNow;
      const until = new Promise((r) => { stopNow = r; });
      const load = hammer(srv.port, paths, headers, 32, until);
      await sleep(150 + round * 100);
      const exit = srv.stop();
      const r = await exit;
      stopNow();
      const seen = await load;
      const log = srv.log();
      assert.equal(r.code, 0, `round ${round}: ${log.slice(-1500)}`);
      assert.equal(r.signal, null);
      assert.match(log, /received SIGTERM/);
      assert.match(log, /\bstopped\n/);
      assert.doesNotMatch(log, /still under way/, 'every request ended before the drain\'s limit');
      assert.ok((seen.statuses[200] || 0) > 0, JSON.stringify(seen));
      for (const s of Object.keys(seen.statuses)) assert.ok(s === '200' || s === '503', `status ${s}: ${JSON.stringify(seen)}`);
      for (const b of seen.bodies503) assert.match(b, /restarting|busy/i, b);
    } finally {
      await srv.kill();
    }
  }
});

test('PostgreSQL going away answers 503; when it is back, 200 without restarting salesgarden',
  { skip: PG_BASE ? false : 'needs PostgreSQL (SG_PG_URL_BASE)' }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-pg-'));
    const port = await freePort();
    let db, srv;
    try {
      const base = pgScript('start', dir, String(port));
      assert.equal(base, `postgresql://postgres@127.0.0.1:${port}`);
      db = freshDb({ pgBase: base });
      addOrg(db, 'gone', 'Gone Away');
      addUser(db, 'gone', 'gina@gone.test', 'Gina Gone', 'admin');
      srv = await startServer(db, { name: 'pg-outage' });
      const c = new Client(srv.base);
      await c.signIn('gina@gone.test');
      assert.equal((await c.get('/')).status, 200);
      assert.equal((await c.get('/healthz')).status, 200);

      pgScript('stop', dir);
      let r = await c.get('/healthz');
      assert.equal(r.status, 503);
      // every page that needs the database says so, several times over
      for (let i = 0; i < 4; i++) {
        r = await c.get('/');
        assert.equal(r.status, 503, `signed-in GET / while the database is down (${i})`);
        assert.match(r.text, /Temporarily unavailable|The database is not available/);
      }
      r = await apiClient(srv.base, null).get('/api/v1/me', { Cookie: c.cookieHeader() });
      assert.equal(r.status, 503);
      assert.equal(r.json.error, 'UNAVAILABLE');

      pgScript('start', dir, String(port));
      // pooled connections find out one by one that they broke: the answers
      // are 503 until each is re-established, and never anything else
      const until200 = async (p) => {
        for (let i = 0; i < 100; i++) {
          const a = await c.get(p);
          if (a.status === 200) return a;
          assert.equal(a.status, 503, `${p} while reconnecting`);
          await sleep(100);
        }
        assert.fail(`${p} did not come back`);
      };
      await until200('/healthz');
      const home = await until200('/');
      assert.match(home.text, /Gina Gone/, 'still signed in: the session lives in the database');
      for (let i = 0; i < 6; i++)
        assert.equal((await c.get('/')).status, 200, `after recovery (${i})`);
      const stopped = await srv.stop();
      assert.equal(stopped.code, 0);
    } finally {
      if (srv) await srv.kill();
      if (db) db.drop();
      try { pgScript('stop', dir); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    }
  });

testCleanStop(ctx);
