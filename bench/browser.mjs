// Browser figures for `cargo xtask bench`, printed as one JSON object on stdout:
// load to usable (ours vs Swagger UI), flow overhead, and the 10 MB collection.
// Usage: node bench/browser.mjs <playground dist> <swagger page dir>  (ORDS_SIM_BIN: a release ords-sim)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { launch, startSim } from '../e2e/harness.mjs';

const [ours, theirs] = process.argv.slice(2);
const LOADS = 15, FLOWS = 30, LARGE = 5, ROWS = 42000;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/** Milliseconds from navigation start until `usable()` first holds, in a cold context. */
async function loadToUsable(browser, url, usable) {
  const context = await browser.newContext();
  await context.addInitScript(`(() => {
    const usable = ${usable};
    const check = () => { if (window.__usable === undefined && usable()) window.__usable = performance.now(); };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__usable);
  await context.close();
  return ms;
}

async function flowOverhead(browser, page0, sim) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const q = new URLSearchParams({ token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/hr/employees/` });
  await page.goto(`${page0}/?${q}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  await page.getByLabel('Client secret').fill('m2Qx7dVbUaE4kR9pLwT1sA..');
  await page.evaluate(() => {
    document.addEventListener('click', (e) => { if (e.target.closest('button')?.textContent.includes('Call API')) window.__t0 = performance.now(); }, true);
    new MutationObserver(() => {
      const done = (label) => document.querySelector(`[aria-label="${label}"] [data-testid=status]`)?.textContent.includes('200');
      if (window.__t0 !== undefined && window.__t1 === undefined && done('Token response') && done('Protected resource')) window.__t1 = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Call API' }).click();
  await page.waitForFunction(() => window.__t1 !== undefined);
  const result = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').filter((e) => e.startTime >= window.__t0 && /oauth\/token|hr\/employees/.test(e.name));
    const network = entries.reduce((sum, e) => sum + e.duration, 0);
    return { total: window.__t1 - window.__t0, network, requests: entries.length };
  });
  await context.close();
  return result;
}

async function largePayload(browser, page0, sim) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const q = new URLSearchParams({ token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/hr/employees/?limit=${ROWS}` });
  await page.goto(`${page0}/?${q}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  await page.getByLabel('Client secret').fill('m2Qx7dVbUaE4kR9pLwT1sA..');
  await page.evaluate(() => {
    window.__probe = { longest: 0 };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__probe.longest = Math.max(window.__probe.longest, e.duration); }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      if (window.__probe.shown === undefined && document.querySelector('[aria-label="Protected resource"] .row')) window.__probe.shown = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Call API' }).click();
  await page.waitForFunction(() => window.__probe.shown !== undefined, null, { timeout: 60000 });
  await page.waitForTimeout(1500); // let the remaining tasks (pager, diagnosis) finish and be observed
  const r = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('limit=')).pop();
    return { visible: window.__probe.shown - entry.responseEnd, longest: window.__probe.longest };
  });
  r.size = await page.locator('[aria-label="Protected resource"] [data-testid=status] .size').textContent();
  await context.close();
  return r;
}

const browser = await launch();
const [oursWeb, theirsWeb] = [await serve(ours), await serve(theirs)];
const load = { ours: [], theirs: [] };
for (let i = 0; i < LOADS; i++) { // interleaved, so machine noise falls on both
  load.ours.push(await loadToUsable(browser, `${oursWeb.origin}/?target=network`, "() => { const f = document.querySelector('#token-url'); return !!f && !f.disabled; }"));
  load.theirs.push(await loadToUsable(browser, `${theirsWeb.origin}/`, "() => !!document.querySelector('.btn.authorize')"));
}
const sim = await startSim(['--allow-origin', oursWeb.origin]);
const flows = [];
for (let i = 0; i < FLOWS; i++) flows.push(await flowOverhead(browser, oursWeb.origin, sim));
await sim.stop();
const big = await startSim(['--allow-origin', oursWeb.origin, '--employees', String(ROWS)]);
const large = [];
for (let i = 0; i < LARGE; i++) large.push(await largePayload(browser, oursWeb.origin, big));
await big.stop();
await browser.close();
await oursWeb.close();
await theirsWeb.close();
console.log(JSON.stringify({
  load_ours: stats(load.ours),
  load_theirs: stats(load.theirs),
  flow_overhead: stats(flows.map((f) => f.total - f.network)),
  flow_total: stats(flows.map((f) => f.total)),
  flow_requests: median(flows.map((f) => f.requests)),
  large_visible: stats(large.map((l) => l.visible)),
  large_longest_task: stats(large.map((l) => l.longest)),
  large_size: large[0].size,
}));
