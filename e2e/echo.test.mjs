// A token endpoint of our own that echoes what it received (body and Authorization header) or
// never answers: the secret stays masked in every form the echo holds it, in the panels, From
// the database and Diagnosis; `Try as APEX_WEB_SERVICE would` says which request it waits for
// and Cancel stops it before the second is sent; a lower-case ORA code is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { sharedSession, openPlayground, confirmSend, tokenPanel, openSection } from './harness.mjs';

const session = sharedSession();
const ID = 'Te8yn-qGmBoX6jzpPhnUXA..';
const SECRET = 'c4/Ec+ho=s!K2..';
const TAB = 'From the database (APEX)';

/** Every form of the secret an echo can hold. */
const forms = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ s: SECRET }).toString().slice(2),
  Buffer.from(`${ID}:${SECRET}`).toString('base64')];

/** A token endpoint that answers 400 with what it received, or (`stall`) never answers. */
async function endpoint({ stall = false } = {}) {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'POST' };
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
      seen.push(req.method);
      if (stall) return; // never answers
      res.writeHead(400, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', received: { body, authorization: req.headers.authorization } }));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, seen, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

async function open(origin, extra = {}) {
  const opened = await openPlayground(session.browser, session.web.origin, {
    target: 'network', client_id: ID, token_url: `${origin}/ords/demo/oauth/token`, ...extra,
  });
  await opened.page.getByLabel('Client secret').fill(SECRET);
  return opened;
}

const unmasked = (text) => forms.filter((f) => text.includes(f));

test('an echoed form body and Basic header keep the secret masked in the panel, From the database and Diagnosis', async () => {
  const server = await endpoint();
  try {
    const { page, context } = await open(server.origin, { client_auth: 'body' });
    await page.getByRole('button', { name: 'Get token' }).click();
    await confirmSend(page, server.origin);
    await tokenPanel(page).getByText('400').first().waitFor();
    assert.deepEqual(unmasked(await tokenPanel(page).textContent()), [], 'the token panel');
    const section = await openSection(page, TAB);
    await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
    await section.locator('.verdict').getByText(/^As the database sends it/).waitFor();
    const text = await section.textContent();
    assert.ok(text.includes('client_secret=•'), 'the echoed body is there, masked');
    assert.match(text, /"authorization": ?"Basic •/, 'the echoed header is there, masked');
    assert.deepEqual(unmasked(text), [], 'From the database');
    assert.deepEqual(unmasked(await (await openSection(page, 'Diagnosis')).textContent()), [], 'Diagnosis');
    await context.close();
  } finally {
    await server.close();
  }
});

test('Try as APEX_WEB_SERVICE would says which request it waits for, and Cancel stops it before the second', async () => {
  const server = await endpoint({ stall: true });
  try {
    const { page, context } = await open(server.origin);
    const section = await openSection(page, TAB);
    await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
    await confirmSend(page, server.origin);
    await section.getByText('waiting for the token request as your settings send it (1 of 2)', { exact: false }).waitFor();
    await page.locator('.status-line').getByText(/\(1 of 2\)/).waitFor();
    await section.getByRole('button', { name: 'Cancel' }).click();
    await section.getByText(/^Cancelled\. .*Nothing more was sent\.$/).waitFor();
    assert.equal(server.seen.length, 1, 'the second request was never sent');
    assert.equal(await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).isEnabled(), true);
    // A lower-case code, as some tools print it.
    await section.getByLabel('Database error').fill('error: ora-20001: authentication failed');
    await section.getByRole('article', { name: 'ORA-20001' }).waitFor();
    await context.close();
  } finally {
    await server.close();
  }
});
