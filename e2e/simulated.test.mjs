// The in-page demo transport: every flow works with no server running at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, tokenPanel, resourcePanel, assertNoLeaks, revealedToken, sharedSession } from './harness.mjs';

const session = sharedSession();

/** Opened with no configuration and no ords-sim on 127.0.0.1:8181: the page picks the simulator. */
async function unconfigured() {
  const opened = await openPlayground(session.browser, session.web.origin);
  const target = opened.page.getByLabel('Send requests to');
  await opened.page.waitForFunction(() => document.querySelector('#target').value === 'simulated');
  assert.equal(await target.inputValue(), 'simulated');
  return opened;
}

test('no server reachable: OAuth2 runs on the simulated ORDS in the page, labelled as simulated', async () => {
  const { page, consoleLines } = await unconfigured();
  await page.getByRole('button', { name: 'Call API' }).click();
  const token = tokenPanel(page);
  const resource = resourcePanel(page);
  await resource.getByText('200 OK').waitFor();
  assert.equal(await token.getByTestId('token-type').textContent(), 'bearer');
  assert.match(await resource.getByTestId('body').textContent(), /"first_name": "Steven"/);
  assert.equal(await token.getByText('Simulated ORDS (in this page)').count(), 1);
  assert.equal(await resource.getByText('Simulated ORDS (in this page)').count(), 1);
  const headers = await resource.locator('details.headers').textContent();
  assert.match(headers, /ETag/, 'exposed headers pass the emulated CORS filter');
  const accessToken = await revealedToken(page);
  await assertNoLeaks(page, consoleLines, [accessToken, 'm2Qx7dVbUaE4kR9pLwT1sA..']);
});

test('no server reachable: Basic and a wrong secret behave as ORDS does', async () => {
  const { page } = await unconfigured();
  await page.getByLabel('Client secret').fill('wrong..');
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('401 Unauthorized').waitFor();
  assert.match(await tokenPanel(page).getByTestId('body').textContent(), /"code": "Unauthorized"/);
  await page.getByRole('radio', { name: 'Basic' }).check();
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('200 OK').waitFor();
  assert.match(await resourcePanel(page).getByTestId('request').textContent(), /Basic base64\(hr_user:•+\)/);
});

test('the simulated ORDS refuses an origin it does not allow, like a browser would', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, {
    target: 'simulated', token_url: 'https://ords.example.com/ords/other/oauth/token',
  });
  await page.getByLabel('Client secret').fill('x');
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('No response').waitFor();
  assert.match(await tokenPanel(page).textContent(), /simulated: the CORS preflight \(OPTIONS\) was answered 404/);
});

test('in the page as over sockets: If-None-Match with the ETag gets 304 (no body, explained); a limit that is not a number gets ORDS\'s 400, explained', async () => {
  const { page } = await unconfigured();
  const resource = resourcePanel(page);
  await page.getByRole('button', { name: 'Call API' }).click();
  await resource.getByText('200 OK').waitFor();
  await resource.getByText(/^Response headers visible to this page/).click();
  const etag = (await resource.locator('details.headers dt', { hasText: /^ETag$/ }).locator('xpath=following-sibling::dd[1]').textContent()).trim();
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  await page.getByText('Request options', { exact: true }).click();
  await page.getByLabel('Headers').fill(`If-None-Match: ${etag}`);
  await page.getByRole('button', { name: 'Call API' }).click();
  await resource.getByText('304 Not Modified').waitFor();
  const meaning = await resource.locator('.meaning').textContent();
  assert.match(meaning, /^Not Modified \(no body\): this page's request carried a validator/);
  assert.equal(await resource.getByTestId('body').textContent(), '(empty body)');
  const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
  await diagnosis.locator('[data-finding="not-modified"]').waitFor();
  // One truth: the status line and Diagnosis say who sent the validator in the same words.
  assert.ok((await diagnosis.locator('[data-finding="not-modified"]').textContent()).includes(meaning.trim()));
  await page.getByLabel('Headers').fill('');
  const url = await page.getByLabel('Resource URL').inputValue();
  await page.getByLabel('Resource URL').fill(`${url}?limit=abc`);
  await page.getByRole('button', { name: 'Call API' }).click();
  await resource.getByText('400 Bad Request').waitFor();
  assert.match(await resource.getByTestId('body').textContent(), /"code": "BadRequest",\s*"title": "Bad Request"/);
  const finding = diagnosis.locator('[data-finding="bad-paging"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /the URL has limit=abc/);
  // The status line names it beside the buttons.
  assert.match(await page.locator('.status-line .main-finding').textContent(), /paging parameters/);
});
