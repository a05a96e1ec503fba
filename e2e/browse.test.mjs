// Browse endpoints: the schema's own catalog read from the page with the flow's credentials,
// against ords-sim and the in-page simulator; choosing an endpoint sets the Resource URL and
// Method, and a protected catalog is explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, startSim, openDemo, openPlayground, resourcePanel, DEMO_SECRET } from './harness.mjs';

const session = sharedSession();

async function read(page) {
  await page.getByText('Browse endpoints', { exact: true }).click();
  await page.getByRole('button', { name: 'Read the catalog' }).click();
}

test('Browse endpoints lists the modules and paths of ords-sim; a chosen endpoint then answers Call API', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context } = await openDemo(session, sim.alias, { target: 'network' });
    await read(page);
    await page.getByText(/\d+ endpoints found\./).waitFor();
    const endpoint = page.getByLabel('Endpoint', { exact: true });
    const options = await endpoint.locator('option').allTextContents();
    assert.ok(options.includes(`GET ${sim.alias}/hr/departments/ (open)`), options.join('\n'));
    assert.ok(options.includes(`GET ${sim.alias}/hr/employees/ (needs authentication)`));
    assert.ok(options.some((o) => /^DELETE .*\/hr\/notes\/\{id\}/.test(o)));
    await endpoint.selectOption({ label: `GET ${sim.alias}/hr/employees/{id} (needs authentication)` });
    await page.getByLabel('id', { exact: true }).fill('101');
    await page.getByRole('button', { name: 'Use this endpoint' }).click();
    assert.equal(await page.getByLabel('Resource URL').inputValue(), `${sim.alias}/hr/employees/101`);
    await page.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(page).getByText('200 OK').waitFor();
    assert.match(await resourcePanel(page).getByTestId('body').textContent(), /"last_name": "Kochhar"/);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('a catalog protected by p_auto_rest_auth answers 401, and the page says why and how to fix it', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--catalog-auth']);
  try {
    const { page, context } = await openDemo(session, sim.alias, { target: 'network' });
    await read(page);
    await page.getByText('The catalog answered 401 Unauthorized.').waitFor();
    const finding = page.locator('details.browse [data-finding="catalog-protected"]');
    await finding.waitFor();
    assert.match(await finding.textContent(), /p_auto_rest_auth => TRUE/);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('the in-page simulator serves its catalog too', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'simulated' });
  await page.getByLabel('Client secret').fill(DEMO_SECRET);
  await read(page);
  await page.getByText(/\d+ endpoints found\./).waitFor();
  const endpoint = page.getByLabel('Endpoint', { exact: true });
  const label = (await endpoint.locator('option').allTextContents()).find((o) => /^GET .*\/hr\/departments\/ /.test(o));
  await endpoint.selectOption({ label });
  await page.getByRole('button', { name: 'Use this endpoint' }).click();
  assert.match(await page.getByLabel('Resource URL').inputValue(), /\/ords\/demo\/hr\/departments\/$/);
  await context.close();
});

test('a hostile catalog listing an endpoint on another origin: choosing it asks before credentials go there', async () => {
  const { createServer } = await import('node:http');
  const hits = [];
  const other = createServer((req, res) => { hits.push(req.headers.authorization ?? ''); res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}'); });
  await new Promise((ok) => other.listen(0, '127.0.0.1', ok));
  const otherOrigin = `http://127.0.0.1:${other.address().port}`;
  const ords = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': session.web.origin, 'Access-Control-Allow-Headers': 'authorization', 'Content-Type': 'application/json' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const base = `http://127.0.0.1:${ords.address().port}/ords/x/`;
    if (req.url === '/ords/x/metadata-catalog/') {
      return res.writeHead(200, cors).end(JSON.stringify({ items: [{ name: 'm', links: [{ rel: 'alternate', href: `${base}open-api-catalog/m/` }] }] }));
    }
    if (req.url === '/ords/x/open-api-catalog/m/') {
      return res.writeHead(200, cors).end(JSON.stringify({ openapi: '3.0.0', servers: [{ url: `${otherOrigin}/steal/` }], paths: { '/x': { get: {} } } }));
    }
    res.writeHead(404, cors).end('{}');
  });
  await new Promise((ok) => ords.listen(0, '127.0.0.1', ok));
  try {
    const { page, context } = await openPlayground(session.browser, session.web.origin, { target: 'network', flow: 'basic' });
    await page.getByLabel('Resource URL').fill(`http://127.0.0.1:${ords.address().port}/ords/x/m/`);
    await page.getByLabel('Password').fill('my password');
    await read(page);
    await page.getByText('1 endpoints found.').waitFor();
    await page.getByLabel('Endpoint', { exact: true }).selectOption({ label: `GET ${otherOrigin}/steal/x` });
    await page.getByRole('button', { name: 'Use this endpoint' }).click();
    await page.getByRole('button', { name: 'Call API' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('button', { name: /^Send to / }).textContent(), `Send to ${otherOrigin}`);
    assert.match(await dialog.textContent(), /it came from the API's catalog \(Browse endpoints\)/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await resourcePanel(page).getByText(/Not sent/).waitFor();
    assert.deepEqual(hits, [], 'nothing reached the other origin');
    await context.close();
  } finally {
    other.close();
    ords.close();
  }
});

test('an embed fetches only the code of what it shows; Browse endpoints works there', async () => {
  const { page, context } = await openPlayground(session.browser, session.web.origin,
    { target: 'simulated', embed: '1', sections: '' });
  await page.getByRole('button', { name: 'Edit settings' }).click();
  await page.getByText('Browse endpoints', { exact: true }).click();
  await page.getByRole('button', { name: 'Read the catalog' }).click();
  await page.getByText(/\d+ endpoints found\./).waitFor();
  await page.waitForTimeout(1500);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => e.name.split('/').pop()).filter((n) => /^split_\w+-[0-9a-f]{16}\.wasm$/.test(n)).map((n) => n.split('-')[0]));
  assert.ok(fetched.includes('split_settings'), fetched.join());
  for (const unshown of ['split_sections', 'split_lessons', 'split_share']) {
    assert.ok(!fetched.includes(unshown), `${unshown} fetched by an embed that does not show it: ${fetched.join()}`);
  }
  await context.close();
});
