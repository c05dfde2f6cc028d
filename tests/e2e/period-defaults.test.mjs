// period-defaults: every numbers page opens on the same period — today's,
// unless it has no numbers while an earlier one has (a team that imported
// last year's history): then the latest period with numbers, saying so. Any
// period is one form away. The tabs keep the rep and the period looked at.
// A manager without numbers of their own opens "My numbers" on the team.
//
// Today is 2026-11-23 (2026-Q4). North (manager Max): Rita and Ravi have
// targets for 2025-Q2 only, set by import; nobody has anything later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServer, addOrg, addUser, addTeam, sgOk, unescapeHtml } from './lib.mjs';

function seed(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  ids.north = addTeam(db, 'acme', 'North', { manager: 'max@acme.test' });
  ids.rita = addUser(db, 'acme', 'rita@acme.test', 'Rita Rep', 'rep', { team: 'North' });
  ids.ravi = addUser(db, 'acme', 'ravi@acme.test', 'Ravi Rep', 'rep', { team: 'North' });
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-periods-'));
  const file = path.join(dir, 'targets.csv');
  writeFileSync(file, 'Rep,Period,Target\nrita@acme.test,2025-Q2,10000\nravi@acme.test,2025-Q2,12000\n');
  sgOk(['import', 'targets', file, '--org', 'acme'], { db });
  rmSync(dir, { recursive: true, force: true });
  return ids;
}

const ctx = useServer({ seed, env: { SALESGARDEN_TODAY: '2026-11-23' } });

const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/\u00a0/g, ' ').replace(/[ \t\r\n]+/g, ' ');

test('with only last year\'s numbers, every page opens on the latest period with numbers and says so', async () => {
  const max = await ctx.signIn('max@acme.test');
  for (const page of ['/numbers/team', '/targets', '/tiers', '/concentration']) {
    const r = await max.get(page);
    assert.equal(r.status, 200, `${page}: ${r.text.slice(0, 300)}`);
    const text = textOf(r.text);
    assert.match(text, /Q4 2026 \(Oct–Dec 2026\) has no targets or results yet\. This is Q2 2025 \(Apr–Jun 2025\), the latest period with numbers\./, page);
    assert.doesNotMatch(text, /No targets yet/, page);
  }
  // the team page shows last year's targets: €10,000 and €12,000
  assert.match(textOf((await max.get('/numbers/team')).text), /€12,000/);
  const rita = await ctx.signIn('rita@acme.test');
  const mine = textOf((await rita.get('/numbers')).text);
  assert.match(mine, /This is Q2 2025 \(Apr–Jun 2025\), the latest period with numbers\./);
  assert.match(mine, /€10,000/);
  // naming a period shows that period, with no notice
  const named = textOf((await max.get('/numbers/team?period=2026-Q4')).text);
  assert.doesNotMatch(named, /the latest period with numbers/);
});

test('any period is one form away: "Go to period" sends ?period=', async () => {
  const max = await ctx.signIn('max@acme.test');
  const r = await max.get('/tiers?period=2026-Q4');
  assert.match(r.text, /<form method="get" action="\/tiers" class="pp-go">[\s\S]*?<input id="f-pp-go" name="period"/);
  const jump = await max.get('/tiers?period=2025-Q2');
  assert.equal(jump.status, 200);
  assert.match(textOf(jump.text), /Q2 2025 \(Apr–Jun 2025\)/);
  const bad = await max.get('/tiers?period=2025-Q9');
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.text), /is not a period/);
});

test('the tabs keep the rep and the period: ?who=rep:ID and ?rep=ID alike', async () => {
  const max = await ctx.signIn('max@acme.test');
  const { rita, north } = ctx.ids;
  const ex = await max.get(`/excuses?who=rep:${rita}&period=2025-Q2`);
  assert.equal(ex.status, 200, ex.text.slice(0, 300));
  const tabs = ex.text.split('class="num-tabs"')[1].split('</nav>')[0];
  assert.match(tabs, new RegExp(`href="/numbers\\?period=2025-Q2&amp;rep=${rita}"`));
  assert.match(tabs, new RegExp(`href="/excuses\\?period=2025-Q2&amp;rep=${rita}"`));
  assert.match(tabs, /href="\/tiers\?period=2025-Q2"/);
  const num = await max.get(`/numbers?rep=${rita}&period=2025-Q2`);
  const tabs2 = num.text.split('class="num-tabs"')[1].split('</nav>')[0];
  assert.match(tabs2, new RegExp(`href="/excuses\\?period=2025-Q2&amp;rep=${rita}"`));
  const team = await max.get(`/tiers?team=${north}&period=2025-Q2`);
  const tabs3 = team.text.split('class="num-tabs"')[1].split('</nav>')[0];
  assert.match(tabs3, new RegExp(`href="/concentration\\?period=2025-Q2&amp;team=${north}"`));
  // the rep's own page through the kept link is hers
  const back = await max.get(`/numbers?period=2025-Q2&rep=${rita}`);
  assert.match(textOf(back.text), /Rita Rep/);
});

test('a manager without numbers of their own opens "My numbers" on the team', async () => {
  const max = await ctx.signIn('max@acme.test');
  const r = await max.get('/numbers?period=2025-Q2');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/numbers/team?period=2025-Q2');
  const plain = await max.get('/numbers');
  assert.equal(plain.status, 303);
  assert.equal(plain.location, '/numbers/team');
  // a rep's page stays a rep's page
  const rita = await ctx.signIn('rita@acme.test');
  assert.equal((await rita.get('/numbers')).status, 200);
});
