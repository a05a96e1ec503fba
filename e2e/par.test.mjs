// A pre-authenticated URL (ORDS_PAR) as a third way in: the call with no credentials, its
// token masked wherever the page writes it (panels, Timeline, Code, the link, storage), against
// ords-sim's `--par` and the in-page simulator's demo PAR and its scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPlayground, sharedSession, resourcePanel, tokenPanel, openSection, startPage } from './harness.mjs';

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
  for (const [scenario, status] of [
    ['par-expired', '401 Unauthorized'], ['par-off', '404 Not Found'], ['par-revoked', '401 Unauthorized'],
    ['par-wrong-method', '401 Unauthorized'],
  ]) {
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

/** A docs page on its own origin holding `snippet` (given the page's origin, it may name it in
 * `origin=`); it keeps every message from the frame in `window.got`. */
async function docsPage(snippet) {
  const dir = await mkdtemp(join(tmpdir(), 'playground-par-docs-'));
  const server = await startPage(dir);
  const html = typeof snippet === 'function' ? snippet(server.origin) : snippet;
  const keep = '<script>window.got = []; addEventListener("message", (e) => window.got.push(e.data));</script>';
  await writeFile(join(dir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Docs</title></head><body>${keep}${html}</body></html>`);
  return { origin: server.origin, close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** The author's Share panel with the PAR typed and Include ticked: the snippet, token shown. */
async function sharedSnippet(par, seconds) {
  const { page, context } = await openPlayground(session.browser, session.web.origin, { flow: 'par', target: 'network' });
  await page.getByRole('textbox', { name: 'Pre-authenticated URL' }).fill(par);
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('region', { name: 'Share' });
  const snippetBox = share.getByLabel(/^Embed in a page/);
  const token = par.match(/\/_\/par\/([^/]+)\//)[1];
  assert.ok(!(await snippetBox.inputValue()).includes(token), 'not in the snippet without the tick');
  assert.ok(!(await share.getByLabel('Link to these settings').inputValue()).includes(token), 'nor in the link');
  await share.getByLabel('Include the pre-authenticated URL').check();
  await share.getByText('The link and the snippet hold the pre-authenticated URL').waitFor();
  await share.getByLabel('Seconds it has left').fill(String(seconds));
  await share.getByText('The embed counts down to').waitFor();
  const masked = await snippetBox.inputValue();
  assert.ok(masked.includes('par=') && !masked.includes(token), 'on screen the token is masked');
  await share.getByRole('button', { name: "Show the URL's token" }).click();
  const snippet = await snippetBox.inputValue();
  assert.ok(snippet.includes(token) && snippet.includes('par_expires='), snippet);
  await context.close();
  return { snippet, token };
}

test('Share includes a PAR only when ticked; a docs page on another origin embeds it, readers call with nothing to type', async () => {
  const sim = await simWithPar(['--allow-origin', session.web.origin, '--par', 'hr/employees/', '--par-seconds', '600']);
  const { snippet, token } = await sharedSnippet(sim.par, 600);
  // The author also names the docs page as the one that may drive the embed (origin=).
  const docs = await docsPage((origin) => snippet.replace('" title=', `&amp;origin=${encodeURIComponent(origin)}" title=`));
  try {
    const reader = await session.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await reader.newPage();
    await page.goto(`${docs.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('card-summary').filter({ hasText: /Pre-authenticated URL · GET hr\/employees\/ · the page's author included it, no credentials of yours · (9|10)m \d\ds left/ }).waitFor();
    // The docs page presses Call API through the embed's API, and hears how it went.
    await page.waitForFunction(() => window.got.some((m) => m?.type === 'ords-playground:ready'));
    await page.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'ords-playground:run', run: 'call' }, o), session.web.origin);
    await page.waitForFunction(() => window.got.some((m) => m?.type === 'ords-playground:ran'));
    const ran = await page.evaluate(() => window.got.find((m) => m?.type === 'ords-playground:ran'));
    assert.deepEqual([ran.flow, ran.resource_status], ['par', 200]);
    assert.ok(!JSON.stringify(await page.evaluate(() => window.got)).includes(token), 'no message to the docs page carries the token');
    await resourcePanel(frame).getByText('200 OK').waitFor();
    assert.equal(await frame.getByRole('dialog').count(), 0, 'nothing to confirm: nothing of the reader\'s goes anywhere');
    assert.match(await tokenPanel(frame).getByTestId('par-time-left').textContent(), /^(9|10)m \d\ds \(until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const text = await frame.locator('body').innerText();
    assert.ok(!text.includes(token), 'the token shows masked in the embed too');
    const stored = await frame.locator('body').evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(token), 'nor kept in storage');
    await reader.close();
  } finally {
    await docs.close();
    await sim.stop();
  }
});

test('a shared PAR past its time says plainly to ask the page\'s author for a fresh link, before and after the call', async () => {
  const sim = await simWithPar(['--allow-origin', session.web.origin, '--par', 'hr/employees/', '--par-seconds', '2']);
  const { snippet } = await sharedSnippet(sim.par, 2);
  const docs = await docsPage(snippet);
  try {
    await new Promise((ok) => setTimeout(ok, 2500));
    const reader = await session.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await reader.newPage();
    await page.goto(`${docs.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('card-summary').filter({ hasText: "expired: ask the page's author for a fresh link" }).waitFor();
    await frame.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(frame).getByText('401 Unauthorized').first().waitFor();
    assert.equal(
      await frame.getByTestId('par-refused').textContent(),
      "ORDS refused the pre-authenticated URL this page's author included (HTTP 401): it has expired. Ask the page's author for a fresh link.",
    );
    assert.match(await tokenPanel(frame).getByTestId('par-time-left').textContent(), /^This pre-authenticated URL expired on .* UTC: ask the page's author for a fresh link\.$/);
    await reader.close();
  } finally {
    await docs.close();
    await sim.stop();
  }
});

test('Build it from its parts: the schema URL, module and pattern start from Resource URL; a bad part says why', async () => {
  const { page } = await openPlayground(session.browser, session.web.origin, { flow: 'par', target: 'simulated' });
  const field = page.getByRole('textbox', { name: 'Pre-authenticated URL' });
  await field.fill('');
  await page.getByText('Build it from its parts').click();
  assert.match(await page.getByLabel('Schema URL').inputValue(), /\/ords\/demo\/$/);
  assert.equal(await page.getByLabel('Module base path').inputValue(), 'hr/');
  assert.equal(await page.getByLabel('Handler pattern').inputValue(), 'employees/');
  await page.getByLabel('Token (from DEFINE_FOR_HANDLER\'s answer)').fill('bad!token');
  await page.getByRole('button', { name: 'Build the URL' }).click();
  await page.getByText("The token holds '!', which ORDS's tokens never do: check the copy.").waitFor();
  assert.equal(await field.inputValue(), '', 'nothing built from a bad part');
  await page.getByLabel('Token (from DEFINE_FOR_HANDLER\'s answer)').fill(DEMO_PAR_TOKEN);
  await page.getByRole('button', { name: 'Build the URL' }).click();
  assert.match(await field.inputValue(), new RegExp(`/ords/demo/_/par/${DEMO_PAR_TOKEN}/hr/employees/$`));
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('200 OK').waitFor();
});
