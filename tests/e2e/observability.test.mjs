// observability: what an operator reads. Every answer carries an
// X-Request-Id (the proxy's own when it sends a plain one), the access log
// has one logfmt line per request with that id, the route and the status and
// never the query string, and /metrics counts requests by route and status
// with a consistent histogram — served to this machine only, or with the
// token from anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import { useServer, testCleanStop, startServer, freshDb, seedStandard, Client } from './lib.mjs';

const ctx = useServer();
test('the server is up', () => { ctx.startedAt = Math.floor(Date.now() / 1000); });

// the value of a Prometheus sample, 0 when it is not there
function sample(text, name, labels) {
  const want = `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(want));
  return line ? Number(line.slice(want.length)) : 0;
}

async function logLine(srv, id) {
  for (let i = 0; i < 100; i++) {
    const line = srv.log().split('\n').find((l) => l.includes(`request_id=${id} `));
    if (line) return line;
    await sleep(20);
  }
  return null;
}

test('every answer has a request id, and the access log has one logfmt line with it', async () => {
  const c = new Client(ctx.base);
  const a = await c.get('/login?next=%2Fsecret-search');
  const b = await c.get('/login');
  const idA = a.headers.get('x-request-id'), idB = b.headers.get('x-request-id');
  assert.match(idA, /^[0-9a-f]{8}-[0-9a-f]+$/);
  assert.notEqual(idA, idB, 'each request its own id');
  for (const p of ['/static/app.css', '/api/v1/me', '/no/such/page', '/healthz'])
    assert.ok((await c.get(p)).headers.get('x-request-id'), `${p} has an id`);

  const line = await logLine(ctx.server, idA);
  assert.ok(line, 'the request is in the log');
  assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ request_id=\S+ method=GET path=\/login route=\/login status=200 duration_ms=\d+\.\d\d bytes=\d+$/);
  assert.doesNotMatch(line, /secret-search/, 'the query string is not logged');

  // a signed-in request names the organisation and the user
  await c.signIn('rita@acme.test');
  const me = await c.get('/');
  const l2 = await logLine(ctx.server, me.headers.get('x-request-id'));
  assert.match(l2, / route=\/ status=200 .* org=\d+ user=\d+$/);
});

test("a proxy's plain request id is kept; anything else is replaced, and a path cannot forge a line", async () => {
  const c = new Client(ctx.base);
  const kept = await c.get('/login', { headers: { 'X-Request-Id': 'proxy-7f3a.42_x' } });
  assert.equal(kept.headers.get('x-request-id'), 'proxy-7f3a.42_x');
  const replaced = await c.get('/login', { headers: { 'X-Request-Id': 'a b"c' } });
  assert.match(replaced.headers.get('x-request-id'), /^[0-9a-f]{8}-[0-9a-f]+$/);
  const odd = await c.get('/x%22%20status=999%0aforged');
  const line = await logLine(ctx.server, odd.headers.get('x-request-id'));
  assert.ok(line);
  // the path is logged as it came, percent-encoded, and quoted where it holds an "="
  assert.match(line, / path="\/x%22%20status=999%0aforged" route=- status=404 /);
  assert.ok(!/^forged/m.test(ctx.server.log()), 'no line starts with the forged text');
  // a raw quote and backslash in the request line are escaped
  const raw = await new Promise((resolve, reject) => {
    const s = net.connect(ctx.server.port, '127.0.0.1', () => s.end('GET /a"b\\c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    let out = '';
    s.on('data', (d) => { out += d; });
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
  const rawId = /x-request-id: (\S+)/i.exec(raw)[1];
  assert.match(await logLine(ctx.server, rawId), / path="\/a\\"b\\\\c" route=- status=404 /);
});

test('/metrics counts requests by route and status, with a consistent histogram and the pool', async () => {
  const c = new Client(ctx.base);
  const before = (await c.get('/metrics')).text;
  const n0 = sample(before, 'salesgarden_http_requests_total', 'method="GET",route="/login",status="200"');
  for (let i = 0; i < 5; i++) await c.get('/login');
  await c.get('/deals/1');	// not signed in: sent to sign in
  const m = await c.get('/metrics');
  assert.equal(m.status, 200);
  assert.match(m.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const t = m.text;
  assert.equal(sample(t, 'salesgarden_http_requests_total', 'method="GET",route="/login",status="200"'), n0 + 5);
  assert.ok(sample(t, 'salesgarden_http_requests_total', 'method="GET",route="/deals/:id",status="303"') >= 1);
  // buckets never fall, +Inf is the count, and the count is every /login answer
  const lbl = 'method="GET",route="/login"';
  const buckets = t.split('\n').filter((l) => l.startsWith(`salesgarden_http_request_duration_seconds_bucket{${lbl},`))
    .map((l) => Number(l.split(' ').pop()));
  assert.equal(buckets.length, 13);
  for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i] >= buckets[i - 1], 'cumulative buckets');
  const count = sample(t, 'salesgarden_http_request_duration_seconds_count', lbl);
  assert.equal(buckets.at(-1), count);
  const loginTotal = t.split('\n').filter((l) => l.startsWith(`salesgarden_http_requests_total{${lbl},`))
    .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
  assert.equal(count, loginTotal);
  assert.ok(sample(t, 'salesgarden_http_request_duration_seconds_sum', lbl) > 0);
  // the pool: the server runs two workers (+2 connections)
  const inUse = sample(t, 'salesgarden_db_pool_connections', 'state="in_use"');
  const idle = sample(t, 'salesgarden_db_pool_connections', 'state="idle"');
  assert.equal(inUse + idle, 4);
  assert.match(t, /^salesgarden_import_jobs_running 0$/m);
  // running it for real (issue 16): the webhook backlog (none: no subscription) and attempts by result
  assert.match(t, /^salesgarden_webhook_outbox_pending 0$/m);
  assert.match(t, /^salesgarden_webhook_outbox_oldest_pending_seconds 0$/m);
  for (const result of ['delivered', 'failed', 'refused', 'gave_up'])
    assert.match(t, new RegExp(`^salesgarden_webhook_deliveries_total\\{result="${result}"\\} 0$`, 'm'));
  // the start time is the server's start, not the first request's or scrape's
  const started = Number(/^salesgarden_start_time_seconds (\d+)$/m.exec(t)[1]);
  assert.ok(started <= ctx.startedAt && started >= ctx.startedAt - 120, `started ${started}, test server up by ${ctx.startedAt}`);
  assert.match(t, /^# TYPE salesgarden_http_request_duration_seconds histogram$/m);
});

test('/metrics through a proxy is refused without the token', async () => {
  const c = new Client(ctx.base);
  for (const h of [{ 'X-Forwarded-For': '203.0.113.9' }, { 'X-Forwarded-Proto': 'https' }, { Forwarded: 'for=203.0.113.9' }]) {
    const r = await c.get('/metrics', { headers: h });
    assert.equal(r.status, 403, JSON.stringify(h));
    assert.doesNotMatch(r.text, /salesgarden_http_requests_total/);
  }
});

test('with SALESGARDEN_METRICS_TOKEN, /metrics wants exactly that bearer token', async (t) => {
  const db = freshDb();
  t.after(() => db.drop());
  seedStandard(db);
  const srv = await startServer(db, { env: { SALESGARDEN_METRICS_TOKEN: 'm3trics-Token-0123456789' } });
  t.after(() => srv.kill());
  const c = new Client(srv.base);
  assert.equal((await c.get('/metrics')).status, 403, 'not even from this machine without it');
  assert.equal((await c.get('/metrics', { headers: { Authorization: 'Bearer m3trics-Token-012345678X' } })).status, 403);
  // a request is counted once its answer has gone out (the server's
  // completion callback), which may come just after the client has it and
  // sent the next request on another connection: ask again for a moment
  const want = /salesgarden_http_requests_total\{method="GET",route="\/metrics",status="403"\} 2\n/;
  let ok;
  for (let i = 0; i < 50; i++) {
    ok = await c.get('/metrics', { headers: { Authorization: 'Bearer m3trics-Token-0123456789', 'X-Forwarded-For': '203.0.113.9' } });
    assert.equal(ok.status, 200);
    if (want.test(ok.text)) break;
    await new Promise((res) => setTimeout(res, 20));
  }
  assert.match(ok.text, want);
  assert.equal((await srv.stop()).code, 0);
});

testCleanStop(ctx);
