// Issue 4's knobs, driven by their visible labels against ords-sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, sharedSession, tokenPanel, resourcePanel, assertNoLeaks, openDemo, DEMO_SECRET, confirmSend, openSection,
} from './harness.mjs';

const session = sharedSession();

const playground = (sim, extra = {}) => openDemo(session, sim.alias, extra, { secret: null });

test('token options: form-encoding, scope and extra parameters in each place, previewed live', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--body-client-auth']);
  try {
    const { page, consoleLines } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByLabel('Client authentication').selectOption({ label: 'Request body' });
    await page.getByText('Token request options').click();
    await page.getByLabel('Form-encode the credentials').check();
    await page.getByLabel('Scope').fill('hr.read');
    for (const [i, name, value, place] of [[1, 'audience', 'https://api.example', 'Body'], [2, 'resource', 'r 1', 'Query string'], [3, 'X-Tenant', 'acme', 'Header']]) {
      await page.getByRole('button', { name: 'Add parameter' }).click();
      await page.getByLabel(`Parameter ${i} name`).fill(name);
      await page.getByLabel(`Parameter ${i} value`).fill(value);
      await page.getByLabel(`Parameter ${i} sent in`).selectOption({ label: place });
    }
    const preview = page.getByTestId('token-preview');
    assert.match(await preview.textContent(), /oauth\/token\?resource=r\+1\n/);
    assert.match(await preview.textContent(), /X-Tenant: acme/);
    assert.match(await preview.textContent(), /grant_type=client_credentials&scope=hr\.read&audience=https%3A%2F%2Fapi\.example&client_id=Te8yn-qGmBoX6jzpPhnUXA\.\.&client_secret=•+$/);
    await page.getByRole('button', { name: 'Show secret' }).click();
    assert.match(await preview.textContent(), /client_secret=m2Qx7dVbUaE4kR9pLwT1sA\.\.$/);
    await page.getByRole('button', { name: 'Hide secret' }).click();
    await page.getByRole('button', { name: 'Get token' }).click();
    await tokenPanel(page).getByTestId('status').getByText('200 OK').waitFor();
    assert.match(await tokenPanel(page).getByTestId('request').textContent(), /^POST http:\/\/127\.0\.0\.1:\d+\/ords\/demo\/oauth\/token\?resource=r\+1/);
    await assertNoLeaks(page, consoleLines, [DEMO_SECRET]);
  } finally {
    sim.stop();
  }
});

test('use my own token: no token request, the pasted token is sent and masked', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const grant = await fetch(`${sim.alias}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`Te8yn-qGmBoX6jzpPhnUXA..:${DEMO_SECRET}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json());
    const { page, consoleLines } = await playground(sim);
    await page.getByText('Token use').click();
    await page.getByLabel('Use my own token').check();
    await page.getByLabel('Access token').fill(grant.access_token);
    await page.getByRole('button', { name: 'Call API' }).click();
    await confirmSend(page, sim.base);
    await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
    await tokenPanel(page).getByText('Using the token you pasted; no token request was made.').waitFor();
    assert.equal(await tokenPanel(page).getByTestId('request').count(), 0, 'no token exchange');
    await openSection(page, 'Timeline');
    await page.getByTestId('timeline-entry').first().waitFor();
    assert.equal(await page.getByTestId('timeline-entry').count(), 1, 'only the resource call');
    assert.match(await resourcePanel(page).getByTestId('request').textContent(), /Authorization: Bearer •+/);
    await assertNoLeaks(page, consoleLines, [grant.access_token]);
  } finally {
    sim.stop();
  }
});

test('token placement as a query parameter: ORDS ignores it and answers 401', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByText('Token use').click();
    await page.getByLabel('Token placement').selectOption({ label: 'Query parameter' });
    assert.equal(await page.getByLabel('Token name').inputValue(), 'access_token');
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    await resource.getByTestId('status').getByText('401 Unauthorized').waitFor();
    assert.match(await resource.getByTestId('request').textContent(), /employees\/\?access_token=•+\n/);
  } finally {
    sim.stop();
  }
});

test('request options: POST a JSON body (201), and invalid JSON is refused before sending', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await playground(sim, { flow: 'basic', resource_url: `${sim.alias}/hr/notes/` });
    await page.getByLabel('Password').fill('Welcome_1');
    await page.getByText('Request options').click();
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Headers').fill('X-Trace: e2e');
    await page.getByLabel('Body').fill('{"text": "bad json"');
    await page.getByRole('button', { name: 'Call API' }).click();
    await page.getByRole('alert').getByText(/Body: The body is not valid JSON/).waitFor();
    assert.equal(await resourcePanel(page).getByText('Nothing called yet').count(), 1);
    await page.getByLabel('Body').fill('{"text": "hello from e2e"}');
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    await resource.getByTestId('status').getByText('201 Created').waitFor();
    assert.match(await resource.getByTestId('request').textContent(), /X-Trace: e2e\nContent-Type: application\/json/);
    assert.match(await resource.getByTestId('body').textContent(), /"text": "hello from e2e"/);
  } finally {
    sim.stop();
  }
});

test('a pasted JWT is decoded, and its exp drives the countdown', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'playground', scope: 'hr.read', exp })}.c2ln`;
    const { page, consoleLines } = await playground(sim);
    await page.getByText('Token use').click();
    await page.getByLabel('Use my own token').check();
    await page.getByLabel('Access token').fill(jwt);
    await page.getByRole('button', { name: 'Call API' }).click();
    await confirmSend(page, sim.base);
    await resourcePanel(page).getByTestId('status').getByText('401 Unauthorized').waitFor();
    const token = tokenPanel(page);
    assert.match(await token.getByTestId('jwt-claims').textContent(), /"scope": "hr\.read"/);
    assert.match(await token.getByTestId('jwt-header').textContent(), /"alg": "RS256"/);
    assert.match(await token.getByTestId('expires-in').textContent(), /^(9m \d\ds|10m 00s)$/);
    assert.equal(await token.getByTestId('access-token').textContent(), '••••••••');
    await assertNoLeaks(page, consoleLines, [jwt]);
  } finally {
    sim.stop();
  }
});
