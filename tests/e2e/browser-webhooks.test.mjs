// browser-webhooks: the webhooks pages on a phone (issue 16). Headless
// Chromium at 390×844 (touch) signs in as the admin; a webhook with a long
// URL has a delivery log (a test event delivered to a receiver on loopback,
// and one refused by the receiver with 500), and a second webhook was
// disabled by failures. In each language the list, the webhook's page (the
// secret revealed by a tap) and the home page with its banner: none may
// scroll sideways, and the Dutch and Norwegian pages carry no English of
// this feature. Screenshots of any that do go to build/screenshots/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServer, testCleanStop, ROOT, createToken, apiClient, PASSWORD, sqlExec } from './lib.mjs';

const CHROMIUM = process.env.SG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'build/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

let status = 200;
const receiver = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(status); res.end(); }); });
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
after(() => receiver.close());
const ctx = useServer({ env: { SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK: '1', SALESGARDEN_WEBHOOK_BACKOFF_SECONDS: '3600' } });

test('the webhooks pages fit a phone in every language', { skip, timeout: 300_000 }, async (t) => {
  const api = apiClient(ctx.base, createToken(ctx.db, 'acme', 'ann@acme.test'));
  const url = `http://127.0.0.1:${receiver.address().port}/hooks/salesgarden/${'averyveryverylongpathsegment'.repeat(3)}?token=abc`;
  let r = await api.post('/api/v1/webhooks', { url, events: ['deal.won', 'deal.lost', 'conversation.logged', 'import.finished'] });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  await api.post(`/api/v1/webhooks/${id}/test`, {});
  const waitLog = async (n) => {
    for (let i = 0; i < 100; i++) {
      const l = await api.get(`/api/v1/webhooks/${id}/deliveries`);
      if (l.json.items.length >= n) return;
      await new Promise((res) => setTimeout(res, 200));
    }
    assert.fail('no delivery logged');
  };
  await waitLog(1);
  status = 500;
  await api.post(`/api/v1/webhooks/${id}/test`, {});
  await waitLog(2);
  // a second one, disabled by failures (as the worker leaves it)
  r = await api.post('/api/v1/webhooks', { url: 'https://10.20.30.40/in', events: ['deal.won'] });
  assert.equal(r.status, 201, r.text);
  sqlExec(ctx.db, `UPDATE webhooks SET enabled = 0, failures = 10, disabled_at = 1796601600 WHERE id = ${r.json.id}`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  t.after(() => browser.close());
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/login`);
  await page.fill('input[name="email"]', 'ann@acme.test');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${ctx.base}/`), page.click('form[action="/login"] button[type="submit"]')]);
  const wide = [], english = [];
  for (const lang of ['en', 'nl', 'nb']) {
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value="${lang}"]`)]);
    for (const p of ['/', '/admin/webhooks', `/admin/webhooks/${id}`]) {
      await page.goto(`${ctx.base}${p}`);
      if (p.endsWith(`/${id}`)) await page.locator('.webhook-secret summary').tap();
      const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
      if (lang === 'nl' && p !== '/') await page.screenshot({ path: path.join(SHOTS, `phone-admin-nl${p.replace(/\d+/, 'id').replace(/\W+/g, '_')}.png`), fullPage: true });
      if (w > 390) {
        wide.push(`${lang} ${p}: ${w}px`);
        await page.screenshot({ path: path.join(SHOTS, `webhooks-${lang}-${p.replace(/\W+/g, '_')}.png`), fullPage: true });
      }
      const text = await page.evaluate(() => document.querySelector('main').innerText);
      if (lang !== 'en')
        for (const en of ['failed deliveries in a row', 'Delivery log', 'Send test event', 'How webhooks work', 'Answered with an error status', 'Add a webhook'])
          if (text.includes(en)) english.push(`${lang} ${p}: "${en}"`);
      if (p === '/') assert.ok(/webhook/i.test(text), `${lang}: the banner on the home page`);
    }
  }
  assert.deepEqual(wide, [], 'no webhooks page scrolls sideways at 390 px');
  assert.deepEqual(english, [], 'no English on a Dutch or Norwegian page');
});

testCleanStop(ctx);
