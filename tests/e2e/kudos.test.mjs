// kudos: kudos, the spotlight and badges of issue 10 end to end, with the
// server's clock pinned to Wednesday 2026-11-25 (the week of Monday 23
// November, the month of November).
//
// Acme: team North (Max; reps Rita and Rosa), team South (Mia; rep Rob),
// admin Ann; Beta: admin Bea, rep Ben. Kudos to oneself, to a user of
// another organisation, without a kind or a text: 400 naming the field,
// nothing stored (page and API). The feed per role: a rep sees their team's
// kudos and those they gave or got, a manager their team's, the admin the
// organisation's, Beta nothing of Acme. The spotlight: written by the
// team's manager only, naming a member of the team, again replaces it,
// shown on /kudos, the home page and /teams; a manager's home page says
// which team has none this month. Badges: the rep's team sees them, only
// the rep and the manager who leads them see the streaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, testCleanStop, createToken, apiClient, unescapeHtml, sqlExec, seedStandard, addUser, listOf,
} from './lib.mjs';

const ctx = useServer({
  env: { SALESGARDEN_TODAY: '2026-11-25' },
  seed: (db) => {
    const ids = seedStandard(db);
    ids.rosa = addUser(db, 'acme', 'rosa@acme.test', 'Rosa Rep', 'rep', { team: 'North' });
    return ids;
  },
});

const tokens = {};
const as = (email) => {
  tokens[email] ??= createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
  return apiClient(ctx.base, tokens[email]);
};
const sessions = {};
async function web(email) {
  sessions[email] ??= await ctx.signIn(email);
  return sessions[email];
}
const textOf = (html) => unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
  .replace(/[ \t\r\n\u00a0\u202f]+/g, ' ');
async function post(email, p, fields) {
  const c = await web(email);
  return c.postForm(p, { csrf_token: c.csrf, ...fields });
}
const sql = (q) => sqlExec(ctx.db, q).trim();
const kudosCount = () => sql('SELECT count(*) FROM kudos');

test('kudos: oneself, another organisation, no kind or text — 400 naming the field, nothing stored', async () => {
  const { rita, ben, rosa } = ctx.ids;
  const before = kudosCount();
  let r = await post('rita@acme.test', '/kudos', { rep_id: String(rita), kind: 'effort', text: 'Me, myself' });
  assert.equal(r.status, 400);
  let t = textOf(r.text);
  assert.match(t, /Nothing was saved/);
  assert.match(t, /Kudos are for a colleague, not for yourself\./);
  r = await post('rita@acme.test', '/kudos', { rep_id: String(ben), kind: 'win', text: 'Across the border' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Kudos go to an active colleague in your own organisation\./);
  r = await post('rita@acme.test', '/kudos', { rep_id: String(rosa), kind: 'bravery', text: '' });
  assert.equal(r.status, 400);
  t = textOf(r.text);
  assert.match(t, /Choose what the kudos are for/);
  assert.match(t, /Say what they did, in a few words\./);
  assert.equal(kudosCount(), before);

  const api = as('rita@acme.test');
  r = await api.post('/api/v1/kudos', { rep_id: ben, kind: 'win', text: 'Across the border' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'rep_id');
  r = await api.post('/api/v1/kudos', { rep_id: rita, kind: 'win', text: 'Me' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'rep_id');
  r = await api.post('/api/v1/kudos', { rep_id: rosa, kind: 'luck', text: 'x' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'kind');
  r = await api.post('/api/v1/kudos', { rep_id: rosa, kind: 'win', text: 'y'.repeat(281) });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'text');
  r = await api.post('/api/v1/kudos', { rep_id: rosa, kind: 'win', text: 5 });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'text');
  // Ben gives to Rita (of Acme): not found in Beta, the same field
  r = await as('ben@beta.test').post('/api/v1/kudos', { rep_id: rita, kind: 'win', text: 'Hello' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'rep_id');
  assert.equal(kudosCount(), before);
  // a deactivated colleague
  const gone = addUser(ctx.db, 'acme', 'gone@acme.test', 'Gone Rep', 'rep', { team: 'North' });
  sql(`UPDATE users SET active = 0 WHERE id = ${gone}`);
  r = await api.post('/api/v1/kudos', { rep_id: gone, kind: 'win', text: 'Farewell' });
  assert.equal(r.status, 400);
  assert.equal(r.json.field, 'rep_id');
  assert.equal(kudosCount(), before);
});

test('the feed: each role sees its own team(s), the admin the organisation, Beta nothing', async () => {
  const { rosa, rob, rita, north, south } = ctx.ids;
  let r = await post('rita@acme.test', '/kudos', { rep_id: String(rosa), kind: 'effort', text: 'North kudos 1a2b: rebuilt the call list' });
  assert.equal(r.status, 303);
  assert.match(r.location, /\/kudos\?ok=given/);
  assert.equal(sql(`SELECT team_id FROM kudos WHERE text LIKE 'North kudos 1a2b%'`), String(north));
  r = await as('mia@acme.test').post('/api/v1/kudos', { rep_id: rob, kind: 'win', text: 'South kudos 3c4d: Vesta signed' });
  assert.equal(r.status, 201);
  assert.equal(r.json.rep.id, rob);
  assert.equal(r.json.team.id, south);
  assert.equal(r.json.kind, 'win');
  assert.equal(r.json.date, '2026-11-25');
  // Rob (South) recognises Rita (North): the kudos are North's
  r = await as('rob@acme.test').post('/api/v1/kudos', { rep_id: rita, kind: 'progress', text: 'Cross kudos 5e6f: shared her script' });
  assert.equal(r.status, 201);
  assert.equal(r.json.team.id, north);

  const sees = {
    'rita@acme.test': ['1a2b', '5e6f'], 'rosa@acme.test': ['1a2b', '5e6f'], 'max@acme.test': ['1a2b', '5e6f'],
    'rob@acme.test': ['3c4d', '5e6f'], 'mia@acme.test': ['3c4d'], 'ann@acme.test': ['1a2b', '3c4d', '5e6f'],
    'ben@beta.test': [], 'bea@beta.test': [],
  };
  for (const [who, want] of Object.entries(sees)) {
    const page = await (await web(who)).get('/kudos');
    assert.equal(page.status, 200, who);
    const t = textOf(page.text);
    for (const code of ['1a2b', '3c4d', '5e6f'])
      assert.equal(t.includes(code), want.includes(code), `${who} ${want.includes(code) ? 'sees' : 'does not see'} ${code}`);
    const list = listOf((await as(who).get('/api/v1/kudos')).json, 'items').map((k) => k.text);
    for (const code of ['1a2b', '3c4d', '5e6f'])
      assert.equal(list.some((s) => s.includes(code)), want.includes(code), `API: ${who} ${code}`);
  }
  // on the home page, Rosa reads the kudos she received
  const home = textOf((await (await web('rosa@acme.test')).get('/')).text);
  assert.match(home, /Kudos you received/);
  assert.match(home, /North kudos 1a2b/);
  // Rita's rep page (Max): the kudos she received, and what Rob may not see there
  const rep = textOf((await (await web('max@acme.test')).get(`/reps/${rita}`)).text);
  assert.match(rep, /Kudos received/);
  assert.match(rep, /Cross kudos 5e6f/);
  // ?rep= in the API: Mia asks for Rita's: none she may see
  const mias = listOf((await as('mia@acme.test').get(`/api/v1/kudos?rep=${rita}`)).json, 'items');
  assert.equal(mias.length, 0);
  const maxs = listOf((await as('max@acme.test').get(`/api/v1/kudos?rep=${rita}`)).json, 'items');
  assert.deepEqual(maxs.map((k) => k.text), ['Cross kudos 5e6f: shared her script']);
  // the feed downloads as CSV
  const csv = await (await web('max@acme.test')).get('/kudos?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /North kudos 1a2b/);
  assert.doesNotMatch(csv.text, /South kudos 3c4d/);
});

test('the spotlight: its manager writes it for a member, again replaces it; shown on /kudos, home and /teams', async () => {
  const { rita, rob, north } = ctx.ids;
  // Mia's home page: South has no spotlight this month
  let home = textOf((await (await web('mia@acme.test')).get('/')).text);
  assert.match(home, /South has no spotlight for this month yet\./);
  assert.doesNotMatch(home, /North has no spotlight/);
  // Rob is not in North: 400 naming the person, nothing stored
  let r = await post('max@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'week', rep_id: String(rob), citation: 'Not mine' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /The spotlight names an active member of the team\./);
  r = await post('max@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'year', rep_id: String(rita), citation: '' });
  assert.equal(r.status, 400);
  assert.match(textOf(r.text), /Choose the spotlight's period/);
  assert.match(textOf(r.text), /Write the citation/);
  // Mia does not manage North; Rita is no manager
  r = await post('mia@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'week', rep_id: String(rita), citation: 'Mia says' });
  assert.equal(r.status, 403);
  r = await post('rita@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'week', rep_id: String(rita), citation: 'Me' });
  assert.equal(r.status, 403);
  assert.equal(sql('SELECT count(*) FROM spotlights'), '0');
  r = await post('max@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'week', rep_id: String(rita), citation: 'First citation 9a9a' });
  assert.equal(r.status, 303);
  r = await post('max@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'week', rep_id: String(rita), citation: 'Spotlight citation 7b7b: every step kept' });
  assert.equal(r.status, 303);
  assert.equal(sql('SELECT count(*) FROM spotlights'), '1');
  assert.equal(sql('SELECT period_start FROM spotlights'), '2026-11-23');
  for (const who of ['rita@acme.test', 'rosa@acme.test', 'max@acme.test', 'ann@acme.test']) {
    const t = textOf((await (await web(who)).get('/kudos')).text);
    assert.match(t, /Spotlight of the week · North Rita Rep/, who);
    assert.match(t, /Spotlight citation 7b7b/, who);
    assert.doesNotMatch(t, /First citation 9a9a/, who);
  }
  for (const who of ['rob@acme.test', 'mia@acme.test', 'ben@beta.test'])
    assert.doesNotMatch(textOf((await (await web(who)).get('/kudos')).text), /7b7b/, who);
  home = textOf((await (await web('rosa@acme.test')).get('/')).text);
  assert.match(home, /Spotlight citation 7b7b/);
  const teams = textOf((await (await web('rita@acme.test')).get('/teams')).text);
  assert.match(teams, /Spotlight citation 7b7b/);
  // the month's spotlight clears Max's "no spotlight this month"
  home = textOf((await (await web('max@acme.test')).get('/')).text);
  assert.match(home, /North has no spotlight for this month yet\./);
  r = await post('max@acme.test', '/kudos/spotlight', { team_id: String(north), period: 'month', rep_id: String(rita), citation: 'Month citation' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT period_start FROM spotlights WHERE period = 'month'`), '2026-11-01');
  home = textOf((await (await web('max@acme.test')).get('/')).text);
  assert.doesNotMatch(home, /North has no spotlight/);
});

test('badges: seen by the rep\'s team, streaks only by the rep and the manager who leads them', async () => {
  const { rita } = ctx.ids;
  const want = { 'rita@acme.test': [200, true], 'rosa@acme.test': [200, false], 'max@acme.test': [200, true],
    'ann@acme.test': [200, false], 'rob@acme.test': [403], 'mia@acme.test': [403], 'ben@beta.test': [404] };
  for (const [who, [status, streaks]] of Object.entries(want)) {
    const r = await as(who).get(`/api/v1/badges?rep=${rita}`);
    assert.equal(r.status, status, who);
    if (status !== 200) continue;
    assert.deepEqual(r.json.badges.map((b) => b.code), ['ten_kept', 'clean_month', 'first_book', 'most_improved']);
    assert.equal(r.json.badges.find((b) => b.code === 'most_improved').earned, false);
    assert.equal('streaks' in r.json, streaks, who);
  }
  // the rep page: Max sees Rita's streaks; Rosa cannot open Rita's rep page at all
  const t = textOf((await (await web('max@acme.test')).get(`/reps/${rita}`)).text);
  assert.match(t, /First ten kept steps/);
  assert.match(t, /Weeks in a row with every due step kept/);
  const mine = textOf((await (await web('rita@acme.test')).get('/kudos')).text);
  assert.match(mine, /Your badges/);
  assert.match(mine, /Most-improved win not yet Earned by taking first place in a finished contest on most improved/);
  assert.match(mine, /The rule: a week \(Monday to Sunday\)/);
});

testCleanStop(ctx);
