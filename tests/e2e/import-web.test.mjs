// import-web: the import pages as an admin uses them — upload a CSV file
// (multipart, as a browser sends it), see the preview with the detected
// layout, change the field of one column, run a dry run that saves nothing,
// then import for real from the dry run's page; a Pipedrive file with
// semicolons, decimal commas and a broken row, once all or nothing and once
// keeping the good rows; and who may not: reps and managers (403), another
// organisation (404), a file that is not UTF-8, an empty file, a form
// without its CSRF token. Fixtures: tests/fixtures/import-web/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname } from 'node:os';
import { useServer, testCleanStop, ROOT, unescapeHtml, formFrom, listOf, sqlExec } from './lib.mjs';

const FIX = path.join(ROOT, 'tests/fixtures/import-web');
const fixture = (name) => readFileSync(path.join(FIX, name));

const ctx = useServer();

/** Uploads bytes as the file field of the import form (multipart/form-data). */
async function upload(c, bytes, { name = 'deals.csv', kind = 'deals', preset = 'auto', csrf = c.csrf } = {}) {
  const fd = new FormData();
  if (csrf) fd.append('csrf_token', csrf);
  fd.append('kind', kind);
  fd.append('preset', preset);
  if (bytes !== null) fd.append('file', new Blob([bytes], { type: 'text/csv' }), name);
  return c.request('POST', '/import', { body: fd });
}

/** The fields of the preview's run form: csrf, preset and map_N as preselected. */
function runFields(html, fileId) {
  const form = formFrom(html, `/import/${fileId}/run`);
  assert.ok(form, 'the preview has a run form');
  const fields = {};
  for (const i of form.inputs) if (i.type === 'hidden') fields[i.name] = i.value;
  for (const m of form.html.matchAll(/<select[^>]*\bname="(map_\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const sel = /<option value="([^"]*)" selected>/.exec(m[2]);
    fields[m[1]] = sel ? sel[1] : '';
  }
  return fields;
}

/** The column headers of the preview, in order. */
function previewHeaders(html) {
  const thead = /<table class="import-preview">[\s\S]*?<thead><tr>([\s\S]*?)<\/tr>/.exec(html);
  assert.ok(thead, 'the preview table has a header row');
  return [...thead[1].matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => unescapeHtml(m[1]));
}

/** Polls the job's JSON until it is no longer running (the page does the same by reloading). */
async function finished(c, jobId) {
  for (let i = 0; i < 1200; i++) {
    const r = await c.get(`/api/v1/imports/${jobId}`);
    assert.equal(r.status, 200, r.text);
    if (r.json.status !== 'running') return r.json;
    await sleep(50);
  }
  throw new Error(`import ${jobId} did not finish`);
}

function idFrom(location, prefix) {
  const m = new RegExp(`^${prefix}/(\\d+)$`).exec(location || '');
  assert.ok(m, `redirect to ${prefix}/ID, got ${location}`);
  return Number(m[1]);
}

async function deals(c) {
  const r = await c.get('/api/v1/deals?limit=500');
  assert.equal(r.status, 200, r.text);
  return listOf(r.json, 'deals');
}

/** The five counts of a finished job's page, by their ids. */
function pageCounts(html) {
  const out = {};
  for (const k of ['read', 'created', 'updated', 'skipped', 'failed']) {
    const m = new RegExp(`id="count-${k}"><span class="stat-value">([^<]*)<`).exec(html);
    out[k] = m ? Number(m[1].replace(/[^\d]/g, '')) : undefined;
  }
  return out;
}

const state = {};

test('the import page explains each kind and preset and has the upload form', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const r = await c.page('/import');
  assert.equal(r.status, 200);
  const form = formFrom(r.text, '/import');
  assert.ok(form, 'an upload form');
  assert.match(form.html, /enctype="multipart\/form-data"/);
  assert.match(form.html, /<input[^>]*type="file"[^>]*accept="\.csv,text\/csv"/);
  assert.ok(form.fields.includes('csrf_token') && form.fields.includes('kind') && form.fields.includes('preset'));
  for (const kind of ['reps', 'targets', 'deals', 'results']) assert.match(r.text, new RegExp(`id="kind-${kind}"`));
  for (const p of ['Salesforce opportunity report', 'HubSpot deals export', 'Pipedrive deals export', 'Generic'])
    assert.ok(r.text.includes(p), p);
  // the deals card names its required fields
  const deals = /id="kind-deals">([\s\S]*?)<\/article>/.exec(r.text)[1];
  assert.match(deals, /<strong>Owner<\/strong> <code>owner<\/code> <span class="badge warn">required<\/span>/);
  assert.match(deals, /<strong>Amount<\/strong> <code>amount<\/code> <span class="badge warn">required<\/span>/);
  assert.match(r.text, /No imports yet/);
});

test('upload a HubSpot export with a BOM: the preview shows the first rows and the detected layout', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const up = await upload(c, fixture('hubspot-deals.csv'), { name: 'C:\\Users\\ann\\hubspot-deals.csv' });
  assert.equal(up.status, 303, up.text.slice(0, 500));
  const fileId = idFrom(up.location, '/import');
  const r = await c.page(`/import/${fileId}`);
  assert.equal(r.status, 200);
  const text = unescapeHtml(r.text);
  assert.match(text, /<h1>hubspot-deals\.csv<\/h1>/, 'the file name without the path');
  assert.match(text, /<dt>Separator<\/dt><dd>comma<\/dd>/);
  assert.match(text, /<dt>Byte order mark<\/dt><dd>yes \(UTF-8\)<\/dd>/);
  assert.match(text, /<dt>Layout<\/dt><dd>HubSpot deals export · recognised from the column headers<\/dd>/);
  assert.deepEqual(previewHeaders(r.text), ['Record ID', 'Deal Name', 'Associated Company', 'Deal Owner', 'Amount',
    'Deal Stage', 'Close Date', 'Create Date', 'Product line']);
  for (const cell of ['Greenhouse roof', 'Irrigation pilot', 'Seed contract, phase 2', 'Kas & Co', '12500.50'])
    assert.ok(text.includes(`<td>${cell}</td>`), cell);
  const f = runFields(r.text, fileId);
  assert.equal(f.map_0, 'external_id');
  assert.equal(f.map_1, 'title');
  assert.equal(f.map_3, 'owner');
  assert.equal(f.map_4, 'amount');
  assert.equal(f.map_8, '', 'an unknown header is ignored until chosen');
  assert.equal(f.preset, 'hubspot');
  state.hubspot = { fileId, fields: f };
});

test('a dry run with one column mapped by hand counts everything and saves nothing', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const { fileId, fields } = state.hubspot;
  // "Appointment scheduled" is no stage of the organisation: created (never the first stage unasked)
  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, map_8: 'product', create_missing: '1', dry_run: '1' });
  assert.equal(run.status, 303, run.text.slice(0, 500));
  const jobId = idFrom(run.location, '/imports');
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.dry_run, true);
  assert.equal(job.saved, false);
  assert.deepEqual([job.read, job.created, job.updated, job.skipped, job.failed], [3, 3, 0, 0, 0], JSON.stringify(job));
  assert.ok(job.map.includes('Product line=product'), JSON.stringify(job.map));
  const page = await c.page(`/imports/${jobId}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /http-equiv="refresh"/, 'a finished job does not reload');
  assert.match(page.text, /Dry run: nothing was saved/);
  assert.deepEqual(pageCounts(page.text), { read: 3, created: 3, updated: 0, skipped: 0, failed: 0 });
  assert.equal((await deals(c)).length, 0, 'no deal was saved');
  state.hubspot.dryRunJob = jobId;
  state.hubspot.dryRunPage = page.text;
});

test('"Import for real" after the dry run imports with the same mapping', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const { fileId, dryRunPage } = state.hubspot;
  const form = formFrom(dryRunPage, `/import/${fileId}/run`);
  assert.ok(form, 'the dry run page has an "Import for real" form');
  assert.match(form.html, /Import for real/);
  const fields = Object.fromEntries(form.inputs.map((i) => [i.name, i.value]));
  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf });
  assert.equal(run.status, 303);
  const job = await finished(c, idFrom(run.location, '/imports'));
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.dry_run, false);
  assert.equal(job.saved, true);
  assert.deepEqual([job.read, job.created, job.updated, job.skipped, job.failed], [3, 3, 0, 0, 0], JSON.stringify(job));
  const all = await deals(c);
  assert.equal(all.length, 3);
  const roof = all.find((d) => d.title === 'Greenhouse roof');
  assert.ok(roof, JSON.stringify(all));
  assert.equal(roof.value_minor, 1250050);
  assert.equal(roof.owner_id, ctx.ids.rita);
  assert.equal(roof.account_name, 'Kas & Co');
  assert.equal(roof.product, 'Glass', 'the column mapped by hand');
  const pilot = all.find((d) => d.title === 'Irrigation pilot');
  assert.equal(pilot.owner_id, ctx.ids.rob, 'an owner found by full name');
  assert.equal(pilot.value_minor, 800000);
  assert.equal(all.find((d) => d.title === 'Seed contract, phase 2').value_minor, 420000);

  // the same file again changes nothing
  const again = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf });
  const job2 = await finished(c, idFrom(again.location, '/imports'));
  assert.deepEqual([job2.read, job2.created, job2.updated, job2.skipped, job2.failed], [3, 0, 0, 3, 0], JSON.stringify(job2));
  assert.equal((await deals(c)).length, 3);
});

test('a Pipedrive export with semicolons and a broken row: all or nothing saves nothing', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const up = await upload(c, fixture('pipedrive-deals.csv'), { name: 'pipedrive-deals.csv' });
  assert.equal(up.status, 303);
  const fileId = idFrom(up.location, '/import');
  const r = await c.page(`/import/${fileId}`);
  const text = unescapeHtml(r.text);
  assert.match(text, /<dt>Separator<\/dt><dd>semicolon<\/dd>/);
  assert.match(text, /<dt>Byte order mark<\/dt><dd>none<\/dd>/);
  assert.match(text, /<dt>Layout<\/dt><dd>Pipedrive deals export · recognised/);
  assert.ok(text.includes('<td>niet bekend</td>'));
  const fields = runFields(r.text, fileId);
  state.pipedrive = { fileId, fields };

  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, all_or_nothing: '1', dry_run: '0' });
  assert.equal(run.status, 303);
  const jobId = idFrom(run.location, '/imports');
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.saved, false);
  assert.equal(job.failed, 1);
  const page = await c.page(`/imports/${jobId}`);
  assert.match(page.text, /Nothing was saved because a row failed \(all or nothing\)/);
  assert.equal((await deals(c)).filter((d) => d.title.startsWith('Kassen')).length, 0);
});

test('without all or nothing the good rows are kept and the broken one is listed by line and column', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const { fileId, fields } = state.pipedrive;
  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, dry_run: '0' });
  const jobId = idFrom(run.location, '/imports');
  const job = await finished(c, jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.deepEqual([job.read, job.created, job.updated, job.skipped, job.failed], [3, 2, 0, 0, 1], JSON.stringify(job));
  assert.equal(job.errors.length, 1);
  assert.equal(job.errors[0].line, 3);
  assert.equal(job.errors[0].column, 'Deal - Value');
  const page = await c.page(`/imports/${jobId}`);
  assert.deepEqual(pageCounts(page.text), { read: 3, created: 2, updated: 0, skipped: 0, failed: 1 });
  const row = /<table class="import-errors">[\s\S]*?<tbody><tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td>/.exec(page.text);
  assert.ok(row, 'the errors table');
  assert.equal(row[1], '3');
  assert.equal(unescapeHtml(row[2]), 'Deal - Value');
  const noord = (await deals(c)).find((d) => d.title === 'Kassen Noord');
  assert.equal(noord.value_minor, 125050, 'a decimal comma with a thousands point');
  assert.equal(noord.owner_id, ctx.ids.rita);

  // the errors download as CSV with the same line
  const csv = await c.get(`/imports/${jobId}?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') || '', /csv/);
  assert.match(csv.text, /3[,;]"?Deal - Value"?/);

  // the recent imports on the import page link to the jobs
  const list = await c.page('/import');
  assert.match(list.text, new RegExp(`href="/imports/${jobId}"`));
  assert.match(list.text, /pipedrive-deals\.csv/);
  state.pipedrive.jobId = jobId;
});

test('a job whose server died shows as failed, not as running for ever', async () => {
  const c = await ctx.signIn('ann@acme.test');
  // a job row left "running" by a process of this host that no longer exists
  const runner = `${hostname()}:99999999:0`;
  sqlExec(ctx.db, `INSERT INTO import_jobs (org_id, file_id, user_id, kind, preset, status, runner, heartbeat_at, started_at)
    VALUES (${ctx.ids.acme}, ${state.pipedrive.fileId}, ${ctx.ids.ann}, 'deals', 'auto', 'running', '${runner}', 0, 0)`);
  const jobId = Number(sqlExec(ctx.db, `SELECT max(id) FROM import_jobs WHERE org_id = ${ctx.ids.acme}`).trim());
  const job = (await c.get(`/api/v1/imports/${jobId}`)).json;
  assert.equal(job.status, 'failed');
  assert.match(job.message, /The server stopped before the import finished/);
  const page = await c.page(`/imports/${jobId}`);
  assert.doesNotMatch(page.text, /http-equiv="refresh"/);
  assert.match(page.text, /The server stopped before the import finished/);
});

test('mapping two columns to one field, or leaving a required field out, shows the preview again', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const { fileId, fields } = state.hubspot;
  const dup = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, map_2: 'title', dry_run: '1' });
  assert.equal(dup.status, 400);
  assert.match(unescapeHtml(dup.text), /The columns Deal Name and Associated Company both fill Title: choose one/);
  const missing = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, map_4: '', dry_run: '1' });
  assert.equal(missing.status, 400);
  assert.match(missing.text, /Choose the column that fills Amount: it is required/);
  const bad = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, map_4: 'salary', dry_run: '1' });
  assert.equal(bad.status, 400);
});

test('an upload that is not UTF-8, an empty file or no file gets the form again with a clear message', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const latin1 = await upload(c, fixture('latin1-deals.csv'), { name: 'latin1.csv' });
  assert.equal(latin1.status, 400);
  assert.match(unescapeHtml(latin1.text), /The file is not UTF-8 text\. In Excel, save it as "CSV UTF-8/);
  assert.ok(formFrom(latin1.text, '/import'), 'the form again');
  const nul = await upload(c, Buffer.from('Owner,Amount\nrita@acme.test,1\u0000\n'), { name: 'nul.csv' });
  assert.equal(nul.status, 400);
  const empty = await upload(c, Buffer.alloc(0), { name: 'empty.csv' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /The file is empty/);
  const none = await upload(c, null);
  assert.equal(none.status, 400);
  assert.match(none.text, /Choose a CSV file to upload/);
  const kind = await upload(c, fixture('hubspot-deals.csv'), { kind: 'planets' });
  assert.equal(kind.status, 400);
  assert.match(kind.text, /Choose what the file holds/);
});

test('a form without its CSRF token is refused', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const r = await upload(c, fixture('hubspot-deals.csv'), { csrf: null });
  assert.equal(r.status, 403);
  const { fileId, fields } = state.hubspot;
  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: 'wrong', dry_run: '1' });
  assert.equal(run.status, 403);
});

test('reps and managers may not import', async () => {
  for (const email of ['rita@acme.test', 'max@acme.test']) {
    const c = await ctx.signIn(email);
    assert.equal((await c.get('/import')).status, 403, email);
    assert.equal((await c.get(`/import/${state.hubspot.fileId}`)).status, 403, email);
    assert.equal((await c.get(`/imports/${state.pipedrive.jobId}`)).status, 403, email);
    assert.equal((await c.get(`/api/v1/imports/${state.pipedrive.jobId}`)).status, 403, email);
    assert.equal((await upload(c, fixture('hubspot-deals.csv'))).status, 403, email);
  }
});

test("another organisation's files and imports are not found", async () => {
  const c = await ctx.signIn('bea@beta.test');
  const { fileId, fields } = state.hubspot;
  assert.equal((await c.get(`/import/${fileId}`)).status, 404);
  assert.equal((await c.get(`/imports/${state.pipedrive.jobId}`)).status, 404);
  const api = await c.get(`/api/v1/imports/${state.pipedrive.jobId}`);
  assert.equal(api.status, 404);
  assert.equal(api.json.error, 'NOTFOUND');
  const run = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, dry_run: '1' });
  assert.equal(run.status, 404);
  // nor does a repeat of another organisation's job slip through its own file
  const own = await upload(c, fixture('hubspot-deals.csv'));
  const ownId = idFrom(own.location, '/import');
  const rep = await c.postForm(`/import/${ownId}/run`, { csrf_token: c.csrf, repeat: String(state.hubspot.dryRunJob), dry_run: '0' });
  assert.equal(rep.status, 404);
  assert.doesNotMatch((await c.page('/import')).text, /pipedrive-deals\.csv/);
});

test('closed deals without a status: the preview warns, and a fixed status=won counts them (also for real after the dry run)', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const before = Number(sqlExec(ctx.db, "SELECT COALESCE(SUM(value_minor), 0) FROM deals WHERE status = 'won'").trim());
  const csv = 'deal_id,title,owner,close_date,amount\nW-1,Won greenhouse,rita@acme.test,2026-02-03,100\nW-2,Won seeds,Rob Rep,2026-02-04,200.50\n';
  const up = await upload(c, Buffer.from(csv), { name: 'won-deals.csv' });
  assert.equal(up.status, 303, up.text.slice(0, 500));
  const fileId = idFrom(up.location, '/import');
  const r = await c.page(`/import/${fileId}`);
  assert.match(unescapeHtml(r.text), /id="closed-warning">these look like closed deals \(a close date and an amount, but no status\): every row will be open/);
  assert.match(r.text, /<textarea id="import-sets" name="sets"/);
  const fields = runFields(r.text, fileId);

  // a field the kind does not have: the preview again, with the message and what was typed
  const bad = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, sets: 'colour=green', dry_run: '1' });
  assert.equal(bad.status, 400);
  assert.match(unescapeHtml(bad.text), /"colour=green" is not FIELD=VALUE with a field of this import\./);
  assert.match(bad.text, />colour=green<\/textarea>/);

  const dry = await c.postForm(`/import/${fileId}/run`, { ...fields, csrf_token: c.csrf, sets: 'status = won\n', dry_run: '1' });
  assert.equal(dry.status, 303, dry.text.slice(0, 500));
  const dryJob = idFrom(dry.location, '/imports');
  const job = await finished(c, dryJob);
  assert.deepEqual([job.read, job.created, job.failed], [2, 2, 0], JSON.stringify(job));
  assert.deepEqual(job.set, ['status=won']);
  // "Import for real" repeats the fixed value with the mapping
  const page = await c.page(`/imports/${dryJob}`);
  const form = formFrom(page.text, `/import/${fileId}/run`);
  const real = await c.postForm(`/import/${fileId}/run`, { ...Object.fromEntries(form.inputs.map((i) => [i.name, i.value])), csrf_token: c.csrf });
  assert.equal(real.status, 303);
  const done = await finished(c, idFrom(real.location, '/imports'));
  assert.deepEqual([done.read, done.created, done.failed], [2, 2, 0], JSON.stringify(done));
  const after = Number(sqlExec(ctx.db, "SELECT COALESCE(SUM(value_minor), 0) FROM deals WHERE status = 'won'").trim());
  assert.equal(after - before, 10000 + 20050);
});

testCleanStop(ctx);
