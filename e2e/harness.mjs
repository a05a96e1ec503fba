// Test harness: serves dist/ and starts ords-sim on loopback, launches Debian's Chromium.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const root = fileURLToPath(new URL('..', import.meta.url));
export const dist = process.env.PLAYGROUND_DIST ?? join(root, 'dist');
const simBin = process.env.ORDS_SIM_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'ords-sim');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves a directory (the built page by default) on 127.0.0.1 at an ephemeral port; `extra`
 * maps further paths to files. Nothing is cached, so every load is a cold one. */
export async function startPage(dir = dist, extra = {}) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = extra[path] ?? join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Starts ords-sim with extra flags; resolves once it prints its address. */
export async function startSim(args = []) {
  const child = spawn(simBin, ['--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`ords-sim did not start:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => fail(new Error(`ords-sim exited (${code}):\n${output}`)));
  });
  const exited = new Promise((ok) => child.once('exit', ok));
  /** Stops the simulator; the promise resolves once the process is gone and its port free. */
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    return exited;
  };
  return { base, alias: `${base}/ords/demo`, stop };
}

/** Debian's Chromium, headless, with no background traffic (the network is closed). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** One page server and one browser for a test file, started before its tests and closed after. */
export function sharedSession() {
  const session = {};
  before(async () => {
    session.web = await startPage();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.web?.close();
  });
  return session;
}

/** Records the page's console output, errors and Content-Security-Policy violations (for
 * `assertNoLeaks`); call before the page is opened. */
export async function watchConsole(page) {
  const consoleLines = [];
  page.on('console', (msg) => consoleLines.push(msg.text()));
  page.on('pageerror', (err) => consoleLines.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
  }));
  return consoleLines;
}

/** Opens the playground configured by query parameters; records console output. */
export async function openPlayground(browser, pageOrigin, params = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleLines = await watchConsole(page);
  const query = new URLSearchParams(params).toString();
  await page.goto(`${pageOrigin}/${query ? `?${query}` : ''}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, context, consoleLines };
}

/** The demo client secret of ords-sim (and of the in-page simulator). */
export const DEMO_SECRET = 'm2Qx7dVbUaE4kR9pLwT1sA..';

/** The playground aimed at a simulator alias's token URL and employees collection, with
 * `params` on top; fills `Client secret` unless `secret` is null. */
export async function openDemo(session, alias, params = {}, { secret = DEMO_SECRET } = {}) {
  const opened = await openPlayground(session.browser, session.web.origin, {
    token_url: `${alias}/oauth/token`, resource_url: `${alias}/hr/employees/`, ...params,
  });
  if (secret !== null) await opened.page.getByLabel('Client secret').fill(secret);
  return opened;
}

/** Asks the page `question` as a second module once did (a DOM event on `main` whose detail is
 * `[resolve, reject, ...args]`): `answered: <first text>`, `refused: <why>`, or `timed out` when
 * nothing answers within 3 s (the page takes no such question). */
export function askPage(page, question, ...args) {
  return page.locator('main').evaluate((main, [q, a]) => new Promise((resolve) => {
    setTimeout(() => resolve('timed out'), 3000);
    main.dispatchEvent(new CustomEvent(q, { bubbles: true,
      detail: [(texts) => resolve(`answered: ${texts[0] ?? ''}`), (why) => resolve(`refused: ${why}`), ...a] }));
  }), [question, args]);
}

/** Opens a section tab under the answers (Diagnosis, Compare, Timeline, Code, History) as a
 * person does, by clicking it, and returns its region. */
export async function openSection(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  return page.getByRole('region', { name, exact: true });
}

/** The two result regions, by their accessible names. */
export const tokenPanel = (page) => page.getByRole('region', { name: 'Token response' });
export const resourcePanel = (page) => page.getByRole('region', { name: 'Protected resource' });

/** Asserts that none of the secrets reached storage, the URL or the console, and that nothing
 * broke the page's Content-Security-Policy. */
export async function assertNoLeaks(page, consoleLines, secrets) {
  const violations = consoleLines.filter((l) => /Content.Security.Policy/i.test(l));
  if (violations.length) throw new Error(`CSP violations: ${violations.join('\n')}`);
  const stored = await page.evaluate(() => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i))}`).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}\n${location.href}\n${history.length}`;
  });
  const haystack = `${stored}\n${page.url()}\n${consoleLines.join('\n')}`;
  for (const secret of secrets.filter(Boolean)) {
    if (haystack.includes(secret)) throw new Error(`secret leaked: ${secret}`);
  }
}

/** The access token the page holds, read by revealing it (then hidden again). */
export async function revealedToken(page) {
  const panel = tokenPanel(page);
  await panel.getByRole('button', { name: 'Show token' }).click();
  const token = (await panel.getByTestId('access-token').textContent()).trim();
  await panel.getByRole('button', { name: 'Hide token' }).click();
  return token;
}

/** Answers the page's question before credentials go to an origin the person did not type:
 * waits for the dialog and presses `Send to <origin>` (checked when `origin` is given). */
export async function confirmSend(page, origin) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const send = dialog.getByRole('button', { name: /^Send to / });
  if (origin !== undefined) {
    const name = await send.textContent();
    if (name !== `Send to ${origin}`) throw new Error(`asked to send to "${name}", expected ${origin}`);
  }
  await send.click();
  await dialog.waitFor({ state: 'hidden' });
}
