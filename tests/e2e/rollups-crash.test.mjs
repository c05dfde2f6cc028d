// rollups-crash: the roll-ups of the figures (issue 15, migration 0027) are
// kept in the same transaction as the writes, so a crash cannot leave them
// behind the data. A server is killed with SIGKILL in the middle of an import
// of 30,000 closed deals (won and lost, with closing days) through the import
// page; what its committed batches wrote stays, and `salesgarden rollups
// check` finds the roll-ups equal to a full recomputation — before the
// restart and after it (when the server finishes or undoes the interrupted
// run). Also the same after an all-or-nothing import killed and undone at the
// next start. On SQLite, and on PostgreSQL with SG_PG_URL_BASE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, freshDb, seedStandard, sqlExec, sg, Client, PG_BASE } from './lib.mjs';

// PostgreSQL takes the rows by COPY, a batch a second: 30,000 rows were one
// batch, after which the run could finish before the kill (the test then
// killed a finished import). 150,000 rows take several batches there.
const ROWS = PG_BASE ? 150_000 : 30_000;

/** n closed deals: every third lost, the rest won, closing over 2026's first 28 days of each month */
function closedDealsCsv(n, prefix) {
  const lines = ['id,owner,amount,title,account,status,close date,lost reason'];
  for (let i = 1; i <= n; i++) {
    const lost = i % 3 === 0;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`${prefix}-${String(i).padStart(6, '0')},${i % 2 ? 'rita@acme.test' : 'rob@acme.test'},`
      + `${100 + (i % 900)},Deal ${prefix}${i},${prefix} Account ${i % 200},${lost ? 'lost' : 'won'},${day},`
      + `${lost ? 'price' : ''}`);
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
  return Number(/^\/import\/(\d+)$/.exec(r.headers.get('location') || '')[1]);
}

async function run(c, fileId, allOrNothing) {
  const r = await c.postForm(`/import/${fileId}/run`, {
    csrf_token: c.csrf, preset: 'auto', all_or_nothing: allOrNothing ? '1' : '0', dry_run: '0',
  });
  assert.equal(r.status, 303, r.text);
}

const count = (db, sql) => Number(sqlExec(db, sql).trim() || 0);

async function untilDeals(db, org, prefix, n) {
  for (let i = 0; i < 2400; i++) {
    if (count(db, `SELECT count(*) FROM deals WHERE org_id = ${org} AND external_id LIKE '${prefix}-%'`) >= n) return;
    await sleep(50);
  }
  throw new Error(`no ${n} deals of the import committed in time`);
}

/** `salesgarden rollups check` passes, and the won roll-up holds the won deals' value (not a vacuous check) */
function assertRollupsExact(db, org) {
  const r = sg(['rollups', 'check', '--org', 'acme'], { db });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /acme: roll-ups equal a full recomputation/);
  assert.equal(count(db, `SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = ${org}`),
    count(db, `SELECT coalesce(sum(value_minor), 0) FROM deals WHERE org_id = ${org} AND status = 'won'`));
  assert.equal(count(db, `SELECT coalesce(sum(unbroken_lost + broken_lost), 0) FROM rollup_closed WHERE org_id = ${org} AND rep_id = 0`),
    count(db, `SELECT count(*) FROM deals WHERE org_id = ${org} AND status = 'lost' AND closed_on IS NOT NULL`));
}

for (const allOrNothing of [false, true]) {
  test(`kill -9 during ${allOrNothing ? 'an all-or-nothing' : 'an'} import of closed deals: the roll-ups stay exact`, async (t) => {
    const db = freshDb();
    t.after(() => db.drop());
    const ids = seedStandard(db);
    let server = await startServer(db, { name: 'before-kill' });
    t.after(() => server.kill());
    const c = new Client(server.base);
    await c.signIn('ann@acme.test');
    const prefix = allOrNothing ? 'aon' : 'k';
    await run(c, await upload(c, closedDealsCsv(ROWS, prefix), 'closed.csv'), allOrNothing);
    await untilDeals(db, ids.acme, prefix, 3000);
    server.proc.kill('SIGKILL');
    await new Promise((resolve) => (server.proc.exitCode !== null || server.proc.signalCode !== null
      ? resolve() : server.proc.on('exit', resolve)));
    // the premise: the kill came in the middle of the run
    assert.equal(sqlExec(db, `SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1`).trim().split(/\s+/).pop(), 'running');
    assert.ok(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE '${prefix}-%'`) < ROWS);
    const committed = count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE '${prefix}-%' AND status = 'won'`);
    assert.ok(committed >= 1000, `${committed} won deals committed`);
    assertRollupsExact(db, ids.acme);

    server = await startServer(db, { name: 'after-kill' });
    // the next start undoes an interrupted all-or-nothing run
    if (allOrNothing)
      assert.equal(count(db, `SELECT count(*) FROM deals WHERE org_id = ${ids.acme} AND external_id LIKE '${prefix}-%'`), 0);
    assertRollupsExact(db, ids.acme);
  });
}
