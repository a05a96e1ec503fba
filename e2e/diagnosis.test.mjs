// Diagnosis against ords-sim scenarios: each failure names its cause and its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startSim, openPlayground, sharedSession, tokenPanel, openDemo, confirmSend, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();

const playground = (alias, params = {}) => openDemo(session, alias, params);

/** Waits for the finding and returns its text. */
async function finding(page, id) {
  const item = page.getByRole('region', { name: 'Diagnosis' }).locator(`[data-finding="${id}"]`);
  await item.waitFor();
  return item.textContent();
}

/** Starts ords-sim with these flags, runs `act`, checks the finding's text. */
async function scenario(flags, act, id, expected, { origin = true } = {}) {
  const sim = await startSim([...(origin ? ['--allow-origin', session.web.origin] : []), ...flags]);
  try {
    const { page } = await playground(sim.alias);
    await act(page, sim);
    const text = await finding(page, id);
    for (const part of expected) assert.ok(text.includes(part), `${id}: "${part}" in ${text}`);
    return page;
  } finally {
    await sim.stop();
  }
}

const getToken = (page) => page.getByRole('button', { name: 'Get token' }).click();
const callApi = (page) => page.getByRole('button', { name: 'Call API' }).click();

test('wrong secret: the token endpoint refused the client, try the other placement', () =>
  scenario(['--scenario', 'rotated-secret'], getToken, 'token-401',
    ['refused the client id or secret', 'answered 401 Unauthorized', 'Client authentication = Request body']));

test('client without the role: a fresh token refused, grant the role', () =>
  scenario(['--scenario', 'no-role'], callApi, 'no-role',
    ['lacks the role', 'WWW-Authenticate', 'OAUTH.GRANT_CLIENT_ROLE', "p_pattern => '/hr/*'"]));

test('expired token with re-fetch off: expired, not a missing role', () =>
  scenario(['--token-lifetime', '1'], async (page) => {
    await getToken(page);
    await tokenPanel(page).getByTestId('expires-in').getByText('expired').waitFor({ timeout: 5000 });
    await page.getByText('Token use').click();
    await page.getByLabel('Re-fetch the token when it expires or after a 401').uncheck();
    await callApi(page);
  }, 'expired', ['had expired when it was sent', 'tokenLifetime']));

test('origin not allowed: the server answers a probe, so it is CORS, with the SQL for this origin', async () => {
  const page = await scenario(['--scenario', 'origin-not-allowed'], callApi, 'token-cors',
    ['did not allow this page', 'no-cors probe to the same URL got an answer', 'OAUTH.UPDATE_CLIENT'], { origin: false });
  assert.equal(await page.getByRole('region', { name: 'Diagnosis' }).locator('details.cors-note').getAttribute('open'), '', 'the CORS note opens itself');
});

test('token endpoint without CORS: token-cors, Basic suggested by the note', () =>
  scenario(['--scenario', 'token-no-cors'], getToken, 'token-cors', ['token endpoint did not allow']));

test('HTML error pages: set error.responseFormat', () =>
  scenario(['--scenario', 'html-errors'], async (page, sim) => {
    await page.getByLabel('Client secret').fill('wrong..');
    await getToken(page);
    await confirmSend(page, new URL(sim.base).origin);
  }, 'html-errors', ['error.responseFormat', 'text/html']));

test('555: the handler raised an error', () =>
  scenario(['--scenario', 'handler-error'], callApi, 'handler-error', ['555', 'UserDefinedResourceError']));

test('dropped dots: named from the input before sending, and the 401 after', () =>
  scenario(['--scenario', 'dropped-dots'], async (page) => {
    await page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA');
    assert.match(await finding(page, 'dropped-dots'), /lost its trailing "\.\."/);
    await getToken(page);
  }, 'token-401', ['refused the client id or secret']));

test('570: the schema account is locked, with the SQL to unlock it', () =>
  scenario(['--scenario', 'account-locked'], callApi, 'account-locked', ['ORA-28000', 'ALTER USER DEMO']));

test('unreachable port: nothing answered, not CORS', async () => {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  await new Promise((resolve) => server.close(resolve)); // a port that was free a moment ago
  const { page } = await playground(`http://127.0.0.1:${port}/ords/demo`, { target: 'network' });
  await callApi(page);
  const text = await finding(page, 'unreachable');
  assert.ok(text.includes('Nothing answered at this address') && text.includes('no-cors probe to the same URL failed too'), text);
});

test('wrong path: /oauth2/token is named before sending and 404 after', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page } = await openPlayground(session.browser, session.web.origin, {
      token_url: `${sim.alias}/oauth2/token`, resource_url: `${sim.alias}/hr/employees/`,
    });
    await page.getByLabel('Client secret').fill(DEMO_SECRET);
    assert.match(await finding(page, 'token-path'), /ends in \/oauth2\/token; ORDS serves \/oauth\/token/);
    // The browser's preflight to a path ORDS does not serve fails like CORS; the probe tells.
    await getToken(page);
    assert.match(await finding(page, 'token-path-cors'), /Token URL's path is wrong/);
    await page.getByLabel('Client authentication').selectOption({ label: 'Request body' });
    await getToken(page);
    assert.match(await finding(page, 'token-404'), /path or the alias is wrong/);
  } finally {
    await sim.stop();
  }
});
