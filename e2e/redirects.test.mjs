// No credential follows a redirect. A server of our own answers the token request and the
// resource call with 302, 307 and 308 to another origin (with CORS headers, so the browser lets
// the page see the redirect, as a proxy that adds them everywhere does); the other origin
// records everything it receives. It must never receive a credential in any form; the page
// names the redirect and where it leads, and never calls it a success. ords-sim's proxy
// redirect (http to https) explains itself too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  sharedSession, openPlayground, startSim, confirmSend, tokenPanel, resourcePanel, openSection, assertNoLeaks,
} from './harness.mjs';

const session = sharedSession();
const ID = 'Te8yn-qGmBoX6jzpPhnUXA..';
const SECRET = 'c4/Ec+ho=s!K2..';
const USER = 'ana';
const PASSWORD = 'pä:ss w0rd..';
const TOKEN = 'y6NqQHt84rloaFhc2lySJA';

/** Every form in which a credential of this file could travel. */
const forms = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ s: SECRET }).toString().slice(2),
  PASSWORD, encodeURIComponent(PASSWORD), TOKEN,
  Buffer.from(`${ID}:${SECRET}`).toString('base64'), Buffer.from(`${USER}:${PASSWORD}`).toString('base64')];

async function listen(handler) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => handler(req, res, body));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

const cors = (req) => ({
  'Access-Control-Allow-Origin': req.headers.origin ?? '*',
  'Access-Control-Allow-Headers': 'authorization, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
});

/** The other origin: answers anything with CORS for whoever asks (Origin null included) and
 * records what it received. */
async function elsewhere() {
  const seen = [];
  const server = await listen((req, res, body) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { ...cors(req), 'Content-Type': 'application/json' });
    res.end(req.method === 'OPTIONS' ? '' : '{"access_token":"stolen","token_type":"bearer","expires_in":3600}');
  });
  return { ...server, seen };
}

/** The host the person typed: preflights pass; everything else is redirected with `status`. */
async function redirecting(status, to) {
  return listen((req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, cors(req)).end();
    res.writeHead(status, { ...cors(req), Location: `${to}/landed${req.url}` }).end();
  });
}

function assertNothingSecretArrived(seen) {
  for (const request of seen) {
    const text = `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
    assert.equal(request.headers.authorization, undefined, text);
    assert.equal(request.body, '', text);
    for (const form of forms) assert.ok(!text.includes(form), `${form} reached the other origin:\n${text}`);
  }
}

const cases = [
  { name: 'the token request, Basic header', action: 'Get token', panel: tokenPanel, params: (a) => ({ token_url: `${a}/ords/demo/oauth/token` }) },
  { name: 'the token request, client secret in the body', action: 'Get token', panel: tokenPanel, params: (a) => ({ token_url: `${a}/ords/demo/oauth/token`, client_auth: 'body' }) },
  { name: 'the resource call, Basic', action: 'Call API', panel: resourcePanel, params: (a) => ({ flow: 'basic', username: USER, resource_url: `${a}/ords/demo/hr/employees/` }) },
  { name: 'the resource call, Bearer', action: 'Call API', panel: resourcePanel, bearer: true, params: (a) => ({ resource_url: `${a}/ords/demo/hr/employees/` }) },
];

for (const status of [302, 307, 308]) {
  test(`${status} to another origin on each request that carries a credential: nothing secret arrives there, and the page says where it leads`, async () => {
    const other = await elsewhere();
    const typed = await redirecting(status, other.origin);
    try {
      for (const c of cases) {
        const { page, context, consoleLines } = await openPlayground(session.browser, session.web.origin, {
          target: 'network', client_id: ID, ...c.params(typed.origin),
        });
        if (c.params('').flow === 'basic') {
          await page.getByLabel('Password').fill(PASSWORD);
        } else {
          await page.getByLabel('Client secret').fill(SECRET);
        }
        if (c.bearer) {
          await page.getByText('Token use').click();
          await page.getByLabel('Use my own token').check();
          await page.getByLabel('Access token').fill(TOKEN);
        }
        await page.getByRole('button', { name: c.action, exact: true }).click();
        await confirmSend(page, typed.origin);
        const panel = c.panel(page);
        await panel.getByText(`Redirected by ${typed.origin}: not followed, nothing re-sent.`).waitFor();
        const said = await panel.locator('.failure .cause').textContent();
        assert.match(said, /^The server answered with a redirect \(3xx\), and this page did not follow it/, c.name);
        assert.ok(said.includes(`It leads to ${other.origin}/landed/ords/demo/`), `${c.name}: ${said}`);
        assert.equal(await panel.getByText('Answered over the network by').count(), 0, `${c.name}: never a success`);
        await panel.getByRole('button', { name: 'Use this address' }).waitFor();
        const diagnosis = await openSection(page, 'Diagnosis');
        await diagnosis.locator('[data-finding="redirected"]').getByText(/another address/).waitFor();
        await assertNoLeaks(page, consoleLines, [SECRET, PASSWORD, TOKEN]);
        await context.close();
      }
      assert.ok(other.seen.length >= cases.length, 'the page looked where each redirect leads');
      assertNothingSecretArrived(other.seen);
    } finally {
      await typed.close();
      await other.close();
    }
  });
}

test('Use this address puts the target in the field, and the next request asks before the secret goes there', async () => {
  const other = await elsewhere();
  const typed = await redirecting(308, other.origin);
  try {
    const { page, context } = await openPlayground(session.browser, session.web.origin, {
      target: 'network', client_id: ID, token_url: `${typed.origin}/ords/demo/oauth/token`, client_auth: 'body',
    });
    await page.getByLabel('Client secret').fill(SECRET);
    await page.getByRole('button', { name: 'Get token' }).click();
    await confirmSend(page, typed.origin);
    await tokenPanel(page).getByRole('button', { name: 'Use this address' }).click();
    assert.equal(await page.getByLabel('Token URL').inputValue(), `${other.origin}/landed/ords/demo/oauth/token`);
    await page.getByRole('button', { name: 'Get token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/a redirect the server answered with/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assertNothingSecretArrived(other.seen);
    await context.close();
  } finally {
    await typed.close();
    await other.close();
  }
});

test('ords-sim behind a proxy that redirects http to https: the redirected preflight is named, with the likely cause', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--proxy-redirect', 'https']);
  try {
    const { page, context } = await openPlayground(session.browser, session.web.origin, {
      target: 'network', token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/hr/employees/`,
    });
    // The demo's public secret: never asked about.
    await page.getByLabel('Client secret').fill('m2Qx7dVbUaE4kR9pLwT1sA..');
    await page.getByRole('button', { name: 'Call API' }).click();
    const said = tokenPanel(page).locator('.failure .cause');
    await said.getByText(/the browser's preflight \(OPTIONS\) was redirected/).waitFor();
    const diagnosis = await openSection(page, 'Diagnosis');
    await diagnosis.locator('[data-finding="redirected"]')
      .getByText(/most likely a proxy sending http to https \(this URL is http\)/).waitFor();
    await page.locator('.main-finding').getByText(/The server redirects/).waitFor();
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('the in-page simulator\'s missing-slash scenario: the redirect is named with the URL it leads to', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin, {
    target: 'simulated', scenario: 'missing-slash',
  });
  const url = await page.getByLabel('Resource URL').inputValue();
  await page.getByLabel('Resource URL').fill(url.replace(/\/$/, ''));
  await page.getByRole('button', { name: 'Call API' }).click();
  const said = resourcePanel(page).locator('.failure .cause');
  await said.getByText(`It leads to ${url}`).waitFor();
  const diagnosis = await openSection(page, 'Diagnosis');
  await diagnosis.locator('[data-finding="redirected"]').getByText(/same path with a trailing slash/).waitFor();
  await resourcePanel(page).getByRole('button', { name: 'Use this address' }).click();
  await page.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(page).getByTestId('status').getByText('200 OK').waitFor();
  await context.close();
});
