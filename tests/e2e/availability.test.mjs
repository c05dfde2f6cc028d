// availability: nobody can stop the server. Anonymous uploads are refused on
// their headers, before a byte of body is read, and the server's memory stays
// flat while a dozen of them try; uploads are limited in number; /healthz
// answers while every worker waits on the database; the answers the server
// makes before routing (414, 431) carry the security headers, and HSTS comes
// with TLS; periods beyond the one range of dates answer 400; a statement
// that runs over its time limit answers 503 and is logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { useServer, createToken, apiClient, startServer, sqlExec, PASSWORD } from './lib.mjs';

// one upload at a time, so the limit is seen with two
const ctx = useServer({ env: { SALESGARDEN_MAX_UPLOADS: '1' } });

const MiB = 1 << 20;

/** The server's resident memory in KiB (/proc/PID/status VmRSS). */
function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]);
}

/**
 * A raw HTTP/1.1 request whose body is sent chunked, 1 MiB a chunk, until
 * `total` bytes have gone or the server answers or closes the connection.
 * Resolves to { status, headers, sent, complete } once the connection is
 * closed, where `complete` tells whether the whole body went out.
 *
 * With `expect`, the request says "Expect: 100-continue" and waits for the
 * server's word before sending any body, as curl does with large bodies: a
 * refusal is then read for sure. Without it the body follows the headers at
 * once, as an attacker sends it; a server that closes on the unread body
 * then resets the connection, and node may lose the answer with its EPIPE,
 * so only the early close can be seen.
 */
function chunkedPost(port, path, total, headers = {}, { hold = false, onSocket, expect = false } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    if (onSocket) onSocket(sock);
    let raw = '';
    let sent = 0;
    let closed = false;
    let complete = false;
    const chunk = Buffer.alloc(MiB, 0x61);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const finish = () => {
      if (closed) return;
      closed = true;
      const head = raw.split('\r\n\r\n')[0];
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]) || 0;
      const hdrs = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) hdrs[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status, headers: hdrs, sent, complete });
    };
    sock.on('data', (d) => {
      raw += d.toString('latin1');
      // the answer's head is all we look at (the connection may be kept alive)
      if (/^HTTP\/1\.1 [2-5]\d\d /.test(raw) && raw.includes('\r\n\r\n')) {
        finish();
        if (!hold) sock.destroy();
      }
    });
    // a write after the server closed fails (EPIPE, ECONNRESET); the answer
    // it sent before may still be read, so the outcome is taken at 'close'
    sock.on('error', () => {});
    sock.on('close', finish);
    sock.on('connect', async () => {
      const h = {
        Host: 'localhost', 'Content-Type': 'multipart/form-data; boundary=xyz', 'Transfer-Encoding': 'chunked',
        ...(expect ? { Expect: '100-continue' } : {}),
        ...headers,
      };
      sock.write(`POST ${path} HTTP/1.1\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      if (expect) {
        await new Promise((r) => {
          const check = () => (raw.includes('\r\n\r\n') || closed ? r() : sock.once('data', () => setImmediate(check)));
          sock.once('close', r);
          check();
        });
        if (/^HTTP\/1\.1 100/.test(raw)) raw = raw.slice(raw.indexOf('\r\n\r\n') + 4);
        else { sock.end(); return; }
      }
      // as a browser does, stop sending once an answer has come
      while (sent < total && !closed && !sock.destroyed && !raw) {
        const ok = sock.write(framed);
        sent += MiB;
        if (!ok) {
          await new Promise((r) => {
            sock.once('drain', r);
            sock.once('close', r);
          });
        }
      }
      if (!closed && !sock.destroyed && sent >= total) {
        complete = true;
        // the last chunk, without closing our side: a client that half-closes
        // may be taken for one that went away before its answer
        if (!hold) sock.write('0\r\n\r\n');
      }
    });
  });
}

test('twelve anonymous chunked uploads are refused on their headers; memory stays flat', async () => {
  const pid = ctx.server.proc.pid;
  // warm up: the first requests grow the arenas and connections once
  for (let i = 0; i < 3; i++) await ctx.client().get('/login');
  const before = rssKiB(pid);
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rssKiB(pid)); }, 20);
  const total = 48 * MiB;
  // six send their bodies blindly, six wait for the server's word first
  const answers = await Promise.all(Array.from({ length: 12 },
    (_, i) => chunkedPost(ctx.server.port, '/import', total, {}, { expect: i % 2 === 1 })));
  clearInterval(sampler);
  peak = Math.max(peak, rssKiB(pid));
  answers.forEach((a, i) => {
    assert.ok(!a.complete, `the server closed before the body was sent (${a.sent / MiB} of ${total / MiB} MiB went)`);
    if (i % 2 === 1) {
      // a page route: the stranger is sent to sign in, and sent no body
      assert.equal(a.status, 303, 'an anonymous upload is sent to /login');
      assert.match(a.headers.location, /^\/login\?next=%2Fimport$/);
      assert.equal(a.sent, 0, 'no body was asked for');
    }
  });
  const grewMiB = (peak - before) / 1024;
  assert.ok(grewMiB < 64, `resident memory grew by ${grewMiB.toFixed(1)} MiB (bound 64 MiB)`);
  // and the server is still there
  assert.equal((await ctx.client().get('/healthz')).status, 200);
});

test('a rep, or an admin with a wrong CSRF header, is refused before the body is read', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const rep = await chunkedPost(ctx.server.port, '/import', 16 * MiB, { Cookie: rita.cookieHeader() },
    { expect: true });
  assert.equal(rep.status, 403, 'a rep may not import: refused on the headers');
  assert.ok(!rep.complete, 'the rep\'s body was not read');
  // an admin without the right CSRF header is refused before the body too
  const ann = await ctx.signIn('ann@acme.test');
  const bad = await chunkedPost(ctx.server.port, '/import', 16 * MiB,
    { Cookie: ann.cookieHeader(), 'X-CSRF-Token': 'not-the-token' }, { expect: true });
  assert.equal(bad.status, 403);
  assert.ok(!bad.complete, 'a body behind a wrong CSRF header was not read');
});

test('only a multipart upload may be large: any other body on an upload route is held to the form limit', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const r = await rawRequest(ctx.server.port, 'POST /import HTTP/1.1\r\nHost: localhost\r\n'
    + `Cookie: ${ann.cookieHeader()}\r\nX-CSRF-Token: ${ann.csrf}\r\n`
    + 'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4194304\r\n'
    + 'Expect: 100-continue\r\nConnection: close\r\n\r\n');
  assert.equal(r.status, 413, 'a 4 MiB form is over the 1 MiB limit of forms, upload route or not');
});

test('uploads beyond the limit answer 503 with Retry-After; the upload under way is not disturbed', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const headers = { Cookie: ann.cookieHeader(), 'X-CSRF-Token': ann.csrf };
  // the first upload is sent in part and kept open: it holds the one slot
  let firstSock, first, firstEnded;
  const startFirst = () => {
    firstEnded = false;
    first = chunkedPost(ctx.server.port, '/import', 2 * MiB, headers,
      { hold: true, onSocket: (s) => { firstSock = s; } });
    first.then(() => { firstEnded = true; });
  };
  startFirst();
  // wait until the server reads its body, i.e. it holds the slot: a second
  // one is then refused at once
  let second;
  // (a loaded machine may take a while to start reading the first body; and
  // a second one may reach the server first and take the slot, so that the
  // first is the one refused: then the first is sent again)
  for (let i = 0; i < 1200; i++) {
    if (firstEnded) {
      startFirst();
      await new Promise((r) => setTimeout(r, 100));
    }
    second = await chunkedPost(ctx.server.port, '/import', 4 * MiB, headers, { expect: true });
    if (second.status === 503 && !firstEnded) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(second.status, 503);
  assert.ok(second.headers['retry-after'], 'Retry-After on the 503');
  assert.match(second.headers['content-security-policy'] || '', /default-src 'self'/);
  const f = await Promise.race([first, new Promise((r) => setTimeout(() => r(null), 10))]);
  assert.equal(f, null, 'the first upload is still being received');
  // once it has gone, uploads are taken again
  firstSock.destroy();
  await first;
  let again;
  for (let i = 0; i < 200; i++) {
    const fd = new FormData();
    fd.append('csrf_token', ann.csrf);
    fd.append('kind', 'deals');
    fd.append('preset', 'auto');
    fd.append('file', new Blob(['Deal name,Amount\nA,1\n'], { type: 'text/csv' }), 'a.csv');
    again = await ann.request('POST', '/import', { body: fd });
    if (again.status !== 503) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(again.status, 303, 'an upload after the first one ended is taken');
  assert.match(again.location, /^\/import\/\d+$/);
});

/** Sends raw bytes and returns the answer's status line and headers. */
function rawRequest(port, text) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(text));
    let raw = '';
    sock.on('data', (d) => { raw += d.toString('latin1'); });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      const head = raw.split('\r\n\r\n')[0];
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (!m) return reject(new Error(`no answer: ${raw.slice(0, 200)}`));
      const headers = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(m[1]), headers, body: raw.slice(head.length + 4) });
    });
  });
}

function assertSecurityHeaders(h, what) {
  assert.match(h['content-security-policy'] || '', /frame-ancestors 'none'/, `CSP on ${what}`);
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['x-frame-options'], 'DENY', what);
  assert.ok(h['referrer-policy'], `Referrer-Policy on ${what}`);
}

test('an address or headers too long are answered by us (414, 431) with the security headers', async () => {
  // over our limits (8 KiB of address, 16 KiB of headers) and within the
  // 32 KiB libmicrohttpd holds per connection: answered by us
  const uri = await rawRequest(ctx.server.port,
    `GET /login?x=${'a'.repeat(12 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  assert.equal(uri.status, 414);
  assertSecurityHeaders(uri.headers, '414');
  const hdr = await rawRequest(ctx.server.port,
    `GET /login HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`);
  assert.equal(hdr.status, 431);
  assertSecurityHeaders(hdr.headers, '431');
  const hdr2 = await rawRequest(ctx.server.port,
    `GET /login HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(12 * 1024)}\r\nConnection: close\r\n\r\n`);
  assert.equal(hdr2.status, 200, 'headers under our own limit are served');
});

test('HSTS when the request came over TLS, not otherwise', async () => {
  const c = ctx.client();
  for (const p of ['/login', '/healthz', '/nowhere', '/api/v1/me']) {
    const tls = await c.get(p, { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(tls.headers.get('strict-transport-security') || '', /^max-age=\d{7,}/, `HSTS on ${p} over TLS`);
    const plain = await c.get(p);
    assert.equal(plain.headers.get('strict-transport-security'), null, `no HSTS on ${p} over plain HTTP`);
  }
  const long = await rawRequest(ctx.server.port,
    `GET /login?x=${'a'.repeat(12 * 1024)} HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n`);
  assert.equal(long.status, 414);
  assert.match(long.headers['strict-transport-security'] || '', /^max-age=/);
});

test('sign-in behind a TLS proxy (X-Forwarded-Proto: https) sets the session cookie Secure; over plain HTTP not', async () => {
  for (const tls of [true, false]) {
    const c = ctx.client();
    const headers = tls ? { 'X-Forwarded-Proto': 'https' } : {};
    const { csrf } = await c.page('/login', { headers });
    const r = await c.postForm('/login', { csrf_token: csrf, email: 'rita@acme.test', password: PASSWORD }, { headers });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const session = r.cookies.find((x) => x.startsWith('sg_session='));
    assert.ok(session, `a session cookie: ${r.cookies.join(' | ')}`);
    assert.match(session, /; HttpOnly/);
    assert.equal(/;\s*Secure(;|$)/.test(session), tls, `Secure ${tls ? 'behind https' : 'absent over http'}: ${session}`);
    if (tls) assert.match(r.headers.get('strict-transport-security') || '', /^max-age=/);
  }
});

test('periods after 2200 (and before 1900) answer 400 on pages and in the API', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  for (const p of ['2201-01', '2201-Q1', 'FY2201', '9999-12', '1899-12']) {
    const r = await api.get(`/api/v1/results?period=${p}`);
    assert.equal(r.status, 400, `API ${p}`);
    assert.equal(r.json.error, 'INVALID', `API ${p}`);
    const page = await rita.get(`/numbers?period=${p}`);
    assert.equal(page.status, 400, `page ${p}`);
  }
  // the last month of the range is still a period
  assert.equal((await api.get('/api/v1/results?period=2200-12')).status, 200);
  assert.equal((await rita.get('/numbers?period=2200-12')).status, 200);
});

/**
 * Holds the write lock of the database in another process until release():
 * every request that writes waits for it (SQLite's busy timeout, PostgreSQL's
 * lock queue), as behind a long import or a slow statement.
 */
async function holdWriteLock(db) {
  const proc = db.kind === 'sqlite'
    ? spawn('sqlite3', [db.file], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn('psql', ['-X', '-q', '-At', db.url], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stdin.write(db.kind === 'sqlite'
    ? ".timeout 10000\nBEGIN IMMEDIATE;\nUPDATE api_tokens SET last_used_at = last_used_at;\nSELECT 'locked';\n"
    : "BEGIN;\nLOCK TABLE api_tokens IN EXCLUSIVE MODE;\nSELECT 'locked';\n");
  for (let i = 0; i < 400 && !out.includes('locked'); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(out.includes('locked'), 'the lock was taken');
  return {
    release: () => new Promise((r) => {
      proc.on('close', r);
      proc.stdin.end(db.kind === 'sqlite' ? 'ROLLBACK;\n' : 'ROLLBACK;\n');
    }),
  };
}

test('/healthz answers while every worker waits on the database', async () => {
  // a token's first use records it (a write); four of them against two
  // workers, with the write lock held elsewhere, keep both workers waiting
  const tokens = ['rita', 'rob', 'max', 'mia'].map((n) => createToken(ctx.db, 'acme', `${n}@acme.test`));
  const lock = await holdWriteLock(ctx.db);
  let slowDone = 0;
  const slow = tokens.map((t) => apiClient(ctx.base, t).get('/api/v1/me').then((r) => { slowDone++; return r; }));
  // give the workers the slow requests first
  await new Promise((r) => setTimeout(r, 300));
  const h = await ctx.client().get('/healthz');
  const doneAtHealthz = slowDone;
  const st = await ctx.client().get('/static/app.css');
  const doneAtStatic = slowDone;
  await lock.release();
  const answers = await Promise.all(slow);
  assert.equal(h.status, 200);
  assert.equal(h.text.trim(), 'ok');
  assert.equal(st.status, 200);
  assert.equal(doneAtHealthz, 0, '/healthz was answered before any of the requests waiting on the database');
  assert.equal(doneAtStatic, 0, 'a static file too');
  for (const a of answers) assert.ok([200, 503].includes(a.status), `the waiting requests end (${a.status})`);
});

test('a statement over its time limit answers 503 (page in the chrome, API UNAVAILABLE) and is logged', async () => {
  // 200,000 accounts: counting those whose name matches reads them all, far
  // beyond 1 ms on any machine; with the usual limit the same page is fine
  const many = ctx.db.kind === 'sqlite'
    ? "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) "
      + "INSERT INTO accounts (org_id, name, created_at) SELECT 1, 'Bulk ' || x, 0 FROM n"
    : "INSERT INTO accounts (org_id, name, created_at) SELECT 1, 'Bulk ' || x, 0 FROM generate_series(1, 200000) x";
  sqlExec(ctx.db, many);
  const token = createToken(ctx.db, 'acme', 'rita@acme.test');
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/accounts?q=bulk')).status, 200, 'within the usual limit');

  const tight = await startServer(ctx.db, { env: { SALESGARDEN_STATEMENT_TIMEOUT: '1' }, name: 'tight' });
  try {
    const c = new rita.constructor(tight.base);
    c.jar = new Map(rita.jar);
    const page = await c.get('/accounts?q=bulk');
    assert.equal(page.status, 503);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.text, /<header class="top">/, 'the error page is in the chrome');
    const api = await apiClient(tight.base, token).get('/api/v1/accounts?q=bulk');
    assert.equal(api.status, 503);
    assert.equal(api.json.error, 'UNAVAILABLE');
    assert.equal((await c.get('/healthz')).status, 200);
    await tight.stop();
    assert.match(tight.log(), /a statement ran over its time limit of 1 ms and was stopped: /);
  } finally {
    await tight.kill();
  }
});

test('form and JSON bodies beyond the bytes held at once answer 503 with Retry-After', async () => {
  // 64 KiB in flight at most: one body of 100 KiB is already beyond it
  const small = await startServer(ctx.db, { env: { SALESGARDEN_MAX_INFLIGHT: '65536' }, name: 'inflight' });
  try {
    const token = createToken(ctx.db, 'acme', 'rita@acme.test');
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    // announced: refused on the headers (the client waits for the server's word)
    const announced = await rawRequest(small.port,
      `POST /api/v1/accounts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n`
      + 'Content-Type: application/json\r\nContent-Length: 102400\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n');
    assert.equal(announced.status, 503);
    assert.ok(announced.headers['retry-after'], 'Retry-After');
    // chunked: counted as it comes, refused at its end, the excess dropped
    const chunked = await chunkedPost(small.port, '/api/v1/accounts', 2 * MiB, auth, { expect: true });
    assert.equal(chunked.status, 503);
    assert.ok(chunked.headers['retry-after'], 'Retry-After');
    // a body within the limit is taken
    const ok = await apiClient(small.base, token).post('/api/v1/accounts', { name: 'Within bounds B.V.' });
    assert.equal(ok.status, 201);
  } finally {
    await small.kill();
  }
});
