// Input checks, cancellation and the embedded defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { openPlayground, tokenPanel, sharedSession, confirmSend } from './harness.mjs';

const session = sharedSession();

test('bad input is refused next to the field and nothing typed is lost', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin);
  await page.getByLabel('Token URL').fill('host/ords/demo/oauth/token');
  await page.getByLabel('Client ID').fill('');
  await page.getByLabel('Client secret').fill('typed secret');
  await page.getByRole('button', { name: 'Get token' }).click();
  const urlError = page.locator('#token-url-error');
  await urlError.waitFor();
  assert.match(await urlError.textContent(), /Start the URL with https:\/\//);
  assert.match(await page.locator('#client-id-error').textContent(), /Enter the client ID/);
  assert.equal(await page.getByLabel('Token URL').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Token URL').inputValue(), 'host/ords/demo/oauth/token');
  assert.equal(await page.getByLabel('Client secret').inputValue(), 'typed secret');
  assert.equal(await tokenPanel(page).getByText('No token yet').count(), 1, 'nothing was sent');
});

test('a hanging request shows progress and can be cancelled', async () => {
  const sockets = [];
  const silent = createServer((s) => sockets.push(s)); // accepts, never answers
  await new Promise((ok) => silent.listen(0, '127.0.0.1', ok));
  try {
    const base = `http://127.0.0.1:${silent.address().port}/ords/demo`;
    const { page } = await openPlayground(session.browser, session.web.origin, { token_url: `${base}/oauth/token` });
    await page.getByLabel('Client secret').fill('x');
    const button = page.getByRole('button', { name: 'Get token' });
    await button.click();
    await confirmSend(page, `http://127.0.0.1:${silent.address().port}`);
    await page.getByRole('status').getByText('Requesting a token').waitFor();
    assert.equal(await button.getAttribute('aria-busy'), 'true');
    assert.ok(await button.isDisabled());
    await page.getByRole('button', { name: 'Cancel' }).click();
    await tokenPanel(page).getByText('Cancelled.').waitFor();
    assert.ok(await button.isEnabled());
  } finally {
    sockets.forEach((s) => s.destroy());
    silent.close();
  }
});

test('the in-page simulator while its helper is still loading: Cancel ends the request, a stalled load ends in 30 s, then it recovers', async () => {
  const context = await session.browser.newContext();
  const stalled = [];
  // The helper's code never arrives (a stalled connection): nothing can answer.
  await context.route(/ords-worker_bg\.wasm/, (route) => { stalled.push(route); });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#target=simulated`);
  const button = page.getByRole('button', { name: 'Get token' });
  await button.click();
  await page.getByRole('status').getByText('Requesting a token').waitFor();
  for (let i = 0; i < 50 && stalled.length === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.ok(stalled.length > 0, 'the helper was asked for');
  assert.ok(await button.isDisabled());
  await page.getByRole('button', { name: 'Cancel' }).click();
  await tokenPanel(page).getByText('Cancelled.').waitFor();
  assert.ok(await button.isEnabled());
  // Asked again while the load still stalls: the load deadline ends it with a sentence.
  await button.click();
  await tokenPanel(page).getByText(/The in-page simulator could not answer: The page's helper did not load within 30 s/)
    .waitFor({ timeout: 45_000 });
  assert.ok(await button.isEnabled());
  // The connection recovers: the next press starts a fresh helper, and it answers.
  await context.unroute(/ords-worker_bg\.wasm/);
  await button.click();
  await tokenPanel(page).getByText('Expires in').waitFor();
  await context.close();
});

test('with target=network, the form is pre-filled for the local demo simulator', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, { target: 'network' });
  assert.equal(await page.getByLabel('Send requests to').inputValue(), 'network');
  assert.equal(await page.getByLabel('Token URL').inputValue(), 'http://127.0.0.1:8181/ords/demo/oauth/token');
  assert.equal(await page.getByLabel('Resource URL').inputValue(), 'http://127.0.0.1:8181/ords/demo/hr/employees/');
  assert.equal(await page.getByLabel('Client secret').getAttribute('type'), 'password');
  assert.notEqual(await page.getByLabel('Client secret').inputValue(), '');
  await page.getByRole('radio', { name: 'Basic' }).check();
  assert.equal(await page.getByLabel('Username').inputValue(), 'hr_user');
  assert.equal(await page.getByLabel('Token URL').isVisible(), false, 'OAuth2 fields hidden for Basic');
});
