// import-cli: `salesgarden import` as an admin uses it on files from the
// team's CRM (tests/fixtures/import, written by hand in each CRM's header
// layout): each preset lands its deals with the right values, status and
// owner, as the API then shows them; importing the same file again changes
// nothing; a broken file keeps its good rows and lists the bad ones by line
// and column; --all-or-nothing and --dry-run keep nothing; --create-missing
// adds unknown owners; reps, targets and result totals; a Dutch Excel file
// (BOM, semicolons, decimal comma, day-first dates); usage errors exit 2.
// Runs on SQLite, and on PostgreSQL when SG_PG_URL_BASE is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT, sg, useServer, testCleanStop, createToken, apiClient, listOf, addOrg, addUser, sqlExec,
} from './lib.mjs';

const ctx = useServer();
const FIX = path.join(ROOT, 'tests/fixtures/import');
const fixture = (name) => path.join(FIX, name);

function imp(args, opts = {}) {
  return sg(['import', ...args], { db: ctx.db, ...opts });
}

/** the "read N, created N, ..." line as numbers */
function summary(out) {
  const m = /read (\d+), created (\d+), updated (\d+), skipped (\d+), failed (\d+)/.exec(out);
  assert.ok(m, `no summary in:\n${out}`);
  const [read, created, updated, skipped, failed] = m.slice(1).map(Number);
  return { read, created, updated, skipped, failed };
}

let token;
async function deals(org = 'acme', email = 'ann@acme.test') {
  token ??= {};
  token[org] ??= createToken(ctx.db, org, email);
  const r = await apiClient(ctx.base, token[org]).get('/api/v1/deals?limit=500');
  assert.equal(r.status, 200, r.text);
  return listOf(r.json, 'items');
}
async function deal(title) {
  const d = (await deals()).find((x) => x.title === title);
  assert.ok(d, `no deal "${title}"`);
  return d;
}

function scalar(sql) {
  return sqlExec(ctx.db, sql).trim();
}

/** fields of a deal as the API shows them, for one assertion per deal */
function pick(d) {
  return {
    value_minor: d.value_minor, currency: d.currency, status: d.status, owner: d.owner_name,
    stage: d.stage_name, account: d.account_name, product: d.product, lost_reason: d.lost_reason,
    closed_on: d.closed_on, expected_close: d.expected_close, created_on: d.created_on,
  };
}

test('a Salesforce opportunity report: 6 deals with their values, status and owners', async () => {
  const r = imp(['deals', fixture('salesforce-opportunities.csv'), '--org', 'acme']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^preset: salesforce$/m);
  assert.deepEqual(summary(r.stdout), { read: 6, created: 6, updated: 0, skipped: 0, failed: 0 });
  assert.deepEqual(pick(await deal('Acme renewal 2026')), {
    value_minor: 1250000, currency: 'EUR', status: 'won', owner: 'Rita Rep', stage: 'Won', account: 'Globex',
    product: 'Garden Pro', lost_reason: null, closed_on: '2026-03-15', expected_close: null, created_on: '2026-01-02',
  });
  assert.deepEqual(pick(await deal('Initech pilot')), {
    value_minor: 480050, currency: 'EUR', status: 'lost', owner: 'Rob Rep', stage: 'Lost', account: 'Initech',
    product: 'Garden Lite', lost_reason: 'price', closed_on: '2026-04-20', expected_close: null,
    created_on: '2026-02-10',
  });
  assert.deepEqual(pick(await deal('Umbrella expansion')), {
    value_minor: 3000000, currency: 'EUR', status: 'open', owner: 'Rita Rep', stage: 'Proposal',
    account: 'Umbrella Corp', product: 'Garden Pro', lost_reason: null, closed_on: null,
    expected_close: '2026-11-30', created_on: '2026-09-01',
  });
  // the owner by e-mail address works as well as by name
  assert.equal((await deal('Hooli trial')).owner_name, 'Rob Rep');
  assert.equal((await deal('Hooli trial')).stage_name, 'Negotiation');
  assert.equal((await deal('Stark upgrade')).lost_reason, 'competitor');
  const usd = await deal('Globex second site');
  assert.deepEqual([usd.value_minor, usd.currency, usd.status], [99000, 'USD', 'won']);
  // both Globex deals share one account
  assert.equal(usd.account_id, (await deal('Acme renewal 2026')).account_id);
});

test('a HubSpot deals export with a BOM: stages in HubSpot words, times after the dates', async () => {
  // a stage the organisation lacks is mapped (never put in the first stage unasked)
  const r = imp(['deals', fixture('hubspot-deals.csv'), '--org', 'acme', '--map-stage', 'appointmentscheduled=Lead']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^preset: hubspot$/m);
  assert.deepEqual(summary(r.stdout), { read: 4, created: 4, updated: 0, skipped: 0, failed: 0 });
  const wayne = await deal('Wayne Enterprises onboarding');
  assert.deepEqual([wayne.status, wayne.value_minor, wayne.closed_on, wayne.owner_name, wayne.created_on],
    ['won', 1500000, '2026-02-27', 'Rita Rep', '2026-01-10']);
  const cyber = await deal('Cyberdyne rollout');
  assert.deepEqual([cyber.status, cyber.lost_reason, cyber.value_minor, cyber.closed_on],
    ['lost', 'no_budget', 820075, '2026-03-31']);
  // the mapped stage
  const tyrell = await deal('Tyrell licences');
  assert.deepEqual([tyrell.status, tyrell.stage_name, tyrell.expected_close], ['open', 'Lead', '2026-12-20']);
  const oscorp = await deal('Oscorp, phase 2');
  assert.deepEqual([oscorp.status, oscorp.value_minor, oscorp.account_name], ['won', 200000, 'Oscorp']);
});

test('a Pipedrive deals export: semicolons, decimal comma, day-first dates, a deleted deal skipped', async () => {
  const r = imp(['deals', fixture('pipedrive-deals.csv'), '--org', 'acme']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^preset: pipedrive$/m);
  assert.deepEqual(summary(r.stdout), { read: 5, created: 4, updated: 0, skipped: 1, failed: 0 });
  assert.deepEqual(pick(await deal('Nordlys kontrakt')), {
    value_minor: 123450, currency: 'NOK', status: 'won', owner: 'Rita Rep', stage: 'Won', account: 'Nordlys AS',
    product: 'Garden Pro', lost_reason: null, closed_on: '2026-05-12', expected_close: null,
    created_on: '2026-02-03',
  });
  const fjord = await deal('Fjord pilot');
  assert.deepEqual([fjord.status, fjord.lost_reason, fjord.lost_note, fjord.closed_on, fjord.value_minor],
    ['lost', 'price', '', '2026-06-20', 98000]);
  const bergen = await deal('Bergen utvidelse');
  assert.deepEqual([bergen.status, bergen.stage_name, bergen.expected_close, bergen.value_minor],
    ['open', 'Demo', '2026-11-30', 2500000]);
  assert.equal((await deal('Trondheim lisenser')).lost_reason, 'competitor');
  assert.equal((await deals()).filter((d) => d.title === 'Gammel avtale').length, 0, 'the deleted deal');
});

test('importing the same files again changes nothing', () => {
  for (const [file, n, ...more] of [['salesforce-opportunities.csv', 6], ['hubspot-deals.csv', 4, '--map-stage', 'appointmentscheduled=Lead'], ['pipedrive-deals.csv', 5]]) {
    const r = imp(['deals', fixture(file), '--org', 'acme', ...more]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(summary(r.stdout), { read: n, created: 0, updated: 0, skipped: n, failed: 0 }, file);
  }
});

test('a changed row is updated, the rest skipped', async () => {
  const src = readFileSync(fixture('salesforce-opportunities.csv'), 'utf8');
  const changed = src.replace('Umbrella Corp,Rita Rep,EUR,30000,Proposal', 'Umbrella Corp,Rob Rep,EUR,35000,Negotiation');
  assert.notEqual(changed, src);
  const file = path.join(ctx.db.dir, 'sf-changed.csv');
  writeFileSync(file, changed);
  const r = imp(['deals', file, '--org', 'acme']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 6, created: 0, updated: 1, skipped: 5, failed: 0 });
  const d = await deal('Umbrella expansion');
  assert.deepEqual([d.value_minor, d.owner_name, d.stage_name, d.status], [3500000, 'Rob Rep', 'Negotiation', 'open']);
});

test('a Dutch Excel file (BOM, semicolons, CRLF, decimal comma, day-first dates, Dutch words)', async () => {
  const r = imp(['deals', fixture('dutch-excel-deals.csv'), '--org', 'acme', '--map-stage', 'Voorstel=Proposal']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 4, created: 4, updated: 0, skipped: 0, failed: 0 });
  assert.deepEqual(pick(await deal('Vondel licenties')), {
    value_minor: 123450, currency: 'EUR', status: 'won', owner: 'Rita Rep', stage: 'Won', account: 'Vondel BV',
    product: 'Garden Pro', lost_reason: null, closed_on: '2026-03-05', expected_close: null,
    created_on: '2026-01-10',
  });
  const amstel = await deal('Amstel pilot');
  assert.deepEqual([amstel.status, amstel.lost_reason, amstel.value_minor, amstel.closed_on, amstel.created_on],
    ['lost', 'price', 98000, '2026-04-20', '2026-02-01']);
  const maas = await deal('Maas uitbreiding');
  assert.deepEqual([maas.status, maas.value_minor, maas.expected_close, maas.stage_name], ['open', 2500000, '2026-11-30', 'Proposal']);
  const ijssel = await deal('IJssel contract');
  assert.deepEqual([ijssel.lost_reason, ijssel.value_minor, ijssel.closed_on], ['no_budget', 1250075, '2026-07-01']);
  const again = imp(['deals', fixture('dutch-excel-deals.csv'), '--org', 'acme', '--map-stage', 'Voorstel=Proposal']);
  assert.deepEqual(summary(again.stdout), { read: 4, created: 0, updated: 0, skipped: 4, failed: 0 });
});

test('a broken file: exit 1, the good rows kept, the bad ones by line and column', async () => {
  const r = imp(['deals', fixture('broken-deals.csv'), '--org', 'acme']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 8, created: 3, updated: 0, skipped: 0, failed: 5 });
  assert.match(r.stdout, /^line 3, column "Close date": not a date: "31-02-2026"/m);
  assert.match(r.stdout, /^line 4, column "Amount": the amount is not a number: "12,3,4"$/m);
  assert.match(r.stdout, /^line 5, column "Owner": no user with this e-mail address or name: "Nobody Known"$/m);
  assert.match(r.stdout, /^line 6, column "Owner": this cell is empty$/m);
  assert.match(r.stdout, /^line 8: .*quote/m);
  assert.doesNotMatch(r.stdout, /nothing was saved/);
  const titles = (await deals()).map((d) => d.title);
  for (const t of ['Good one', 'Good two', 'Good three']) assert.ok(titles.includes(t), t);
  for (const t of ['Bad date', 'Bad amount', 'Unknown owner', 'Missing owner']) assert.ok(!titles.includes(t), t);
  const lost = await deal('Good three');
  assert.deepEqual([lost.status, lost.closed_on, lost.owner_name], ['lost', '2026-04-01', 'Rob Rep']);
});

test('a column mapped by hand with --map; a required column missing is an error naming it', async () => {
  const file = path.join(ctx.db.dir, 'mapped.csv');
  writeFileSync(file, 'Account manager,Deal value,Deal title\nRita Rep,1.000,Mapped by hand\n');
  const missing = imp(['deals', file, '--org', 'acme']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^error: no column for the field "owner" \(Owner\); the file's columns are: "Account manager", "Deal value", "Deal title"$/m);
  const r = imp(['deals', file, '--org', 'acme', '--map', 'Account manager=owner']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 1, created: 1, updated: 0, skipped: 0, failed: 0 });
  const d = await deal('Mapped by hand');
  assert.deepEqual([d.owner_name, d.value_minor, d.status], ['Rita Rep', 100000, 'open']);
  const unknown = imp(['deals', file, '--org', 'acme', '--map', 'Account manager=salesperson']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /"salesperson" is not a field/);
});

test('reps: new reps and a manager, teams created with territory and segment, a move, a bad row', async () => {
  const r = imp(['reps', fixture('reps.csv'), '--org', 'acme']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 7, created: 4, updated: 1, skipped: 1, failed: 1 });
  assert.match(r.stdout, /^line 8, column "E-mail": not an e-mail address: "not-an-email"$/m);
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const users = listOf((await api.get('/api/v1/users?limit=500')).json, 'users');
  const by = Object.fromEntries(users.map((u) => [u.email, u]));
  assert.deepEqual([by['sara@acme.test'].name, by['sara@acme.test'].role, by['sara@acme.test'].team_name],
    ['Sara Seller', 'rep', 'North']);
  assert.deepEqual([by['tom@acme.test'].team_name, by['lars@acme.test'].role, by['lars@acme.test'].team_name],
    ['West', 'manager', null]);
  assert.equal(by['rob@acme.test'].team_name, 'North', 'Rob moved from South');
  assert.equal(by['nina@acme.test'].team_name, 'South');
  assert.equal(by['not-an-email'], undefined);
  const teams = listOf((await api.get('/api/v1/teams')).json, 'teams');
  const west = teams.find((t) => t.name === 'West');
  assert.deepEqual([west.manager_name, west.territory, west.segment], ['Lars Leder', 'Vest', 'SMB']);
  const south = teams.find((t) => t.name === 'South');
  assert.equal(south.manager_name, 'Mia Manager');
  // a new rep has no password: no sign-in until an admin sets one
  assert.equal(scalar("SELECT count(*) FROM users WHERE email = 'sara@acme.test' AND password_hash IS NULL"), '1');
  const again = imp(['reps', fixture('reps.csv'), '--org', 'acme']);
  assert.deepEqual(summary(again.stdout), { read: 7, created: 0, updated: 0, skipped: 6, failed: 1 });
});

test('targets: emails and names, months written three ways, a quarter and a year', () => {
  const r = imp(['targets', fixture('targets.csv'), '--org', 'acme']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 5, created: 5, updated: 0, skipped: 0, failed: 0 });
  const rows = sqlExec(ctx.db, "SELECT u.email, t.kind, t.period_start, t.period_end, t.amount_minor, t.currency "
    + "FROM targets t JOIN users u ON u.id = t.user_id WHERE u.email IN ('rita@acme.test', 'rob@acme.test') "
    + 'ORDER BY u.email, t.period_start, t.period_end').trim().split('\n');
  assert.deepEqual(rows, [
    'rita@acme.test|year|2026-01-01|2026-12-31|10000000|EUR',
    'rita@acme.test|month|2026-11-01|2026-11-30|1000000|EUR',
    'rita@acme.test|month|2026-12-01|2026-12-31|1200000|EUR',
    'rob@acme.test|quarter|2026-01-01|2026-03-31|3000000|EUR',
    'rob@acme.test|month|2026-11-01|2026-11-30|800050|EUR',
  ]);
  const again = imp(['targets', fixture('targets.csv'), '--org', 'acme']);
  assert.deepEqual(summary(again.stdout), { read: 5, created: 0, updated: 0, skipped: 5, failed: 0 });
});

test('results: a Dutch sheet with semicolons and decimal commas, a negative month', () => {
  const r = imp(['results', fixture('results.csv'), '--org', 'acme']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 4, created: 4, updated: 0, skipped: 0, failed: 0 });
  const rows = sqlExec(ctx.db, "SELECT u.email, t.period_start, t.amount_minor FROM result_totals t "
    + "JOIN users u ON u.id = t.user_id WHERE u.email IN ('rita@acme.test', 'rob@acme.test') "
    + 'ORDER BY u.email, t.period_start').trim().split('\n');
  assert.deepEqual(rows, [
    'rita@acme.test|2026-09-01|825000',
    'rita@acme.test|2026-10-01|1140050',
    'rob@acme.test|2026-09-01|600000',
    'rob@acme.test|2026-10-01|-25000',
  ]);
});

// an organisation of its own, so that "nothing kept" is easy to see
function gamma() {
  if (!ctx.gamma) {
    ctx.gamma = addOrg(ctx.db, 'gamma', 'Gamma Sales');
    addUser(ctx.db, 'gamma', 'gina@gamma.test', 'Gina Admin', 'admin');
    addUser(ctx.db, 'gamma', 'rita@gamma.test', 'Rita Rep', 'rep');
    addUser(ctx.db, 'gamma', 'rob@gamma.test', 'Rob Rep', 'rep');
  }
  return ctx.gamma;
}
const gammaDeals = () => Number(scalar(`SELECT count(*) FROM deals WHERE org_id = ${gamma()}`));
/** the Salesforce fixture with gamma's address for Rob */
function gammaSalesforce() {
  const file = path.join(ctx.db.dir, 'sf-gamma.csv');
  writeFileSync(file, readFileSync(fixture('salesforce-opportunities.csv'), 'utf8').replace(/rob@acme\.test/g, 'rob@gamma.test'));
  return file;
}

test('--dry-run: every row checked and counted, nothing kept', () => {
  gamma();
  const r = imp(['deals', gammaSalesforce(), '--org', 'gamma', '--dry-run']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 6, created: 6, updated: 0, skipped: 0, failed: 0 });
  assert.match(r.stdout, /^dry run: nothing was saved$/m);
  assert.equal(gammaDeals(), 0);
  assert.equal(scalar(`SELECT count(*) FROM accounts WHERE org_id = ${gamma()}`), '0');
  const broken = imp(['deals', fixture('broken-deals.csv'), '--org', 'gamma', '--dry-run']);
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /dry run: nothing was saved/);
  assert.equal(gammaDeals(), 0);
});

test('--all-or-nothing: one bad row keeps the whole file out, and every error is listed', () => {
  gamma();
  const r = imp(['deals', fixture('broken-deals.csv'), '--org', 'gamma', '--all-or-nothing']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const s = summary(r.stdout);
  assert.equal(s.read, 8);
  assert.ok(s.failed >= 5, r.stdout);
  assert.match(r.stdout, /^line 3, column "Close date"/m);
  assert.match(r.stdout, /^line 6, column "Owner"/m);
  assert.match(r.stdout, /nothing was saved/);
  assert.equal(gammaDeals(), 0);
  // a good file goes in whole
  const ok = imp(['deals', gammaSalesforce(), '--org', 'gamma', '--all-or-nothing']);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(gammaDeals(), 6);
});

test('--create-missing adds an unknown owner as a rep; without it the row fails', () => {
  gamma();
  const file = path.join(ctx.db.dir, 'new-owners.csv');
  writeFileSync(file, 'External ID,Title,Owner,Amount\nCM-1,First new,Nora Nieuw,100\nCM-2,Second new,new.rep@gamma.test,200\n');
  const no = imp(['deals', file, '--org', 'gamma']);
  assert.equal(no.code, 1);
  assert.deepEqual(summary(no.stdout), { read: 2, created: 0, updated: 0, skipped: 0, failed: 2 });
  assert.match(no.stdout, /^line 2, column "Owner": no user with this e-mail address or name: "Nora Nieuw"$/m);
  const yes = imp(['deals', file, '--org', 'gamma', '--create-missing']);
  assert.equal(yes.code, 0, yes.stdout + yes.stderr);
  assert.deepEqual(summary(yes.stdout), { read: 2, created: 2, updated: 0, skipped: 0, failed: 0 });
  const users = sqlExec(ctx.db, `SELECT email, name, role, CASE WHEN password_hash IS NULL THEN 1 ELSE 0 END FROM users WHERE org_id = ${gamma()} `
    + "AND email IN ('nora.nieuw@gamma.invalid', 'new.rep@gamma.test') ORDER BY email").trim().split('\n');
  assert.deepEqual(users, ['new.rep@gamma.test|New Rep|rep|1', 'nora.nieuw@gamma.invalid|Nora Nieuw|rep|1']);
  const owner = scalar(`SELECT u.name FROM deals d JOIN users u ON u.id = d.owner_id WHERE d.org_id = ${gamma()} `
    + "AND d.external_id = 'CM-1'");
  assert.equal(owner, 'Nora Nieuw');
  // the created owner is found next time: nothing more is created
  const again = imp(['deals', file, '--org', 'gamma', '--create-missing']);
  assert.deepEqual(summary(again.stdout), { read: 2, created: 0, updated: 0, skipped: 2, failed: 0 });
  assert.equal(scalar(`SELECT count(*) FROM users WHERE org_id = ${gamma()}`), '5');
});

test('usage: bad arguments exit 2, a file that cannot be read exits 1', () => {
  const f = fixture('salesforce-opportunities.csv');
  for (const args of [[], ['deals'], ['deals', f], ['frogs', f, '--org', 'acme'],
    ['deals', f, '--org', 'acme', '--preset', 'zoho'], ['deals', f, '--org', 'acme', '--map', 'Owner'],
    ['deals', f, f, '--org', 'acme'], ['deals', f, '--org', 'acme', '--bogus']]) {
    const r = imp(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /usage: salesgarden import/);
  }
  const missing = imp(['deals', path.join(ctx.db.dir, 'nope.csv'), '--org', 'acme']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^error: cannot read .*nope\.csv/m);
  const noOrg = imp(['deals', f, '--org', 'nope']);
  assert.equal(noOrg.code, 1);
  assert.match(noOrg.stderr, /no organisation 'nope'/);
  assert.equal(sg(['help', 'import']).code, 0);
});

testCleanStop(ctx);

test('the ids of two CRMs do not meet; two rows alike without an id are not taken for one deal', () => {
  const org = gamma();
  const hub = path.join(ctx.db.dir, 'hub-101.csv');
  writeFileSync(hub, 'Record ID,Deal Name,Deal owner,Amount,Associated Company\n101,Hub deal,rita@gamma.test,100,Acme\n');
  const pipe = path.join(ctx.db.dir, 'pipe-101.csv');
  writeFileSync(pipe, 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization\n101,Pipe deal,rita@gamma.test,200,Acme\n');
  assert.deepEqual(summary(imp(['deals', hub, '--org', 'gamma']).stdout), { read: 1, created: 1, updated: 0, skipped: 0, failed: 0 });
  // HubSpot's deal 101 is not Pipedrive's: a second deal, the first untouched
  assert.deepEqual(summary(imp(['deals', pipe, '--org', 'gamma']).stdout), { read: 1, created: 1, updated: 0, skipped: 0, failed: 0 });
  assert.equal(scalar(`SELECT title || ' ' || value_minor FROM deals WHERE org_id = ${org} AND external_id = 'hubspot:101'`), 'Hub deal 10000');
  assert.equal(scalar(`SELECT title || ' ' || value_minor FROM deals WHERE org_id = ${org} AND external_id = 'pipedrive:101'`), 'Pipe deal 20000');

  const alike = path.join(ctx.db.dir, 'alike.csv');
  writeFileSync(alike, 'Title,Account,Owner,Amount\nRenewal,Beta BV,rob@gamma.test,100\nRenewal,Beta BV,Rob Rep,300\n');
  const r = imp(['deals', alike, '--org', 'gamma']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 2, created: 1, updated: 0, skipped: 0, failed: 1 });
  assert.match(r.stdout, /^line 3: the same title, account, owner and day created as line 2: add an id column/m);
  assert.equal(scalar(`SELECT value_minor FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.org_id = ${org} AND a.name = 'Beta BV'`), '10000');
});
