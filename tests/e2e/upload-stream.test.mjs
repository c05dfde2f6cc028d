// upload-stream (issue 15, speed: memory during an upload): an upload much
// larger than the pieces the server reads it in (libmicrohttpd's chunks,
// the 1 MiB pieces of the UTF-8 check), with characters of two, three and
// four bytes on every line, goes through the import page as a browser sends
// it, is kept byte for byte in the server's private directory (0700, the
// file 0600, nothing else there), and imports exactly what the command-line
// import (which reads the file whole) makes of it. The largest upload is
// enforced while the body streams (a chunked body with no length, stopped
// when over), a client that goes away mid-upload leaves nothing, the
// concurrent-upload limit answers 503 with Retry-After in the user's language
// and loses nothing, and only the 20 newest files are kept. Memory figures
// belong in `make bench` (scripts/bench-upload.sh), not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freshDb, seedStandard, startServer, Client, sg, sqlExec } from './lib.mjs';

const MiB = 1024 * 1024;
const MAX_UPLOAD = 6 * MiB;
const ctx = {};
let work;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sg-upload-'));
  ctx.db = freshDb();
  ctx.ids = seedStandard(ctx.db);
  ctx.files = path.join(ctx.db.dir, 'files');
  ctx.server = await startServer(ctx.db, {
    env: { SALESGARDEN_FILES: ctx.files, SALESGARDEN_MAX_UPLOAD: String(MAX_UPLOAD), SALESGARDEN_MAX_UPLOADS: '1' },
  });
  ctx.base = ctx.server.base;
});
after(async () => {
  if (ctx.server) await ctx.server.kill();
  if (ctx.db) ctx.db.drop();
  if (ctx.ref) ctx.ref.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function signIn(email) {
  const c = new Client(ctx.base);
  await c.signIn(email);
  return c;
}

/** A deals CSV of n rows, every line with characters of 2, 3 and 4 bytes. */
function dealsCsv(n) {
  const lines = ['external_id,title,account,owner,amount,currency,stage,status,close_date,created_date,product,lost_reason'];
  for (let i = 1; i <= n; i++) {
    const st = ['won', 'lost', 'open'][i % 3];
    lines.push(`up-${String(i).padStart(6, '0')},Déal ${i} – Ærø ✓ 𝄞,"Kunde ${i % 500}, Müller & Søn",`
      + `${i % 2 ? 'rita' : 'rob'}@acme.test,${(i * 37) % 90000 + 100}.${String(i % 100).padStart(2, '0')},EUR,`
      + `${st === 'open' ? 'Proposal' : ''},${st},2026-${String(i % 12 + 1).padStart(2, '0')}-${String(i % 28 + 1).padStart(2, '0')},`
      + `2025-01-15,Glas «${i % 7}»,${st === 'lost' ? 'price' : ''}`);
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

function upload(c, bytes, name = 'big.csv') {
  const fd = new FormData();
  fd.append('csrf_token', c.csrf);
  fd.append('kind', 'deals');
  fd.append('preset', 'auto');
  fd.append('file', new Blob([bytes], { type: 'text/csv' }), name);
  return c.request('POST', '/import', { body: fd });
}

async function finished(c, jobId) {
  for (let i = 0; i < 2400; i++) {
    const r = await c.get(`/api/v1/imports/${jobId}`);
    assert.equal(r.status, 200, r.text);
    if (r.json.status !== 'running') return r.json;
    await sleep(100);
  }
  throw new Error(`import ${jobId} did not finish`);
}

/** upload(), again while the one upload slot is still held by an upload
 * that has ended: answered and not yet completed on the server, or a client
 * gone while its headers were checked, which libmicrohttpd may only notice
 * at its 30 s connection timeout */
async function uploadWhenFree(c, bytes, name) {
  for (let i = 0; ; i++) {
    const r = await upload(c, bytes, name).catch((e) => ({ status: 0, error: e }));
    if ((r.status !== 503 && r.status !== 0) || i >= 450) return r;
    await sleep(100);
  }
}

const listFiles = () => readdirSync(ctx.files).sort();

/** The deals of acme as the import left them: totals over all, and every
 * hundredth deal in full, in a stable order. */
function dealRows(db) {
  const from = 'FROM deals d JOIN users u ON u.org_id = d.org_id AND u.id = d.owner_id '
    + 'JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id '
    + "JOIN orgs o ON o.id = d.org_id WHERE o.slug = 'acme'";
  return sqlExec(db, 'SELECT count(*), sum(d.value_minor), count(DISTINCT a.name), sum(length(d.title)), '
    + "sum(length(d.product)), sum(CASE WHEN d.status = 'won' THEN 1 ELSE 0 END), "
    + "sum(CASE WHEN u.email = 'rita@acme.test' THEN 1 ELSE 0 END) " + from)
    + sqlExec(db, "SELECT d.external_id, d.title, d.value_minor, d.currency, d.status, u.email, a.name, "
    + "d.product, coalesce(d.expected_close, ''), coalesce(d.lost_reason, '') " + from
    + " AND d.external_id LIKE '%00' ORDER BY d.external_id");
}

/** A multipart body sent chunked (no Content-Length), in pieces of 64 KiB. */
function chunkedUpload(c, total, { stopAfter = Infinity } = {}) {
  const boundary = '----sgupload' + Math.random().toString(36).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${c.csrf}\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndeals\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="preset"\r\n\r\nauto\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chunked.csv"\r\n`
    + 'Content-Type: text/csv\r\n\r\nexternal_id,title\r\n');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const piece = Buffer.alloc(64 * 1024, 'x,y\n');
  return new Promise((resolve) => {
    const req = http.request(`${ctx.base}/import`, {
      method: 'POST',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Transfer-Encoding': 'chunked',
        Cookie: c.cookieHeader(),
      },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', () => resolve({ status: 0 }));
    let sent = 0;
    req.write(head);
    const more = () => {
      while (sent < total) {
        if (sent >= stopAfter) {
          req.destroy();
          resolve({ status: 0, aborted: true });
          return;
        }
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', more);
          return;
        }
      }
      req.end(tail);
    };
    more();
  });
}

/** A multipart upload announced with Expect: 100-continue: its answer when
 * the server refuses it on the headers (the body is then never sent). */
function announcedUpload(c, length, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${ctx.base}/import`, {
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': length,
        Expect: '100-continue', Cookie: c.cookieHeader(), ...headers,
      },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => { resolve({ status: res.statusCode, headers: res.headers, body }); req.destroy(); });
    });
    req.on('continue', () => { req.destroy(); resolve({ status: 100 }); });
    req.on('error', () => {});
    req.flushHeaders();
  });
}

const state = {};

test('a 4 MB upload through the page is kept byte for byte in the private directory, and nothing else is', async () => {
  const c = await signIn('ann@acme.test');
  const bytes = dealsCsv(24000);
  assert.ok(bytes.length > 3 * MiB, `${bytes.length} bytes`);
  const r = await upload(c, bytes);
  assert.equal(r.status, 303, r.text);
  const m = /^\/import\/(\d+)$/.exec(r.location || '');
  assert.ok(m, r.location);
  state.fileId = Number(m[1]);
  state.bytes = bytes;
  const dir = statSync(ctx.files);
  assert.equal(dir.mode & 0o777, 0o700, 'the directory is the server\'s alone');
  assert.deepEqual(listFiles(), [`${ctx.ids.acme}-${state.fileId}.csv`], 'the stored file and no temporary one');
  const f = path.join(ctx.files, `${ctx.ids.acme}-${state.fileId}.csv`);
  assert.equal(statSync(f).mode & 0o777, 0o600);
  assert.ok(readFileSync(f).equals(bytes), 'the bytes as sent');
  // the preview shows the first rows, cut after a whole line
  const p = await c.get(`/import/${state.fileId}`);
  assert.equal(p.status, 200);
  assert.match(p.text, /Déal 1 – Ærø ✓ 𝄞/);
  assert.match(p.text, /Kunde 1, Müller &amp; Søn/);
});

test('its import reads every row and saves what the command-line import saves from the same file', async () => {
  const c = await signIn('ann@acme.test');
  const run = await c.postForm(`/import/${state.fileId}/run`, { csrf_token: c.csrf });
  assert.equal(run.status, 303, run.text);
  const job = await finished(c, Number(/\/imports\/(\d+)$/.exec(run.location)[1]));
  assert.equal(job.status, 'done', JSON.stringify(job.errors?.slice(0, 3)));
  assert.deepEqual([job.read, job.created, job.failed], [24000, 24000, 0]);
  assert.equal(job.bytes_total, state.bytes.length);

  // the reference: the command-line import, which reads the file whole
  ctx.ref = freshDb();
  seedStandard(ctx.ref);
  const file = path.join(work, 'big.csv');
  writeFileSync(file, state.bytes);
  const out = sg(['import', 'deals', file, '--org', 'acme'], { db: ctx.ref });
  assert.equal(out.code, 0, out.stderr);
  const ours = dealRows(ctx.db), ref = dealRows(ctx.ref);
  assert.match(ours, /^24000\b/);
  assert.equal(ours.trim().split('\n').length, 1 + 240);
  assert.ok(ours === ref, 'the same deals as the command-line import');
  assert.deepEqual(listFiles(), [`${ctx.ids.acme}-${state.fileId}.csv`], 'the job left no file behind');
});

test('an upload over the limit is refused: on its length at once, or while a chunked body streams; nothing is kept', async () => {
  const c = await signIn('ann@acme.test');
  const before = listFiles();
  const rows = sqlExec(ctx.db, 'SELECT count(*) FROM import_files').trim();
  // announced: refused on the headers, before a byte of the body is sent
  const r1 = await announcedUpload(c, MAX_UPLOAD + MiB);
  assert.equal(r1.status, 413);
  assert.match(r1.body, /too large|larger than/i);
  // no length: read until it is over, then refused
  const r2 = await chunkedUpload(c, MAX_UPLOAD + 2 * MiB);
  assert.equal(r2.status, 413, r2.body);
  assert.match(r2.body, /too large|larger than/i);
  assert.deepEqual(listFiles(), before, 'no temporary file left');
  assert.equal(sqlExec(ctx.db, 'SELECT count(*) FROM import_files').trim(), rows);
});

test('a client that goes away mid-upload leaves no file, and the upload slot is free again', async () => {
  const c = await signIn('ann@acme.test');
  const before = listFiles();
  const r = await chunkedUpload(c, 4 * MiB, { stopAfter: 2 * MiB });
  assert.ok(r.aborted);
  // the slot comes back once the server has seen the connection close
  const again = await uploadWhenFree(c, Buffer.from('Deal name,Amount\nA,1\n'), 'small.csv');
  assert.equal(again.status, 303, again.text);
  const id = Number(/(\d+)$/.exec(again.location)[1]);
  assert.deepEqual(listFiles(), [...before, `${ctx.ids.acme}-${id}.csv`].sort());
});

test('a second upload while one is under way: 503, Retry-After, in the user\'s language; the first one is kept', async () => {
  const c = await signIn('ann@acme.test');
  // the user's language: Dutch
  const l = await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nl', next: '/import' });
  assert.equal(l.status, 303);
  const before = listFiles();
  let release;
  const gate = new Promise((r) => { release = r; });
  // the first upload holds the one slot until it is let go
  const boundary = '----sgslot';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${c.csrf}\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndeals\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="preset"\r\n\r\nauto\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="first.csv"\r\n`
    + 'Content-Type: text/csv\r\n\r\nDeal name,Amount\n');
  const rest = Buffer.from(`A,1\n\r\n--${boundary}--\r\n`);
  const first = new Promise((resolve) => {
    const req = http.request(`${ctx.base}/import`, {
      method: 'POST',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + rest.length,
        Cookie: c.cookieHeader(),
      },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location }));
    });
    req.write(head);
    gate.then(() => req.end(rest));
  });
  // the first holds the slot once the server counts it (GET /metrics, this
  // machine): asking before that could take the slot for the second
  let holding = false;
  for (let i = 0; i < 400 && !holding; i++) {
    const m = await fetch(`${ctx.base}/metrics`).then((r) => r.text());
    holding = /^salesgarden_uploads_in_progress 1$/m.test(m);
    if (!holding) await sleep(25);
  }
  assert.ok(holding, 'the first upload is under way');
  const second = await announcedUpload(c, 1000);
  assert.equal(second.status, 503, second.body);
  assert.ok(Number(second.headers['retry-after']) > 0, 'Retry-After');
  assert.match(second.body, /De server is bezig met andere uploads/);
  release();
  const f = await first;
  assert.equal(f.status, 303, 'the first upload is taken whole');
  const id = Number(/(\d+)$/.exec(f.location)[1]);
  assert.deepEqual(listFiles(), [...before, `${ctx.ids.acme}-${id}.csv`].sort());
  await c.postForm('/lang', { csrf_token: c.csrf, lang: 'en', next: '/import' });
});

test('only the 20 newest files are kept: older ones leave the directory with their rows', async () => {
  const c = await signIn('ann@acme.test');
  for (let i = 0; i < 21; i++) {
    const r = await uploadWhenFree(c, Buffer.from(`Deal name,Amount\nD${i},1\n`), `n${i}.csv`);
    assert.equal(r.status, 303, r.text);
  }
  const ids = sqlExec(ctx.db, `SELECT id FROM import_files WHERE org_id = ${ctx.ids.acme} ORDER BY id`)
    .trim().split('\n').map(Number);
  assert.equal(ids.length, 20);
  assert.deepEqual(listFiles(), ids.map((id) => `${ctx.ids.acme}-${id}.csv`).sort());
});
