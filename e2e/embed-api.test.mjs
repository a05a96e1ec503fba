// The embed's message API as a docs page uses it: docs/embed-api.html on its own origin drives
// the playground on another; a page the link does not name gets nothing and moves nothing; the
// page that framed an embed without `origin=` is asked about first; malformed messages are
// counted; nothing that leaves the frame holds a secret, a token or a body.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { launch, startPage, resourcePanel, tokenPanel, revealedToken, DEMO_SECRET } from './harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browser = await launch();
after(() => browser.close());
const web = await startPage();
after(() => web.close());

/** A page on its own origin holding `html`; it keeps every message from the frame in `window.got`. */
async function hostPage(html) {
  const dir = await mkdtemp(join(tmpdir(), 'playground-api-host-'));
  const page = await startPage(dir);
  const keep = '<script>window.got = []; addEventListener("message", (e) => window.got.push({ origin: e.origin, data: e.data }));</script>';
  await writeFile(join(dir, 'index.html'), html.replace('<body>', `<body>${keep}`));
  return { origin: page.origin, close: async () => { await page.close(); await rm(dir, { recursive: true, force: true }); } };
}

const exampleHtml = async () =>
  (await readFile(join(root, 'docs', 'embed-api.html'), 'utf8')).replace('https://your-host/docs/playground/', `${web.origin}/`);

const frameHtml = (hash) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe id="playground" title="ORDS Auth Playground" width="720" height="640" src="${web.origin}/#${hash}"></iframe></body></html>`;

const got = (page, type) => page.evaluate((t) => window.got.filter((m) => m.data?.type === t), type);
const post = (page, message, origin = web.origin) =>
  page.evaluate(([m, o]) => document.querySelector('iframe').contentWindow.postMessage(m, o), [message, origin]);
const waitFor = (page, type, count = 1) =>
  page.waitForFunction(([t, n]) => window.got.filter((m) => m.data?.type === t).length >= n, [type, count]);

test('docs/embed-api.html drives the embed: ready, each step runs, ran says how, and no secret leaves the frame', async () => {
  const host = await hostPage(await exampleHtml());
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${host.origin}/`);
    await waitFor(page, 'ords-playground:ready');
    const frame = page.frameLocator('iframe');
    await page.getByRole('button', { name: 'Step 1: OAuth2, get a token' }).click();
    await waitFor(page, 'ords-playground:ran');
    await tokenPanel(frame).getByText('200 OK').waitFor();
    const token = await revealedToken(frame);
    await page.getByRole('button', { name: 'Step 2: call the API with it' }).click();
    await waitFor(page, 'ords-playground:ran', 2);
    await page.getByRole('button', { name: 'Step 3: the same call with Basic' }).click();
    await waitFor(page, 'ords-playground:ran', 3);
    const ran = (await got(page, 'ords-playground:ran')).map((m) => m.data);
    assert.deepEqual(ran.map((r) => [r.flow, r.run, r.token_status, r.resource_status]), [
      ['oauth2', 'get_token', 200, null],
      ['oauth2', 'call_api', null, 200],
      ['basic', 'call_api', null, 200],
    ]);
    for (const r of ran) {
      assert.deepEqual(Object.keys(r).sort(), ['finding', 'flow', 'ignored', 'ms', 'resource_status', 'run', 'token_status', 'type']);
      assert.ok(Number.isInteger(r.ms) && r.ms >= 0);
    }
    assert.match(await frame.getByTestId('card-summary').textContent(), /^Basic · GET /);
    await frame.getByRole('heading', { name: 'Configured by a link' }).waitFor();
    await frame.getByText(`${host.origin}, the page around this embed, may change these settings`).waitFor();
    assert.match(await page.getByRole('log').textContent(), /^ready\noauth2 get_token: token 200, resource - in \d+ ms/);
    // Theme and reset.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const inner = page.frames().find((f) => f.url().startsWith(web.origin));
    await inner.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.getByRole('button', { name: 'Start again' }).click();
    await frame.getByRole('heading', { name: 'Configured by a link' }).waitFor({ state: 'detached' });
    assert.match(await frame.getByTestId('card-summary').textContent(), /^OAuth2 client credentials · GET /);
    assert.equal(await resourcePanel(frame).getByText('200 OK').count(), 0, 'reset forgets the answers');
    // Nothing out of the frame holds a secret, the token or a body; ready and ran go to this origin only.
    const everything = JSON.stringify(await page.evaluate(() => window.got));
    for (const secret of [DEMO_SECRET, 'Welcome_1', token, 'employee_id', '"items"']) {
      assert.ok(!everything.includes(secret), `no ${secret} in ${everything.slice(0, 300)}`);
    }
    const typed = await page.evaluate(() => window.got.map((m) => m.data.type));
    assert.ok(typed.every((t) => ['ords-playground:height', 'ords-playground:ready', 'ords-playground:ran'].includes(t)), typed.join());
    await page.close();
  } finally {
    await host.close();
  }
});

test('a page the link does not name gets no ready and moves nothing; malformed messages are counted; a secret in settings is ignored', async () => {
  const named = 'https://docs.example';
  const other = await hostPage(frameHtml(`embed=1&origin=${encodeURIComponent(named)}`));
  const host = await hostPage('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><p>x</p></body></html>');
  try {
    const page = await browser.newPage();
    await page.goto(`${other.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Call API' }).waitFor();
    await post(page, { type: 'ords-playground:settings', settings: { flow: 'basic' } });
    await post(page, { type: 'ords-playground:run', run: 'call' });
    await page.waitForTimeout(1500);
    assert.match(await frame.getByTestId('card-summary').textContent(), /^OAuth2 client credentials · /, 'settings from another origin are ignored');
    assert.equal(await resourcePanel(frame).getByText('200 OK').count(), 0, 'no run');
    assert.deepEqual(await got(page, 'ords-playground:ready'), [], 'ready goes only to the named origin');
    await page.close();

    // The named origin: junk first (counted), a secret in settings (ignored), then a run.
    const allowed = await browser.newPage();
    await allowed.goto(`${host.origin}/`);
    await allowed.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src; f.width = '720'; f.height = '640'; f.title = 'ORDS Auth Playground';
      document.body.append(f);
    }, `${web.origin}/#embed=1&origin=${encodeURIComponent(host.origin)}`);
    await waitFor(allowed, 'ords-playground:ready');
    for (const junk of ['hello', { type: 'ords-playground:run', run: 'rm -rf /' }, { type: 'ords-playground:nope' },
      { type: 'ords-playground:settings', settings: { flow: { deep: [1] } } }, { type: 'other-tool:ping' }]) {
      await post(allowed, junk);
    }
    // 10 MB of text, and a BigInt no JSON can hold: ignored, the frame still answers.
    await allowed.evaluate((o) => {
      const w = document.querySelector('iframe').contentWindow;
      w.postMessage('x'.repeat(10_000_000), o);
      w.postMessage({ type: 'ords-playground:run', run: 'call', n: 10n }, o);
    }, web.origin);
    await post(allowed, { type: 'ords-playground:settings', settings: { client_secret: 'leaked-if-taken', flow: 'basic' } });
    const inner = allowed.frameLocator('iframe');
    await inner.getByText('secrets are never read from a link').waitFor({ state: 'attached' });
    await post(allowed, { type: 'ords-playground:run', run: 'call' });
    await waitFor(allowed, 'ords-playground:ran');
    const [ran] = await got(allowed, 'ords-playground:ran');
    assert.equal(ran.origin, web.origin);
    assert.equal(ran.data.resource_status, 200);
    assert.equal(ran.data.ignored, 7, JSON.stringify(ran.data));
    assert.notEqual(await inner.getByLabel('Client secret').inputValue(), 'leaked-if-taken', 'the secret field was not set');
    await allowed.close();
  } finally {
    await other.close();
    await host.close();
  }
});

test('without origin=, the page that framed the embed is asked about first; a host it names then gets the question about credentials', async () => {
  const host = await hostPage(frameHtml('embed=1'));
  let hits = 0;
  const stranger = createServer((req, res) => { hits += 1; res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}'); });
  await new Promise((ok) => stranger.listen(0, '127.0.0.1', ok));
  const strangerUrl = `http://127.0.0.1:${stranger.address().port}`;
  try {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Call API' }).waitFor();
    await post(page, { type: 'ords-playground:run', run: 'call' });
    const prompt = frame.getByRole('region', { name: 'The page around this embed asks to control it' });
    await prompt.waitFor();
    assert.match(await prompt.textContent(), new RegExp(host.origin.replace(/[.:/]/g, '\\$&')));
    assert.deepEqual(await got(page, 'ords-playground:ready'), [], 'no ready before Allow');
    assert.equal(await resourcePanel(frame).getByText('200 OK').count(), 0, 'the asking message is not acted on');
    await prompt.getByRole('button', { name: 'Allow' }).click();
    await waitFor(page, 'ords-playground:ready');
    await post(page, { type: 'ords-playground:settings',
      settings: { target: 'network', token_url: `${strangerUrl}/ords/x/oauth/token`, resource_url: `${strangerUrl}/ords/x/emp/` } });
    // The demo's public secret went with the demo's URLs: a run now says what is missing.
    await post(page, { type: 'ords-playground:run', run: 'token' });
    await waitFor(page, 'ords-playground:ran');
    const [refused] = await got(page, 'ords-playground:ran');
    assert.deepEqual(refused.data.finding, { id: 'input', sentence: 'Client secret: Enter the client secret.' });
    await frame.getByLabel('Client secret').fill('typed-secret..');
    await post(page, { type: 'ords-playground:run', run: 'token' });
    const dialog = frame.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(strangerUrl.replace(/[.:/]/g, '\\$&')));
    assert.equal(hits, 0, 'nothing sent before the person answers');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await waitFor(page, 'ords-playground:ran', 2);
    const ran = (await got(page, 'ords-playground:ran'))[1].data;
    assert.equal(ran.token_status, null, JSON.stringify(ran));
    assert.ok(!JSON.stringify(await page.evaluate(() => window.got)).includes('typed-secret'));
    assert.equal(hits, 0);
    await page.close();
  } finally {
    await host.close();
    stranger.close();
  }
});
