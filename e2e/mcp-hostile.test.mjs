// The MCP server tab against a hostile MCP server of our own, on another origin than the page:
// metadata that refuses CORS, is huge, nests deep or names a javascript: URL; an event stream
// that never ends or sends 100,000 events; 10,000 tools; 1 MB descriptions; answers to another
// id; a tool schema holding HTML. Each walk ends with a sentence (or a list cut and counted),
// nothing the server sent runs, the page stays responsive and nothing typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { sharedSession, openPlayground, openSection } from './harness.mjs';

const session = sharedSession();
const MODES = ['nocors', 'huge', 'deep', 'jsurl', 'forever', 'events', 'tools', 'bigdesc', 'wrongid', 'html'];
let server;
let origin;

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');

function hostile(req, res) {
  const url = new URL(req.url, origin);
  const mode = url.pathname.split('/').find((p) => MODES.includes(p)) ?? 'none';
  const page = req.headers.origin;
  const cors = mode === 'nocors' && url.pathname.includes('oauth-protected-resource') ? {} : {
    'Access-Control-Allow-Origin': page ?? '*',
    'Access-Control-Allow-Headers': 'authorization, content-type, mcp-session-id, mcp-protocol-version',
    'Access-Control-Expose-Headers': 'WWW-Authenticate, Mcp-Session-Id',
  };
  const send = (status, type, body, extra = {}) => {
    res.writeHead(status, { 'Content-Type': type, ...cors, ...extra });
    res.end(body);
  };
  const json = (status, value, extra) => send(status, 'application/json', JSON.stringify(value), extra);
  if (req.method === 'OPTIONS') return send(204, 'text/plain', '');
  const issuer = `${origin}/${mode}/as`;
  if (url.pathname === `/${mode}/mcp` && !req.headers.authorization) {
    const meta = `${origin}/.well-known/oauth-protected-resource/${mode}/mcp`;
    return json(401, { error: 'unauthorized' }, { 'WWW-Authenticate': `Bearer resource_metadata="${meta}"` });
  }
  if (url.pathname.startsWith('/.well-known/oauth-protected-resource/')) {
    if (mode === 'huge') return json(200, { resource: 'x', authorization_servers: [issuer], pad: 'x'.repeat(400_000) });
    if (mode === 'deep') return send(200, 'application/json', '['.repeat(10_000) + ']'.repeat(10_000));
    const servers = mode === 'jsurl' ? ['javascript:window.__pwned=1'] : [issuer];
    return json(200, { resource: `${origin}/${mode}/mcp`, authorization_servers: servers });
  }
  if (url.pathname === `/.well-known/oauth-authorization-server/${mode}/as`) {
    return json(200, { issuer, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
  }
  if (url.pathname === `/${mode}/as/jwks`) return json(200, { keys: [{ kid: 'k1', kty: 'RSA' }] });
  if (url.pathname === `/${mode}/as/token`) {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, aud: 'mcp', scope: 'urn:oracle:dbtools:ords:mcpserver:all', iat: now, exp: now + 600 };
    const token = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}.c2ln`;
    return json(200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
  }
  if (url.pathname === `/${mode}/mcp`) {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const call = JSON.parse(body || '{}');
      if (call.id === undefined) return send(202, 'text/plain', '');
      const id = mode === 'wrongid' ? call.id + 40 : call.id;
      if (call.method === 'initialize') {
        if (mode === 'forever') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', ...cors });
          const tick = setInterval(() => res.write('event: ping\ndata: {}\n\n'), 200);
          req.on('close', () => clearInterval(tick));
          res.on('close', () => clearInterval(tick));
          return undefined;
        }
        if (mode === 'events') {
          return send(200, 'text/event-stream', 'event: message\ndata: {"jsonrpc":"2.0","method":"noise"}\n\n'.repeat(100_000));
        }
        return json(200, { jsonrpc: '2.0', id, result: { protocolVersion: '2025-11-25', capabilities: { tools: {} } } });
      }
      if (call.method === 'tools/list') {
        let tools = [{ name: 'sql_run', description: 'Runs SQL.', inputSchema: { type: 'object' } }];
        if (mode === 'tools') tools = Array.from({ length: 10_000 }, (_, i) => ({ name: `t${i}` }));
        if (mode === 'bigdesc') tools = [{ name: 'big', description: 'd'.repeat(1_000_000) }];
        if (mode === 'html') {
          const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
          tools = [{ name: `<b>${evil}</b>`, description: evil, inputSchema: { type: 'object', description: evil } }];
        }
        return json(200, { jsonrpc: '2.0', id, result: { tools } });
      }
      return json(200, { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: '["db"]' }] } });
    });
    return undefined;
  }
  return json(404, { error: 'not found' });
}

before(async () => {
  server = createServer(hostile);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  // Another origin than the page's (which is on 127.0.0.1 too, another port).
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

async function walk(mode, { wait = 20_000 } = {}) {
  const { page, context } = await openPlayground(session.browser, session.web.origin, {
    target: 'network', provider: 'other', client_id: 'hostile-client',
  });
  await page.getByLabel('Client secret').fill('typed-secret..');
  const mcp = await openSection(page, 'MCP server');
  await mcp.getByLabel('MCP URL').fill(`${origin}/${mode}/mcp`);
  await mcp.getByLabel('MCP profile audience').fill('mcp');
  await mcp.getByRole('button', { name: 'Walk the chain' }).click();
  await mcp.locator('li.mcp-hop.failed').or(mcp.getByText(/^Tools \(/)).first().waitFor({ timeout: wait });
  // Responsive, nothing ran, nothing typed lost.
  const started = Date.now();
  await page.getByRole('tab', { name: 'Diagnosis', exact: true }).click();
  await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor({ timeout: 5_000 });
  assert.ok(Date.now() - started < 5_000, 'the page answers a click');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing the server sent ran');
  assert.equal(await page.getByLabel('Client ID').inputValue(), 'hostile-client');
  assert.equal(await page.getByLabel('Client secret').inputValue(), 'typed-secret..');
  await page.getByRole('tab', { name: 'MCP server', exact: true }).click();
  const failed = mcp.locator('li.mcp-hop.failed');
  const said = (await failed.count()) ? await failed.textContent() : '';
  return { page, context, mcp, said };
}

const cases = [
  ['nocors', 'Protected-resource metadata', /CORS/],
  ['huge', 'Protected-resource metadata', /more than the 256 KB read/],
  ['deep', 'Protected-resource metadata', /nests deeper than 64 levels/],
  ['jsurl', 'Protected-resource metadata', /not an http\(s\) URL \(javascript:/],
  ['events', 'initialize', /no answer in its first 1000 events/],
  ['bigdesc', 'tools/list', /more than the 256 KB read/],
  ['wrongid', 'initialize', /no answer|not JSON-RPC|id/i],
];

for (const [mode, hop, words] of cases) {
  test(`a hostile MCP server (${mode}) stops the walk at ${hop} with a sentence`, async () => {
    const { context, mcp, said } = await walk(mode);
    assert.equal(await mcp.locator('li.mcp-hop.failed').getAttribute('data-hop'), hop);
    assert.match(said, words);
    if (mode === 'nocors') {
      // As for REST: a no-cors request shows the host is up and refused this page's origin.
      const probe = mcp.locator('li.mcp-hop.failed p.probe');
      await probe.waitFor();
      assert.match(await probe.textContent(), new RegExp(`${origin} answered .*refused this page's origin`));
    }
    await context.close();
  });
}

test('a hostile MCP server (forever): an event stream that never ends is given up after 30 s', async () => {
  const { context, mcp, said } = await walk('forever', { wait: 45_000 });
  assert.equal(await mcp.locator('li.mcp-hop.failed').getAttribute('data-hop'), 'initialize');
  assert.match(said, /30/);
  await context.close();
});

test('a hostile MCP server (tools): 10,000 tools are cut at 500 and counted', async () => {
  const { context, mcp } = await walk('tools');
  await mcp.getByText('Tools (10000)').waitFor();
  assert.equal(await mcp.locator('ul.mcp-tools > li').count(), 500);
  await mcp.getByText('9500 more not shown (the list is cut at 500).').waitFor();
  await context.close();
});

test('a hostile MCP server (html): a tool schema holding HTML is shown as text', async () => {
  const { page, context, mcp } = await walk('html');
  await mcp.getByText('Tools (1)').waitFor();
  assert.equal(await mcp.locator('ul.mcp-tools img, ul.mcp-tools script, ul.mcp-tools b').count(), 0);
  assert.match(await mcp.locator('ul.mcp-tools').textContent(), /<img src=x onerror=/);
  await mcp.getByText('Input schema').click();
  assert.match(await mcp.locator('ul.mcp-tools pre').textContent(), /onerror/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
