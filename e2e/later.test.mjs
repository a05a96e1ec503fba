// The page's code split after the first screen (src/later.rs, xtask/src/split.rs): the first
// load fetches no chunk; a part whose chunk is held back shows "Loading…" and then works; a
// press before the run's code is in waits for it; a chunk that never arrives leaves a sentence
// and a retry that recovers; the loader gives up on a stalled chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, watchConsole, tokenPanel, resourcePanel } from './harness.mjs';

const session = sharedSession();
const chunk = (name) => new RegExp(`/${name}-[0-9a-f]{16}\\.wasm$`);

async function open(context, fragment = 'target=simulated') {
  const page = await context.newPage();
  await watchConsole(page);
  await page.goto(`${session.web.origin}/#${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return page;
}

/** Holds every request for `pattern` until `release()`; `asked()` says whether one came. */
async function holdBack(context, pattern) {
  const held = [];
  await context.route(pattern, (route) => { held.push(route); });
  return {
    asked: async () => {
      for (let i = 0; i < 50 && held.length === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
      return held.length > 0;
    },
    release: async () => {
      await Promise.all(held.map((route) => route.continue()));
      await context.unroute(pattern);
    },
  };
}

test('the first load fetches no chunk: each is asked for after the form is usable', async () => {
  const context = await session.browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__usable === undefined && document.querySelector('#token-url')) window.__usable = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  const page = await open(context);
  await page.getByLabel('Client authentication').waitFor();
  const { usable, chunks } = await page.evaluate(() => ({
    usable: window.__usable,
    chunks: performance.getEntriesByType('resource').filter((e) => /\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/.test(e.name))
      .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime })),
  }));
  assert.ok(chunks.length >= 5, `the chunks were fetched: ${JSON.stringify(chunks)}`);
  for (const c of chunks) assert.ok(c.start >= usable, `${c.name} started at ${c.start} ms, before the form (${usable} ms)`);
  await context.close();
});

test('a part held back shows "Loading…", then works; a press before the run\'s code is in waits for it', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const settings = await holdBack(context, chunk('split_settings'));
  const answers = await holdBack(context, chunk('split_answers'));
  const page = await open(context);
  const more = page.locator('#settings-more');
  await more.locator('.later-loading').getByText('Loading…').waitFor();
  assert.ok(await settings.asked(), 'the settings chunk was asked for');
  assert.equal(await page.getByLabel('Client authentication').count(), 0);
  await settings.release();
  await page.getByLabel('Client authentication').waitFor();
  await more.locator('.later-loading').waitFor({ state: 'hidden' });

  assert.ok(await answers.asked(), 'the run\'s chunk was asked for');
  await page.getByRole('button', { name: 'Call API' }).click();
  await page.locator('form.settings').getByRole('status').getByText('Loading…').waitFor();
  await answers.release();
  await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
  await tokenPanel(page).getByTestId('token-type').getByText('bearer').waitFor();
  await page.locator('form.settings > p.notice', { hasText: 'Loading…' }).waitFor({ state: 'detached' });
  await context.close();
});

test('a chunk that never arrives: a sentence and Retry in its place, or on the button; both recover, and the background work with them', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(chunk('split_sections'), (route) => route.abort());
  await context.route(chunk('split_answers'), (route) => route.abort());
  await context.route(chunk('split_background'), (route) => route.abort());
  const page = await open(context);
  const failed = page.locator('.answers > [role=alert]');
  await failed.getByText(/This part of the page could not be loaded \(offline, a missing file/).waitFor();
  await page.getByRole('button', { name: 'Call API' }).click();
  const said = page.locator('form.settings').getByRole('status');
  await said.getByText(/could not be loaded .* Press the button again to retry\./).waitFor();

  await context.unroute(chunk('split_sections'));
  await context.unroute(chunk('split_answers'));
  await context.unroute(chunk('split_background'));
  await failed.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('tab', { name: 'Diagnosis' }).waitFor();
  // The background work (the inputs' diagnosis, from the helper) is tried again too.
  await page.locator('#panel-diagnosis').getByText('Before sending').waitFor();
  await failed.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
  await context.close();
});

test('the loader gives up on a chunk that stalls (30 s), so a retry fetches it again', async () => {
  const response = await fetch(`${session.web.origin}/__wasm_split.js`);
  const loader = await response.text();
  const fetches = loader.match(/fetch\(new URL\([^)]*\)/g) ?? [];
  assert.ok(fetches.length >= 5, loader.slice(0, 400));
  assert.equal((loader.match(/AbortSignal\.timeout\(3e4\)|AbortSignal\.timeout\(30000\)/g) ?? []).length, fetches.length);
});
