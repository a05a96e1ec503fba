// The offline copy stores only what proves to be the build's own file: a host that answers one
// of the page's chunks with its index.html (a single-page-app fallback after a redeploy) or with
// damaged bytes gets nothing stored, and once it is healthy again Retry and a reload recover; a
// stored copy that does not match the build is deleted when the worker installs again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { appendFile, cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { dist, launch } from './harness.mjs';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** A copy of the built page served on loopback; `answer(name, body)` may replace what a file
 * is answered with (`{ type, body }`), as a broken host would. */
async function host() {
  const dir = await mkdtemp(join(tmpdir(), 'playground-proof-'));
  await cp(dist, dir, { recursive: true });
  const state = { answer: null };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    try {
      let body = await readFile(join(dir, name));
      let type = types[extname(name)] ?? 'application/octet-stream';
      const replaced = state.answer?.(name, body);
      if (replaced) ({ type, body } = replaced);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = async () => {
    await new Promise((ok) => server.close(ok));
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, origin, state, close };
}

/** Every cached URL of this origin with the SHA-256 of what is stored for it. */
function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        const bytes = await (await cache.match(request)).arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        out[request.url] = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      }
    }
    return out;
  });
}

/** Records how the service worker's install ends (`redundant`: it failed; `installed` or
 * `activated`), in `window.__install`; call before the page is opened. */
async function watchInstall(context) {
  await context.addInitScript(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    const register = container.register.bind(container);
    container.register = async (...args) => {
      const reg = await register(...args);
      const watch = (w) => w?.addEventListener('statechange', () => {
        if (['redundant', 'installed', 'activated'].includes(w.state)) window.__install = w.state;
      });
      watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
      return reg;
    };
  });
}

/** How the install ended. */
async function installEnded(page) {
  await page.waitForFunction(() => window.__install !== undefined, null, { timeout: 30_000, polling: 100 });
  return page.evaluate(() => window.__install);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

for (const [how, broken] of [
  ['its index.html', (index) => ({ type: 'text/html', body: index })],
  // Cut short, as a proxy that dropped the connection leaves it.
  ['damaged bytes', (_, body) => ({ type: 'application/wasm', body: body.subarray(0, Math.floor(body.length / 2)) })],
]) {
  test(`a chunk answered with ${how}: nothing of it is stored, and Retry and a reload recover once the host heals`, async () => {
    const web = await host();
    const chunk = (await readdir(web.dir)).find((f) => /^split_sections-[0-9a-f]{16}\.wasm$/.test(f));
    assert.ok(chunk, 'the build has a sections chunk');
    const index = await readFile(join(web.dir, 'index.html'));
    web.state.answer = (name, body) => (name === chunk ? broken(index, body) : null);
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await watchInstall(context);
      const page = await context.newPage();
      await page.goto(`${web.origin}/#target=simulated`);
      const failed = page.locator('.answers > [role=alert]');
      await failed.getByText(/This part of the page could not be loaded/).waitFor({ timeout: 30_000 });
      assert.equal(await installEnded(page), 'redundant', 'the install refused the bad chunk');
      const url = `${web.origin}/${chunk}`;
      assert.equal((await cached(page))[url], undefined, `the bad ${chunk} was not stored`);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'no worker took over');

      web.state.answer = null; // the host is healthy again
      await failed.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('tab', { name: 'Diagnosis' }).waitFor();
      await page.reload();
      await page.getByRole('tab', { name: 'Diagnosis' }).waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      const stored = await cached(page);
      assert.equal(stored[url], sha256(await readFile(join(web.dir, chunk))), 'the real chunk is stored');
      await context.close();
    } finally {
      await browser.close();
      await web.close();
    }
  });
}

test('a stored copy that does not match the build is deleted and fetched again when the worker installs', async () => {
  const web = await host();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${web.origin}/#target=simulated`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const chunk = (await readdir(web.dir)).find((f) => /^split_settings-[0-9a-f]{16}\.wasm$/.test(f));
    const url = `${web.origin}/${chunk}`;
    // An older worker stored something else under the chunk's name (as one before this check did).
    await page.evaluate(async (u) => {
      for (const key of await caches.keys()) {
        await (await caches.open(key)).put(u, new Response('<!doctype html>', { headers: { 'Content-Type': 'application/wasm' } }));
      }
    }, url);
    assert.notEqual((await cached(page))[url], sha256(await readFile(join(web.dir, chunk))));
    // The same build with a new worker script (a redeploy): the browser installs it.
    await appendFile(join(web.dir, 'sw.js'), '\n// redeployed\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg.waiting !== null || (reg.installing === null && reg.active?.scriptURL);
    }, null, { timeout: 30_000, polling: 250 });
    await page.waitForFunction(async ([u, want]) => {
      for (const key of await caches.keys()) {
        const hit = await (await caches.open(key)).match(u);
        if (!hit) return false;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await hit.arrayBuffer()));
        if (Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') !== want) return false;
      }
      return true;
    }, [url, sha256(await readFile(join(web.dir, chunk)))], { timeout: 30_000, polling: 250 });
    await context.close();
  } finally {
    await browser.close();
    await web.close();
  }
});
