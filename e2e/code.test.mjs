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

test('Code follows the call and the secrets, not only the settings; the page takes no questions by DOM events', async () => {
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
  // Nothing on the page's elements carries a value typed.
  const attributes = await page.locator('main').evaluate((m) => [...m.querySelectorAll('*'), m]
    .flatMap((e) => [...e.attributes].filter((a) => a.name !== 'href').map((a) => a.value)).join(' '));
  assert.ok(!attributes.includes('S3cret-typed..') && !attributes.includes('b0dy-1'), attributes);
  // The questions a second module once asked by events on `main` (the code with the secrets
  // among them) are nobody's to ask: no answer comes.
  for (const question of ['ords-code', 'ords-lesson', 'ords-browse', 'ords-use-endpoint', 'ords-postman-import']) {
    assert.equal(await askPage(page, question, 'curl', '1'), 'timed out', question);
  }
});

test('Code asks the helper only while it is open: typing with Code closed writes nothing; open, the text follows', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Counts the code jobs the page posts to its helper worker.
  await context.addInitScript(() => {
    window.__codeJobs = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (typeof message === 'string' && /"do":"(code|postman_export|postman_environment)"/.test(message)) window.__codeJobs++;
      return post.call(this, message, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#target=simulated`);
  await page.getByRole('tab', { name: 'Diagnosis' }).waitFor();
  await page.locator('#panel-diagnosis').getByText('Before sending').waitFor();
  const jobs = () => page.evaluate(() => window.__codeJobs);
  const typeSome = (text) => page.getByLabel('Client ID').pressSequentially(text);
  await page.getByLabel('Client ID').fill('');
  await typeSome('closed-1');
  await new Promise((ok) => setTimeout(ok, 1000));
  assert.equal(await jobs(), 0, 'no code job while Code is closed');

  await openSection(page, 'Code');
  await code(page).getByTestId('code').filter({ hasText: 'closed-1' }).waitFor();
  assert.ok(await jobs() >= 1);
  await page.getByLabel('Client ID').press('End');
  await typeSome('x');
  await code(page).getByTestId('code').filter({ hasText: 'closed-1x' }).waitFor();
  await code(page).getByRole('tab', { name: 'Postman collection' }).click();
  await code(page).getByTestId('code').filter({ hasText: 'schema.getpostman.com' }).waitFor();

  await page.getByRole('tab', { name: 'Diagnosis' }).click();
  await new Promise((ok) => setTimeout(ok, 300));
  const before = await jobs();
  await typeSome('yz');
  await new Promise((ok) => setTimeout(ok, 1000));
  assert.equal(await jobs(), before, 'closed again, typing writes nothing');
  await context.close();
});
