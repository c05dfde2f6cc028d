// export: every table downloads as CSV (UTF-8 with a byte order mark, CRLF,
// ',' and a decimal point in English, ';' and a decimal comma in Dutch) and
// as .xlsx with real number and date cells; the conversations list shows
// what the viewer may see and no more; and a multipart upload is parsed
// before the CSRF check (a form without its token is refused with 403).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServer, testCleanStop, createToken, apiClient } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const BOM = '\uFEFF';
const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const idOf = (body, key) => body?.id ?? body?.[key]?.id;

/** A deal of the rep's worth `value_minor`, with one conversation that ended in a step. */
async function dealWithConversation(email, { title, account, value, stepWhat, at, minutes }) {
  const api = as(email);
  const a = await api.post('/api/v1/accounts', { name: account });
  assert.equal(a.status, 201, a.text);
  const d = await api.post('/api/v1/deals', {
    title, account_id: idOf(a.json, 'account'), value_minor: value, currency: 'EUR', expected_close: '2026-12-15',
  });
  assert.equal(d.status, 201, d.text);
  const id = idOf(d.json, 'deal');
  const c = await api.post('/api/v1/conversations', {
    deal_id: id, kind: 'call', at, minutes, gut_feeling: 4,
    outcome: 'step', step: { what: stepWhat, due: '2026-11-30', who: 'Anna de Vries' },
  });
  assert.equal(c.status, 201, c.text);
  return id;
}

let seeded;
async function seed() {
  seeded ??= (async () => {
    await dealWithConversation('rita@acme.test', {
      title: 'Greenhouse, phase 2', account: 'Tuinbouw "De Kas" BV', value: 1250000,
      stepWhat: 'Send the quote', at: '2026-11-20T10:00:00Z', minutes: 45,
    });
    await dealWithConversation('rob@acme.test', {
      title: 'Orchard irrigation', account: 'Appelhof', value: 310050,
      stepWhat: 'Visit the orchard', at: '2026-11-18T09:00:00Z', minutes: 30,
    });
  })();
  return seeded;
}

/** Splits a CSV body (no quoted line breaks in these tests) into rows of fields. */
function parseCsv(text, sep) {
  const rows = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const fields = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) { fields.push(cur); cur = ''; } else cur += ch;
    }
    fields.push(cur);
    rows.push(fields);
  }
  return rows;
}

async function getBytes(client, p) {
  const res = await fetch(ctx.base + p, { headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

test('the deals download as CSV in English: BOM, CRLF, commas, a plain number with two decimals', async () => {
  await seed();
  const c = await ctx.signIn('ann@acme.test');
  const page = await c.get('/deals');
  assert.equal(page.status, 200);
  assert.match(page.text, /href="\/deals\?status=open&amp;format=csv"|href="\/deals\?format=csv"/,
    'the page links to its CSV');
  assert.match(page.text, /format=xlsx/);

  const r = await c.get('/deals?format=csv');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="deals.csv"');
  const raw = await getBytes(c, '/deals?format=csv');
  assert.deepEqual([...raw.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'UTF-8 byte order mark');
  const text = raw.bytes.toString('utf8');
  assert.ok(text.startsWith(BOM));
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  const rows = parseCsv(text.slice(1), ',');
  assert.deepEqual(rows[0], ['Deal', 'Account', 'Owner', 'Stage', 'Value (EUR)', 'Expected close', 'Status',
    'Next step', 'Next step due']);
  const green = rows.find((f) => f[0] === 'Greenhouse, phase 2');
  assert.ok(green, `the deal in ${text}`);
  assert.equal(green[1], 'Tuinbouw "De Kas" BV');
  assert.equal(green[2], 'Rita Rep');
  assert.equal(green[4], '12500.00');
  assert.equal(green[5], '2026-12-15');
  assert.equal(green[7], 'Send the quote');
  assert.equal(green[8], '2026-11-30');
  // the separator inside a field is quoted, quotes doubled
  assert.ok(text.includes('"Greenhouse, phase 2","Tuinbouw ""De Kas"" BV",Rita Rep,'), text);
  const rob = rows.find((f) => f[0] === 'Orchard irrigation');
  assert.equal(rob[4], '3100.50');
});

test('a rep downloads only their own deals', async () => {
  await seed();
  const c = await ctx.signIn('rita@acme.test');
  const r = await c.get('/deals?format=csv');
  assert.equal(r.status, 200);
  assert.ok(r.text.includes('Greenhouse, phase 2'));
  assert.ok(!r.text.includes('Orchard irrigation'), "Rob's deal is not in Rita's file");
});

test('in Dutch the CSV has semicolons and a decimal comma', async () => {
  await seed();
  const c = await ctx.signIn('max@acme.test');
  const l = await c.postForm('/lang', { csrf_token: c.csrf, lang: 'nl', next: '/deals' });
  assert.equal(l.status, 303);
  const r = await c.get('/deals?format=csv');
  assert.equal(r.status, 200);
  const text = r.text.replace(/^\uFEFF/, '');
  const rows = parseCsv(text, ';');
  assert.equal(rows[0].length, 9, `nine columns split on ';': ${rows[0]}`);
  const green = rows.find((f) => f[0] === 'Greenhouse, phase 2');
  assert.ok(green, text);
  assert.equal(green[4], '12500,00');
  assert.ok(text.includes('Greenhouse, phase 2;'), 'a comma is no separator in Dutch: not quoted');
  // Max leads North, not South
  assert.ok(!text.includes('Orchard irrigation'));
});

function unzipSheet(bytes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-xlsx-'));
  try {
    const file = path.join(dir, 'f.xlsx');
    writeFileSync(file, bytes);
    return execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the deals download as .xlsx: a zip with number and date cells', async () => {
  await seed();
  const c = await ctx.signIn('ann@acme.test');
  const r = await getBytes(c, '/deals?format=xlsx');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="deals.xlsx"');
  assert.equal(r.bytes.subarray(0, 2).toString('latin1'), 'PK');
  const xml = unzipSheet(r.bytes);
  assert.match(xml, /<t>Value \(EUR\)<\/t>/, 'the header names the currency');
  assert.match(xml, /<t>Greenhouse, phase 2<\/t>/);
  // the amount as a number cell with a format, not as text
  assert.match(xml, /<c r="E\d+" s="\d+"><v>12500<\/v><\/c>/, xml.slice(0, 2000));
  assert.match(xml, /<c r="E\d+" s="\d+"><v>3100.5<\/v><\/c>/);
  // 2026-12-15 as Excel's day number, with a date style
  const serial = (Date.UTC(2026, 11, 15) - Date.UTC(1899, 11, 30)) / 86400000;
  assert.match(xml, new RegExp(`<c r="F\\d+" s="\\d+"><v>${serial}</v></c>`));
  assert.match(xml, /<pane ySplit="1"/, 'the header row is frozen');
});

test('the users list downloads for an admin', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const page = await c.get('/admin/users');
  assert.match(page.text, /href="\/admin\/users\?format=csv"/);
  const r = await c.get('/admin/users?format=csv');
  assert.equal(r.status, 200);
  const rows = parseCsv(r.text.replace(/^\uFEFF/, ''), ',');
  assert.deepEqual(rows[0], ['Name', 'E-mail address', 'Role', 'Team', 'Status']);
  const rita = rows.find((f) => f[0] === 'Rita Rep');
  assert.deepEqual(rita.slice(1, 5), ['rita@acme.test', 'Sales rep', 'North', 'active']);
  // other organisations stay out
  assert.ok(!r.text.includes('ben@beta.test'));
  // and a rep does not get it at all
  const rep = await ctx.signIn('rob@acme.test');
  assert.equal((await rep.get('/admin/users?format=csv')).status, 403);
});

test('the step-or-stop figures download as one table of figures and counts', async () => {
  await seed();
  const c = await ctx.signIn('rita@acme.test');
  const r = await c.get('/figures/commitment?from=2026-11-01&to=2026-11-23&format=csv');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const rows = parseCsv(r.text.replace(/^\uFEFF/, ''), ',');
  assert.deepEqual(rows[0], ['Figure', 'Rate (%)', 'Number', 'Count', 'Out of']);
  // Rita: one conversation in the period, ended in a step
  assert.deepEqual(rows.find((f) => f[0] === 'Commitment rate'), ['Commitment rate', '100.0', '', '1', '1']);
  assert.deepEqual(rows.find((f) => f[0] === 'Stop rate'), ['Stop rate', '0.0', '', '0', '1']);
  assert.equal(rows.length, 9);
});

test('the conversations list: a rep sees their own, not a colleague\'s; a manager their team\'s; an admin all', async () => {
  await seed();
  const rita = await ctx.signIn('rita@acme.test');
  let r = await rita.get('/conversations');
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.ok(r.text.includes('Greenhouse, phase 2'), 'her own conversation');
  assert.ok(r.text.includes('Send the quote'), 'with its next step');
  assert.ok(!r.text.includes('Orchard irrigation'), "not Rob's");
  assert.ok(!r.text.includes('Visit the orchard'));
  // a rep may not ask for a colleague
  r = await rita.get(`/conversations?rep=${ctx.ids.rob}`);
  assert.equal(r.status, 403);
  // the default period is the last 30 days: nothing before 2026-10-25
  r = await rita.get('/conversations?from=2026-11-21&to=2026-11-23');
  assert.ok(!r.text.includes('Greenhouse, phase 2'));

  const max = await ctx.signIn('max@acme.test');
  r = await max.get('/conversations');
  assert.ok(r.text.includes('Greenhouse, phase 2'));
  assert.ok(!r.text.includes('Orchard irrigation'));

  const ann = await ctx.signIn('ann@acme.test');
  r = await ann.get('/conversations');
  assert.ok(r.text.includes('Greenhouse, phase 2') && r.text.includes('Orchard irrigation'));
  r = await ann.get(`/conversations?who=team:${ctx.ids.south}`);
  assert.ok(!r.text.includes('Greenhouse, phase 2') && r.text.includes('Orchard irrigation'));
  // the download keeps the choice
  assert.match(r.text, new RegExp(`href="/conversations\\?who=team%3A${ctx.ids.south}&amp;format=csv"`));
  r = await ann.get(`/conversations?who=team:${ctx.ids.south}&format=csv`);
  const rows = parseCsv(r.text.replace(/^\uFEFF/, ''), ',');
  assert.deepEqual(rows[0], ['Date', 'Rep', 'Account', 'Deal', 'Kind', 'Minutes', 'Outcome',
    'Next step or stop reason', 'Step due', 'Gut feeling']);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[1], ['2026-11-18', 'Rob Rep', 'Appelhof', 'Orchard irrigation', 'Call', '30', 'Step',
    'Visit the orchard', '2026-11-30', '4']);
});

function multipart(boundary, parts) {
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"\r\nContent-Type: text/csv`;
    body += `\r\n\r\n${p.value}\r\n`;
  }
  return `${body}--${boundary}--\r\n`;
}

test('a multipart upload is parsed before the CSRF check', async () => {
  const c = await ctx.signIn('ann@acme.test');
  const boundary = '----sgBoundary7MA4YWxkTrZu0gW';
  const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
  const file = { name: 'file', filename: 'results.csv', value: 'rep;amount\r\nrita@acme.test;12.500,00\r\n' };
  // without the token: refused
  let r = await c.request('POST', '/import', { body: multipart(boundary, [file]), headers });
  assert.equal(r.status, 403, r.text.slice(0, 300));
  // with the token in a text field: past the check (whatever the import then answers)
  r = await c.request('POST', '/import', {
    body: multipart(boundary, [{ name: 'csrf_token', value: c.csrf }, file]), headers,
  });
  assert.notEqual(r.status, 403, r.text.slice(0, 300));
  assert.ok(r.status < 500, `no server error: ${r.status}`);
  // a broken multipart body is a 400, not a crash
  r = await c.request('POST', '/import', { body: `--${boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${c.csrf}`, headers });
  assert.equal(r.status, 400, r.text.slice(0, 300));
  // a route without uploads does not read multipart forms
  r = await c.request('POST', '/deals', { body: multipart(boundary, [{ name: 'csrf_token', value: c.csrf }]), headers });
  assert.equal(r.status, 403);
});

testCleanStop(ctx);
