// copy: moving from SQLite to PostgreSQL. The demo organisation in SQLite is
// copied into a new PostgreSQL database with `salesgarden copy`, and both are
// then compared table by table, row by row (as JSON values, so a number that
// became text or a lost NULL would show); the copy serves, and new rows get
// fresh ids. A target that holds tables is refused. Needs a PostgreSQL server:
// runs in the PostgreSQL pass of make test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sg, sgAsync, freshDb, psql, PG_BASE, startServer, Client, addTeam } from './lib.mjs';

const skip = PG_BASE ? false : 'needs PostgreSQL (SG_PG_URL_BASE): runs in the PostgreSQL pass';

function sqliteTables(file) {
  return execFileSync('sqlite3', [file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"],
    { encoding: 'utf8' }).trim().split('\n');
}
function pgTables(url) {
  return psql(url, 'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name')
    .trim().split('\n');
}
const canon = (row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));
function sqliteRows(file, table) {
  const out = execFileSync('sqlite3', ['-json', file, `SELECT * FROM "${table}"`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return (out.trim() ? JSON.parse(out) : []).map(canon).sort();
}
function pgRows(url, table) {
  const out = execFileSync('psql', ['-X', '-q', '-At', url, '-c',
    `SELECT coalesce(json_agg(row_to_json(x)), '[]') FROM "${table}" x`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out).map(canon).sort();
}

test('copy puts the demo organisation from SQLite into PostgreSQL, every table row by row', { skip, timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-copy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const src = { kind: 'sqlite', file: path.join(dir, 'src.db') };
  src.url = `sqlite:${src.file}`;
  const d = await sgAsync(['demo'], { db: src, env: { SALESGARDEN_TODAY: '2026-11-23' } });
  assert.equal(d.code, 0, d.stderr);
  const adminPassword = /^admin\s+admin@fjordpolder\.example\s+(\S+)/m.exec(d.stdout)[1];
  const dst = freshDb();
  t.after(() => dst.drop());

  const r = await sgAsync(['copy', '--from', src.url, '--to', dst.url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^copied \d+ rows in \d+ tables; every table's count matches the source$/m);

  const tables = sqliteTables(src.file);
  assert.deepEqual(pgTables(dst.url), tables, 'the same tables');
  let compared = 0;
  for (const table of tables) {
    // the target's schema is made by its own migrations, at their own time
    const strip = (rows) => (table === 'schema_version'
      ? rows.map((r) => JSON.stringify(JSON.parse(r).filter(([k]) => k !== 'applied_at'))).sort() : rows);
    const a = strip(sqliteRows(src.file, table)), b = strip(pgRows(dst.url, table));
    assert.equal(b.length, a.length, `${table}: rows`);
    for (let i = 0; i < a.length; i++)
      assert.equal(b[i], a[i], `${table}: row ${i + 1} of ${a.length}`);
    compared += a.length;
  }
  assert.ok(compared > 5000, `the demo organisation's rows were compared (${compared})`);

  // the copy serves, and a new row gets an id past the copied ones
  const maxTeam = Number(psql(dst.url, 'SELECT max(id) FROM teams').trim());
  const id = addTeam(dst, 'demo', 'After the move');
  assert.ok(id > maxTeam, `new team id ${id} after ${maxTeam}`);
  const srv = await startServer(dst, { env: { SALESGARDEN_TODAY: '2026-11-23' } });
  t.after(() => srv.kill());
  const c = new Client(srv.base);
  await c.signIn('admin@fjordpolder.example', adminPassword);
  const page = await c.get('/admin/teams');
  assert.equal(page.status, 200);
  assert.match(page.text, /After the move/);
  assert.equal((await srv.stop()).code, 0);

  // never into a database that holds tables
  const again = sg(['copy', '--from', src.url, '--to', dst.url]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already holds tables/);
});

test('copy asks for a SQLite source and a PostgreSQL target', () => {
  assert.equal(sg(['copy', '--from', 'sqlite:x.db']).code, 2, 'no --to is bad usage');
  const r = sg(['copy', '--from', 'postgresql://a@b/c', '--to', 'postgresql://a@b/d']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--from must be a SQLite database/);
  const s = sg(['copy', '--from', 'sqlite:x.db', '--to', 'sqlite:y.db']);
  assert.equal(s.code, 1);
  assert.match(s.stderr, /--to must be a PostgreSQL database/);
});
