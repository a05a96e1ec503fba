// Offline once loaded: the release build's service worker keeps the page's files (and only
// them), so a page opened once reloads and runs the in-page simulator with no network; a new
// build deployed later is offered as `Reload to update`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, launch, startPage, startSim, resourcePanel, tokenPanel, DEMO_SECRET, openSection } from './harness.mjs';

/** A copy of the built page that a test may change (a "deployment"). */
async function deployment() {
  const dir = await mkdtemp(join(tmpdir(), 'playground-deploy-'));
  await cp(dist, dir, { recursive: true });
  return dir;
}

/** Opens the page and waits until its service worker controls it. */
async function openControlled(browser, origin, query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/${query}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  return { context, page };
}

test('opened once, the page reloads and runs the in-page simulator with the network gone', async () => {
  const dir = await deployment();
  const web = await startPage(dir);
  const browser = await launch();
  try {
    const { context, page } = await openControlled(browser, web.origin);
    await web.close(); // the server is gone ...
    await context.setOffline(true); // ... and so is the network
    await page.reload();
    await page.getByRole('button', { name: 'Call API' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#target').value === 'simulated');
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor({ timeout: 20_000 });
    assert.equal(await tokenPanel(page).getByText('Simulated ORDS (in this page)').count(), 1);
    // Code's chunk and its text's writer (the helper worker): both from the cache.
    const code = (await openSection(page, 'Code')).getByTestId('code');
    await code.filter({ hasText: '#!/usr/bin/env bash' }).waitFor();
    // The rest (Timeline, From the database, Share: chunks of their own or shared) too.
    await (await openSection(page, 'Timeline')).getByTestId('timeline-entry').nth(1).waitFor();
    await (await openSection(page, 'From the database (APEX)'))
      .getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('region', { name: 'Share' }).getByLabel('Link to these settings').waitFor();
  } finally {
    await browser.close();
    await web.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});

test('the cache holds the page\'s own files and never an API response', async () => {
  const dir = await deployment();
  const web = await startPage(dir);
  const sim = await startSim(['--allow-origin', web.origin]);
  const browser = await launch();
  try {
    const { page } = await openControlled(browser, web.origin, `?target=network&token_url=${encodeURIComponent(`${sim.alias}/oauth/token`)}&resource_url=${encodeURIComponent(`${sim.alias}/hr/employees/`)}`);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const key of await caches.keys()) {
        for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
      }
      return urls;
    });
    const listed = JSON.parse((await readFile(join(dir, 'sw.js'), 'utf8')).match(/const FILES = (\[.*\]);/)[1]);
    assert.deepEqual(cached.sort(), listed.map((f) => new URL(f, `${web.origin}/`).href).sort());
    assert.ok(cached.every((url) => url.startsWith(`${web.origin}/`)), cached.join('\n'));
  } finally {
    await browser.close();
    await sim.stop();
    await web.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a new build deployed later: the page offers Reload to update, which loads it', async () => {
  const dir = await deployment();
  const web = await startPage(dir);
  const browser = await launch();
  try {
    const { page } = await openControlled(browser, web.origin);
    assert.equal(await page.getByRole('button', { name: 'Reload to update' }).count(), 0, 'nothing to update yet');
    // A rebuild: index.html changes, and the build's own step writes a new sw.js for it.
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), html.replace('</body>', '<!-- build 2 --></body>'));
    execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'xtask', '--', 'post-build', dir], {
      env: { ...process.env, TRUNK_PROFILE: 'release' }, stdio: 'inherit',
    });
    await page.reload(); // still the old build (from the cache), which now finds the new one
    await page.getByRole('button', { name: 'Reload to update' }).click({ timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.outerHTML.includes('build 2'), null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Call API' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reload to update' }).count(), 0);
  } finally {
    await browser.close();
    await web.close();
    await rm(dir, { recursive: true, force: true });
  }
});
