// import-first-hour: `salesgarden import` on a team's own CRM exports as
// they come (issue 12; fixtures in tests/fixtures/import/crm-*, in the
// layouts of a CRM's opportunity pipeline, a closed-deals file without a
// status and a sales-teams sheet without e-mail): the same deals file under
// two presets leaves the revenue unchanged, and under other ids it stops
// before doubling it; the preset and why are printed before anything is
// written; closed deals without a status are warned about and --set
// status=won counts them; reps without e-mail with a manager per team (and
// a conflict reported by line); open deals without an amount; unknown
// stages counted in the dry run, mapped or created; help import lists the
// fields; "... and N more" counts failed rows. Runs on SQLite, and on
// PostgreSQL when SG_PG_URL_BASE is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sg, useServer, testCleanStop, addOrg, addUser, sqlExec } from './lib.mjs';

const ctx = useServer();
const fixture = (name) => path.join(ROOT, 'tests/fixtures/import', name);
const imp = (args) => sg(['import', ...args], { db: ctx.db });
const scalar = (sql) => sqlExec(ctx.db, sql).trim();

function summary(out) {
  const m = /read (\d+), created (\d+), updated (\d+), skipped (\d+), failed (\d+)/.exec(out);
  assert.ok(m, `no summary in:\n${out}`);
  const [read, created, updated, skipped, failed] = m.slice(1).map(Number);
  return { read, created, updated, skipped, failed };
}

const orgs = {};
function org(slug) {
  if (!orgs[slug]) {
    orgs[slug] = addOrg(ctx.db, slug, `Org ${slug}`);
    addUser(ctx.db, slug, `admin@${slug}.test`, 'Ada Admin', 'admin');
  }
  return orgs[slug];
}
/** revenue: the won deals' amounts, in minor units */
const revenue = (id) => Number(scalar(`SELECT COALESCE(SUM(value_minor), 0) FROM deals WHERE org_id = ${id} AND status = 'won'`));
const dealCount = (id) => Number(scalar(`SELECT count(*) FROM deals WHERE org_id = ${id}`));
const STAGES = ['--map-stage', 'Engaging=Qualified', '--map-stage', 'Prospecting=Lead'];

test('the same deals file under two presets leaves the revenue unchanged', () => {
  const id = org('twice');
  const first = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'twice', '--create-missing', ...STAGES]);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  // the preset and why, before the counts (before anything is written):
  // an opportunity_id column alone no longer makes a file Salesforce's
  assert.match(first.stdout, /^preset: generic\n {2}detected: "opportunity_id", "sales_agent", .* match its column names\nread 7/m);
  assert.deepEqual(summary(first.stdout), { read: 7, created: 7, updated: 0, skipped: 0, failed: 0 });
  assert.equal(revenue(id), 561800);
  assert.equal(scalar(`SELECT external_id FROM deals WHERE org_id = ${id} AND product = 'GTXPro' AND status = 'won'`), 'Z063OYW0');

  // the same file read as Salesforce's: its ids are "salesforce:<id>", and
  // the bare ones are the same deals
  const generic = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'twice', '--preset', 'salesforce', ...STAGES]);
  assert.equal(generic.code, 0, generic.stdout + generic.stderr);
  assert.match(generic.stdout, /^preset: salesforce\n {2}chosen with --preset$/m);
  assert.deepEqual(summary(generic.stdout), { read: 7, created: 0, updated: 0, skipped: 7, failed: 0 });
  assert.equal(revenue(id), 561800);
  assert.equal(dealCount(id), 7);

  // the id column renamed: no id to match, but the deals are the same ones;
  // the import stops before it writes a second deal, and keeps nothing
  const renamed = path.join(ctx.db.dir, 'pipeline-renamed.csv');
  writeFileSync(renamed, readFileSync(fixture('crm-sales-pipeline.csv'), 'utf8').replace('opportunity_id', 'ref_no'));
  const again = imp(['deals', renamed, '--org', 'twice', ...STAGES]);
  assert.equal(again.code, 1, again.stdout + again.stderr);
  assert.match(again.stderr, /^error: line 2 would add a second deal "Cancity": one with the same title, owner, amount and close date exists already under another id .*; allow duplicates to add it anyway; nothing was saved$/m);
  assert.equal(revenue(id), 561800);
  assert.equal(dealCount(id), 7);
  // unless asked for
  const forced = imp(['deals', renamed, '--org', 'twice', '--allow-duplicates', ...STAGES]);
  assert.equal(forced.code, 0, forced.stdout + forced.stderr);
  assert.equal(summary(forced.stdout).created, 7);
  assert.equal(revenue(id), 2 * 561800);
});

test('a Salesforce import first (ids "salesforce:<id>"), then auto (generic, bare ids): the same deals', () => {
  const id = org('bare');
  const sf = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'bare', '--preset', 'salesforce', '--create-missing', ...STAGES]);
  assert.equal(sf.code, 0, sf.stdout + sf.stderr);
  assert.equal(scalar(`SELECT count(*) FROM deals WHERE org_id = ${id} AND external_id = 'salesforce:Z063OYW0'`), '1');
  const auto = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'bare', ...STAGES]);
  assert.equal(auto.code, 0, auto.stdout + auto.stderr);
  assert.match(auto.stdout, /^preset: generic$/m);
  assert.deepEqual(summary(auto.stdout), { read: 7, created: 0, updated: 0, skipped: 7, failed: 0 });
  assert.equal(revenue(id), 561800);
});

test('closed deals without a status: a warning before writing, and --set status=won counts them', () => {
  const id = org('closed');
  for (const [email, name] of [['moses@crm.test', 'Moses Frase'], ['darcel@crm.test', 'Darcel Schlecht']])
    addUser(ctx.db, 'closed', email, name, 'rep');
  const dry = imp(['deals', fixture('crm-closed-deals.csv'), '--org', 'closed', '--dry-run']);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.match(dry.stdout, /^warning: these look like closed deals \(a close date and an amount, but no status\): every row will be open/m);
  assert.ok(dry.stdout.indexOf('warning:') < dry.stdout.indexOf('read 3'), dry.stdout);

  const won = imp(['deals', fixture('crm-closed-deals.csv'), '--org', 'closed', '--set', 'status=won']);
  assert.equal(won.code, 0, won.stdout + won.stderr);
  assert.doesNotMatch(won.stdout, /warning/);
  assert.deepEqual(summary(won.stdout), { read: 3, created: 3, updated: 0, skipped: 0, failed: 0 });
  assert.equal(revenue(id), 120000 + 340050 + 80000);
  assert.equal(scalar(`SELECT closed_on FROM deals WHERE org_id = ${id} AND external_id = 'C-1002'`), '2026-02-14');
  // again with the same value: nothing changes
  assert.deepEqual(summary(imp(['deals', fixture('crm-closed-deals.csv'), '--org', 'closed', '--set', 'status=won']).stdout),
    { read: 3, created: 0, updated: 0, skipped: 3, failed: 0 });

  const bad = imp(['deals', fixture('crm-closed-deals.csv'), '--org', 'closed', '--set', 'colour=green']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error: "colour=green" sets no field of this kind of import/m);
});

test('reps without e-mail from a CRM team sheet: a manager per team, conflicts by line', () => {
  const id = org('teams');
  const conflict = imp(['reps', fixture('crm-sales-teams.csv'), '--org', 'teams', '--create-missing']);
  assert.equal(conflict.code, 1, conflict.stdout + conflict.stderr);
  assert.match(conflict.stdout, /^line 4, column "manager": the team "Central" has another manager on line 2: "Dustin Brinkmann"$/m);
  assert.equal(summary(conflict.stdout).failed, 1);

  const r = imp(['reps', fixture('crm-sales-teams-one-manager.csv'), '--org', 'teams', '--create-missing']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^preset: generic$/m);
  // the conflicting run kept its good rows: the five agents are there now
  assert.deepEqual(summary(r.stdout), { read: 5, created: 0, updated: 0, skipped: 5, failed: 0 });
  assert.equal(scalar(`SELECT count(*) FROM users WHERE org_id = ${id} AND role = 'rep'`), '5');
  assert.equal(scalar(`SELECT count(*) FROM teams WHERE org_id = ${id}`), '3');
  const managers = sqlExec(ctx.db, `SELECT t.name || '=' || u.name FROM teams t JOIN users u ON u.id = t.manager_id WHERE t.org_id = ${id} ORDER BY t.name`).trim().split('\n');
  assert.deepEqual(managers, ['Central=Dustin Brinkmann', 'East=Cara Losch', 'West=Summer Sewald']);
  assert.equal(scalar(`SELECT t.name FROM users u JOIN team_members m ON m.user_id = u.id JOIN teams t ON t.id = m.team_id WHERE u.org_id = ${id} AND u.name = 'Maureen Marcano'`), 'East');
  // made-up addresses that can never be a mailbox, and no password
  assert.equal(scalar(`SELECT email FROM users WHERE org_id = ${id} AND name = 'Zane Levy'`), 'zane.levy@teams.invalid');

  // a fresh organisation: the summary says what was made
  org('teams2');
  const fresh = imp(['reps', fixture('crm-sales-teams-one-manager.csv'), '--org', 'teams2', '--create-missing']);
  assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
  assert.deepEqual(summary(fresh.stdout), { read: 5, created: 5, updated: 0, skipped: 0, failed: 0 });
  assert.match(fresh.stdout, /^teams created: 3, teams given a manager: 3$/m);
  assert.match(fresh.stdout, /^without an e-mail address: 8 \(reps and managers; they cannot sign in until someone gives them one\)$/m);
});

test('open deals without an amount are imported without one; a won deal still needs one', () => {
  const id = org('noamount');
  addUser(ctx.db, 'noamount', 'zane@noamount.test', 'Zane Levy', 'rep');
  const file = path.join(ctx.db.dir, 'no-amount.csv');
  writeFileSync(file, 'Deal ID,Title,Owner,Status,Amount,Close date\nA1,Open one,Zane Levy,open,,\nA2,Won one,Zane Levy,won,,2026-02-01\nA3,Lost one,Zane Levy,lost,,2026-02-02\n');
  const r = imp(['deals', file, '--org', 'noamount']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(summary(r.stdout), { read: 3, created: 2, updated: 0, skipped: 0, failed: 1 });
  assert.match(r.stdout, /^line 3, column "Amount": a won deal needs an amount$/m);
  assert.equal(scalar(`SELECT status || ' ' || value_minor FROM deals WHERE org_id = ${id} AND external_id = 'A1'`), 'open 0');
});

test('unknown stages: counted in the dry run, then mapped or created, never the first stage unasked', () => {
  const id = org('stages');
  for (const name of ['Moses Frase', 'Darcel Schlecht', 'Zane Levy', 'Anna Snelling'])
    addUser(ctx.db, 'stages', `${name.split(' ')[0].toLowerCase()}@stages.test`, name, 'rep');
  const dry = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'stages', '--dry-run', '--create-missing']);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.match(dry.stdout, /^stages the organisation does not have: "Engaging" \(2 rows\), "Prospecting" \(1 row\)$/m);
  assert.equal(dealCount(id), 0);

  // without a mapping the rows fail (and the others are kept)
  const plain = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'stages']);
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /^line 6, column "deal_stage": the organisation has no stage "Engaging"/m);
  assert.match(plain.stdout, /^ {2}map them with --map-stage NAME=STAGE, or create them with --create-missing$/m);
  assert.equal(scalar(`SELECT count(*) FROM deals WHERE org_id = ${id} AND status = 'open'`), '0');

  const mapped = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'stages', '--map-stage', 'engaging=Qualified', '--map-stage', 'Prospecting=Lead']);
  assert.equal(mapped.code, 0, mapped.stdout + mapped.stderr);
  assert.deepEqual(summary(mapped.stdout), { read: 7, created: 3, updated: 0, skipped: 4, failed: 0 });
  assert.equal(scalar(`SELECT s.name FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.org_id = ${id} AND d.external_id = 'PE84CX4O'`), 'Qualified');
  const nostage = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'stages', '--map-stage', 'Engaging=Nowhere']);
  assert.equal(nostage.code, 1);
  assert.match(nostage.stderr, /^error: "Engaging=Nowhere" maps to no stage of the organisation/m);

  org('stages2');
  const created = imp(['deals', fixture('crm-sales-pipeline.csv'), '--org', 'stages2', '--create-missing']);
  assert.equal(created.code, 0, created.stdout + created.stderr);
  assert.match(created.stdout, /^stages created: 2$/m);
  assert.equal(scalar(`SELECT s.name || ' ' || s.kind FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.org_id = ${orgs.stages2} AND d.external_id = 'ZNBS69V1'`), 'Prospecting open');
});

test('help import lists the fields of each kind with what each accepts', () => {
  for (const args of [['help', 'import'], ['import', '--help']]) {
    const r = sg(args);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Fields of reps \(\* required\):\n {2}name +the full name.* \*\n {2}email +an e-mail address; without one/m);
    assert.match(r.stdout, /^ {2}amount +an amount, with decimal point or comma; may be empty for an open deal \*$/m);
    assert.match(r.stdout, /^ {2}period +a month \(2026-11\), quarter/m);
    assert.match(r.stdout, /^ {2}--set FIELD=VALUE /m);
    assert.match(r.stdout, /^ {2}--map-stage N=S /m);
  }
});

test('"... and N more" counts the failed rows, not the error lines kept', () => {
  org('many');
  const rows = ['Deal ID,Owner,Amount'];
  // 60 rows, two errors each: 50 lines shown cover 25 rows, 35 more failed
  for (let i = 0; i < 60; i++) rows.push(`M${i},nobody${i}@many.test,lots`);
  const file = path.join(ctx.db.dir, 'many-bad.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  const r = imp(['deals', file, '--org', 'many']);
  assert.equal(r.code, 1);
  assert.equal(summary(r.stdout).failed, 60);
  assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('line ')).length, 50);
  assert.match(r.stdout, /^\.\.\. and 35 more failed rows\n/m);
  assert.ok(r.stdout.endsWith('\n'));
});

testCleanStop(ctx);
