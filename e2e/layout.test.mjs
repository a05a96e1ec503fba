// One screen: on a laptop the form and both answers are in view together; on a phone nothing
// is wider than the screen; the section tabs work by keyboard. (The docs embed's heights are
// measured through a host page in embed.test.mjs.) Each test logs the positions it measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, tokenPanel, resourcePanel } from './harness.mjs';

const session = sharedSession();

async function open(fragment, viewport) {
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${session.web.origin}/#${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, context };
}

/** The element's box in the viewport, and whether it lies wholly inside it. */
const box = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0;
  return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), inside };
});

/** The widest thing in the page when the page scrolls sideways, else null. */
const sideScroll = (page) => page.evaluate(() => {
  if (document.documentElement.scrollWidth <= innerWidth) return null;
  const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5);
  return `${document.documentElement.scrollWidth} px: ${wide.slice(-3).map((el) => el.outerHTML.slice(0, 120)).join(' | ')}`;
});

for (const [width, height] of [[1280, 800], [1440, 900], [1920, 1080]]) {
  test(`${width} × ${height}: Call API in view on load; pressed where it is, both answers side by side in view`, async () => {
    const { page, context } = await open('target=simulated', { width, height });
    assert.equal(await page.getByRole('heading', { name: 'Configured by a link' }).count(), 0, 'the simulator raises no banner');
    const call = await box(page.getByRole('button', { name: 'Call API' }));
    assert.ok(call.inside, `Call API at ${JSON.stringify(call)}`);
    assert.equal(await sideScroll(page), null);
    await page.mouse.click((call.left + call.right) / 2, (call.top + call.bottom) / 2);
    await resourcePanel(page).getByText('200 OK').waitFor();
    assert.equal(await page.evaluate(() => scrollY), 0, 'nothing scrolled');
    const token = tokenPanel(page);
    const resource = resourcePanel(page);
    const seen = {
      'Token response': await box(token.getByRole('heading', { name: 'Token response' })),
      'Protected resource': await box(resource.getByRole('heading', { name: 'Protected resource' })),
      'token 200 OK': await box(token.getByTestId('status')),
      'resource 200 OK': await box(resource.getByTestId('status')),
      'first body line': await box(resource.locator('.rows .row').first()),
    };
    for (const [what, at] of Object.entries(seen)) assert.ok(at.inside, `${what} at ${JSON.stringify(at)}`);
    assert.match(await token.getByTestId('status').textContent(), /200 OK/);
    const [t, r] = [await box(token), await box(resource)];
    assert.ok(t.right <= r.left && Math.abs(t.top - r.top) <= 1, `side by side: ${JSON.stringify([t, r])}`);
    assert.equal(await sideScroll(page), null);
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${width}x${height}: Call API top ${call.top} px; after: token 200 OK bottom ${seen['token 200 OK'].bottom}, `
      + `first body line bottom ${seen['first body line'].bottom}; page ${tall} px tall`);
    await context.close();
  });
}

for (const [name, fragment] of [['no banner', 'target=simulated'], ['a link banner', 'target=simulated&flow=compare&client_id=Te8yn-qGmBoX6jzpPhnUXA..']]) {
  test(`390 × 844 with ${name}: nothing wider than the screen before or after a run; the status line takes focus and leads to each answer`, async () => {
    const { page, context } = await open(fragment, { width: 390, height: 844 });
    // The banner's code comes just after the first load.
    if (name !== 'no banner') await page.getByRole('heading', { name: 'Configured by a link' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Configured by a link' }).count(), name === 'no banner' ? 0 : 1);
    assert.equal(await sideScroll(page), null);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'status-line');
    assert.match(await page.locator('#status-line').textContent(), /^Finished: /);
    assert.equal(await sideScroll(page), null);
    await page.locator('#status-line').getByRole('button', { name: 'Protected resource' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'protected-resource');
    assert.ok((await box(resourcePanel(page).getByRole('heading', { name: 'Protected resource' }))).inside);
    for (const tab of ['Diagnosis', 'Timeline', 'Code', 'History']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForTimeout(200);
      assert.equal(await sideScroll(page), null, `${tab} open`);
    }
    await context.close();
  });
}

test('section tabs: one open at a time; arrows, Home and End move between them; a failure\'s finding leads to Diagnosis', async () => {
  const { page, context } = await open('target=simulated', { width: 1280, height: 800 });
  const tabs = page.getByRole('tablist', { name: 'Sections' });
  // The tab shown as selected once the page has drawn the change (rendering is asynchronous).
  const selected = async (expected) => {
    if (expected) {
      await page.waitForFunction((name) => document.querySelector('[role=tablist] [aria-selected="true"]')?.textContent.trim() === name, expected, { timeout: 5_000 }).catch(() => {});
    }
    return (await tabs.locator('[aria-selected="true"]').textContent()).trim();
  };
  const openPanels = () => page.locator('[role=tabpanel]:not([hidden])').count();
  assert.equal(await selected('Diagnosis'), 'Diagnosis');
  assert.equal(await openPanels(), 1);
  await tabs.getByRole('tab', { name: 'Diagnosis' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'tab-diagnosis');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected('Timeline'), 'Timeline', 'Compare is offered only in Compare both');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Timeline', null, { timeout: 5_000 });
  // Timeline's code comes after the first load: it shows once its chunk is in.
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Diagnosis' }).count(), 0);
  await page.keyboard.press('End');
  assert.equal(await selected('MCP server'), 'MCP server');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected('Diagnosis'), 'Diagnosis', 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected('MCP server'), 'MCP server');
  await page.keyboard.press('Home');
  assert.equal(await selected('Diagnosis'), 'Diagnosis');
  assert.equal(await openPanels(), 1);
  // A wrong secret: the status line names the main finding and leads to it.
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByLabel('Client secret').fill('wrong-secret..');
  await page.getByRole('button', { name: 'Call API' }).click();
  await tokenPanel(page).getByText('401 Unauthorized').waitFor();
  const finding = page.locator('.status-line .main-finding');
  await finding.waitFor();
  assert.match(await finding.textContent(), /^Problem: /);
  await finding.getByRole('button', { name: 'Diagnosis' }).click();
  assert.equal(await selected('Diagnosis'), 'Diagnosis');
  await page.waitForFunction(() => document.activeElement?.id === 'panel-diagnosis');
  await context.close();
});

test('keyboard order: the form\'s fields, then the buttons, then the answers, then the section tabs', async () => {
  const { page, context } = await open('target=simulated', { width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByText('200 OK').waitFor();
  await page.getByLabel('Send requests to').focus();
  const order = [];
  for (let i = 0; i < 120 && !order.includes('tab'); i += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      if (el.closest('.settings .actions')) return 'button';
      if (el.closest('.settings')) return 'field';
      if (el.closest('.panels')) return 'answer';
      if (el.closest('[role=tablist]')) return 'tab';
      return 'other';
    }));
  }
  const runs = order.filter((kind, i) => kind !== order[i - 1]);
  assert.deepEqual(runs.filter((k) => k !== 'other').slice(0, 2), ['field', 'button']);
  assert.ok(runs.indexOf('answer') > runs.indexOf('button') && runs.indexOf('tab') > runs.lastIndexOf('answer'), runs.join(' → '));
  await context.close();
});

test('Lessons open from the header without pushing the form for those who did not ask', async () => {
  const { page, context } = await open('target=simulated', { width: 1280, height: 800 });
  const lessons = page.getByRole('region', { name: 'Lessons' });
  assert.equal(await lessons.count(), 0, 'closed by default');
  const toggle = page.getByRole('button', { name: 'Lessons' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await lessons.getByLabel('Lesson', { exact: true }).waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await context.close();
});
