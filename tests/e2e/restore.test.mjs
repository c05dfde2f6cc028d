// restore: a backup taken while the server runs and writes go on restores
// into a new database, and that database is the backup's snapshot, every
// table row by row. Restoring over a database that holds data is refused,
// and so is a file that is not a backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sg, sgAsync, freshDb, sqlExec, psql, startServer, Client } from './lib.mjs';

function withDb(t) {
  const db = freshDb();
  t.after(() => db.drop());
  return db;
}

function pgToolsUsable(db) {
  try {
    const dump = /(\d+)/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))[1];
    const server = Math.floor(Number(psql(db.url, 'SHOW server_version_num').trim()) / 10000);
    return Number(dump) >= server ? null : `pg_dump ${dump} is older than the server (${server})`;
  } catch (e) {
    return `pg_dump not usable: ${e.message}`;
  }
}

function tables(db) {
  const sql = db.kind === 'sqlite'
    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    : 'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name';
  return sqlExec(db, sql).trim().split('\n').filter(Boolean);
}

// every row of a table, one line each, in the order of all its columns
function rows(db, table) {
  const ncols = Number(sqlExec(db, db.kind === 'sqlite'
    ? `SELECT count(*) FROM pragma_table_info('${table}')`
    : `SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}'`).trim());
  const order = Array.from({ length: ncols }, (_, i) => i + 1).join(', ');
  if (db.kind === 'sqlite')
    return execFileSync('sqlite3', ['-separator', '\t', '-nullvalue', '\\N', db.file,
      `SELECT * FROM "${table}" ORDER BY ${order}`], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').filter(Boolean);
  return execFileSync('psql', ['-X', '-q', '-At', db.url, '-c',
    `COPY (SELECT * FROM "${table}" ORDER BY ${order}) TO STDOUT`], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\n').filter(Boolean);
}

test('a backup taken during writes restores into a new database equal to it row by row', { timeout: 600_000 }, async (t) => {
  const db = withDb(t);
  if (db.kind === 'pg') {
    const why = pgToolsUsable(db);
    if (why) { t.skip(why); return; }
  }
  // sgAsync: no time limit, the demo organisation is big
  const d = await sgAsync(['demo'], { db, env: { SALESGARDEN_TODAY: '2026-11-23' } });
  assert.equal(d.code, 0, d.stderr);
  const demo = d.stdout;
  const adminPassword = /^admin\s+admin@fjordpolder\.example\s+(\S+)/m.exec(demo)[1];
  const srv = await startServer(db, { env: { SALESGARDEN_TODAY: '2026-11-23' } });
  t.after(() => srv.kill());
  const before = Number(sqlExec(db, 'SELECT count(*) FROM api_tokens').trim());
  // writes keep coming while the backup is taken: API tokens made one after
  // another by the command line, and the server answering pages
  let writing = true, made = 0;
  const writer = (async () => {
    while (writing) {
      const r = await sgAsync(['token', 'create', '--org', 'demo', '--email', 'admin@fjordpolder.example',
        '--label', `busy ${made}`], { db });
      assert.equal(r.code, 0, r.stderr);
      made++;
    }
  })();
  const c = new Client(srv.base);
  while (made < 2) await c.get('/login');
  const file = path.join(db.dir, db.kind === 'sqlite' ? 'backup.db' : 'backup.dump');
  const b = await sgAsync(['backup', file], { db });
  assert.equal(b.code, 0, b.stderr);
  while (made < 4) await c.get('/login');
  writing = false;
  await writer;
  assert.equal((await srv.stop()).code, 0);

  const copy = withDb(t);
  const r = sg(['restore', file], { db: copy });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^restored .* schema version \d+/);

  assert.deepEqual(tables(copy), tables(db), 'the same tables');
  let compared = 0;
  const restored = {};
  for (const table of tables(db)) {
    const live = rows(db, table), back = rows(copy, table);
    restored[table] = back;
    if (table === 'api_tokens') {
      // the snapshot holds the tokens made before it, not those made after
      assert.ok(back.length >= before + 1 && back.length < live.length,
        `api_tokens: ${back.length} restored, ${before} before the writes, ${live.length} after them`);
      const liveSet = new Set(live);
      for (const row of back) assert.ok(liveSet.has(row), `restored token row is one of the source's: ${row}`);
    } else if (table === 'audit_log') {
      // each token made writes its audit row in the same transaction: the
      // snapshot holds the source's first rows, none missing between them
      assert.ok(back.length < live.length, `audit_log: ${back.length} restored, ${live.length} after the writes`);
      assert.deepEqual(back, live.slice(0, back.length), 'audit_log: the restored rows are the source\'s first ones');
    } else {
      assert.deepEqual(back, live, `table ${table}`);
    }
    compared += live.length;
  }
  assert.ok(compared > 5000, `the demo organisation's rows were compared (${compared})`);
  // one snapshot: as many tokens made during the writes as their audit rows
  const busyTokens = restored.api_tokens.filter((row) => row.includes('\tbusy ')).length;
  const busyAudit = restored.audit_log.filter((row) => row.includes('\ttoken\t') && row.includes('"label":"busy ')).length;
  assert.ok(busyTokens >= 1, `tokens made during the writes were restored (${busyTokens})`);
  assert.equal(busyAudit, busyTokens, 'each restored token has its audit row, and no audit row its token is missing');

  // the restored database serves: a demo login works
  const srv2 = await startServer(copy, { env: { SALESGARDEN_TODAY: '2026-11-23' } });
  t.after(() => srv2.kill());
  const c2 = new Client(srv2.base);
  await c2.signIn('admin@fjordpolder.example', adminPassword);
  assert.equal((await c2.get('/admin/users')).status, 200);
  assert.equal((await srv2.stop()).code, 0);

  // never over data: restoring again into the same database is refused, and it is unchanged
  const again = sg(['restore', file], { db: copy });
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already holds/);
  assert.deepEqual(rows(copy, 'users'), rows(db, 'users'));
});

test('restore of a file that is not a backup says so and exits 1', (t) => {
  const db = withDb(t);
  const junk = path.join(db.dir, 'junk.db');
  writeFileSync(junk, 'this is not a database\n'.repeat(100));
  const r = sg(['restore', junk], { db });
  assert.equal(r.code, 1);
  assert.match(r.stderr, db.kind === 'sqlite' ? /not a Salesgarden backup/ : /pg_restore failed/);
  assert.equal(sg(['restore'], { db }).code, 2, 'no FILE is bad usage');
});
