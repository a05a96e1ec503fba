// The Postman export runs unattended in Newman (Postman's CLI, npm), as CI would run it: the
// collection and its environment downloaded from the page's Code section, run against ords-sim;
// every request answers 2xx, the token request first, and the employees come back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import newman from 'newman';
import { sharedSession, startSim, openDemo, openSection } from './harness.mjs';

const session = sharedSession();

/** The collection and environment the page offers for download (secrets included when asked). */
async function exported(page, { includeSecrets, first = 'Get token', secret = 'client_secret' }) {
  const code = await openSection(page, 'Code');
  await code.getByRole('tab', { name: 'Postman collection' }).click();
  if (includeSecrets) await code.getByLabel('Include secrets').check();
  await code.getByTestId('code').filter({ hasText: `"${first}"` }).waitFor();
  const read = async (name) => {
    const href = await code.getByRole('link', { name }).getAttribute('href');
    return JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
  };
  await page.waitForFunction((key) => [...document.querySelectorAll('a[download]')].some((a) => a.href.includes(key)), secret);
  return { collection: await read('Download collection'), environment: await read('Download environment') };
}

function run(collection, environment) {
  return new Promise((done, fail) => newman.run({ collection, environment, reporters: [] }, (err, summary) => (err ? fail(err) : done(summary))));
}

for (const [name, setup] of [
  ['client secret in the Basic header (the ORDS default)', async () => {}],
  ['client secret in the request body, with a scope', async (page) => {
    await page.getByLabel('Client authentication').selectOption('body');
    await page.getByText('Token request options').click();
    await page.getByLabel('Scope').fill('hr.read');
  }],
]) {
  test(`Newman runs the exported collection with its environment: ${name}`, async () => {
    const sim = await startSim(['--body-client-auth']);
    try {
      const { page, context } = await openDemo(session, sim.alias, { target: 'network', flow: 'compare' });
      await page.getByLabel('Password').fill('Welcome_1');
      await setup(page);
      const { collection, environment } = await exported(page, { includeSecrets: true });
      const summary = await run(collection, environment);
      const executions = summary.run.executions.map((e) => [e.item.name, e.response?.code]);
      assert.deepEqual(executions, [
        ['Get token', 200],
        ['Protected resource (OAuth2 client credentials)', 200],
        ['Protected resource (Basic)', 200],
      ]);
      assert.deepEqual(summary.run.failures.map((f) => f.error?.message), [], 'every test script passed');
      for (const e of summary.run.executions.slice(1)) {
        const body = JSON.parse(e.response.stream.toString());
        assert.equal(body.items.length, 25);
        assert.equal(body.items[0].first_name, 'Steven');
      }
      await context.close();
    } finally {
      await sim.stop();
    }
  });
}

test('without Include secrets the environment holds placeholders, and Newman is refused, not handed a secret', async () => {
  const sim = await startSim();
  try {
    const { page, context } = await openDemo(session, sim.alias, { target: 'network' });
    const code = await openSection(page, 'Code');
    await code.getByRole('tab', { name: 'Postman collection' }).click();
    await code.getByTestId('code').filter({ hasText: '"Get token"' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('a[download]')].some((a) => a.href.includes('client_secret')));
    const href = await code.getByRole('link', { name: 'Download environment' }).getAttribute('href');
    const environment = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
    assert.deepEqual(environment.values.map((v) => [v.key, v.value]), [['client_secret', '<client secret>']], 'OAuth2: its secret only');
    const collectionHref = await code.getByRole('link', { name: 'Download collection' }).getAttribute('href');
    const collection = JSON.parse(decodeURIComponent(collectionHref.slice(collectionHref.indexOf(',') + 1)));
    assert.ok(!JSON.stringify(collection).includes('m2Qx7dVbUaE4kR9pLwT1sA..'));
    const summary = await run(collection, environment);
    assert.equal(summary.run.executions[0].response.code, 401, 'the placeholder is not the secret');
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('Newman runs a Basic export with only the Basic server up: the Basic call alone, no token request', async () => {
  const sim = await startSim();
  try {
    // The token URL points where nothing listens: a Basic export must never need it.
    const { page, context } = await openDemo(session, sim.alias, {
      target: 'network', flow: 'basic', token_url: 'http://127.0.0.1:9/ords/demo/oauth/token',
    }, { secret: null });
    await page.getByLabel('Password').fill('Welcome_1');
    const { collection, environment } = await exported(page, { includeSecrets: true, first: 'Protected resource (Basic)', secret: 'password' });
    assert.deepEqual(environment.values.map((v) => v.key), ['password']);
    assert.ok(!JSON.stringify(collection).includes('oauth/token'), 'no token request or helper');
    const summary = await run(collection, environment);
    assert.deepEqual(summary.run.executions.map((e) => [e.item.name, e.response?.code]), [['Protected resource (Basic)', 200]]);
    assert.deepEqual(summary.run.failures.map((f) => f.error?.message), [], 'every test script passed');
    assert.equal(JSON.parse(summary.run.executions[0].response.stream.toString()).items[0].first_name, 'Steven');
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('Newman runs a pre-authenticated URL export: the one call, its token only in the environment', async () => {
  const sim = await startSim();
  try {
    const { page, context } = await openDemo(session, sim.alias, { target: 'network', flow: 'par' }, { secret: null });
    const token = 'dEmOpAr-9xKq2Lm7Wv4Tz';
    await page.getByRole('textbox', { name: 'Pre-authenticated URL' }).fill(`${sim.alias}/_/par/${token}/hr/employees/`);
    const { collection, environment } = await exported(page, {
      includeSecrets: true, first: 'Protected resource (pre-authenticated URL)', secret: 'par_token',
    });
    assert.ok(!JSON.stringify(collection).includes(token), 'the collection names {{par_token}}, never the token');
    assert.deepEqual(environment.values.map((v) => [v.key, v.value]), [['par_token', token]]);
    const summary = await run(collection, environment);
    assert.deepEqual(summary.run.executions.map((e) => [e.item.name, e.response?.code]), [['Protected resource (pre-authenticated URL)', 200]]);
    assert.equal(summary.run.executions[0].request.headers.toObject().Authorization, undefined, 'no credentials');
    assert.equal(JSON.parse(summary.run.executions[0].response.stream.toString()).items[0].first_name, 'Steven');
    await context.close();
  } finally {
    await sim.stop();
  }
});
