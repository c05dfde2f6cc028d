// paging-cut: a list longer than a download may hold says so next to the
// download links (the file holds the first EXPORT_LIMIT rows, 100,000),
// and still pages with the count of every row. The 100,001 rows are
// written straight into the database, on SQLite and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const ROWS = 100001;

function insertMany() {
  const { acme, rita } = ctx.ids;
  const day = ctx.db.kind === 'sqlite' ? "date(x, 'unixepoch')"
    : "to_char(to_timestamp(x) AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
  const rows = ctx.db.kind === 'sqlite'
    ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS}) SELECT 1790000000 - i * 60 AS x FROM n`
    : `SELECT 1790000000 - i * 60 AS x FROM generate_series(1, ${ROWS}) AS i`;
  sqlExec(ctx.db, `INSERT INTO conversations (org_id, rep_id, kind, at, held_on, minutes, gut_feeling, outcome, created_at)
    SELECT ${acme}, ${rita}, 'call', x, ${day}, 10, 3, 'none', x FROM (${rows}) AS g;`);
}

test('more rows than a download holds: the page says so, and still counts and pages them all', async () => {
  insertMany();
  const ann = await ctx.signIn('ann@acme.test');
  const r = await ann.get('/conversations?who=org&from=2026-01-01&to=2026-12-31');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.text, /class="muted pager-count">1–50 of 100,001</);
  assert.match(r.text, /The download holds the first 100,000 of these 100,001 rows\./);
  const small = await ann.get('/conversations?who=org&from=2026-12-31&to=2026-12-31');
  assert.doesNotMatch(small.text, /The download holds the first/, 'no word of it when the file holds all');
});

testCleanStop(ctx);
