// Multi-exchange runs: following collection links, re-fetching tokens, the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, sharedSession, tokenPanel, resourcePanel, openDemo, DEMO_SECRET, openSection } from './harness.mjs';

const session = sharedSession();

const playground = (sim) => openDemo(session, sim.alias);

const timelineSteps = async (page) => (await (await openSection(page, 'Timeline'))
  .getByTestId('timeline-entry').locator(':scope > details > summary').allTextContents());

test('pagination follows the response links through every page and back', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--prev-link']);
  try {
    const { page } = await playground(sim);
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    const indicator = resource.getByTestId('page-indicator');
    await indicator.getByText('Items 1–25 · page 1, more follow').waitFor();
    assert.ok(await resource.getByRole('button', { name: 'Previous page' }).isDisabled(), 'no prev link on page 1');
    await resource.getByRole('button', { name: 'Next page' }).click();
    await indicator.getByText('Items 26–32 · page 2, last page').waitFor();
    assert.equal(await page.getByLabel('Resource URL').inputValue(), `${sim.alias}/hr/employees/?offset=25`);
    assert.ok(await resource.getByRole('button', { name: 'Next page' }).isDisabled(), 'no next link on the last page');
    assert.match(await resource.getByTestId('body').textContent(), /"first_name": "James"/);
    await resource.getByRole('button', { name: 'Previous page' }).click();
    await indicator.getByText('Items 1–25 · page 1, more follow').waitFor();
    await resource.getByRole('button', { name: 'Next page' }).click();
    await indicator.getByText('page 2').waitFor();
    await resource.getByRole('button', { name: 'First page' }).click();
    await indicator.getByText('Items 1–25 · page 1').waitFor();
  } finally {
    sim.stop();
  }
});

test('an expired token is re-fetched before the call, as its own timeline step', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--token-lifetime', '2']);
  try {
    const { page } = await playground(sim);
    await page.getByRole('button', { name: 'Get token' }).click();
    await tokenPanel(page).getByTestId('expires-in').getByText('expired').waitFor({ timeout: 6000 });
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
    const steps = await timelineSteps(page);
    assert.equal(steps.length, 2);
    assert.match(steps[0], /^1\. Token re-fetch \(the held token had expired\)200 OK/);
    assert.match(steps[1], /^2\. Resource call200 OK/);
  } finally {
    sim.stop();
  }
});

test('a 401 with a held token re-fetches once and retries; copy as curl keeps secrets masked', async () => {
  const first = await startSim(['--allow-origin', session.web.origin]);
  const port = new URL(first.base).port;
  let second;
  try {
    const { page, context } = await playground(first);
    await page.getByRole('button', { name: 'Get token' }).click();
    await tokenPanel(page).getByTestId('status').getByText('200 OK').waitFor();
    await first.stop();
    second = await startSim(['--allow-origin', session.web.origin, '--listen', `127.0.0.1:${port}`]);
    await page.getByRole('button', { name: 'Call API' }).click();
    await (await openSection(page, 'Timeline')).getByText('3. Resource call again').waitFor();
    const steps = await timelineSteps(page);
    assert.match(steps[0], /^1\. Resource call401 Unauthorized/);
    assert.match(steps[1], /^2\. Token re-fetch \(the resource answered 401\)200 OK/);
    assert.match(steps[2], /^3\. Resource call again, with the new token200 OK/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const entry = page.getByTestId('timeline-entry').nth(1);
    await entry.locator(':scope > details > summary').click();
    await entry.getByRole('button', { name: 'Copy as curl' }).click();
    await entry.getByText('Copied (secrets masked)').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^curl -i -g 'http:\/\/127\.0\.0\.1:\d+\/ords\/demo\/oauth\/token' \\\n  -H 'Authorization: Basic base64\(Te8yn-qGmBoX6jzpPhnUXA\.\.:•+\)'/);
    assert.ok(!copied.includes(DEMO_SECRET));
  } finally {
    await first.stop();
    await second?.stop();
  }
});

test('with re-fetch switched off, the expired token is sent and the 401 shown', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--token-lifetime', '1']);
  try {
    const { page } = await playground(sim);
    await page.getByRole('button', { name: 'Get token' }).click();
    await tokenPanel(page).getByTestId('expires-in').getByText('expired').waitFor({ timeout: 5000 });
    await page.getByText('Token use').click();
    await page.getByLabel('Re-fetch the token when it expires or after a 401').uncheck();
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByTestId('status').getByText('401 Unauthorized').waitFor();
    assert.equal((await timelineSteps(page)).length, 1);
  } finally {
    sim.stop();
  }
});
