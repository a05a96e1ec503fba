// The MCP server tab against ords-sim's MCP server: the chain walked hop by hop from the page
// (challenge, metadata, token, check, JSON-RPC) reaches the tools; a scenario stops the walk at
// the hop that explains it; the client secret shows in no text of the page, nor in the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, startSim, openPlayground, openSection } from './harness.mjs';

const session = sharedSession();
const SECRET = 'sim-idp-secret';

/** The MCP server tab with the identity provider's client and the profile's audience typed. */
async function mcpSection(sim) {
  const { page, context } = await openPlayground(session.browser, session.web.origin, {
    target: 'network', provider: 'other', token_url: `${sim.base}/idp/token`, client_id: 'sim-idp-client',
    resource_url: `${sim.alias}/hr/employees/`,
  });
  await page.getByLabel('Client secret').fill(SECRET);
  const mcp = await openSection(page, 'MCP server');
  assert.equal(await mcp.getByLabel('MCP URL').inputValue(), `${sim.base}/mcp`, 'started from Resource URL');
  await mcp.getByLabel('MCP profile audience').fill('ords-sim-mcp');
  return { page, context, mcp };
}

/** Opens `Code for it` and waits for the script it writes once open; returns the script. */
async function openCode(mcp) {
  await mcp.getByText('Code for it').click();
  const script = mcp.locator('pre[aria-label="The chain in curl"]', { hasText: 'MCP_URL=' });
  await script.waitFor();
  return script.textContent();
}

/** The same, walked once. */
async function mcpTab(sim) {
  const opened = await mcpSection(sim);
  await opened.mcp.getByRole('button', { name: 'Walk the chain' }).click();
  return opened;
}

test('the chain walked against ords-sim reaches initialize, the tools and a database', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin]);
  try {
    const { page, context, mcp } = await mcpTab(sim);
    await mcp.getByText('Tools (3)').waitFor();
    const hops = mcp.locator('li.mcp-hop');
    assert.equal(await hops.count(), 9);
    assert.equal(await mcp.locator('li.mcp-hop.failed').count(), 0);
    assert.match(await hops.first().textContent(), /401, pointing at http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp/);
    const names = await mcp.locator('ul.mcp-tools code').allTextContents();
    assert.deepEqual(names, ['database_list', 'schema_information', 'sql_run']);
    // Code for it: written only once opened; the script trusts the token endpoint this walk
    // reached; the secret is a variable.
    assert.equal(await mcp.getByLabel('The chain in curl').textContent(), '', 'no script while closed');
    const script = await openCode(mcp);
    assert.ok(script.includes(`\nMCP_URL='${sim.base}/mcp'\n`), script);
    assert.ok(script.includes(`\nTRUSTED_TOKEN_URL='${sim.base}/idp/token'\n`), script);
    assert.ok(script.includes('CLIENT_SECRET="${MCP_CLIENT_SECRET?is not set: export it first}"'), script);
    const config = JSON.parse(await mcp.getByLabel('MCP client configuration').textContent());
    assert.equal(config.servers.ords.url, `${sim.base}/mcp`);
    assert.equal(config.servers.ords.headers.Authorization, 'Bearer ${input:ords-mcp-token}');
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!text.includes(SECRET), 'the client secret is in no text');
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('role mode: the profile wants a role at its pointer, and the token request asks for no MCP scope', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--mcp-role', 'mcp_user']);
  try {
    const { context, mcp } = await mcpSection(sim);
    await mcp.getByLabel(/Role mode: the MCP profile wants a role/).check();
    assert.equal(await mcp.getByLabel('Role claim (JSON Pointer)').inputValue(), '/roles');
    await mcp.getByLabel('Role name').fill('another_role');
    const walk = () => mcp.getByRole('button', { name: 'Walk the chain' }).click();
    await walk();
    const failed = mcp.locator('li.mcp-hop.failed');
    await failed.waitFor();
    assert.match(await failed.textContent(), /no role names at \/roles/);
    await mcp.getByLabel('Role name').fill('mcp_user');
    await walk();
    await mcp.getByText('Tools (3)').waitFor();
    assert.match(await mcp.locator('li.mcp-hop').nth(4).textContent(), /Issuer, audience, role and times match/);
    const script = await openCode(mcp);
    assert.ok(!script.includes('mcpserver:all'), 'role mode asks for no MCP scope');
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('a token with the wrong audience stops the walk at the token check, saying which claim', async () => {
  const sim = await startSim(['--allow-origin', session.web.origin, '--scenario', 'mcp-wrong-audience']);
  try {
    const { context, mcp } = await mcpTab(sim);
    const failed = mcp.locator('li.mcp-hop.failed');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('data-hop'), 'The token against the MCP profile');
    assert.match(await failed.textContent(), /The token's aud is not the profile's audience/);
    assert.equal(await mcp.getByText(/^Tools/).count(), 0, 'no tools: the walk stopped');
    await context.close();
  } finally {
    await sim.stop();
  }
});

test('an authorization server on a host nobody typed: the page asks before the client credentials go there', async () => {
  // A free port, then the simulator on it, naming itself under another host name as the
  // authorization server: its token endpoint is a host the person did not type.
  const { createServer } = await import('node:net');
  const port = await new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
  const sim = await startSim(['--listen', `127.0.0.1:${port}`, '--allow-origin', session.web.origin, '--mcp-auth-server', `http://localhost:${port}/idp`]);
  try {
    const { page, context, mcp } = await mcpTab(sim);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`localhost:${port}`));
    // Answered a while later, as a person does: the token then comes after the walk's start
    // (its nbf is later), and is checked when it came.
    await page.waitForTimeout(2_000);
    await dialog.getByRole('button', { name: /^Send to / }).click();
    // The walk ends with the tools, or at a failed hop whose words say why (under a loaded
    // machine the walk may take a while: its answer, not a timeout, decides).
    const end = mcp.getByText('Tools (3)').or(mcp.locator('li.mcp-hop.failed'));
    await end.first().waitFor({ timeout: 60_000 });
    assert.equal(await mcp.locator('li.mcp-hop.failed').count(), 0, await mcp.locator('ol.mcp-hops').textContent());
    assert.match(await mcp.locator('li.mcp-hop').nth(3).textContent(), new RegExp(`POST http://localhost:${port}/idp/token`));
    await context.close();
  } finally {
    await sim.stop();
  }
});
