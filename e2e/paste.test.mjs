// Paste a command: the seed's curl pair pasted into Token URL fills the form and runs against
// ords-sim with the seed's client; the reader's PL/SQL block opens From the database with the
// comparison; hostile pastes get a sentence, keep the page responsive and lose nothing typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSession, startSim, openPlayground, confirmSend, assertNoLeaks, tokenPanel, resourcePanel,
} from './harness.mjs';

const session = sharedSession();
const SEED_ID = 'Te8yn-qGmBoX6jzpPhnUXA..';
const SEED_SECRET = '7KZWVPkkzNZ_gpcS0l-YFw..';

/** Pastes `text` into the field labelled `label` as a person's Ctrl+V does (a paste event). */
async function pasteInto(page, label, text) {
  await page.getByLabel(label, { exact: true }).evaluate((input, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const panel = (page) => page.getByRole('region', { name: 'Paste a command' });

test('the seed\'s curl pair pasted into Token URL fills the form, asks before the pasted host, and runs', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--client', `${SEED_ID}:${SEED_SECRET}`]);
  try {
    const { page, context, consoleLines } = await openPlayground(session.browser, session.web.origin, { target: 'network' });
    const before = await page.getByLabel('Token URL', { exact: true }).inputValue();
    const seed = `curl -i -d "grant_type=client_credentials" --user "${SEED_ID}:${SEED_SECRET}" ${sim.alias}/oauth/token\n`
      + `curl -i --header "Authorization: Bearer y6NqQHt84rloaFhc2lySJA" ${sim.alias}/hr/employees/\n`;
    await pasteInto(page, 'Token URL', seed);
    // Read at once, shown line by line; nothing changed yet.
    await panel(page).getByText('Read as curl. Nothing is sent until you press a button.').waitFor();
    const notes = await panel(page).getByRole('list', { name: 'What it understood' }).innerText();
    assert.match(notes, /Line 1: Taken: Client ID: Te8yn-qGmBoX6jzpPhnUXA\.\. \(from --user\)/);
    assert.match(notes, /Line 2: Left out: -i: the page shows the response headers anyway\./);
    assert.ok(!notes.includes(SEED_SECRET) && !notes.includes('y6NqQ'), notes);
    assert.equal(await page.getByLabel('Token URL', { exact: true }).inputValue(), before, 'nothing filled before the press');
    // The demo's client id is the seed's: only what differs is named.
    await panel(page).getByText('Replaces what you typed in Token URL, Client secret, Resource URL.').waitFor();
    await panel(page).getByRole('button', { name: 'Fill the form' }).click();
    assert.equal(await page.getByLabel('Token URL', { exact: true }).inputValue(), `${sim.alias}/oauth/token`);
    assert.equal(await page.getByLabel('Client ID').inputValue(), SEED_ID);
    assert.equal(await page.getByLabel('Client secret').getAttribute('type'), 'password', 'masked');
    assert.equal(await page.getByLabel('Resource URL', { exact: true }).inputValue(), `${sim.alias}/hr/employees/`);
    await page.getByRole('button', { name: 'Call API' }).click();
    // The pasted host is nobody's typing: the question comes first.
    await confirmSend(page, sim.base);
    await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
    await tokenPanel(page).getByTestId('token-type').getByText('bearer').waitFor();
    await assertNoLeaks(page, consoleLines, [SEED_SECRET]);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('the reader\'s PL/SQL block (typographic quotes) opens From the database, its mistakes named', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'simulated' });
  const block = 'apex_web_service.g_request_headers(1).name := \u2018posserial\u2019;\n'
    + 'apex_web_service.g_request_headers(1).Value := \u2018MYSE2023\u2019;\n'
    + 'apex_web_service.oauth_authenticate(\n    p_token_url => \u2018https://id.preprod.eta.gov.eg/connect/token\u2019,\n'
    + '    p_client_id => \u201D, p_client_secret => \u201D);\n'
    + 'DBMS_OUTPUT.PUT_LINE (\u2018Last Token : \u2018||apex_web_service.oauth_get_last_token );\n';
  await page.getByRole('button', { name: 'Paste a command' }).click();
  await panel(page).getByLabel(/Paste a command: curl/).fill(block);
  await panel(page).getByRole('button', { name: 'Read', exact: true }).click();
  await panel(page).getByText('Read as APEX_WEB_SERVICE PL/SQL. Nothing is sent until you press a button.').waitFor();
  await panel(page).getByText(/g_request_headers \(posserial\) are set before OAUTH_AUTHENTICATE/).waitFor();
  await panel(page).getByRole('button', { name: 'Fill the form' }).click();
  await page.getByRole('tabpanel', { name: 'From the database (APEX)' }).waitFor();
  assert.equal(await page.getByLabel('Token URL', { exact: true }).inputValue(), 'https://id.preprod.eta.gov.eg/connect/token');
  await page.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).waitFor();
  await context.close();
});

test('hostile pastes: a sentence, a responsive page, nothing typed lost', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'simulated' });
  await page.getByLabel('Client ID').fill('typed-id..');
  await page.getByRole('button', { name: 'Paste a command' }).click();
  const box = panel(page).getByLabel(/Paste a command: curl/);
  const read = async (text) => {
    await box.fill(text);
    await panel(page).getByRole('button', { name: 'Read', exact: true }).click();
    await panel(page).getByRole('status').first().waitFor();
  };
  // 5 MB: refused with its size, never parsed.
  await read('x'.repeat(5 * 1024 * 1024));
  await panel(page).getByText(/^The paste is 5120 KB; a command is far smaller/).waitFor();
  // HTML around the command, $(…) and backticks never run, 5,000 headers, NUL and controls.
  const headers = Array.from({ length: 5000 }, (_, i) => `-H 'X-${i}: v'`).join(' ');
  await read(`<p>curl ${headers} "$(rm -rf ~)" \`touch /tmp/x\` \u0000\u0007 https://h.example/ords/hr/emp/</p>`);
  await panel(page).getByText('Read as curl. Nothing is sent until you press a button.').waitFor();
  assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page answers');
  await read('curl \'unclosed');
  await read('nothing to see here');
  await panel(page).getByText(/^Nothing here could be read as a request/).waitFor();
  await panel(page).locator('.paste-notes').waitFor({ state: 'attached' });
  // Nothing was filled: what was typed stays.
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'typed-id..');
  // Server-looking markup in a paste is text, never markup.
  await read('curl -H \'X: <img src=x onerror=alert(1)>\' https://h.example/ords/hr/emp/');
  assert.equal(await panel(page).locator('img').count(), 0);
  await context.close();
});
