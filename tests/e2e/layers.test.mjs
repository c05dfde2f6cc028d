// layers: the floors of ARCHITECTURE.md, checked on the source. Pages and API
// handlers (src/web, src/api) hold no SQL: they call the store, which alone
// talks to db.h (transactions around several store calls are the one
// exception: db_begin/db_commit/db_rollback). And every store error on a page
// goes through resp_store_error: the old DB_DOWN answer is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const sources = (dir) => readdirSync(path.join(ROOT, dir))
  .filter((f) => f.endsWith('.c') || f.endsWith('.h'))
  .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(ROOT, dir, f), 'utf8') }));

test('pages and API handlers run no SQL of their own', () => {
  const sql = /\b(DBQ|DBX|DB_I64|db_query|db_exec_params|db_exec_script|db_scalar_i64)\s*\(/;
  const found = [];
  for (const { file, text } of [...sources('src/web'), ...sources('src/api')]) {
    text.split('\n').forEach((line, i) => { if (sql.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`); });
  }
  assert.deepEqual(found, [], `SQL outside store/ and db/:\n${found.join('\n')}`);
});

test('no page answers a store error with the old "database not available" shortcut', () => {
  const found = [];
  for (const { file, text } of [...sources('src/web'), ...sources('src/api'), ...sources('src/http')])
    if (/\bDB_DOWN\b/.test(text)) found.push(file);
  assert.deepEqual(found, []);
});
