// Workshop mode, as a room uses it: every scenario staged in the page produces its failure and
// the diagnosis names it (expired-token's, which takes 30 s, in lesson-path.test.mjs); a lesson walked step by step; Reset lesson; a lesson link; the
// projector view; and ords-sim refusing a room's network address unless told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sharedSession, tokenPanel, resourcePanel, DEMO_SECRET, openSection } from './harness.mjs';

const session = sharedSession();
const simBin = process.env.ORDS_SIM_BIN ?? 'target/debug/ords-sim';

async function open(fragment = 'target=simulated') {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, context };
}

const finding = (page, id) => page.getByRole('region', { name: 'Diagnosis' }).locator(`[data-finding="${id}"]`);

/** Scenario, what to do, and the finding that must name the cause. */
const SCENARIOS = [
  ['rotated-secret', 'Get token', 'token-401'],
  ['dropped-dots', 'Get token', 'dropped-dots', async (page) => page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA')],
  ['no-role', 'Call API', 'no-role'],
  ['origin-not-allowed', 'Call API', 'token-cors'],
  ['html-errors', 'Get token', 'html-errors', async (page) => page.getByLabel('Client secret').fill('wrong..')],
  ['token-no-cors', 'Get token', 'token-cors'],
  ['handler-error', 'Call API', 'handler-error'],
  ['account-locked', 'Call API', 'account-locked'],
  ['body-credentials-only', 'Get token', 'token-401'],
  ['token-needs-header', 'Get token', 'token-400'],
];

test('each scenario chosen in the page produces its failure, and the diagnosis names the cause', async () => {
  for (const [name, button, cause, prepare] of SCENARIOS) {
    const { page, context } = await open(); // fresh: nothing typed or stored before
    // The list comes from the helper (the simulator's own).
    await page.getByLabel('Scenario').locator(`option[value="${name}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Scenario').selectOption(name);
    assert.match(await page.locator('#scenario + .hint').textContent(), /\S/, `${name} is explained`);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    if (prepare) await prepare(page);
    await page.getByRole('button', { name: button }).click();
    await finding(page, cause).waitFor({ timeout: 15_000 }).catch(async () => {
      const found = await page.getByRole('region', { name: 'Diagnosis' }).textContent();
      throw new Error(`${name}: no ${cause} finding in\n${found}`);
    });
    await context.close();
  }
  // And a scenario set by a link.
  const { page, context } = await open('target=simulated&scenario=no-role');
  await page.getByLabel('Scenario').locator('option[value="no-role"]').waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('Scenario').inputValue(), 'no-role');
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByRole('button', { name: 'Call API' }).click();
  await finding(page, 'no-role').waitFor();
  await context.close();
});

test('a lesson walked step by step: a step is not done before its goal, Reset lesson starts it again', async () => {
  const { page, context } = await open('lesson=call-api');
  const lessons = page.getByRole('region', { name: 'Lessons' });
  const step = (n) => lessons.locator('ol.steps > li').nth(n);
  await lessons.getByText('Step 1: Call with the token').waitFor();
  assert.equal(await page.getByLabel('Send requests to').inputValue(), 'simulated');
  // A token alone is not the goal of step 1.
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('200 OK').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await step(0).getAttribute('class'), 'current', 'not done by a token alone');
  // Hints open one at a time.
  await lessons.getByRole('button', { name: 'Show a hint' }).click();
  assert.equal(await lessons.locator('ul.hints li').count(), 1);
  assert.equal(await lessons.getByRole('button', { name: 'Show a hint' }).isDisabled(), true, 'step 1 has one hint');
  await page.getByRole('button', { name: 'Call API' }).click();
  await lessons.getByText('Step done: Call with the token.').waitFor();
  assert.match(await step(0).getAttribute('class'), /done/);
  await page.getByRole('radio', { name: 'Basic' }).check();
  await page.getByRole('button', { name: 'Call API' }).click();
  await lessons.getByText('Step done: Call with Basic.').waitFor();
  await page.getByRole('radio', { name: 'Compare both' }).check();
  await page.getByRole('button', { name: 'Call API' }).click();
  await lessons.getByText('Lesson complete.').waitFor();
  // Progress is kept in the browser (ids only, no secret).
  const stored = await page.evaluate(() => localStorage.getItem('ords-playground:lessons'));
  assert.equal(stored, 'call-api/bearer\ncall-api/basic\ncall-api/compare');
  await lessons.getByRole('button', { name: 'Reset lesson' }).click();
  await lessons.getByText('Lesson Call the API: Bearer and Basic started.').waitFor();
  assert.equal(await step(0).getAttribute('class'), 'current');
  assert.equal(await page.getByRole('radio', { name: 'OAuth2 client credentials' }).isChecked(), true, 'the form as staged');
  assert.equal(await resourcePanel(page).getByText('200 OK').count(), 0, 'results forgotten');
  await lessons.getByRole('button', { name: 'Clear progress' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('ords-playground:lessons')), '');
  await context.close();
});

test('a lesson link opened in a fresh browser lands on its first step and scenario, staged', async () => {
  const { page, context } = await open('lesson=dropped-dots');
  const lessons = page.getByRole('region', { name: 'Lessons' });
  await lessons.getByText('Step 1: Meet the failure').waitFor();
  assert.equal(await page.getByLabel('Lesson', { exact: true }).inputValue(), 'dropped-dots');
  assert.equal(await page.getByLabel('Scenario').inputValue(), 'dropped-dots');
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'Te8yn-qGmBoX6jzpPhnUXA', 'the stage dropped the dots');
  await page.getByRole('button', { name: 'Get token' }).click();
  await lessons.getByText('Step done: Meet the failure.').waitFor();
  await page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA..');
  await page.getByRole('button', { name: 'Get token' }).click();
  await lessons.getByText('Lesson complete.').waitFor();
  // Both steps marked done, and the progress kept as ids only.
  assert.equal(await lessons.locator('li.done').count(), 2);
  assert.equal(await page.evaluate(() => localStorage.getItem('ords-playground:lessons')),
    'dropped-dots/meet\ndropped-dots/fix');
  await context.close();
});

test('Presentation: large lesson and results, the rest hidden, zoom still allowed', async () => {
  const { page, context } = await open('lesson=first-token&present=1');
  await page.getByRole('region', { name: 'Lessons' }).getByText('Step 1: Get a token').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.present), '1');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px');
  assert.equal(await page.getByRole('region', { name: 'Code' }).count(), 0, 'code hidden');
  assert.equal(await page.getByRole('region', { name: 'History' }).count(), 0, 'history hidden');
  const viewport = await page.locator('meta[name=viewport]').getAttribute('content');
  assert.doesNotMatch(viewport, /user-scalable|maximum-scale/);
  const toggle = page.getByRole('button', { name: 'Presentation' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '15px');
  await openSection(page, 'Code');
  assert.equal(await page.getByRole('region', { name: 'Code' }).count(), 1);
  await context.close();
});

test('ords-sim listens beyond loopback only with --allow-remote, and warns', async () => {
  const run = (args) => new Promise((done) => {
    const child = spawn(simBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; if (/listening on/.test(out)) child.kill(); });
    child.stderr.on('data', (c) => { out += c; });
    child.on('exit', (code) => done({ code, out }));
  });
  const refused = await run(['--listen', '0.0.0.0:0']);
  assert.equal(refused.code, 2);
  assert.match(refused.out, /only listens on loopback .* unless --allow-remote/);
  const allowed = await run(['--listen', '0.0.0.0:0', '--allow-remote']);
  assert.match(allowed.out, /WARNING: listening on 0\.0\.0\.0:\d+, beyond this machine/);
  assert.match(allowed.out, /listening on http:\/\/0\.0\.0\.0:\d+/);
});

test('works in Postman, fails from the database: the token request sent as the settings need it works, and the PL/SQL requests it by hand', async () => {
  // The client's credentials only in the body: the Basic header (OAUTH_AUTHENTICATE's way) is refused.
  const { page, context } = await open('target=simulated&scenario=body-credentials-only');
  await page.getByLabel('Scenario').locator('option[value="body-credentials-only"]').waitFor({ state: 'attached' });
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('401 Unauthorized').waitFor();
  assert.match(await tokenPanel(page).getByTestId('body').textContent(), /"error": "invalid_client"/);
  await page.getByLabel('Client authentication').selectOption('body');
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByTestId('status').getByText('200 OK').waitFor();
  const code = await openSection(page, 'Code');
  await code.getByRole('tab', { name: 'PL/SQL (APEX)' }).click();
  await code.getByTestId('code').filter({ hasText: 'the token requested by hand (MAKE_REST_REQUEST)' }).waitFor();
  assert.match(await code.getByTestId('code').textContent(), /--    - the client id and secret go in the request body\n/);
  // A header the token request needs: refused without it, accepted with it.
  await page.getByRole('tab', { name: 'Diagnosis' }).click();
  await page.getByLabel('Scenario').selectOption('token-needs-header');
  await page.getByLabel('Client authentication').selectOption('header');
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByText('400 Bad Request').waitFor();
  await finding(page, 'token-400').waitFor();
  await page.getByText('Token request options', { exact: true }).click();
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByLabel('Parameter 1 name').fill('posserial');
  await page.getByLabel('Parameter 1 value').fill('POS-1');
  await page.getByLabel('Parameter 1 sent in').selectOption('Header');
  await page.getByRole('button', { name: 'Get token' }).click();
  await tokenPanel(page).getByTestId('status').getByText('200 OK').waitFor();
  await context.close();
});
