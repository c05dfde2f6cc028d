// admin-details: the smaller things of issue 14, as a user sees them — a new
// deal reads as new beside "healthy", not as a red "no next step"; the users
// list says which team a manager leads; the admin's home does not tell the
// admin to ask an admin; the excuse check's rep selector says "choose a rep"
// until one is chosen; a signed-in person's 404 keeps the menu; the filter
// card's "Show" buttons look alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const as = (email) => apiClient(ctx.base, createToken(ctx.db, 'acme', email));

test('a new deal without a step reads as new on the pipeline and the deals list, one state beside healthy', async () => {
  const rita = as('rita@acme.test');
  const a = await rita.post('/api/v1/accounts', { name: 'Fresh Ltd' });
  const d = await rita.post('/api/v1/deals', { title: 'Fresh Deal', account_id: a.json.id, value_minor: 5000, currency: 'EUR' });
  assert.equal(d.status, 201, d.text);
  const s = await ctx.signIn('rita@acme.test');
  const board = await s.get('/pipeline');
  const card = board.text.slice(board.text.indexOf('Fresh Deal'), board.text.indexOf('Fresh Deal') + 1500);
  assert.match(card, /class="deal-next new"[^>]*>New deal: log the first conversation</);
  assert.doesNotMatch(card, /deal-next none/);
  // and the card's health is the healthy one it sits beside
  const start = board.text.lastIndexOf('<li class="deal-card', board.text.indexOf('Fresh Deal'));
  assert.match(board.text.slice(start, start + 80), /health-edge-green/);
  const list = await s.get('/deals');
  assert.match(list.text, /New deal: log the first conversation/);
});

test('the users list names the team a manager leads; the admin home speaks to the admin', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const users = await ann.get('/admin/users');
  const row = (name) => users.text.slice(users.text.indexOf(name), users.text.indexOf('</tr>', users.text.indexOf(name)));
  assert.match(row('Max Manager'), /<td>leads North<\/td>/);
  assert.match(row('Mia Manager'), /<td>leads South<\/td>/);
  assert.match(row('Rita Rep'), /<td>North<\/td>/);
  const csv = await ann.get('/admin/users?format=csv');
  assert.match(csv.text, /Max Manager,max@acme\.test,Manager,leads North,active/);
  const home = await ann.get('/');
  assert.doesNotMatch(home.text, /An admin can add you/);
  assert.match(home.text, /As an admin you set up the teams/);
});

test("the excuse check's selector says choose a rep until one is chosen; the Show buttons look alike", async () => {
  const max = await ctx.signIn('max@acme.test');
  const r = await max.get('/excuses');
  assert.equal(r.status, 200);
  const sel = /<select[^>]*name="who"[^>]*>([\s\S]*?)<\/select>/.exec(r.text)[1];
  assert.match(sel, /^<option value="" selected>— choose a rep —<\/option>/);
  assert.doesNotMatch(sel.slice(sel.indexOf('</option>')), / selected/);
  const card = r.text.slice(r.text.indexOf('fig-filter'), r.text.indexOf('</section>', r.text.indexOf('fig-filter')));
  const shows = [...card.matchAll(/<button class="([^"]*)" type="submit">Show<\/button>/g)].map((m) => m[1]);
  assert.equal(shows.length, 2, card);
  assert.equal(new Set(shows).size, 1, `one style: ${shows}`);
});

test("a signed-in person's 404 keeps the menu", async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const r = await rita.get('/no-such-page');
  assert.equal(r.status, 404);
  assert.match(r.text, /<nav class="nav"/);
});

testCleanStop(ctx);
