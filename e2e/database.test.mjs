// From the database (APEX): the token request as APEX_WEB_SERVICE.OAUTH_AUTHENTICATE sends it
// beside the one configured, the verdict, and a pasted database error explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSession, startSim, openDemo, confirmSend, assertNoLeaks, openSection, watchConsole, DEMO_SECRET,
} from './harness.mjs';

const session = sharedSession();
const TAB = 'From the database (APEX)';

async function open(fragment, context) {
  const page = await context.newPage();
  const consoleLines = await watchConsole(page);
  await page.goto(`${session.web.origin}/#${fragment}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  return { page, consoleLines };
}

test('works in Postman, fails from the database: both requests, what differed, the verdict, and ORA- codes explained', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, consoleLines } = await open('target=simulated&scenario=body-credentials-only', context);
  await page.getByLabel('Scenario').locator('option[value="body-credentials-only"]').waitFor({ state: 'attached' });
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await page.getByLabel('Client authentication').selectOption('body');
  const section = await openSection(page, TAB);
  await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
  const verdict = section.locator('.verdict');
  await verdict.getByText(/^As the database sends it/).waitFor();
  assert.equal(await verdict.textContent(),
    'As the database sends it: 401 invalid_client. As you send it: a token. This server wants the client credentials '
    + 'in the request body, which OAUTH_AUTHENTICATE cannot send (a web credential can send body credentials from '
    + 'APEX 26.1): from the database it raises ORA-20001. The PL/SQL (APEX) code requests the token itself with MAKE_REST_REQUEST.');
  const row = (aspect) => section.locator('tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${aspect}$`) }) });
  assert.deepEqual(await row('Client credentials').locator('td').allTextContents(), ['Basic header', 'request body']);
  assert.deepEqual(await row('Body parameters').locator('td').allTextContents(),
    ['grant_type', 'grant_type, client_id, client_secret']);
  assert.match(await row('Client credentials').getAttribute('class'), /differs/);
  // Both requests as sent, masked.
  const database = section.getByRole('region', { name: 'As the database sends it' });
  const yours = section.getByRole('region', { name: 'As you send it' });
  assert.match(await database.getByTestId('request').textContent(), /Authorization: Basic base64\(Te8yn-qGmBoX6jzpPhnUXA\.\.:•+\)/);
  assert.match(await yours.getByTestId('request').textContent(), /client_secret=•+/);
  assert.ok(!(await section.textContent()).includes(DEMO_SECRET), 'the secret stays masked');
  // The database's error, pasted: explained and tied to the comparison.
  const pasted = section.getByLabel('Database error');
  await pasted.fill('ORA-20001: Authentication failed\nORA-06512: at "APEX_240200.WWV_FLOW_WEB_SERVICES", line 1332');
  const ora = section.getByRole('article', { name: 'ORA-20001' });
  await ora.waitFor();
  assert.match(await ora.textContent(), /Cause: APEX_WEB_SERVICE raised it: the token endpoint answered, but not with a token/);
  assert.match(await ora.locator('.tied').textContent(), /^The comparison above: As the database sends it: 401 invalid_client\./);
  assert.match(await section.getByRole('article', { name: 'ORA-06512' }).textContent(), /Not one this page knows/);
  await pasted.fill('ORA-29273: HTTP request failed\nORA-24247: network access denied by access control list (ACL)');
  const acl = section.getByRole('article', { name: 'ORA-24247' });
  await acl.waitFor();
  assert.match(await acl.locator('pre').textContent(), /dbms_network_acl_admin\.append_host_ace/);
  assert.match(await acl.locator('pre').textContent(), /sys\.odcivarchar2list\('127\.0\.0\.1'\)/);
  await assertNoLeaks(page, consoleLines, [DEMO_SECRET]);
  await context.close();
});

test('a hostile paste stays text, is capped at 64 KB, and loses nothing typed elsewhere', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, consoleLines } = await open('target=simulated', context);
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  const section = await openSection(page, TAB);
  const pasted = section.getByLabel('Database error');
  await pasted.waitFor();
  const hostile = `<img src=x onerror="document.title='owned'">ORA-29024 ${'x'.repeat(200_000)} ORA-20001`;
  await pasted.fill(hostile);
  await section.getByRole('article', { name: 'ORA-29024' }).waitFor();
  assert.equal((await pasted.inputValue()).length, 64 * 1024, 'capped at 64 KB');
  assert.equal(await section.getByRole('article', { name: 'ORA-20001' }).count(), 0, 'nothing past the cap is read');
  assert.equal(await page.locator('#database-part img').count(), 0, 'shown as text');
  assert.notEqual(await page.title(), 'owned');
  await pasted.fill('no code here');
  await section.getByText('No ORA- code found').waitFor();
  assert.equal(await page.getByLabel('Client secret').inputValue(), DEMO_SECRET);
  await assertNoLeaks(page, consoleLines, [DEMO_SECRET]);
  await context.close();
});

test('over the network: the try asks before credentials go to an origin nobody typed, and reads ords-sim\'s refusal', async () => {
  // A client of its own: the demo's public secret never needs asking.
  const secret = 'Qv7-pos-secret..';
  const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', 'body-credentials-only',
    '--client', `pos-client:${secret}`]);
  try {
    const { page, context, consoleLines } = await openDemo(session, sim.alias,
      { client_auth: 'body', target: 'network', client_id: 'pos-client' }, { secret });
    const section = await openSection(page, TAB);
    await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
    await confirmSend(page, sim.base).catch(async (e) => { throw new Error(`${e.message}\n${await section.textContent()}`); });
    await section.locator('.verdict').getByText(/^As the database sends it: 401 invalid_client\. As you send it: a token\./).waitFor();
    assert.ok((await section.getByRole('region', { name: 'As the database sends it' }).getByTestId('request').textContent())
      .startsWith(`POST ${sim.alias}/oauth/token`));
    await assertNoLeaks(page, consoleLines, [secret]);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('a hostile token endpoint that echoes the secret back: masked on both sides, and the page survives a huge answer', async () => {
  const { createServer } = await import('node:http');
  const secret = 'Ech0-me-s3cret..';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': session.web.origin, 'Access-Control-Allow-Headers': '*',
        'Access-Control-Allow-Methods': 'POST', 'Content-Type': 'application/json' };
      if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      res.writeHead(401, cors);
      res.end(JSON.stringify({ error: 'invalid_client', you_sent: basic, body, padding: 'x'.repeat(3_000_000) }));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, consoleLines } = await open(`target=network&client_auth=body&token_url=${encodeURIComponent(`${base}/oauth/token`)}`, context);
    await page.getByLabel('Client secret').fill(secret);
    const section = await openSection(page, TAB);
    await section.getByRole('button', { name: 'Try as APEX_WEB_SERVICE would' }).click();
    await confirmSend(page, base);
    // (The verdict may name the status alone: it reads at most 1 MB of a body.)
    await section.locator('.verdict').getByText(/^As the database sends it: 401[^.]*\. As you send it: 401[^.]*\. Both are refused/).waitFor();
    const database = section.getByRole('region', { name: 'As the database sends it' });
    await database.getByTestId('body').waitFor();
    const text = await section.textContent();
    // The whole body is the page's now, so it is valid JSON, shown indented.
    assert.match(text, /"you_sent": ?"Te8yn-qGmBoX6jzpPhnUXA\.\.:•+"/, 'the echo is shown, its secret masked');
    assert.ok(!text.includes(secret), 'the echoed secret is masked');
    await assertNoLeaks(page, consoleLines, [secret]);
  } finally {
    await context.close();
    server.close();
  }
});
