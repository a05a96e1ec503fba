// The vertical slice, driven as a person would: labels, roles and visible text only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, sharedSession, tokenPanel, resourcePanel, assertNoLeaks, revealedToken, openDemo, DEMO_SECRET, confirmSend,
} from './harness.mjs';

const DEMO_ID = 'Te8yn-qGmBoX6jzpPhnUXA..';
const session = sharedSession();

const playground = (sim, extra = {}) => openDemo(session, sim.alias, extra, { secret: null });

test('OAuth2 with Basic client auth: token and employees side by side', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, consoleLines } = await playground(sim);
    assert.equal(await page.getByLabel('Client ID').inputValue(), DEMO_ID);
    assert.equal(await page.getByLabel('Client secret').inputValue(), '', 'no demo secret for a non-demo URL');
    assert.equal(await page.getByLabel('Client authentication').inputValue(), 'header');
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByRole('button', { name: 'Call API' }).click();
    const token = tokenPanel(page);
    const resource = resourcePanel(page);
    await token.getByText('200 OK').waitFor();
    await resource.getByText('200 OK').waitFor();
    assert.equal(await token.getByTestId('token-type').textContent(), 'bearer');
    assert.match(await token.getByTestId('expires-in').textContent(), /^(59m \d\ds|1h 00m 00s)$/);
    assert.match(await token.getByTestId('request').textContent(), /Authorization: Basic base64\(Te8yn-qGmBoX6jzpPhnUXA\.\.:•+\)/);
    assert.match(await resource.getByTestId('body').textContent(), /"first_name": "Steven"/);
    // Only rows in view are in the page: find the envelope's tail to bring it into view.
    await resource.getByLabel('Find in response').fill('hasmore');
    await resource.getByLabel('Find in response').press('Enter');
    await resource.locator('.row.current').getByText('"hasMore": true').waitFor();
    const [a, b] = [await token.boundingBox(), await resource.boundingBox()];
    assert.ok(a.x + a.width <= b.x && Math.abs(a.y - b.y) < 5, 'panels side by side');
    const accessToken = await revealedToken(page);
    assert.match(accessToken, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!(await token.getByTestId('body').textContent()).includes(accessToken), 'token masked in the body');
    assert.ok(!(await resource.getByTestId('request').textContent()).includes(accessToken), 'token masked in the request');
    await assertNoLeaks(page, consoleLines, [DEMO_SECRET, accessToken]);
  } finally {
    sim.stop();
  }
});

test('Get token, then Call API reuses the held token', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByRole('button', { name: 'Get token' }).click();
    await tokenPanel(page).getByText('200 OK').waitFor();
    const first = await revealedToken(page);
    assert.equal(await resourcePanel(page).getByText('Nothing called yet').count(), 1);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    assert.equal(await revealedToken(page), first);
    await resourcePanel(page).getByRole('button', { name: 'Show secrets' }).click();
    assert.match(await resourcePanel(page).getByTestId('request').textContent(), new RegExp(`Bearer ${first}`));
  } finally {
    sim.stop();
  }
});

test('OAuth2 with client credentials in the request body', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--body-client-auth']);
  try {
    const { page, consoleLines } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByLabel('Client authentication').selectOption({ label: 'Request body' });
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    const sent = await tokenPanel(page).getByTestId('request').textContent();
    assert.match(sent, /client_id=Te8yn-qGmBoX6jzpPhnUXA\.\.&client_secret=•+/);
    assert.doesNotMatch(sent, /Authorization/);
    await assertNoLeaks(page, consoleLines, [DEMO_SECRET]);
  } finally {
    sim.stop();
  }
});

test('Basic with a password containing ":" and a non-ASCII character', async () => {
  const password = 'pä:ss wörd';
  const sim = await startSim(['--allow-origin', session.web.origin, '--user', `ana:${password}`]);
  try {
    const { page, consoleLines } = await playground(sim);
    await page.getByRole('radio', { name: 'Basic' }).check();
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Call API' }).click();
    await confirmSend(page, sim.base);
    const resource = resourcePanel(page);
    await resource.getByText('200 OK').waitFor();
    assert.match(await resource.getByTestId('body').textContent(), /"last_name": "Kochhar"/);
    assert.match(await resource.getByTestId('request').textContent(), /Authorization: Basic base64\(ana:•+\)/);
    await assertNoLeaks(page, consoleLines, [password]);
  } finally {
    sim.stop();
  }
});

test('Wrong client secret: 401 with the ORDS error body, and no resource call', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, consoleLines } = await playground(sim);
    await page.getByLabel('Client secret').fill('wrong-secret..');
    await page.getByRole('button', { name: 'Call API' }).click();
    await confirmSend(page, sim.base);
    const token = tokenPanel(page);
    await token.getByText('401 Unauthorized').waitFor();
    const body = await token.getByTestId('body').textContent();
    assert.match(body, /"code": "Unauthorized"/);
    assert.match(body, /"type": "tag:oracle.com,2020:error\/Unauthorized"/);
    await resourcePanel(page).getByText('No resource call was made').waitFor();
    assert.equal(await resourcePanel(page).getByTestId('request').count(), 0);
    await assertNoLeaks(page, consoleLines, ['wrong-secret..']);
  } finally {
    sim.stop();
  }
});

test('Page origin not allowed: the CORS / unreachable message with the ORDS note', async () => {
  const sim = await startSim(['--allow-origin', 'https://docs.example.com']);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByRole('button', { name: 'Call API' }).click();
    const token = tokenPanel(page);
    await token.getByText('No response').waitFor();
    assert.match(await token.getByRole('alert').first().textContent(), /did not allow this page's origin \(CORS\)/);
    const note = await token.textContent();
    assert.match(note, /ORDS\.SET_MODULE_ORIGINS_ALLOWED/);
    assert.match(note, /allowed origins/);
    assert.ok(note.includes(session.web.origin), 'the note names this page\'s origin');
  } finally {
    sim.stop();
  }
});

test('workshop scenario handler-error: the resource panel shows 555 and what it means', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', 'handler-error']);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    await page.getByRole('button', { name: 'Call API' }).click();
    const resource = resourcePanel(page);
    await resource.getByText('555 555').waitFor();
    assert.match(await resource.textContent(), /ORDS: the handler's SQL or PL\/SQL raised an error/);
    assert.match(await resource.getByTestId('body').textContent(), /"code": "UserDefinedResourceError"/);
  } finally {
    sim.stop();
  }
});

test('workshop scenario html-errors: an ORDS HTML error page is shown as text, never rendered', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', 'html-errors']);
  try {
    const { page } = await playground(sim);
    await page.getByLabel('Client secret').fill('wrong..');
    await page.getByRole('button', { name: 'Get token' }).click();
    await confirmSend(page, sim.base);
    const token = tokenPanel(page);
    await token.getByTestId('status').getByText('401 Unauthorized').waitFor();
    assert.match(await token.getByTestId('body').textContent(), /^<!DOCTYPE html>/);
    assert.equal(await token.locator('h1').count(), 0, 'no server markup became DOM');
    assert.equal(await token.getByText('Body (text, shown as sent)').count(), 1);
  } finally {
    sim.stop();
  }
});
