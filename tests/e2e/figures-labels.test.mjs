// figures-labels: figures that say what they mean.
//
// Concentration: the articles speak of "the top 4%"; in a team of 11
// that is one rep, i.e. 9.1% of them, and in a team of 35 it is two reps,
// 5.7%. The page must say who they really are and never print a rounded
// share labelled 4%; a share of the reps shows its decimal (1 of 22 is 4.5%,
// not 5%). A period without revenue has no verdict: the API says null.
//
// The server's clock is pinned to 2026-11-23 (2026-Q4). Won in Q4, by hand:
//   Eleven (11 reps): E1 €1,000, E2 €500, the rest nothing. Total 1,500.
//     top 4% of 11 = ceil(0.44) = 1 rep → 1 of 11 = 9.09% → "9.1%";
//     E1 holds 1,000/1,500 = 67% → the pattern holds;
//     half: 1,000 ≥ 750 → 1 of 11 reps → "9.1%".
//   Thirty-five (35 reps): T1 €600, T2 €300, T3 €300, T4 €300. Total 1,500.
//     top 4% of 35 = ceil(1.4) = 2 reps → 2 of 35 = 5.71% → "5.7%";
//     they hold 900/1,500 = 60% → holds; half: 600+300 = 900 ≥ 750 → 2 of 35.
//   Twenty-two (22 reps): W1 €100, the rest nothing.
//     half: 1 of 22 = 4.545% → "4.5%"; top 1 rep (4.5% of 22) holds 100%.
//
// The excuse check: E3 lost 6 "Pro" deals and the peers of Eleven 6, none
// with a reason recorded (each counts as "other": 100% against 100%). That
// is not an excuse shared by peers; there is nothing to judge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, createToken, apiClient, addOrg, addUser, addTeam, sgOk, unescapeHtml } from './lib.mjs';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TEAMS = [['Eleven', 'e', 11], ['Thirty-five', 't', 35], ['Twenty-two', 'w', 22]];

function seed(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  // reps by import: one command instead of 68 (they need no password here)
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-conc-'));
  const lines = ['E-mail,Name,Team'];
  for (const [team, key, n] of TEAMS) {
    ids[team] = addTeam(db, 'acme', team, { manager: 'max@acme.test' });
    for (let i = 1; i <= n; i++) lines.push(`${key}${i}@acme.test,${key.toUpperCase()}${i} Rep,${team}`);
  }
  const file = path.join(dir, 'reps.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  sgOk(['import', 'reps', file, '--org', 'acme'], { db });
  rmSync(dir, { recursive: true, force: true });
  return ids;
}

const ctx = useServer({ seed, env: { SALESGARDEN_TODAY: '2026-11-23' } });

function textOf(html) {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\u00a0/g, ' ').replace(/[ \t\r\n]+/g, ' ');
}

let seeded;
const setup = () => (seeded ??= (async () => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const users = (await api.get('/api/v1/users?limit=200')).json;
  const list = users.users ?? users.items ?? users;
  const idOf = (email) => {
    const u = list.find((x) => x.email === email);
    assert.ok(u, `user ${email}`);
    return u.id;
  };
  let seq = 0;
  for (const [email, euros] of [['e1', 1000], ['e2', 500], ['t1', 600], ['t2', 300], ['t3', 300], ['t4', 300],
    ['w1', 100]]) {
    const d = await api.post('/api/v1/deals', {
      title: `Deal ${++seq}`, account_name: `Account ${seq}`, value_minor: euros * 100, currency: 'EUR',
      owner_id: idOf(`${email}@acme.test`),
    });
    assert.equal(d.status, 201, d.text);
    const c = await api.send('PATCH', `/api/v1/deals/${d.json.id ?? d.json.deal?.id}`, { status: 'won' });
    assert.equal(c.status, 200, c.text);
  }
  // lost as "other", which is also what an imported loss without a reason
  // counts as: E3 six times, E4 and E5 three times each
  for (const [email, times] of [['e3', 6], ['e4', 3], ['e5', 3]]) {
    for (let i = 0; i < times; i++) {
      const d = await api.post('/api/v1/deals', {
        title: `Lost ${++seq}`, account_name: `Account ${seq}`, value_minor: 10000, currency: 'EUR',
        owner_id: idOf(`${email}@acme.test`), product: 'Pro',
      });
      assert.equal(d.status, 201, d.text);
      const c = await api.send('PATCH', `/api/v1/deals/${d.json.id ?? d.json.deal?.id}`, { status: 'lost', lost_reason: 'other' });
      assert.equal(c.status, 200, c.text);
    }
  }
  ctx.ids.e3 = idOf('e3@acme.test');
})());

test('a team of 11: "the top rep (9.1% of 11)", never a rounded "top 4%"', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const page = textOf((await max.get(`/concentration?team=${ctx.ids.Eleven}&period=2026-Q4`)).text);
  assert.match(page, /67% of the revenue comes from the top rep \(9\.1% of 11\)/);
  assert.match(page, /9\.1% 1 of 11 reps brings half of the revenue/);
  assert.match(page, /Here the top rep \(9\.1% of 11\): 67% of the revenue — the pattern holds\./);
  assert.doesNotMatch(page, /the top 4%\)|top 4% \(|top 4% bring/);
});

test('a team of 35: "the top 2 reps (5.7% of 35)"', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const page = textOf((await max.get(`/concentration?team=${ctx.ids['Thirty-five']}&period=2026-Q4`)).text);
  assert.match(page, /60% of the revenue comes from the top 2 reps \(5\.7% of 35\)/);
  assert.match(page, /5\.7% 2 of 35 reps bring half of the revenue/);
});

test('a team of 22: one rep is 4.5% of them, with its decimal', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const page = textOf((await max.get(`/concentration?team=${ctx.ids['Twenty-two']}&period=2026-Q4`)).text);
  assert.match(page, /4\.5% 1 of 22 reps brings half of the revenue/);
  assert.match(page, /100% of the revenue comes from the top rep \(4\.5% of 22\)/);
});

test('the API: holds is true, false or null — null when the period has no revenue', async () => {
  await setup();
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'max@acme.test'));
  const q4 = await api.get(`/api/v1/concentration?period=2026-Q4&team=${ctx.ids.Eleven}`);
  assert.equal(q4.status, 200, q4.text);
  assert.equal(q4.json.holds, true);
  assert.equal(q4.json.top_count, 1);
  const q1 = await api.get(`/api/v1/concentration?period=2026-Q1&team=${ctx.ids.Eleven}`);
  assert.equal(q1.status, 200, q1.text);
  assert.equal(q1.json.total_minor, 0);
  assert.equal(q1.json.holds, null);
  assert.equal(q1.json.top_share, null);
});

test('the excuse check without recorded reasons: nothing to judge, not "shared by peers"', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const page = textOf((await max.get(`/excuses?rep=${ctx.ids.e3}&period=2026-Q4`)).text);
  assert.match(page, /None of these lost deals has a reason recorded: there is nothing to judge\./);
  assert.match(page, /Other 6 \(100%\) 6 \(100%\) No reason recorded: nothing to judge/);
  assert.doesNotMatch(page, /Shared by peers/);

  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'max@acme.test'));
  const r = await api.get(`/api/v1/excuses?rep=${ctx.ids.e3}&period=2026-Q4`);
  assert.equal(r.status, 200, r.text);
  const pro = r.json.products.find((p) => p.product === 'Pro');
  assert.ok(pro, r.text);
  assert.equal(pro.rep_lost, 6);
  assert.equal(pro.rep_lost_with_reason, 0);
  assert.deepEqual(pro.reasons.map((x) => [x.reason, x.rep_n, x.verdict]), [['other', 6, 'no_reason']]);
});

test('the excuse check and the figures pickers list reps, not the manager (a manager has no excuse check)', async () => {
  await setup();
  const max = await ctx.signIn('max@acme.test');
  const options = (html) => [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => m[2]);
  for (const page of ['/excuses?period=2026-Q4', '/figures/commitment']) {
    const r = await max.get(page);
    assert.equal(r.status, 200, `${page}: ${r.text.slice(0, 300)}`);
    const names = options(r.text);
    assert.ok(names.includes('E1 Rep'), `${page} lists the reps: ${names.slice(0, 5).join(', ')}`);
    assert.ok(!names.includes('Max Manager'), `${page} lists no manager: ${names.filter((n) => /Max|Ann/.test(n))}`);
    assert.ok(!names.includes('Ann Admin'), page);
  }
});
