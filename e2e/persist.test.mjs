// Form state across reloads: settings kept, secrets only on request and only in this tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, sharedSession, assertNoLeaks } from './harness.mjs';

const session = sharedSession();

test('non-secret settings survive a reload; secrets do not, unless remembered for the tab', async () => {
  const { page, consoleLines } = await openPlayground(session.browser, session.web.origin);
  await page.getByLabel('Token URL').fill('https://ords.example.com/ords/hr_api/oauth/token');
  await page.getByLabel('Client ID').fill('abcDEF..');
  await page.getByLabel('Client secret').fill('my-secret..');
  await page.getByText('Token request options').click();
  await page.getByLabel('Scope').fill('hr.read');
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByLabel('Parameter 1 name').fill('audience');
  await page.getByLabel('Parameter 1 value').fill('a&b=c');
  await page.getByLabel('Parameter 1 sent in').selectOption({ label: 'Header' });
  await page.reload();
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Token URL').inputValue(), 'https://ords.example.com/ords/hr_api/oauth/token');
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'abcDEF..');
  assert.equal(await page.getByLabel('Client secret').inputValue(), '', 'the secret was not kept');
  await page.getByText('Token request options').click();
  assert.equal(await page.getByLabel('Scope').inputValue(), 'hr.read');
  assert.equal(await page.getByLabel('Parameter 1 value').inputValue(), 'a&b=c');
  assert.equal(await page.getByLabel('Parameter 1 sent in').inputValue(), 'Header');
  await assertNoLeaks(page, consoleLines, ['my-secret..']);

  await page.getByLabel('Client secret').fill('my-secret..');
  await page.getByLabel('Remember secrets for this tab').check();
  await page.reload();
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Client secret').inputValue(), 'my-secret..');
  assert.ok(await page.getByLabel('Remember secrets for this tab').isChecked());
  const local = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!local.includes('my-secret'), 'never in localStorage');
  await page.getByRole('button', { name: 'Forget secrets' }).click();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await page.reload();
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Client secret').inputValue(), '');
});

test('a page configured by its URL ignores and does not overwrite stored settings', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin);
  await page.getByLabel('Client ID').fill('stored-id..');
  await page.goto(`${session.web.origin}/?client_id=embed-id..`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'embed-id..');
  await page.getByLabel('Client ID').fill('typed-in-embed..');
  await page.goto(`${session.web.origin}/`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'stored-id..');
});

test('remembered secrets are never restored into a page opened from a link', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin);
  await page.getByLabel('Client secret').fill('remembered..');
  await page.getByLabel('Remember secrets for this tab').check();
  await page.goto(`${session.web.origin}/#client_id=from-a-link..`);
  await page.getByRole('region', { name: 'Configured by a link' }).waitFor();
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'from-a-link..', 'read from the fragment');
  assert.equal(await page.getByLabel('Client secret').inputValue(), '', 'not restored into the link page');
  await page.goto(`${session.web.origin}/`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  assert.equal(await page.getByLabel('Client secret').inputValue(), 'remembered..', 'still remembered for this tab');
  await page.getByRole('button', { name: 'Forget secrets' }).click();
});
