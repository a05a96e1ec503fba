// A pre-authenticated URL (ORDS_PAR) as a third way in: the call with no credentials, its
// token masked wherever the page writes it (panels, Timeline, Code, the link, storage), against
// ords-sim's `--par` and the in-page simulator's demo PAR and its scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPlayground, sharedSession, resourcePanel, tokenPanel, openSection } from './harness.mjs';

const session = sharedSession();
const root = fileURLToPath(new URL('..', import.meta.url));
const simBin = process.env.ORDS_SIM_BIN ?? join(root, 'target', 'debug', 'ords-sim');
const DEMO_PAR_TOKEN = 'dEmOpAr-9xKq2Lm7Wv4Tz';

/** ords-sim with a PAR defined at start: resolves with its printed PAR URL. */
async function simWithPar(args) {
  const child = spawn(simBin, ['--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const par = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`ords-sim did not start:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/PAR\s+(http:\/\/\S+)/);
      if (m && output.includes('listening')) { clearTimeout(timer); ok(m[1]); }
    });
    child.on('exit', (code) => fail(new Error(`ords-sim exited (${code}):\n${output}`)));
  });
  const exited = new Promise((ok) => child.once('exit', ok));
  return { par, stop: () => { child.kill(); return exited; } };
}

test('through a PAR typed from ords-sim: 200 with no credentials, no question, and the token in no text, link or storage', async () => {
  const sim = await simWithPar(['--allow-origin', session.web.origin, '--par', 'hr/employees/', '--par-seconds', '600']);
  try {
    const token = sim.par.match(/\/_\/par\/([^/]+)\//)[1];
    const { page } = await openPlayground(session.browser, session.web.origin, { flow: 'par', target: 'network' });
    await page.getByRole('textbox', { name: 'Pre-authenticated URL' }).fill(sim.par);
    assert.equal(await page.getByRole('textbox', { name: 'Pre-authenticated URL' }).getAttribute('type'), 'password', 'masked while typed');
    assert.ok(await page.getByRole('button', { name: 'Get token' }).isHidden(), 'no token to get');
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'typed by the person: no question');
    await tokenPanel(page).getByText('No token: a pre-authenticated URL carries its own credential').waitFor();
    assert.match(await tokenPanel(page).textContent(), /GET hr\/employees\/ on schema alias demo/);
    const timeline = await openSection(page, 'Timeline');
    await timeline.getByText('1. Resource call').waitFor();
    await openSection(page, 'Code');
    await page.getByRole('region', { name: 'Code' }).getByTestId('code').filter({ hasText: 'ORDS_PAR_TOKEN' }).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!text.includes(token), 'the token is in no text of the page');
    assert.ok(text.includes('/_/par/••••••••/hr/employees/'), 'the URL shows masked');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(token), 'nor in storage');
    assert.ok(!page.url().includes(token), 'nor in the address');
  } finally {
    await sim.stop();
  }
});

test('the in-page demo PAR works, and its scenarios explain an expired PAR and a pool with PARs off', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, { flow: 'par', target: 'simulated' });
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('200 OK').waitFor();
  for (const [scenario, status] of [['par-expired', '401 Unauthorized'], ['par-off', '404 Not Found']]) {
    await page.getByLabel('Scenario').selectOption(scenario);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText(status).first().waitFor();
    const diagnosis = await openSection(page, 'Diagnosis');
    const item = diagnosis.locator('[data-finding="par-refused"]');
    await item.waitFor();
    assert.match(await item.textContent(), /ORDS refused the pre-authenticated URL/);
    if (status.startsWith('404')) assert.match(await item.textContent(), /security\.par\.enabled/);
  }
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!text.includes(DEMO_PAR_TOKEN), 'even the demo token shows masked');
});
