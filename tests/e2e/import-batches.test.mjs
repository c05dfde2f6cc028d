// import-batches: an import commits in batches, so it no longer blocks the
// app's writes, and still keeps its all-or-nothing promise (issue 13, "An
// import blocks all writes"). With 100,000 deals generated here:
//   - while they are imported through the import page, every write through
//     the API succeeds (one import used to hold SQLite's only write lock for
//     its whole run: writes waited 5 s and got 503); the same during a dry
//     run of them, which now writes nothing at all;
//   - an all-or-nothing import whose last row is bad leaves nothing (the
//     store tests undo committed batches with batches of a few rows);
//   - a server killed with SIGKILL in the middle of an all-or-nothing import
//     undoes it when it starts again, and the job shows as failed;
//   - the same for `salesgarden import` killed in the middle: the next
//     import undoes what it left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  useServer, startServer, freshDb, seedStandard, sqlExec, sgOk, createToken, apiClient, Client, BIN,
} from './lib.mjs';

const ROWS = 100_000;

/** A deals file: n rows of the generic layout, ids prefixed, ~200 accounts. */
// each file's titles carry its prefix: deals of one file equal in title, owner,
// amount and close date to another's would be refused as duplicates
function dealsCsv(n, { prefix = 'b', badLast = false } = {}) {
  const lines = ['id,owner,amount,title,account'];
  for (let i = 1; i <= n; i++) {
    const amount = badLast && i === n ? 'not a number' : String(100 + (i % 900));
    lines.push(`${prefix}-${String(i).padStart(6, '0')},rita@acme.test,${amount},Deal ${prefix}${i},${prefix} Account ${i % 200}`);
  }
  return lines.join('\n') + '\n';
}

async function upload(c, csv, name) {
  const fd = new FormData();
  fd.append('csrf_token', c.csrf);
  fd.append('kind', 'deals');
  fd.append('preset', 'auto');
  fd.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const r = await c.request('POST', '/import', { body: fd });
  assert.equal(r.status, 303, r.text);
  const m = /^\/import\/(\d+)$/.exec(r.headers.get('location') || '');
  assert.ok(m, `redirect to the preview, got ${r.headers.get('location')}`);
  return Number(m[1]);
}

/** Starts the job of an uploaded file; its id. */
async function run(c, fileId, { allOrNothing = false } = {}) {
  const r = await c.postForm(`/import/${fileId}/run`, {
    csrf_token: c.csrf, preset: 'auto', all_or_nothing: allOrNothing ? '1' : '0', dry_run: '0',
  });
  assert.equal(r.status, 303, r.text);
  const m = /^\/imports\/(\d+)$/.exec(r.headers.get('location') || '');
  assert.ok(m, `redirect to the job, got ${r.headers.get('location')}`);
  return Number(m[1]);
}

async function finished(c, jobId) {
  for (let i = 0; i < 6000; i++) {
    const r = await c.get(`/api/v1/imports/${jobId}`);
    assert.equal(r.status, 200, r.text);
    if (r.json.status !== 'running') return r.json;
    await sleep(50);
  }
  throw new Error(`import ${jobId} did not finish`);
}

const count = (db, sql) => Number(sqlExec(db, sql).trim());

const ctx = useServer();

/** Writes through the API while the job runs; how many, failing the test at the first refused one. */
async function writesDuring(c, api, jobId, tag) {
  let during = 0;
  for (let i = 0; ; i++) {
    const job = (await c.get(`/api/v1/imports/${jobId}`)).json;
    if (job.status !== 'running') break;
    const r = await api.post('/api/v1/accounts', { name: `${tag} ${i}` });
    if (r.status !== 201 && r.status !== 200) assert.fail(`write ${i} during the import: ${r.status} ${r.text}`);
    during++;
  }
  return during;
}

const big = {};

test('while 100,000 deals are imported, every write through the API succeeds', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  big.fileId = await upload(c, dealsCsv(ROWS), 'big.csv');
  const jobId = await run(c, big.fileId);
  const during = await writesDuring(c, api, jobId, 'Written during the import');
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.created, ROWS);
  // the writes really overlapped the import
  assert.ok(during >= 3, `only ${during} writes while the import ran`);
  assert.equal(count(ctx.db, `SELECT count(*) FROM deals WHERE org_id = ${ctx.ids.acme} AND external_id LIKE 'b-%'`), ROWS);
  assert.equal(count(ctx.db, `SELECT count(*) FROM accounts WHERE org_id = ${ctx.ids.acme} AND name LIKE 'Written during the import %'`), during);
  // a kept run leaves no journal behind
  assert.equal(count(ctx.db, 'SELECT count(*) FROM import_undo_deals'), 0);
  assert.equal(count(ctx.db, 'SELECT count(*) FROM import_undo'), 0);
});

test('a dry run of 100,000 deals writes nothing and lets every write through', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'rita@acme.test'));
  // the same file again with every amount changed: 100,000 updates checked, none made
  const fileId = await upload(c, dealsCsv(ROWS).replace(/,(\d+),Deal /g, (m, a) => `,${Number(a) + 1},Deal `), 'big-changed.csv');
  const r = await c.postForm(`/import/${fileId}/run`, { csrf_token: c.csrf, preset: 'auto', all_or_nothing: '0', dry_run: '1' });
  assert.equal(r.status, 303, r.text);
  const jobId = Number(/^\/imports\/(\d+)$/.exec(r.headers.get('location'))[1]);
  const during = await writesDuring(c, api, jobId, 'Written during the dry run');
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.updated, ROWS);
  assert.equal(job.saved, false);
  assert.ok(during >= 3, `only ${during} writes while the dry run ran`);
  assert.equal(count(ctx.db, `SELECT sum(value_minor) FROM deals WHERE org_id = ${ctx.ids.acme} AND external_id LIKE 'b-%'`),
    count(ctx.db, `SELECT sum(100 + (CAST(substr(external_id, 3) AS INTEGER) % 900)) * 100 FROM deals WHERE org_id = ${ctx.ids.acme} AND external_id LIKE 'b-%'`));
});

test('an all-or-nothing import of 20,000 deals with a bad last row leaves nothing', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const before = count(ctx.db, `SELECT count(*) FROM deals WHERE org_id = ${ctx.ids.acme}`);
  const accountsBefore = count(ctx.db, `SELECT count(*) FROM accounts WHERE org_id = ${ctx.ids.acme}`);
  // 20,000 rows: batches (of a second) are committed before the last row fails
  const fileId = await upload(c, dealsCsv(20_000, { prefix: 'aon', badLast: true }), 'bad-last.csv');
  const jobId = await run(c, fileId, { allOrNothing: true });
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.saved, false);
  assert.equal(job.failed, 1);
  assert.equal(count(ctx.db, `SELECT count(*) FROM deals WHERE org_id = ${ctx.ids.acme}`), before);
  assert.equal(count(ctx.db, `SELECT count(*) FROM accounts WHERE org_id = ${ctx.ids.acme}`), accountsBefore);
  assert.equal(count(ctx.db, `SELECT count(*) FROM import_runs WHERE org_id = ${ctx.ids.acme} AND status = 'undone'`), 1);
});

/** Polls until the database holds at least n deals of the import (its batches are committed). */
async function untilDeals(db, org, prefix, n) {
  for (let i = 0; i < 2400; i++) {
    if (count(db, `SELECT count(*) FROM deals WHERE org_id = ${org} AND external_id LIKE '${prefix}-%'`) >= n) return;
    await sleep(50);
  }
  throw new Error(`no ${n} deals of the import committed in time`);
}

test('kill -9 in the middle of an all-or-nothing import: the next start undoes it', async (t) => {
  const db = freshDb();
  t.after(() => db.drop());
  const ids = seedStandard(db);
  let server = await startServer(db, { name: 'before-kill' });
  t.after(() => server.kill());
  const c = new Client(server.base);
  await c.signIn('ann@acme.test');
  const accountsBefore = count(db, `SELECT count(*) FROM accounts WHERE org_id = ${ids.acme}`);
  const fileId = await upload(c, dealsCsv(ROWS, { prefix: 'k' }), 'killed.csv');
  const jobId = await run(c, fileId, { allOrNothing: true });
  await untilDeals(db, ids.acme, 'k', 5000);
  server.proc.kill('SIGKILL');
  await new Promise((resolve) => (server.proc.exitCode !== null || server.proc.signalCode !== null
    ? resolve() : server.proc.on('exit', resolve)));
  // what the batches committed is there until the next start
  assert.ok(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE 'k-%'`) >= 5000);

  server = await startServer(db, { name: 'after-kill' });
  assert.equal(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE 'k-%'`), 0);
  assert.equal(count(db, `SELECT count(*) FROM accounts WHERE org_id = ${ids.acme}`), accountsBefore);
  assert.equal(count(db, 'SELECT count(*) FROM import_undo_deals'), 0);
  assert.equal(count(db, 'SELECT count(*) FROM import_undo'), 0);
  const c2 = new Client(server.base);
  await c2.signIn('ann@acme.test');
  const job = (await c2.get(`/api/v1/imports/${jobId}`)).json;
  assert.equal(job.status, 'failed');
  assert.match(job.message, /The server stopped before the import finished/);
});

test('kill -9 of `salesgarden import` in the middle: the next import undoes what it left', async (t) => {
  const db = freshDb();
  t.after(() => db.drop());
  const ids = seedStandard(db);
  const big = path.join(db.dir, 'big.csv');
  writeFileSync(big, dealsCsv(ROWS, { prefix: 'cli' }));
  const proc = spawn(BIN, ['import', 'deals', big, '--org', 'acme', '--all-or-nothing', '--db', db.url],
    { stdio: 'ignore', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  t.after(() => proc.kill('SIGKILL'));
  await untilDeals(db, ids.acme, 'cli', 5000);
  proc.kill('SIGKILL');
  await exited;
  assert.ok(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE 'cli-%'`) >= 5000);
  // the audit log: the deals kept so far are not without a row of their
  // import — its "start" row committed with the first batch
  const auditRows = (action) => count(db, `SELECT count(*) FROM audit_log WHERE org_id = ${ids.acme} `
    + `AND kind = 'import' AND action = '${action}'`);
  assert.equal(auditRows('start'), 1);
  assert.equal(auditRows('import'), 0);
  assert.equal(count(db, `SELECT count(*) FROM audit_log WHERE org_id = ${ids.acme} AND kind = 'import' `
    + `AND action = 'start' AND via = 'cli' AND after_json LIKE '%big.csv%'`), 1);

  const small = path.join(db.dir, 'small.csv');
  writeFileSync(small, dealsCsv(3, { prefix: 'after' }));
  sgOk(['import', 'deals', small, '--org', 'acme'], { db });
  assert.equal(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE 'cli-%'`), 0);
  assert.equal(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE 'after-%'`), 3);
  assert.equal(count(db, `SELECT count(*) FROM import_runs WHERE org_id = ${ids.acme} AND status = 'running'`), 0);
  // the undoing ended the stopped import's row: "undo", by the system; the
  // next import has its start and its end
  assert.equal(auditRows('undo'), 1);
  assert.equal(count(db, `SELECT count(*) FROM audit_log WHERE org_id = ${ids.acme} AND kind = 'import' `
    + `AND action = 'undo' AND via = 'system' AND actor_id IS NULL AND after_json LIKE '%rolled back%'`), 1);
  assert.equal(auditRows('start'), 2);
  assert.equal(auditRows('import'), 1);
});
