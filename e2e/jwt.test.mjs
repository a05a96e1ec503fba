// ORDS JWT profiles against ords-sim's identity provider: a healthy external token opens the
// API; each JWT scenario is refused with ORDS's bare 401 invalid_token and the page names the
// rule; a provider that refuses browsers is said so, with the curl fallback, before any request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, startSim, resourcePanel, openPlayground, openSection } from './harness.mjs';

const session = sharedSession();

/** The page aimed at the simulator's identity provider, the JWT profile filled as ORDS has it. */
async function jwtPage(sim) {
  const { page, context, consoleLines } = await openPlayground(session.browser, session.web.origin, { target: 'network' });
  await page.getByLabel('Provider').selectOption('other');
  await page.getByLabel('Token URL').fill(`${sim.base}/idp/token`);
  await page.getByLabel('Client ID').fill('sim-idp-client');
  await page.getByLabel('Client secret').fill('sim-idp-secret');
  await page.getByLabel('Resource URL').fill(`${sim.alias}/hr/employees/`);
  await page.getByText('JWT profile', { exact: true }).click();
  await page.getByLabel('Issuer', { exact: true }).fill('https://ords-sim.example/idp');
  await page.getByLabel('Audience', { exact: true }).fill('ords-sim-hr');
  await page.getByLabel('JWK set URL').fill(`${sim.base}/idp/jwks`);
  await page.getByLabel('Allowed skew').fill('30');
  await page.getByLabel('Privilege', { exact: true }).fill('hr.read');
  return { page, context, consoleLines };
}

test('a token from the identity provider opens the API, and meets every rule of the profile', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context } = await jwtPage(sim);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    // Before sending, the held token against the profile: only the warning that a real ORDS
    // wants an https key set (the simulator's is http).
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    const jwtFindings = diagnosis.locator('[data-finding^="jwt-"]');
    await diagnosis.locator('[data-finding="jwt-jwk-url"]').waitFor();
    assert.equal(await jwtFindings.count(), 1);
    assert.match(await jwtFindings.getAttribute('class'), /warning/);
    const code = await openSection(page, 'Code');
    await code.getByRole('tab', { name: 'ORDS setup SQL' }).click();
    const sql = await code.getByTestId('code').filter({ hasText: 'CREATE_JWT_PROFILE' }).textContent();
    assert.match(sql, /ORDS_SECURITY\.CREATE_JWT_PROFILE\(\n {4}p_issuer {7}=> 'https:\/\/ords-sim\.example\/idp',/);
    assert.match(sql, /p_pattern => '\/hr\/\*'/);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('the pool level: its mode that ignores schema profiles, its allowed key URLs, and the ords config lines', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context } = await jwtPage(sim);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await page.getByLabel('The pool ignores schema profiles (security.jwt.profile.mode POOL)').check();
    await diagnosis.locator('[data-finding="jwt-schema-ignored"]').waitFor();
    await page.getByLabel('Key URLs the pool allows (security.jwks.allowed.urls)').fill('https://keys.example/');
    await diagnosis.locator('[data-finding="jwt-jwks-not-allowed"]').waitFor();
    await page.getByLabel('Profile level').selectOption('pool');
    await diagnosis.locator('[data-finding="jwt-schema-ignored"]').waitFor({ state: 'detached' });
    const code = await openSection(page, 'Code');
    await code.getByRole('tab', { name: 'ORDS setup SQL' }).click();
    const lines = await code.getByTestId('code').filter({ hasText: 'security.jwt.profile' }).textContent();
    assert.match(lines, /ords --config "\$ORDS_CONFIG" config --db-pool 'default' set security\.jwt\.profile\.mode 'POOL'\n/);
    assert.match(lines, /set security\.jwt\.profile\.issuer 'https:\/\/ords-sim\.example\/idp'\n/);
    assert.match(lines, /set security\.jwt\.profile\.allowed\.scopes 'hr\.read'\n/);
    assert.match(lines, /set security\.jwks\.allowed\.urls 'https:\/\/keys\.example\/'\n/);
    await context.close();
  } finally {
    await sim.stop();
  }
});

for (const [scenario, rule] of [
  ['jwt-wrong-audience', 'jwt-audience'],
  ['jwt-missing-scope', 'jwt-scope'],
  ['jwt-expired', 'jwt-expired'],
  ['jwt-unknown-kid', 'jwt-unknown-kid'],
  ['jwt-issuer-slash', 'jwt-issuer'],
]) {
  test(`${scenario}: ORDS says only 401 invalid_token; the diagnosis names ${rule}`, async () => {
    const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', scenario]);
    try {
      const { page, context } = await jwtPage(sim);
      await page.getByRole('button', { name: 'Call API' }).click();
      await resourcePanel(page).getByText('401 Unauthorized').first().waitFor();
      const first = page.getByRole('region', { name: 'Diagnosis' }).locator('ul.findings').first().locator('li').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-finding'), rule);
      assert.match(await first.textContent(), /ORDS refused the JWT \(401 invalid_token\); most likely:/);
      // Before sending again, the token held is checked against the profile: the same rule.
      const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
      await page.waitForFunction((r) => document.querySelectorAll(`[data-finding="${r}"]`).length >= 2, rule);
      assert.ok(await diagnosis.locator(`[data-finding="${rule}"]`).count() >= 2);
      await context.close();
    } finally {
      await sim.stop();
    }
  });
}

test('a provider that refuses browser token requests is said so, with the curl fallback, before anything is sent', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'network' });
  const sent = [];
  page.on('request', (r) => { if (!r.url().startsWith(session.web.origin)) sent.push(r.url()); });
  await page.getByLabel('Provider').selectOption('entra');
  const note = page.getByRole('note');
  await note.getByText(/AADSTS9002326/).waitFor();
  assert.equal(await page.getByLabel('Token URL').inputValue(), 'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token');
  assert.match(await page.getByTestId('provider-curl').textContent(), /^curl -i -g .*login\.microsoftonline\.com.*scope=api%3A%2F%2F%3Capplication-id%3E%2F\.default/s);
  assert.equal(await page.getByLabel('Use my own token').isChecked(), true, 'the call will use a pasted token');
  assert.deepEqual(sent, [], 'nothing was sent anywhere');
  // Where the sources say nothing, the page says it is unknown, and how to find out.
  await page.getByLabel('Provider').selectOption('auth0');
  await page.getByText(/whether they apply to client_credentials is not documented/).waitFor();
  await context.close();
});

test('with the profile empty, a JWT fills in its issuer and audience (the likely intent)', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'network' });
    await page.getByLabel('Token URL').fill(`${sim.base}/idp/token`);
    await page.getByLabel('Client ID').fill('sim-idp-client');
    await page.getByLabel('Client secret').fill('sim-idp-secret');
    await page.getByRole('button', { name: 'Get token' }).click();
    await page.getByText('JWT profile', { exact: true }).click();
    const issuer = page.getByLabel('Issuer', { exact: true });
    await page.waitForFunction(() => document.querySelector('#jwt-issuer').value !== '');
    assert.equal(await issuer.inputValue(), 'https://ords-sim.example/idp');
    assert.equal(await page.getByLabel('Audience', { exact: true }).inputValue(), 'ords-sim-hr');
    await context.close();
  } finally {
    await sim.stop();
  }
});
