// Accessibility: axe-core (npm) with the WCAG 2.0, 2.1 and 2.2 A and AA rules, on the full page
// and the embed layout, in both themes, idle, after a successful run and after a failed one:
// zero violations. Then both flows driven by the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { sharedSession, tokenPanel, resourcePanel, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe's violations on the page as it is now, one line each. */
async function violations(page) {
  // Evaluated by the test driver, so the page's own Content-Security-Policy stays as it is.
  const found = await page.evaluate(`${axeSource}
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
        + v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | ')))`);
  return found;
}

/** Opens the page on the in-page simulator with `fragment` settings. */
async function open(fragment, width = 1280) {
  const context = await session.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#target=simulated&${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, context };
}

for (const layout of ['full', 'embed']) {
  for (const theme of ['light', 'dark']) {
    test(`axe: ${layout} page, ${theme} theme: idle, success and failure have no violations`, async () => {
      // The full page with a lesson open (its steps, goal and hints are part of the page).
      const fragment = `theme=${theme}${layout === 'embed' ? '&embed=1&sections=diagnosis,timeline,code' : '&lesson=first-token'}`;
      const { page, context } = await open(fragment, layout === 'embed' ? 720 : 1280);
      const report = {};
      if (layout === 'full') {
        await page.getByRole('region', { name: 'Lessons' }).getByRole('button', { name: 'Show a hint' }).click();
      }
      report.idle = await violations(page);
      // The embed's card hides the demo's secret: Edit settings opens the whole form.
      if (layout === 'embed') await page.getByRole('button', { name: 'Edit settings' }).click();
      await page.getByLabel('Client secret').fill(DEMO_SECRET);
      await page.getByRole('button', { name: 'Call API' }).click();
      await resourcePanel(page).getByText('200 OK').waitFor();
      if (layout === 'full') {
        await page.getByRole('button', { name: 'Share' }).click();
        for (const summary of ['Token request options', 'Token use', 'Request options', 'JWT profile']) {
          await page.getByText(summary, { exact: true }).click();
        }
      }
      report.success = await violations(page);
      await page.getByLabel('Client secret').fill('wrong-secret..');
      await tokenPanel(page).getByRole('button', { name: 'Discard token' }).click();
      await page.getByRole('button', { name: 'Call API' }).click();
      await tokenPanel(page).getByText('401 Unauthorized').waitFor();
      report.failure = await violations(page);
      if (layout === 'full') {
        // Share is open already; From the database after a try and a paste.
        await page.getByRole('tab', { name: 'From the database (APEX)' }).click();
        await page.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
        await page.locator('.verdict').getByText(/^As the database sends it/).waitFor();
        await page.getByLabel('Database error').fill('ORA-29273: HTTP request failed\nORA-24247: network access denied');
        await page.getByRole('article', { name: 'ORA-24247' }).waitFor();
        report.database = await violations(page);
      }
      await context.close();
      assert.deepEqual(report, { idle: [], success: [], failure: [], ...(layout === 'full' ? { database: [] } : {}) });
    });
  }
}

test('axe itself: a low-contrast line added to the page is reported (the check can fail)', async () => {
  const { page, context } = await open('theme=light');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Hard to read';
    p.style.color = '#999';
    p.style.background = '#aaa';
    document.querySelector('main').append(p);
  });
  const found = await violations(page);
  await context.close();
  assert.ok(found.some((v) => v.startsWith('color-contrast')), found.join('\n'));
});

/** Presses Tab until the focused element satisfies `wanted` (a label or accessible name
 * match), checking on the way that every focused control shows its focus ring. */
async function tabTo(page, wanted, { back = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        name: label.trim().replace(/\s+/g, ' '),
        ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        inView: rect.bottom > 0 && rect.top < innerHeight,
        size: [rect.width, rect.height],
        tag: el.tagName,
      };
    });
    assert.ok(focused.ring, `focus ring on ${focused.tag} "${focused.name}"`);
    assert.ok(focused.inView, `focused ${focused.tag} "${focused.name}" is scrolled into view`);
    if (wanted.test(focused.name)) return focused;
  }
  throw new Error(`Tab never reached ${wanted}`);
}

test('keyboard alone: OAuth2 then Basic, every focus visible', async () => {
  const { page, context } = await open('theme=dark');
  await tabTo(page, /^Client secret/);
  // Secret fields take paste (WCAG 2.2 Accessible Authentication): from a password manager.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.web.origin });
  await page.evaluate((text) => navigator.clipboard.writeText(text), DEMO_SECRET);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  assert.equal(await page.getByLabel('Client secret').inputValue(), DEMO_SECRET);
  const call = await tabTo(page, /^Call API$/);
  assert.ok(call.size[0] >= 24 && call.size[1] >= 24, `Call API is at least 24 x 24: ${call.size}`);
  await page.keyboard.press('Enter');
  await resourcePanel(page).getByText('200 OK').waitFor();
  assert.match(await page.locator('.status-line').textContent(), /^Finished: /, 'the end is announced');
  // Back up to the flow choice: one radio group, where arrows move the choice.
  await tabTo(page, /^OAuth2 client credentials$/, { back: true });
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('radio', { name: 'Basic' }).isChecked(), true);
  await tabTo(page, /^Password/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Welcome_1');
  await tabTo(page, /^Call API$/);
  await page.keyboard.press('Enter');
  await resourcePanel(page).getByTestId('request').filter({ hasText: 'Basic base64' }).waitFor();
  await resourcePanel(page).getByText('200 OK').waitFor();
  await context.close();
});
