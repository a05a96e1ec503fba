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
  await more.locator('.later-loading').first().getByText('Loading…').waitFor();
  assert.ok(await settings.asked(), 'the settings chunk was asked for');
  assert.equal(await page.getByLabel('Client authentication').count(), 0);
  await settings.release();
  await page.getByLabel('Client authentication').waitFor();
  await more.locator('.later-loading').first().waitFor({ state: 'hidden' });

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

const visibleLoading = (where) => where.getByText('Loading…').filter({ visible: true }).count();

/** Opens each view whose code comes after the first screen, as a person does, and waits for
 * its content: never a "Loading…" left behind. */
async function everyLaterView(page) {
  const seen = {};
  const tab = async (name, content) => {
    await page.getByRole('tab', { name, exact: true }).click();
    const panel = page.getByRole('tabpanel', { name, exact: true });
    await content(panel).waitFor({ timeout: 10_000 });
    seen[name] = await visibleLoading(panel);
  };
  await tab('Timeline', (p) => p.getByText("Each run's exchanges appear here, in order."));
  await tab('Code', (p) => p.getByTestId('code').filter({ hasText: '#!/usr/bin/env bash' }));
  await tab('History', (p) => p.getByRole('region', { name: 'History' }));
  await tab('From the database (APEX)', (p) => p.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }));
  // Its code is fetched only when the tab is first opened.
  await tab('MCP server', (p) => p.getByRole('button', { name: 'Walk the chain' }));
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lessons = page.getByRole('region', { name: 'Lessons' });
  await lessons.getByLabel('Lesson', { exact: true }).locator('option[value="first-token"]').waitFor({ state: 'attached' });
  seen.Lessons = await visibleLoading(page.locator('#lessons'));
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('region', { name: 'Share' }).getByLabel('Link to these settings').waitFor();
  seen.Share = await visibleLoading(page.locator('#share'));
  await page.getByText('Browse endpoints', { exact: true }).click();
  await page.getByRole('button', { name: 'Read the catalog' }).waitFor();
  seen['Browse endpoints'] = await visibleLoading(page.locator('details.browse'));
  await page.getByRole('button', { name: 'Read the catalog' }).click();
  await page.getByText(/\d+ endpoints found\./).waitFor();
  return seen;
}

const LATER_VIEWS = {
  Timeline: 0, Code: 0, History: 0, 'From the database (APEX)': 0, 'MCP server': 0, Lessons: 0, Share: 0, 'Browse endpoints': 0,
};
const LATER_CHUNKS = ['split_sections', 'split_lessons', 'split_share', 'split_settings'];

test('every view held back past the page\'s idle moment shows its content once its code arrives', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const held = await Promise.all(LATER_CHUNKS.map((name) => holdBack(context, chunk(name))));
  const page = await open(context);
  for (const h of held) assert.ok(await h.asked());
  await new Promise((ok) => setTimeout(ok, 3000));
  for (const h of held) await h.release();
  assert.deepEqual(await everyLaterView(page), LATER_VIEWS);
  await context.close();
});

test('every view whose code failed, then came back on one Retry, shows its content', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const name of LATER_CHUNKS) await context.route(chunk(name), (route) => route.abort());
  const page = await open(context);
  const failed = page.locator('.answers > [role=alert]');
  await failed.getByText(/This part of the page could not be loaded/).waitFor();
  for (const name of LATER_CHUNKS) await context.unroute(chunk(name));
  // One Retry: the other views try again when a chunk arrives.
  await failed.getByRole('button', { name: 'Retry' }).click();
  assert.deepEqual(await everyLaterView(page), LATER_VIEWS);
  await context.close();
});
