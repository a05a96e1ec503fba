// The whole lesson path walked in the page as an attendee does it: each lesson chosen in
// `Lesson`, each step's goal reached with the form and the buttons, each lesson complete.
// Prints how long the walk took (the interaction alone; reading time is not in it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, startSim, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();
const ROTATED = 'Vt3kQ9zLmP2wXc8RbN5yHg..';

test('every lesson of the path can be completed in the page, step by step', async () => {
  // The MCP lesson needs ords-sim (its identity provider); the others the in-page simulator.
  const sim = await startSim(['--allow-origin', session.web.origin]);
  const started = Date.now();
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#target=simulated`);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lessons = page.getByRole('region', { name: 'Lessons' });
  const choose = page.getByLabel('Lesson', { exact: true });
  await choose.locator('option[value="account-locked"]').waitFor({ state: 'attached' });
  const press = (name) => page.getByRole('button', { name }).click();
  const stepDone = (title) => lessons.getByText(`Step done: ${title}.`).waitFor({ timeout: 40_000 });
  const secret = (value) => page.getByLabel('Client secret').fill(value);
  const flow = (name) => page.getByRole('radio', { name }).check();
  const walk = {
    'first-token': async () => {
      await press('Get token'); await stepDone('Get a token');
      await secret('m2Qx7dVbUaE4kR9pLwT1sX..'); await press('Get token'); await stepDone('Meet a refusal');
    },
    'call-api': async () => {
      // A step names the tab that shows its proof, and opens it.
      await lessons.getByRole('button', { name: 'Open Timeline' }).click();
      await page.getByRole('tabpanel', { name: 'Timeline' }).waitFor();
      await press('Call API'); await stepDone('Call with the token');
      await flow('Basic'); await press('Call API'); await stepDone('Call with Basic');
      await flow('Compare both'); await press('Call API'); await stepDone('Compare the two');
    },
    'share-without-secret': async () => {
      const par = page.getByRole('textbox', { name: 'Pre-authenticated URL' });
      await press('Call API'); await stepDone('Call it with nothing else');
      const url = await par.inputValue();
      await par.fill(url.replace('/_/par/dEmOpAr-', '/_/par/dEmOpAx-'));
      await press('Call API'); await stepDone('Meet a URL ORDS no longer honours');
      await par.fill(url);
    },
    'rotated-secret': async () => {
      await press('Get token'); await stepDone('Meet the failure');
      await secret(ROTATED); await press('Get token'); await stepDone('Use the new secret');
    },
    'dropped-dots': async () => {
      await press('Get token'); await stepDone('Meet the failure');
      await page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA..'); await press('Get token'); await stepDone('Put the dots back');
    },
    'expired-token': async () => {
      await press('Get token');
      await page.waitForTimeout(31_000); // tokens live 30 s in this scenario
      await press('Call API'); await stepDone('Send an expired token');
      await page.getByText('Token use', { exact: true }).click();
      await page.getByLabel(/Re-fetch the token/).check();
      await press('Call API'); await stepDone('Let the client re-fetch');
    },
    'no-role': async () => { await press('Call API'); await stepDone('Find why the token is refused'); },
    'origin-not-allowed': async () => { await press('Call API'); await stepDone('See the browser block it'); },
    'html-errors': async () => { await secret('wrong..'); await press('Get token'); await stepDone('Read an HTML error'); },
    'token-no-cors': async () => {
      await press('Get token'); await stepDone('Meet the failure');
      await flow('Basic'); await press('Call API'); await stepDone('Reach the data another way');
    },
    'handler-error': async () => { await press('Call API'); await stepDone('Read a 555'); },
    'account-locked': async () => { await press('Call API'); await stepDone('Read a 570'); },
    'body-credentials-only': async () => {
      await press('Get token'); await stepDone('Send it as the database does');
      await page.getByLabel('Client authentication').selectOption('body');
      await press('Get token'); await stepDone('Send it as the server wants');
    },
    'mcp-client': async () => {
      await lessons.getByRole('button', { name: 'Open MCP server' }).click();
      const mcp = page.getByRole('region', { name: 'MCP server', exact: true });
      await mcp.getByLabel('MCP URL').fill(`${sim.base}/mcp`);
      await mcp.getByLabel('MCP profile audience').fill('ords-sim-mcp');
      await secret('sim-idp-secret');
      const walkIt = () => mcp.getByRole('button', { name: 'Walk the chain' }).click();
      await walkIt(); await stepDone('Walk the chain');
      await mcp.getByLabel('MCP profile audience').fill('another-api');
      await walkIt(); await stepDone('Meet a profile the token does not fit');
    },
  };
  const ids = await choose.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(ids, Object.keys(walk), 'the page lists the path in order');
  for (const id of ids) {
    await choose.selectOption(id);
    assert.equal(await page.getByLabel('Scenario').inputValue(), ['first-token', 'call-api', 'share-without-secret', 'mcp-client'].includes(id) ? '' : id);
    assert.equal(await page.getByLabel('Client secret').inputValue(), DEMO_SECRET, 'staged with the demo secret');
    await walk[id]();
    await lessons.getByText('Lesson complete.').waitFor();
  }
  const stored = (await page.evaluate(() => localStorage.getItem('ords-playground:lessons'))).split('\n');
  assert.equal(stored.length, 24, 'every step of every lesson done');
  console.log(`lesson path walked in ${Math.round((Date.now() - started) / 1000)} s of interaction (31 s of it waiting for a token to expire)`);
  await context.close();
  await sim.stop();
});
