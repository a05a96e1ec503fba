// README "Host it", each recipe run for real: the dist folder under /docs/playground/ on nginx
// with docs/nginx.conf as written; the absolute-prefix build (the GitHub Pages workflow's) on a
// plain static server; and the folder in ords-sim's document root, the API's own origin (as
// ORDS standalone's doc root serves it), where no CORS set-up is needed at all.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, launch, startSim, tokenPanel, resourcePanel, DEMO_SECRET, openSection } from './harness.mjs';
import { answering, freePort, startNginx } from './nginx.mjs';

const pagesDist = process.env.PAGES_DIST;
const pagesPrefix = process.env.PAGES_PREFIX ?? '/ords-auth-playground/';

/** A plain static server (Python's http.server) over `dir`. */
async function startPlainServer(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await answering(`${origin}/`, 'python3 -m http.server');
  const exited = new Promise((ok) => child.once('exit', ok));
  return { origin, stop: async () => { child.kill(); await exited; } };
}

const browser = await launch();
after(() => browser.close());

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // Page errors and policy violations; not the browser's own line for a refused loopback probe.
  page.on('console', (m) => { if (/Content.Security.Policy|panicked/i.test(m.text())) problems.push(m.text()); });
  await page.goto(url);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, problems };
}

/** OAuth2 then Basic against `alias`, from a page already open. */
async function bothFlows(page, alias) {
  await page.getByLabel('Token URL').fill(`${alias}/oauth/token`);
  await page.getByLabel('Resource URL').fill(`${alias}/hr/employees/`);
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('200 OK').waitFor();
  assert.match(await tokenPanel(page).textContent(), /Answered over the network by/);
  await page.getByRole('radio', { name: 'Basic' }).check();
  await page.getByLabel('Password').fill('Welcome_1');
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByTestId('request').filter({ hasText: 'Basic base64' }).waitFor();
  await resourcePanel(page).getByText('200 OK').waitFor();
}

test('nginx with docs/nginx.conf: the dist folder under /docs/playground/, with the headers the README names', async () => {
  const nginx = await startNginx(dist);
  try {
    const index = await fetch(nginx.page);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    assert.match(index.headers.get('content-security-policy'), /^frame-ancestors /);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    const html = await index.text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
    const wasm = html.match(/href=["']?\.\/(ords-playground-[0-9a-f]+_bg\.wasm)/)[1];
    const hashed = await fetch(`${nginx.page}${wasm}`);
    assert.equal(hashed.headers.get('content-type'), 'application/wasm');
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(hashed.headers.get('content-security-policy'), /^frame-ancestors /);
    assert.equal((await fetch(`${nginx.page}ords-worker_bg.wasm`)).headers.get('cache-control'), 'no-cache', 'unhashed');
    assert.equal((await fetch(`${nginx.page}sw.js`)).headers.get('cache-control'), 'no-cache');
    const bare = await fetch(`${nginx.origin}/docs/playground`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/docs/playground/');
  } finally {
    await nginx.stop();
  }
});

test('nginx under /docs/playground/: both flows against ords-sim, then the in-page simulator', async () => {
  const nginx = await startNginx(dist);
  const sim = await startSim(['--allow-origin', nginx.origin]);
  try {
    const { page, problems } = await open(nginx.page);
    await page.getByLabel('Send requests to').selectOption('network');
    await bothFlows(page, sim.alias);
    const fresh = await open(`${nginx.page}#target=simulated`);
    await fresh.page.getByLabel('Client secret').fill(DEMO_SECRET);
    await fresh.page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(fresh.page).getByText('200 OK').waitFor();
    assert.equal(await tokenPanel(fresh.page).getByText('Simulated ORDS (in this page)').count(), 1);
    // The helper (simulator and code generators) came from under the prefix too.
    await openSection(fresh.page, 'Code');
    await fresh.page.getByRole('region', { name: 'Code' }).getByTestId('code').filter({ hasText: '#!/usr/bin/env bash' }).waitFor();
    // So did the code that comes after the first load (Timeline and the rest).
    await (await openSection(fresh.page, 'Timeline')).getByTestId('timeline-entry').nth(1).waitFor();
    assert.deepEqual([...problems, ...fresh.problems], []);
  } finally {
    await sim.stop();
    await nginx.stop();
  }
});

test('the GitHub Pages build (absolute prefix) on a plain static server under that prefix', { skip: !pagesDist && 'PAGES_DIST not set (cargo xtask test sets it)' }, async () => {
  const site = await mkdtemp(join(tmpdir(), 'playground-pages-'));
  await mkdir(join(site, pagesPrefix), { recursive: true });
  await cp(pagesDist, join(site, pagesPrefix), { recursive: true });
  const server = await startPlainServer(site);
  const sim = await startSim(['--allow-origin', server.origin]);
  try {
    const html = await (await fetch(`${server.origin}${pagesPrefix}`)).text();
    assert.ok(html.includes(`from '${pagesPrefix}ords-playground-`), 'absolute links under the prefix');
    const { page, problems } = await open(`${server.origin}${pagesPrefix}`);
    await page.getByLabel('Send requests to').selectOption('network');
    await bothFlows(page, sim.alias);
    await (await openSection(page, 'Timeline')).getByTestId('timeline-entry').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await sim.stop();
    await server.stop();
    await rm(site, { recursive: true, force: true });
  }
});

test('from the API server itself (ords-sim --doc-root, as ORDS standalone.doc.root): same origin, no CORS set-up', async () => {
  const docRoot = await mkdtemp(join(tmpdir(), 'playground-docroot-'));
  await cp(dist, join(docRoot, 'playground'), { recursive: true });
  // No --allow-origin: the simulator allows no page origin but its own.
  const sim = await startSim(['--doc-root', docRoot]);
  try {
    const { page, problems } = await open(`${sim.base}/playground/`);
    await page.getByLabel('Send requests to').selectOption('network');
    await bothFlows(page, sim.alias);
    // Answered as same-origin requests: no CORS headers at all (a page on any other origin
    // would have been refused, since no origin was allowed).
    const headers = await resourcePanel(page).locator('details.headers').textContent();
    assert.match(headers, /ETag/i);
    assert.doesNotMatch(headers, /Access-Control-Allow-Origin/i);
    assert.deepEqual(problems, []);
  } finally {
    await sim.stop();
    await rm(docRoot, { recursive: true, force: true });
  }
});
