// Compare mode and history, against ords-sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, sharedSession, resourcePanel, assertNoLeaks, revealedToken, openDemo, confirmSend, DEMO_SECRET, openSection, askPage,
} from './harness.mjs';

const session = sharedSession();

const playground = (sim) => openDemo(session, sim.alias);

const cells = async (region, aspect) =>
  region.getByRole('row', { name: new RegExp(`^${aspect}`) }).getByRole('cell').allTextContents();

test('compare mode runs Basic and OAuth2 together and calls out what differs', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await playground(sim);
    await page.getByRole('radio', { name: 'Compare both' }).check();
    assert.ok(await page.getByLabel('Token URL').isVisible(), 'both flows\u2019 fields are shown');
    await page.getByLabel('Password').fill('Welcome_1');
    await page.getByRole('button', { name: 'Call API' }).click();
    const compare = await openSection(page, 'Compare');
    await compare.getByText('Different: headers sent, exchanges.').waitFor();
    assert.deepEqual(await cells(compare, 'Status'), ['200 OK', '200 OK']);
    assert.deepEqual(await cells(compare, 'Headers sent'), ['Accept, Authorization (Basic)', 'Accept, Authorization (Bearer)']);
    assert.match((await cells(compare, 'Body'))[1], /same content$/);
    const steps = await (await openSection(page, 'Timeline')).getByTestId('timeline-entry').count();
    assert.equal(steps, 3, 'token request, OAuth2 resource call, Basic call');

    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Call API' }).click();
    await confirmSend(page, sim.base); // a password that is not the demo's public one
    // The held token is reused: one request each this time.
    await openSection(page, 'Compare');
    await compare.getByText('Different: status, headers sent, body.').waitFor();
    assert.deepEqual(await cells(compare, 'Status'), ['401 Unauthorized', '200 OK']);
    assert.equal(await compare.locator('tr.differs').count(), 3);
  } finally {
    await sim.stop();
  }
});

test('history lists each run, re-runs one with its settings, and keeps no secret when persisted', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, consoleLines } = await playground(sim);
    const history = await openSection(page, 'History');
    await page.getByRole('button', { name: 'Call API' }).click();
    await history.getByTestId('history-run').first().getByText(/Token request 200 OK · Resource call 200 OK · \d+ ms/).waitFor();
    const accessToken = await revealedToken(page);
    await page.getByLabel('Resource URL').fill(`${sim.alias}/hr/departments/`);
    await page.getByRole('button', { name: 'Get token' }).click();
    await history.getByTestId('history-run').nth(1).waitFor();
    assert.match(await history.getByTestId('history-run').first().textContent(), /^#2 · .* · Get token · oauth2 http:\/\/127\.0\.0\.1:\d+\/ords\/demo\/oauth\/token/);

    await history.getByTestId('history-run').nth(1).getByRole('button', { name: 'Re-run' }).click();
    await history.getByTestId('history-run').nth(2).waitFor();
    assert.match(await history.getByTestId('history-run').first().textContent(), /^#3 · .* · Call API · oauth2 http:\/\/127\.0\.0\.1:\d+\/ords\/demo\/hr\/employees\//);
    assert.equal(await page.getByLabel('Resource URL').inputValue(), `${sim.alias}/hr/employees/`, 'settings restored');
    await resourcePanel(page).getByText('"first_name": "Steven",').waitFor();

    await history.getByLabel('Keep history in this browser').check();
    await page.reload();
    await page.getByRole('button', { name: 'Call API' }).waitFor();
    await openSection(page, 'History');
    // History's code comes after the first load: its rows come once its chunk is in.
    await history.getByTestId('history-run').nth(2).waitFor();
    assert.equal(await history.getByTestId('history-run').count(), 3, 'kept across the reload');
    await assertNoLeaks(page, consoleLines, [DEMO_SECRET, accessToken]);
    await history.getByLabel('Keep history in this browser').uncheck();
    assert.equal(await page.evaluate(() => localStorage.getItem('ords-playground:history')), null);
    // What the page shows on main holds no secret, and no event asks it about History any more.
    const attributes = await page.locator('main').evaluate((m) => [...m.attributes].map((a) => a.value).join(' '));
    assert.ok(!attributes.includes(DEMO_SECRET) && !attributes.includes(accessToken));
    assert.match(await askPage(page, 'ords-history', 'clear', ''), /^timed out$/);
    assert.equal(await history.getByTestId('history-run').count(), 3, 'an event changes nothing');
    await history.getByRole('button', { name: 'Clear history' }).click();
    await history.getByText('Runs appear here as you make them.').waitFor();
  } finally {
    await sim.stop();
  }
});

test('Discard token drops the held token, so the next Call API asks for a new one', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await playground(sim);
    const history = await openSection(page, 'History');
    const tokenPanel = page.getByRole('region', { name: 'Token response' });
    await page.getByRole('button', { name: 'Call API' }).click();
    await history.getByTestId('history-run').first().waitFor();
    assert.match(await history.getByTestId('history-run').first().textContent(), /^#1 · \d\d:\d\d:\d\d · Call API · /);
    const first = await revealedToken(page);

    await page.getByRole('button', { name: 'Call API' }).click();
    await history.getByText(/^#2 .*Resource call 200 OK/).waitFor();
    assert.doesNotMatch(await history.getByTestId('history-run').first().textContent(), /Token request/, 'the held token is reused');

    await tokenPanel.getByRole('button', { name: 'Discard token' }).click();
    await tokenPanel.getByText('Token discarded: the next Call API asks for a new one.').waitFor();
    assert.equal(await page.getByTestId('access-token').count(), 0);
    await page.getByRole('button', { name: 'Call API' }).click();
    await history.getByText(/^#3 .*Token request 200 OK · Resource call 200 OK/).waitFor();
    assert.notEqual(await revealedToken(page), first, 'a new token was issued');
  } finally {
    await sim.stop();
  }
});
