// The page against a hostile server of our own: nothing it answers can crash, hang or freeze
// the page, and no credential reaches a host nobody typed or confirmed. Every test ends with
// the page still working (a demo run in the in-page simulator) and no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { openPlayground, sharedSession, tokenPanel, resourcePanel, confirmSend, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();

/** A server that answers anything a test scripts, records every request, and allows CORS. */
async function hostileServer(routes) {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      seen.push({ method: req.method, path: url.pathname, authorization: req.headers.authorization, body });
      const cors = {
        'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH',
      };
      if (req.method === 'OPTIONS') { res.writeHead(204, cors).end(); return; }
      const answer = routes[url.pathname] ?? { status: 404, type: 'application/json', body: '{}' };
      res.writeHead(answer.status ?? 200, { ...cors, 'Content-Type': answer.type ?? 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, seen, credentialed: () => seen.filter((r) => r.authorization || r.body.includes('client_secret')), close: () => new Promise((ok) => server.close(ok)) };
}

let evil;
let other;
before(async () => {
  other = await hostileServer({ '/x': { body: '{"items":[],"hasMore":false,"limit":25,"offset":0,"count":0,"links":[]}' } });
  const next = `${other.origin}/x`;
  evil = await hostileServer({
    '/deep': { body: `${'['.repeat(30000)}${']'.repeat(30000)}` },
    '/invalid-utf8': { type: 'text/plain', body: Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]) },
    '/html': { type: 'text/html', body: '<h1>hi</h1><script>window.pwned = 1</script><img src="http://127.0.0.1:9/leak.png">' },
    '/long': { body: `{"a":"${'x'.repeat(5 * 1024 * 1024)}"}` },
    '/ords/demo/oauth/token': { body: '{"access_token":"abc\\ndef","token_type":"bearer","expires_in":3600}' },
    '/page': { body: JSON.stringify({ items: [{ a: 1 }], hasMore: true, limit: 1, offset: 0, count: 1, links: [{ rel: 'next', href: next }] }) },
  });
});
after(async () => { await evil?.close(); await other?.close(); });

/** Opens the page configured by a link's fragment; collects CSP reports and page errors. */
async function open(settings) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text()) && !m.location().url.startsWith('about:')) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const fragment = new URLSearchParams(settings).toString();
  await page.goto(`${session.web.origin}/#${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, problems };
}

/** The page still works: a whole OAuth2 run in the in-page simulator. */
async function stillWorks(page, problems) {
  await page.getByRole('radio', { name: 'OAuth2 client credentials' }).check();
  if (await page.getByLabel('Method').inputValue() !== 'GET') {
    await page.getByText('Request options', { exact: true }).click();
    await page.getByLabel('Method').selectOption('GET');
  }
  await page.getByLabel('Send requests to').selectOption({ label: 'Simulated ORDS (in this page)' });
  await page.getByLabel('Token URL').fill('http://127.0.0.1:8181/ords/demo/oauth/token');
  await page.getByLabel('Resource URL').fill('http://127.0.0.1:8181/ords/demo/hr/employees/');
  await page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA..');
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('Simulated ORDS (in this page)').waitFor();
  await resourcePanel(page).getByTestId('body').filter({ hasText: '"first_name": "Steven"' }).waitFor();
  assert.equal(await page.locator('#crash-notice').count(), 0, 'no crash notice');
  assert.deepEqual(problems, [], 'no CSP violation, no page error');
}

/** Basic with the demo's public password, so no question: the answer is what is tested. */
async function basicCall(path) {
  const { page, problems } = await open({ flow: 'basic', resource_url: `${evil.origin}${path}` });
  await page.getByLabel('Password').fill('Welcome_1');
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
  return { page, problems };
}

test('30,000 nested brackets: shown as text, the page stays alive', async () => {
  const { page, problems } = await basicCall('/deep');
  const resource = resourcePanel(page);
  await resource.getByText('Body (text, shown as sent)').waitFor();
  assert.ok((await resource.getByTestId('body').textContent()).startsWith('[[[['), 'the brackets, as text');
  await stillWorks(page, problems);
});

test('invalid UTF-8 is shown with replacement characters', async () => {
  const { page, problems } = await basicCall('/invalid-utf8');
  assert.ok((await resourcePanel(page).getByTestId('body').textContent()).startsWith('ok\uFFFD'), 'U+FFFD for bad bytes');
  await stillWorks(page, problems);
});

test('HTML with a script is text; its preview runs nothing and loads nothing', async () => {
  const { page, problems } = await basicCall('/html');
  const resource = resourcePanel(page);
  assert.match(await resource.getByTestId('body').textContent(), /<script>window\.pwned = 1<\/script>/);
  await resource.getByRole('tab', { name: 'Preview' }).click();
  await page.frameLocator('iframe.preview').locator('h1').waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await resource.getByRole('tab', { name: 'Text' }).click();
  await stillWorks(page, problems);
});

test('a 5 MB single line scrolls by rows', async () => {
  const { page, problems } = await basicCall('/long');
  const rows = resourcePanel(page).locator('.row');
  await rows.first().waitFor();
  assert.ok(await rows.count() < 200, 'only the rows in view are in the page');
  await stillWorks(page, problems);
});

test('a token with a line break is refused with a sentence, and the buttons come back', async () => {
  const { page, problems } = await open({ token_url: `${evil.origin}/ords/demo/oauth/token`, resource_url: `${evil.origin}/deep` });
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByRole('button', { name: 'Call API' }).click();
  const token = tokenPanel(page);
  await token.getByText('its access_token contains a line break').waitFor();
  await resourcePanel(page).getByText('No resource call was made').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Call API' }).isEnabled(), 'the run ended');
  assert.ok(!(await token.getByTestId('body').textContent()).includes('abc\\ndef'), 'even that token is masked');
  await stillWorks(page, problems);
});

test('a next link to another origin asks first; Cancel sends nothing there', async () => {
  const { page, problems } = await open({ flow: 'basic', resource_url: `${evil.origin}/page` });
  await page.getByLabel('Password').fill('my password');
  await page.getByRole('button', { name: 'Call API' }).click();
  await confirmSend(page, evil.origin);
  await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
  const before = other.seen.length;
  await page.getByRole('button', { name: 'Next page' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: `Send your password to ${other.origin}?` }).waitFor();
  assert.match(await dialog.textContent(), /a link in the last response/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await resourcePanel(page).getByText(`Not sent: you chose not to send your credentials to ${other.origin}`).waitFor();
  assert.equal(other.seen.length, before, 'nothing reached the other origin');
  await stillWorks(page, problems);
});

test('a link with a foreign token URL: the banner names the host, and nothing is sent before Send to', async () => {
  const { page, problems } = await open({ token_url: `${evil.origin}/ords/demo/oauth/token`, client_id: 'x', method: 'DELETE', colour: 'red' });
  const banner = page.getByRole('region', { name: 'Configured by a link' });
  assert.match(await banner.textContent(), new RegExp(`Credentials will go to: ${evil.origin}, http://127.0.0.1:8181`));
  assert.match(await banner.textContent(), /Method \(in Request options\): DELETE/);
  assert.match(await banner.textContent(), /colour: not a setting of this page/);
  const before = evil.credentialed().length;
  await page.getByLabel('Client secret').fill('my real secret');
  await page.getByRole('button', { name: 'Get token' }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Send to ${evil.origin}` }).waitFor();
  assert.equal(evil.credentialed().length, before, 'nothing sent while the question is open');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await tokenPanel(page).getByText('Not sent').waitFor();
  assert.equal(evil.credentialed().length, before, 'nothing sent after Cancel');
  await page.getByRole('button', { name: 'Get token' }).click();
  await confirmSend(page, evil.origin);
  await tokenPanel(page).getByText('its access_token contains a line break').waitFor();
  const sent = evil.credentialed().at(-1);
  assert.equal(sent.authorization, `Basic ${Buffer.from('x:my real secret').toString('base64')}`, 'sent once confirmed');
  await stillWorks(page, problems);
});

test('typing a server while the simulator was the default sends over the network', async () => {
  const { page, problems } = await open({ target: 'simulated' });
  assert.equal(await page.getByLabel('Send requests to').inputValue(), 'simulated');
  await page.getByLabel('Token URL').fill(`${evil.origin}/ords/demo/oauth/token`);
  assert.equal(await page.getByLabel('Send requests to').inputValue(), 'network');
  await page.getByText('Requests now go over the network').waitFor();
  await page.getByLabel('Client secret').fill('typed secret');
  const before = evil.credentialed().length;
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('its access_token contains a line break').waitFor();
  assert.equal(await page.getByRole('dialog').isVisible(), false, 'a typed server needs no question');
  assert.equal(evil.credentialed().length, before + 1, 'the request went over the network');
  await tokenPanel(page).getByText(`Answered over the network by ${evil.origin}.`).waitFor();
  await stillWorks(page, problems);
});

test('the page has a Content-Security-Policy that blocks inline script', async () => {
  const { page, problems } = await open({});
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /object-src 'none'; base-uri 'none'; form-action 'none'/);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = 1';
    document.body.append(s);
    return window.injected;
  });
  assert.equal(ran, undefined, 'an injected inline script does not run');
  // Chromium says it twice: its own console message, and the securitypolicyviolation event.
  for (let i = 0; i < 100 && problems.length < 2; i += 1) await page.waitForTimeout(20);
  assert.ok(problems.length > 0 && problems.every((p) => /Content.Security.Policy/i.test(p)), 'reported as a violation');
  problems.length = 0; // that refusal was the point
  await stillWorks(page, problems);
});
