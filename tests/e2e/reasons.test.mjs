// reasons: the one list of reasons (issue 14). Why a conversation ends in a
// STOP and why a deal is lost are the same question, so the conversation
// form and the deal's close form offer the same list, which the admins keep
// on /admin/reasons and through /api/v1/reasons. A retired reason is no
// longer offered or accepted, but history still names it; another
// organisation's reasons are never accepted. The excuse check counts "price"
// whether it came from a conversation's STOP or a deal closed as lost.
//
// Also here: moving stages up and down without typing numbers, and setting
// many targets at once (copy the period before's, fill one amount).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, createToken, apiClient, addUser, unescapeHtml, sg } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });
const as = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));

/** the options of <select name=name> in a page: [[value, label], ...] without the empty "choose" */
function options(html, name) {
  const m = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  assert.ok(m, `a select named ${name}`);
  return [...m[1].matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
    .map((o) => [o[1], unescapeHtml(o[2])]).filter(([v]) => v !== '');
}

async function newDeal(api, title) {
  const a = await api.post('/api/v1/accounts', { name: `${title} Ltd` });
  assert.equal(a.status, 201, a.text);
  const d = await api.post('/api/v1/deals', { title, account_id: a.json.id, value_minor: 100000, currency: 'EUR' });
  assert.equal(d.status, 201, d.text);
  return d.json.id;
}

async function offered(session, dealId) {
  const conv = await session.get(`/conversations/new?deal=${dealId}`);
  assert.equal(conv.status, 200, conv.text.slice(0, 300));
  const deal = await session.get(`/deals/${dealId}`);
  assert.equal(deal.status, 200);
  return { stop: options(conv.text, 'stop_reason'), lost: options(deal.text, 'lost_reason') };
}

const stopBody = (dealId, reason, extra = {}) => ({
  deal_id: dealId, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 15, gut_feeling: 2, outcome: 'stop',
  stop_reason: reason, stop_action: 'lost', ...extra,
});

test('one list: the STOP select and the lost select offer the same reasons, price among them', async () => {
  const rita = await ctx.signIn('rita@acme.test');
  const deal = await newDeal(as('rita@acme.test'), 'One List Deal');
  const { stop, lost } = await offered(rita, deal);
  assert.deepEqual(stop, lost);
  const codes = stop.map(([v]) => v);
  assert.deepEqual(codes, ['price', 'competitor', 'no_budget', 'no_need', 'no_authority', 'no_decision', 'timing',
    'not_a_fit', 'other']);
  assert.equal(Object.fromEntries(stop).price, 'Price');
  // the API lists the same list, in the same order
  const api = await as('rita@acme.test').get('/api/v1/reasons');
  assert.equal(api.status, 200, api.text);
  assert.deepEqual(api.json.items.map((x) => x.code), codes);
  assert.ok(api.json.items.every((x) => x.retired === false));
  // in Dutch, the seeded labels are translated
  const nl = await ctx.signIn('rita@acme.test');
  const lang = await nl.postForm('/lang', { csrf_token: nl.csrf, lang: 'nl', return: '/' });
  assert.ok([303, 200].includes(lang.status), lang.text.slice(0, 200));
  const nlOffered = await offered(nl, deal);
  assert.equal(Object.fromEntries(nlOffered.stop).price, 'Prijs');
});

test('an admin adds, renames, reorders and retires a reason; both selects follow; a rep cannot', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const page = await ann.get('/admin/reasons');
  assert.equal(page.status, 200);
  assert.match(page.text, /href="\/admin\/reasons"/, 'a link in the menu');

  // add
  let r = await ann.postForm('/admin/reasons', { csrf_token: ann.csrf, label: 'Went dark' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  let list = (await as('ann@acme.test').get('/api/v1/reasons')).json.items;
  const dark = list.find((x) => x.label === 'Went dark');
  assert.ok(dark, JSON.stringify(list));
  assert.equal(dark.code, 'went_dark');
  assert.equal(list.at(-1).id, dark.id, 'a new reason goes last');

  const rita = await ctx.signIn('rita@acme.test');
  const deal = await newDeal(as('rita@acme.test'), 'Went Dark Deal');
  let o = await offered(rita, deal);
  assert.deepEqual(o.stop, o.lost);
  assert.ok(o.stop.some(([v, l]) => v === 'went_dark' && l === 'Went dark'));

  // bad input: the form comes back with the message at the field and what was typed
  r = await ann.postForm('/admin/reasons', { csrf_token: ann.csrf, label: '   ' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-new-label"/);
  r = await ann.postForm('/admin/reasons', { csrf_token: ann.csrf, label: 'went dark' });
  assert.equal(r.status, 409);
  assert.match(r.text, /There is already a reason with this name/);
  assert.match(r.text, /value="went dark"/);

  // a deal lost for it, before it is renamed and retired
  r = await as('rita@acme.test').send('PATCH', `/api/v1/deals/${deal}`, { status: 'lost', lost_reason: 'went_dark' });
  assert.equal(r.status, 200, r.text);

  // rename
  r = await ann.postForm(`/admin/reasons/${dark.id}`, { csrf_token: ann.csrf, label: 'Gone silent' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  list = (await as('ann@acme.test').get('/api/v1/reasons')).json.items;
  assert.equal(list.find((x) => x.id === dark.id).label, 'Gone silent');
  assert.equal(list.find((x) => x.id === dark.id).code, 'went_dark', 'the code stays, so history does');

  // reorder: up one place, then the first one cannot go higher
  const before = list.map((x) => x.id);
  r = await ann.postForm(`/admin/reasons/${dark.id}/move`, { csrf_token: ann.csrf, dir: 'up' });
  assert.equal(r.status, 303);
  list = (await as('ann@acme.test').get('/api/v1/reasons')).json.items;
  const after = list.map((x) => x.id);
  assert.deepEqual(after.slice(0, -2), before.slice(0, -2));
  assert.deepEqual(after.slice(-2), [before.at(-1), before.at(-2)]);
  o = await offered(rita, await newDeal(as('rita@acme.test'), 'Order Deal'));
  assert.equal(o.stop.at(-2)[0], 'went_dark');
  assert.deepEqual(o.stop, o.lost);
  r = await ann.postForm(`/admin/reasons/${dark.id}/move`, { csrf_token: ann.csrf, dir: 'sideways' });
  assert.equal(r.status, 400);

  // retire: no longer offered nor accepted, still named on the deal lost for it
  r = await ann.postForm(`/admin/reasons/${dark.id}`, { csrf_token: ann.csrf, action: 'retire' });
  assert.equal(r.status, 303);
  list = (await as('ann@acme.test').get('/api/v1/reasons')).json.items;
  assert.equal(list.find((x) => x.id === dark.id).retired, true);
  const fresh = await newDeal(as('rita@acme.test'), 'After Retire Deal');
  o = await offered(rita, fresh);
  assert.ok(!o.stop.some(([v]) => v === 'went_dark'));
  assert.ok(!o.lost.some(([v]) => v === 'went_dark'));
  assert.deepEqual(o.stop, o.lost);
  r = await as('rita@acme.test').post('/api/v1/conversations', stopBody(fresh, 'went_dark'));
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'stop_reason');
  const dealPage = await rita.get(`/deals/${deal}`);
  assert.match(dealPage.text, /Gone silent/, 'history keeps the retired reason');
  // and it can be offered again
  r = await as('ann@acme.test').send('PATCH', `/api/v1/reasons/${dark.id}`, { retired: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.retired, false);

  // a rep or a manager may not change the list
  r = await rita.postForm('/admin/reasons', { csrf_token: rita.csrf, label: 'Rep reason' });
  assert.equal(r.status, 403);
  const max = await ctx.signIn('max@acme.test');
  r = await max.postForm(`/admin/reasons/${dark.id}`, { csrf_token: max.csrf, action: 'retire' });
  assert.equal(r.status, 403);
  assert.equal((await as('rita@acme.test').post('/api/v1/reasons', { label: 'Rep reason' })).status, 403);
  assert.equal((await as('max@acme.test').send('PATCH', `/api/v1/reasons/${dark.id}`, { label: 'X' })).status, 403);
  list = (await as('rita@acme.test').get('/api/v1/reasons')).json.items;
  assert.ok(!list.some((x) => x.label === 'Rep reason' || x.label === 'X'));
});

test('API: list, create, patch; bad input is 400 naming the field and stores nothing', async () => {
  const ann = as('ann@acme.test');
  let r = await ann.post('/api/v1/reasons', { label: 'Champion left' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.code, 'champion_left');
  assert.equal(r.json.label, 'Champion left');
  assert.equal(r.json.retired, false);
  assert.match(r.headers.get('location'), new RegExp(`/api/v1/reasons/${r.json.id}$`));
  const id = r.json.id;
  r = await ann.send('PATCH', `/api/v1/reasons/${id}`, { label: 'Our champion left', position: 5 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.label, 'Our champion left');
  assert.equal(r.json.position, 5);
  const first = (await ann.get('/api/v1/reasons')).json.items[0];
  assert.equal(first.id, id, 'position 5 is before the seeded 10');

  const count = (await ann.get('/api/v1/reasons')).json.total;
  for (const [body, field] of [[{}, 'label'], [{ label: '' }, 'label'], [{ label: 7 }, 'label'],
    [{ label: 'x'.repeat(101) }, 'label']]) {
    r = await ann.post('/api/v1/reasons', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.field, field);
  }
  r = await ann.post('/api/v1/reasons', { label: 'our champion LEFT' });
  assert.equal(r.status, 409);
  assert.equal(r.json.field, 'label');
  // a seeded reason's name in another of our languages is that reason too
  r = await ann.post('/api/v1/reasons', { label: 'Prijs' });
  assert.equal(r.status, 409, r.text);
  for (const [body, field] of [[{ retired: 'yes' }, 'retired'], [{ position: -1 }, 'position'],
    [{ label: '  ' }, 'label']]) {
    r = await ann.send('PATCH', `/api/v1/reasons/${id}`, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.field, field);
  }
  const now = await ann.get('/api/v1/reasons');
  assert.equal(now.json.total, count, 'nothing added');
  assert.equal(now.json.items.find((x) => x.id === id).label, 'Our champion left', 'nothing changed');

  // a code that is no reason at all
  const rita = as('rita@acme.test');
  const deal = await newDeal(rita, 'Bad Reason Deal');
  r = await rita.post('/api/v1/conversations', stopBody(deal, 'because'));
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'stop_reason');
  r = await rita.send('PATCH', `/api/v1/deals/${deal}`, { status: 'lost', lost_reason: 'because' });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'lost_reason');
  assert.equal((await rita.get(`/api/v1/deals/${deal}`)).json.status, 'open');
  // an admin-added reason is accepted by both
  r = await rita.send('PATCH', `/api/v1/deals/${deal}`, { status: 'lost', lost_reason: 'champion_left' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.lost_reason, 'champion_left');
});

test("another organisation's reason is not accepted, nor changed by its admin", async () => {
  const bea = as('bea@beta.test');
  let r = await bea.post('/api/v1/reasons', { label: 'Beta only' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.code, 'beta_only');
  const acmeList = (await as('rita@acme.test').get('/api/v1/reasons')).json.items;
  assert.ok(!acmeList.some((x) => x.code === 'beta_only'), 'the lists are apart');

  const rita = as('rita@acme.test');
  const deal = await newDeal(rita, 'Cross Org Deal');
  r = await rita.post('/api/v1/conversations', stopBody(deal, 'beta_only'));
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'stop_reason');
  r = await rita.send('PATCH', `/api/v1/deals/${deal}`, { status: 'lost', lost_reason: 'beta_only' });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'lost_reason');
  // the close form says so at its field and keeps the deal open
  const s = await ctx.signIn('rita@acme.test');
  const page = await s.postForm(`/deals/${deal}/close`, { csrf_token: s.csrf, status: 'lost', lost_reason: 'beta_only' });
  assert.equal(page.status, 400);
  assert.match(page.text, /id="e-lost_reason"/);
  assert.equal((await rita.get(`/api/v1/deals/${deal}`)).json.status, 'open');
  // Bea cannot reach organisation A's reasons by id
  r = await bea.send('PATCH', `/api/v1/reasons/${acmeList[0].id}`, { label: 'Hijacked' });
  assert.equal(r.status, 404);
  assert.equal((await rita.get('/api/v1/reasons')).json.items[0].label, acmeList[0].label);
});

test('the excuse check counts "price" from a STOP and from a deal closed as lost alike', async () => {
  const rob = as('rob@acme.test');
  const viaStop = await newDeal(rob, 'Price Stop Deal');
  let r = await rob.post('/api/v1/conversations', stopBody(viaStop, 'price'));
  assert.equal(r.status, 201, r.text);
  const d1 = await rob.get(`/api/v1/deals/${viaStop}`);
  assert.equal(d1.json.status, 'lost');
  assert.equal(d1.json.lost_reason, 'price', "the STOP's reason is the deal's, unchanged");
  const viaDeal = await newDeal(rob, 'Price Lost Deal');
  r = await rob.send('PATCH', `/api/v1/deals/${viaDeal}`, { status: 'lost', lost_reason: 'price' });
  assert.equal(r.status, 200, r.text);
  const viaForm = await newDeal(rob, 'Price Form Deal');
  const s = await ctx.signIn('rob@acme.test');
  r = await s.postForm(`/deals/${viaForm}/close`, { csrf_token: s.csrf, status: 'lost', lost_reason: 'price' });
  assert.equal(r.status, 303, r.text.slice(0, 300));

  const x = await rob.get('/api/v1/excuses?period=2026-Q4');
  assert.equal(x.status, 200, x.text);
  const p = x.json.products.find((q) => q.product === '');
  assert.ok(p, JSON.stringify(x.json.products));
  assert.equal(p.rep_lost, 3);
  assert.equal(p.reasons.find((q) => q.reason === 'price').rep_n, 3);
  // the page names the reason with the list's label
  const page = await s.get('/excuses?period=2026-Q4');
  assert.equal(page.status, 200);
  assert.match(page.text, /Price/);
});

test("the CSV import reads lost reasons against the organisation's list", async () => {
  const ann = as('ann@acme.test');
  let r = await ann.post('/api/v1/reasons', { label: 'Went quiet' });
  assert.equal(r.status, 201, r.text);
  r = await ann.post('/api/v1/reasons', { label: 'Old habit' });
  assert.equal(r.status, 201, r.text);
  r = await ann.send('PATCH', `/api/v1/reasons/${r.json.id}`, { retired: true });
  assert.equal(r.status, 200, r.text);
  const head = 'Deal - ID;Deal - Title;Deal - Organization;Deal - Owner;Deal - Value;Deal - Currency;Deal - Stage;'
    + 'Deal - Status;Deal - Won time;Deal - Lost time;Deal - Expected close date;Deal - Deal created;Deal - Lost reason;'
    + 'Deal - Product name';
  const row = (id, title, reason) => `${id};${title};${title} AS;Rob Rep;100,00;EUR;Proposal;Lost;;20-10-2026 10:00:00;;`
    + `01-10-2026 09:00:00;${reason};Garden Pro`;
  const file = path.join(ctx.db.dir, 'reasons.csv');
  writeFileSync(file, [head, row(901, 'Quiet deal', 'went quiet'), row(902, 'Pricey deal', 'Too expensive'),
    row(903, 'Habit deal', 'Old habit'), row(904, 'Odd deal', 'Champion moved on')].join('\n') + '\n');
  const out = sg(['import', 'deals', file, '--org', 'acme'], { db: ctx.db });
  assert.equal(out.code, 0, out.stdout + out.stderr);
  const deals = (await ann.get('/api/v1/deals?limit=500')).json.items;
  const got = (title) => { const d = deals.find((x) => x.title === title); return [d.lost_reason, d.lost_note]; };
  assert.deepEqual(got('Quiet deal'), ['went_quiet', ''], "an admin-added reason, by its label");
  assert.deepEqual(got('Pricey deal'), ['price', ''], 'a seeded reason, by its keywords');
  assert.deepEqual(got('Habit deal'), ['other', 'Old habit'], 'a retired reason is not given to new deals');
  assert.deepEqual(got('Odd deal'), ['other', 'Champion moved on']);
});

test('stages move up and down with one button, for admins only', async () => {
  const ann = await ctx.signIn('ann@acme.test');
  const api = as('ann@acme.test');
  const before = (await api.get('/api/v1/stages')).json.items;
  const page = await ann.get('/admin/stages');
  assert.match(page.text, new RegExp(`action="/admin/stages/${before[1].id}/move"`));
  let r = await ann.postForm(`/admin/stages/${before[1].id}/move`, { csrf_token: ann.csrf, dir: 'up' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  let after = (await api.get('/api/v1/stages')).json.items;
  assert.deepEqual(after.map((s) => s.id).slice(0, 3), [before[1].id, before[0].id, before[2].id]);
  r = await ann.postForm(`/admin/stages/${before[1].id}/move`, { csrf_token: ann.csrf, dir: 'down' });
  assert.equal(r.status, 303);
  after = (await api.get('/api/v1/stages')).json.items;
  assert.deepEqual(after.map((s) => s.id), before.map((s) => s.id));
  // the last one stays last
  r = await ann.postForm(`/admin/stages/${before.at(-1).id}/move`, { csrf_token: ann.csrf, dir: 'down' });
  assert.equal(r.status, 303);
  assert.equal((await api.get('/api/v1/stages')).json.items.at(-1).id, before.at(-1).id);
  r = await ann.postForm(`/admin/stages/${before[1].id}/move`, { csrf_token: ann.csrf, dir: '' });
  assert.equal(r.status, 400);
  const max = await ctx.signIn('max@acme.test');
  r = await max.postForm(`/admin/stages/${before[1].id}/move`, { csrf_token: max.csrf, dir: 'up' });
  assert.equal(r.status, 403);
  assert.deepEqual((await api.get('/api/v1/stages')).json.items.map((s) => s.id), before.map((s) => s.id));
});

test("targets: copy last period's and fill down, never over a target already set unless asked", async () => {
  const { ids } = ctx;
  const nina = addUser(ctx.db, 'acme', 'nina@acme.test', 'Nina North', 'rep', { team: 'North' });
  const maxApi = as('max@acme.test');
  // last quarter: Rita 1000, Nina 2000; this quarter Rita already has 1500
  for (const [rep, period, amount] of [[ids.rita, '2026-Q3', 1000], [nina, '2026-Q3', 2000], [ids.rita, '2026-Q4', 1500]]) {
    const r = await maxApi.post('/api/v1/targets', { rep_id: rep, period, amount });
    assert.equal(r.status, 201, r.text);
  }
  const q4 = async () => Object.fromEntries((await maxApi.get('/api/v1/targets?period=2026-Q4')).json.items
    .filter((t) => t.period === '2026-Q4').map((t) => [t.rep_id ?? t.rep?.id ?? t.user_id, t.amount]));
  const max = await ctx.signIn('max@acme.test');
  const qs = `period=2026-Q4&team=${ids.north}`;
  let r = await max.postForm(`/targets/copy?${qs}`, { csrf_token: max.csrf });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.location, /copied=1/);
  let page = await max.get(r.location);
  assert.match(page.text, /1 target was set\./);
  let t = await q4();
  assert.equal(t[ids.rita], 1500, 'a target already set stays');
  assert.equal(t[nina], 2000);
  // asked to replace
  r = await max.postForm(`/targets/copy?${qs}`, { csrf_token: max.csrf, overwrite: '1' });
  assert.match(r.location, /copied=1/);
  t = await q4();
  assert.equal(t[ids.rita], 1000);

  // fill down next quarter: one amount for every rep of the team
  const q1 = `period=2027-Q1&team=${ids.north}`;
  r = await max.postForm(`/targets/fill?${q1}`, { csrf_token: max.csrf, amount: 'lots' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="e-amount"/);
  assert.match(r.text, /value="lots"/);
  r = await max.postForm(`/targets/fill?${q1}`, { csrf_token: max.csrf, amount: '3000' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.location, /filled=2/);
  page = await max.get(r.location);
  assert.match(page.text, /2 targets were set\./);
  const next = (await maxApi.get('/api/v1/targets?period=2027-Q1')).json.items.filter((x) => x.period === '2027-Q1');
  assert.deepEqual(next.map((x) => x.amount).sort(), [3000, 3000]);
  r = await max.postForm(`/targets/fill?${q1}`, { csrf_token: max.csrf, amount: '4000' });
  assert.match(r.location, /filled=0/);

  // a manager does not fill another team's targets; a rep not at all
  const mia = await ctx.signIn('mia@acme.test');
  r = await mia.postForm(`/targets/fill?period=2027-Q2&team=${ids.north}`, { csrf_token: mia.csrf, amount: '1' });
  assert.equal(r.status, 403);
  const rita = await ctx.signIn('rita@acme.test');
  r = await rita.postForm(`/targets/copy?${qs}`, { csrf_token: rita.csrf });
  assert.equal(r.status, 403);
});

testCleanStop(ctx);
