// The response viewer: folding, find, raw and preview views, and a 10 MB collection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openPlayground, sharedSession, tokenPanel, resourcePanel, confirmSend, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();

async function playground(sim, resourcePath = 'hr/employees/') {
  const opened = await openPlayground(session.browser, session.web.origin, {
    token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/${resourcePath}`,
  });
  await opened.page.getByLabel('Client secret').fill(DEMO_SECRET);
  return opened;
}

test('JSON folds, unfolds, is found in and shown raw', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context } = await playground(sim);
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    await resource.getByTestId('status').getByText('200 OK').waitFor();
    const body = resource.getByTestId('body');
    await resource.getByRole('button', { name: 'Collapse line 2', exact: true }).click();
    assert.match(await body.textContent(), /^\{\n {2}"items": \[ … \d+ lines … \],\n {2}"hasMore": true,/);
    await resource.getByRole('button', { name: 'Expand line 2', exact: true }).click();
    await resource.getByRole('button', { name: 'Collapse all' }).click();
    assert.match(await body.textContent(), /^\{\n {2}"items": \[ … \d+ lines … \],\n/);
    await resource.getByRole('button', { name: 'Expand all' }).click();

    // Find unfolds what hides the match and scrolls it into view.
    await resource.getByRole('button', { name: 'Collapse all' }).click();
    await resource.getByLabel('Find in response').fill('LPOPP');
    await resource.getByText('Line 1 of 1 matching lines').waitFor();
    await resource.getByRole('button', { name: 'Next match' }).click();
    await resource.locator('.row.current mark').getByText('LPOPP').waitFor();
    assert.ok(await resource.locator('.row.current').isVisible());

    await resource.getByRole('tab', { name: 'Raw' }).click();
    assert.match(await body.textContent(), /^\{"items":\[\{"employee_id":100,/, 'as received, unindented');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await resource.getByRole('button', { name: 'Copy body' }).click();
    await resource.getByText('Copied', { exact: true }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith('{"items":[{"employee_id":100,') && copied.endsWith('}'));
    assert.doesNotThrow(() => JSON.parse(copied));
  } finally {
    await sim.stop();
  }
});

test('an HTML error page is text by default; its preview runs no script and loads nothing', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', 'html-errors']);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill('wrong-secret..');
    await page.getByRole('button', { name: 'Get token' }).click();
    await confirmSend(page, sim.base);
    const token = tokenPanel(page);
    await token.getByTestId('status').getByText('401 Unauthorized').waitFor();
    assert.match(await token.getByTestId('body').textContent(), /^<!DOCTYPE html>/);
    // Requests of any frame but the page's own (the page's helper may still be loading).
    const requests = [];
    page.on('request', (r) => {
      let frame;
      try { frame = r.frame(); } catch { frame = null; }
      if (frame !== page.mainFrame()) requests.push(r.url());
    });
    await token.getByRole('tab', { name: 'Preview' }).click();
    const frame = token.locator('iframe.preview');
    assert.equal(await frame.getAttribute('sandbox'), '', 'every sandbox restriction, scripts included');
    const inner = page.frameLocator('iframe.preview');
    await inner.locator('body').waitFor();
    assert.match(await inner.locator('body').textContent(), /401/);
    assert.deepEqual(requests.filter((u) => !u.startsWith('about:')), [], 'the preview fetched nothing');
    await token.getByRole('tab', { name: 'Text' }).click();
    assert.match(await token.getByTestId('body').textContent(), /^<!DOCTYPE html>/);
  } finally {
    await sim.stop();
  }
});

test('a 10 MB ORDS collection shows its first rows at once, with only the visible rows in the page', async (t) => {
  const rows = 42000;
  const sim = await startSim(['--allow-origin', session.web.origin, '--employees', String(rows)]);
  try {
    const { page } = await playground(sim, `hr/employees/?limit=${rows}`);
    await page.evaluate(() => {
      window.__probe = { longest: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) { window.__probe.longest = Math.max(window.__probe.longest, e.duration); (window.__probe.tasks ??= []).push([Math.round(e.startTime), Math.round(e.duration)]); }
      }).observe({ type: 'longtask' });
      new MutationObserver(() => {
        if (window.__probe.shown === undefined && document.querySelector('[aria-label="Protected resource"] .row')) {
          window.__probe.shown = performance.now();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    await resource.getByTestId('status').getByText('200 OK').waitFor({ timeout: 30000 });
    await resource.getByText('"employee_id": 100,').waitFor();
    const probe = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('limit=')).pop();
      return { ...window.__probe, responseEnd: entry.responseEnd };
    });
    const size = await resource.getByTestId('status').locator('.size').textContent();
    assert.ok(parseFloat(size) >= 9.6 && size.endsWith(' MB'), `a 10 MB body (${size})`);
    assert.match(await resource.getByTestId('page-indicator').textContent(), new RegExp(`Items 1–${rows}`));
    const inDom = await resource.locator('.row').count();
    assert.ok(inDom > 10 && inDom <= 100, `only the rows in view are in the DOM (${inDom})`);
    await resource.getByLabel('Find in response').fill(`"employee_id": ${100 + rows - 1}`);
    await resource.getByRole('button', { name: 'Next match' }).click();
    await resource.locator('.row.current').waitFor();
    const visible = probe.shown - probe.responseEnd;
    t.diagnostic(`10 MB collection: ${size}, first rows ${visible.toFixed(0)} ms after the response ended, longest task ${probe.longest.toFixed(0)} ms; long tasks [start, ms]: ${JSON.stringify(probe.tasks ?? [])}`);
  } finally {
    await sim.stop();
  }
});
