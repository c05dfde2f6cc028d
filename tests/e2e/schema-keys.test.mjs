// schema-keys: the schema as a PostgreSQL distributed by organisation
// (Citus, tables sharded by org_id) needs it, read from the catalog after
// every migration has run — so that no later migration adds a key the
// distributed database could not enforce:
//   - every table has org_id, except the few that are not tenant data
//     (orgs itself, distributed by its id; schema_version; the sign-in
//     throttle and the installation's secrets, which span organisations);
//   - every primary key and unique key of a tenant table includes org_id;
//   - every foreign key of a tenant table includes org_id, and points at
//     the other table's org_id (or at orgs.id), so rows never cross shards.
// On SQLite (which keeps simpler keys) it checks the one rule both engines
// share: an e-mail address is unique per organisation, not across them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, sgOk, sqlExec, PG_BASE, addOrg, addUser, sg } from './lib.mjs';

const NOT_TENANT = ['login_throttle', 'orgs', 'schema_version', 'server_secrets'];

test('PostgreSQL: every primary, unique and foreign key of a tenant table includes org_id', { skip: !PG_BASE && 'SG_PG_URL_BASE is not set' }, () => {
  const db = freshDb();
  try {
    sgOk(['migrate'], { db });
    const tables = sqlExec(db, `SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
        AND a.attname = 'org_id' AND NOT a.attisdropped)
      FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1`)
      .trim().split('\n').map((l) => l.split('|'));
    assert.ok(tables.length > 10, `tables: ${tables}`);
    const without = tables.filter(([, has]) => has !== 't').map(([t]) => t).sort();
    assert.deepEqual(without, NOT_TENANT, 'tables without org_id: a new one must be tenant data or be named here');

    // one row per constraint: table, kind, name, its columns, and for a
    // foreign key the referenced table and columns
    const rows = sqlExec(db, `SELECT c.conrelid::regclass::text, c.contype, c.conname,
        (SELECT string_agg(a.attname, ',' ORDER BY array_position(c.conkey, a.attnum)) FROM pg_attribute a
          WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)),
        coalesce(c.confrelid::regclass::text, ''),
        coalesce((SELECT string_agg(a.attname, ',' ORDER BY array_position(c.confkey, a.attnum)) FROM pg_attribute a
          WHERE a.attrelid = c.confrelid AND a.attnum = ANY (c.confkey)), '')
      FROM pg_constraint c
      WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')
      ORDER BY 1, 3`).trim().split('\n').map((l) => l.split('|'));
    const problems = [];
    const tenant = new Set(tables.filter(([, has]) => has === 't').map(([t]) => t));
    for (const [table, kind, name, cols, refTable, refCols] of rows) {
      if (!tenant.has(table)) continue;
      const c = cols.split(',');
      if (!c.includes('org_id')) problems.push(`${table}.${name} (${kind}: ${cols}) lacks org_id`);
      if (kind === 'f') {
        const r = refCols.split(',');
        // the org_id column must point at the other table's org_id, or at orgs.id
        const at = c.indexOf('org_id');
        const pointsAt = at >= 0 ? r[at] : null;
        if (!(refTable === 'orgs' ? pointsAt === 'id' : pointsAt === 'org_id'))
          problems.push(`${table}.${name} references ${refTable}(${refCols}) without org_id to org_id`);
      }
    }
    // every tenant table has a primary key (a distributed table needs one to be updated by key)
    for (const t of tenant)
      if (!rows.some(([table, kind]) => table === t && kind === 'p')) problems.push(`${t} has no primary key`);
    assert.deepEqual(problems, []);
  } finally {
    db.drop();
  }
});

test('both engines: an e-mail address is unique per organisation, not across organisations', () => {
  const db = freshDb();
  try {
    addOrg(db, 'one', 'One');
    addOrg(db, 'two', 'Two');
    addUser(db, 'one', 'same@both.test', 'Same One', 'rep');
    addUser(db, 'two', 'same@both.test', 'Same Two', 'rep');
    const again = sg(['user', 'add', '--org', 'one', '--email', 'SAME@both.test', '--name', 'Again', '--role', 'rep'], { db });
    assert.equal(again.code, 1, again.stderr);
    assert.equal(sqlExec(db, "SELECT count(*) FROM users WHERE email = 'same@both.test'").trim(), '2');
  } finally {
    db.drop();
  }
});
