// The Code section: snippets from the form, one run for real, and Postman round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startSim, openPlayground, sharedSession, DEMO_SECRET, openSection, askPage } from './harness.mjs';

const session = sharedSession();
const code = (page) => page.getByRole('region', { name: 'Code' });

/** The code text once it shows `marker` (it is written by the page's helper, after a moment). */
async function codeText(page, marker) {
  await openSection(page, 'Code');
  const text = code(page).getByTestId('code').filter({ hasText: marker });
  await text.waitFor();
  return text.textContent();
}

test('the curl code names the secret as a placeholder, and runs against ords-sim as shown', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await openPlayground(session.browser, session.web.origin, {
      token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/hr/employees/`,
    });
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    const shown = await codeText(page, '#!/usr/bin/env bash');
    assert.ok(shown.includes(`--user 'Te8yn-qGmBoX6jzpPhnUXA..:'"$CLIENT_SECRET"`), shown);
    assert.ok(!shown.includes(DEMO_SECRET), 'no secret unless asked');
    // The OAuth2 flow's snippet: the token request and the call, needing its own secret only.
    assert.ok(!shown.includes('PASSWORD') && !shown.includes('Basic call'), shown);
    const { stdout } = await promisify(execFile)('bash', ['-c', shown], {
      env: { ...process.env, ORDS_CLIENT_SECRET: DEMO_SECRET },
    });
    assert.equal(stdout.match(/HTTP\/1\.1 200 OK/g)?.length, 1, stdout);
    await code(page).getByLabel('Include secrets').check();
    await codeText(page, `CLIENT_SECRET='${DEMO_SECRET}'`);
    await code(page).getByRole('tab', { name: 'PL/SQL (APEX)' }).click();
    await codeText(page, "p_client_secret => 'm2Qx7dVbUaE4kR9pLwT1sA..'");
  } finally {
    await sim.stop();
  }
});

test('a Postman export imports back into the form; other grants are refused', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, {
    token_url: 'https://h.example/ords/hr/oauth/token', resource_url: 'https://h.example/ords/hr/emp/', client_auth: 'body',
  });
  await openSection(page, 'Code');
  await code(page).getByRole('tab', { name: 'Postman collection' }).click();
  const exported = await codeText(page, '"schema":');
  const collection = JSON.parse(exported);
  assert.equal(collection.auth.type, 'oauth2', "the app's OAuth2 helper settings");
  assert.deepEqual(collection.item.map((i) => i.name), ['Get token', 'Protected resource (OAuth2 client credentials)'], 'the OAuth2 flow only');
  await page.getByLabel('Token URL').fill('https://elsewhere.example/x');
  await page.getByLabel('Client authentication').selectOption({ label: 'Basic auth header' });
  await code(page).getByLabel('Collection JSON').fill(exported);
  await code(page).getByRole('button', { name: 'Import', exact: true }).click();
  await code(page).getByText('Imported into the form above.').waitFor();
  assert.equal(await page.getByLabel('Token URL').inputValue(), 'https://h.example/ords/hr/oauth/token');
  assert.equal(await page.getByLabel('Client authentication').inputValue(), 'body');
  await code(page).getByLabel('Collection JSON').fill(exported.replace('"client_credentials"', '"implicit"'));
  await code(page).getByRole('button', { name: 'Import', exact: true }).click();
  await code(page).getByText('uses the implicit grant; the playground runs client_credentials only.').waitFor();
});

test('Code follows the call and the secrets, not only the settings; an unknown target is refused, never another', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, {
    token_url: 'https://h.example/ords/hr/oauth/token', resource_url: 'https://h.example/ords/hr/emp/', method: 'POST',
  });
  await openSection(page, 'Code');
  await page.getByText('Request options', { exact: true }).click();
  await page.getByLabel('Body').fill('{"marker":"b0dy-1"}');
  await codeText(page, 'b0dy-1');
  await code(page).getByLabel('Include secrets').check();
  await page.getByLabel('Client secret').fill('S3cret-typed..');
  await codeText(page, 'S3cret-typed..');
  // What the page tells the deferred part: a count of changes, never the values.
  const attributes = await page.locator('main').evaluate((m) => [...m.attributes].map((a) => a.value).join(' '));
  assert.ok(!attributes.includes('S3cret-typed..') && !attributes.includes('b0dy-1'), attributes);
  const asked = async (target) => (await askPage(page, 'ords-code', target, ''))
    .replace(/^answered: (.*)\n[^]*$/, 'ok: $1');
  assert.equal(await asked('curl'), 'ok: #!/usr/bin/env bash');
  for (const name of ['javascript', 'setup_sql', '']) {
    assert.equal(await asked(name), `refused: there is no code target "${name}"`);
  }
});
