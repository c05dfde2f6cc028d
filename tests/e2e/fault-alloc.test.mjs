// fault-alloc: allocation failure, injected as SQLite's tests do
// (SG_FAULT_ALLOC=N fails the Nth allocation; lib/xalloc.c). Every allocation
// a command makes is failed in turn: each run either succeeds or ends at once
// by SIGABRT after "fatal: out of memory", never with a sanitizer report
// (memory used after the failure), and the database it was writing stays
// usable. The server, failed somewhere inside its requests, ends the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sg, sgOk, freshDb, seedStandard, startServer, Client, PASSWORD } from './lib.mjs';

const clean = (what, r) => {
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  assert.doesNotMatch(out, /Sanitizer|runtime error:/, `${what}: sanitizer report:\n${out.slice(-2000)}`);
  if (r.code === 0) return false;
  assert.equal(r.signal, 'SIGABRT', `${what}: ended by ${r.code ?? r.signal}:\n${out.slice(-1000)}`);
  assert.match(out, /fatal: out of memory \(tried to allocate \d+ bytes\)/, what);
  return true;
};

test('every allocation of "org add" on a new database fails cleanly in turn', () => {
  const db = freshDb();
  try {
    let failed = 0, n = 1;
    for (; n < 5000; n++) {
      const r = sg(['org', 'add', '--slug', `o${n}`, '--name', `Org ${n}`], { db, env: { SG_FAULT_ALLOC: String(n) } });
      if (!clean(`SG_FAULT_ALLOC=${n}`, r)) break;
      failed++;
    }
    assert.ok(failed >= 10, `only ${failed} allocations were failed: is the switch working?`);
    assert.ok(n < 5000, 'the command finished once no allocation failed');
    // whatever was cut off, the database takes the next command
    sgOk(['org', 'add', '--slug', 'after', '--name', 'After'], { db });
  } finally {
    db.drop();
  }
});

test('the server, failing an allocation inside its requests, dies cleanly and the database survives', async () => {
  const db = freshDb();
  try {
    seedStandard(db);
    let died = 0;
    for (const n of [400, 900, 2000, 4000, 8000]) {
      let srv;
      try {
        srv = await startServer(db, { env: { SG_FAULT_ALLOC: String(n) }, name: `fault-${n}` });
      } catch (e) {
        assert.match(String(e), /fatal: out of memory/, `start with SG_FAULT_ALLOC=${n}`);
        assert.doesNotMatch(String(e), /Sanitizer|runtime error:/);
        died++;
        continue;
      }
      const c = new Client(srv.base);
      try {
        await c.signIn('ann@acme.test');
        for (let i = 0; i < 15; i++) {
          await c.get('/deals');
          await c.get('/accounts');
          await c.get('/api/v1/openapi.json');
        }
      } catch { /* the connection ends when the server dies */ }
      const r = await srv.stop();	// the fault may also fall in the shutdown
      await new Promise((resolve) => setTimeout(resolve, 200));
      const log = srv.log();
      assert.doesNotMatch(log, /Sanitizer|runtime error:/, `SG_FAULT_ALLOC=${n}`);
      if (r.code === 0) continue;
      assert.equal(r.signal, 'SIGABRT', `SG_FAULT_ALLOC=${n}: ${log.slice(-1000)}`);
      assert.match(log, /fatal: out of memory/);
      died++;
    }
    assert.ok(died >= 1, 'at least one fault point fell inside the server');
    const srv = await startServer(db, { name: 'after-faults' });
    try {
      const c = new Client(srv.base);
      await c.signIn('ann@acme.test');
      assert.equal((await c.get('/deals')).status, 200);
    } finally {
      await srv.kill();
    }
  } finally {
    db.drop();
  }
});
