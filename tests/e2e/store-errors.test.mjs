// store-errors: the one error path of pages and API (resp_store_error). A
// query that fails with a SQL error is our bug: 500 "something went wrong on
// our side" on the page and in the API alike, and a line in the server's log
// naming the route and the database's own message. A database that cannot be
// reached (here: SQLite's write lock held by another process) is still 503
// with Retry-After.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { useServer, createToken, sqlExec, apiClient } from './lib.mjs';

const ctx = useServer();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a page whose query fails with a SQL error answers 500 and logs the error with its route', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const token = createToken(ctx.db, 'acme', 'ann@acme.test');
  const api = apiClient(ctx.base, token);
  assert.equal((await c.get('/accounts')).status, 200);
  sqlExec(ctx.db, 'ALTER TABLE accounts RENAME TO accounts_away');
  try {
    const page = await c.get('/accounts');
    assert.equal(page.status, 500, 'a SQL error is not "database not available"');
    assert.match(page.text, /Something went wrong on our side/);
    assert.doesNotMatch(page.text, /not available/);
    assert.equal(page.headers.get('retry-after'), null);
    const a = await api.get('/api/v1/accounts');
    assert.equal(a.status, 500);
    assert.equal(a.json?.error, 'INTERNAL');
  } finally {
    sqlExec(ctx.db, 'ALTER TABLE accounts_away RENAME TO accounts');
  }
  await sleep(200);	// the log is a pipe
  const log = ctx.server.log();
  assert.match(log, /GET \/accounts: store error INTERNAL: .*accounts/, 'the page logs route and detail');
  assert.match(log, /GET \/api\/v1\/accounts: store error INTERNAL: .*accounts/, 'so does the API');
  assert.equal((await c.get('/accounts')).status, 200, 'and all is well again');
});

// on PostgreSQL, errors.test.mjs stops the server under a running salesgarden
test('a database that cannot be reached is still 503 with Retry-After', async (t) => {
    if (ctx.db.kind !== 'sqlite') return t.skip('SQLite only');
    const c = await ctx.signIn('rita@acme.test');
    const { csrf } = await c.page('/accounts');
    // another process holds the write lock past the server's busy timeout
    const holder = spawn('sqlite3', [ctx.db.file], { stdio: ['pipe', 'pipe', 'inherit'] });
    holder.stdin.write('BEGIN EXCLUSIVE;\nSELECT \'locked\';\n');
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    try {
      const r = await c.postForm('/accounts', { csrf_token: csrf, name: 'Locked Out BV' });
      assert.equal(r.status, 503);
      assert.match(r.text, /not available/);
      assert.equal(r.headers.get('retry-after'), '5');
    } finally {
      holder.stdin.end('ROLLBACK;\n');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    assert.match(ctx.server.log(), /POST \/accounts: database unavailable: /);
  });
