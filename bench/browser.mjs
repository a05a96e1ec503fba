// Browser figures for `cargo xtask bench`, printed as one JSON object on stdout:
// load to usable (ours vs Swagger UI), embed mode's load to usable and bytes transferred when
// served by nginx with the README's recipe (docs/nginx.conf, gzip on), flow overhead, and the
// 10 MB collection.
// Usage: node bench/browser.mjs <playground dist> <swagger page dir>  (ORDS_SIM_BIN: a release ords-sim)
import { fileURLToPath } from 'node:url';
import { launch, startPage, startSim } from '../e2e/harness.mjs';
import { startNginx } from '../e2e/nginx.mjs';

const [ours, theirs] = process.argv.slice(2);
const LOADS = 15, FLOWS = 30, LARGE = 5, ROWS = 42000;
// BENCH_PARTS=flow (or load,flow,large) runs a subset while working on one figure.
const parts = (process.env.BENCH_PARTS ?? 'load,flow,large').split(',');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/** Milliseconds from navigation start until `usable()` first holds, in a cold context. */
async function loadToUsable(browser, url, usable, viewport) {
  return (await loadMeasured(browser, url, usable, viewport)).ms;
}

/** Load to usable, and the bytes on the wire by then (Resource Timing transfer sizes). */
async function loadMeasured(browser, url, usable, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(`(() => {
    const usable = ${usable};
    const check = () => { if (window.__usable === undefined && usable()) window.__usable = performance.now(); };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__usable);
  const bytes = await page.evaluate(() => performance.getEntries()
    .filter((e) => e.entryType === 'navigation' || (e.entryType === 'resource' && e.responseEnd <= window.__usable))
    .reduce((sum, e) => sum + (e.transferSize ?? 0), 0));
  await context.close();
  return { ms, bytes };
}

/** Flow overhead in one page: each run forgets the held token, so every run is a token POST and
 * a protected GET. `t1` is the first paint after both panels show this run's 200s. */
async function flowOverhead(browser, page0, sim, runs, path = '/') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const q = new URLSearchParams({ token_url: `${sim.alias}/oauth/token`, resource_url: `${sim.alias}/hr/employees/` });
  await page.goto(`${page0}${path}?${q}`);
  await page.getByRole('button', { name: 'Call API' }).waitFor();
  await page.getByLabel('Client secret').fill('m2Qx7dVbUaE4kR9pLwT1sA..');
  const results = [];
  for (let i = 0; i < runs; i++) {
    const forget = page.getByRole('button', { name: 'Discard token' });
    if (await forget.count()) await forget.click();
    await page.evaluate(() => {
      performance.clearResourceTimings();
      // This run is recorded when the page's history (main[data-history], newest first) has a
      // new first line: the page's own work, whether or not the History view has drawn it.
      const newest = () => (document.querySelector('main')?.dataset.history ?? '').split('\n')[0];
      const before = newest();
      window.__flow = {};
      document.addEventListener('click', (e) => {
        if (e.target.closest('button')?.textContent.includes('Call API')) window.__flow.t0 = performance.now();
      }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const ok = (label) => document.querySelector(`[aria-label="${label}"] [data-testid=status]`)?.textContent.includes('200');
        const shown = newest() !== before;
        if (window.__flow.dom === undefined && shown && ok('Token response') && ok('Protected resource')) {
          window.__flow.dom = performance.now();
          observer.disconnect();
          // A task queued from the next animation frame runs once that frame is painted.
          requestAnimationFrame(() => setTimeout(() => { window.__flow.painted = performance.now(); }, 0));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true,
        attributeFilter: ['data-history'] });
    });
    await page.getByRole('button', { name: 'Call API' }).click();
    await page.waitForFunction(() => window.__flow.painted !== undefined);
    results.push(await page.evaluate(() => {
      const f = window.__flow;
      const entries = performance.getEntriesByType('resource').filter((e) => e.startTime >= f.t0 && /oauth\/token|hr\/employees/.test(e.name));
      const network = entries.reduce((sum, e) => sum + e.duration, 0);
      return { painted: f.painted - f.t0, dom: f.dom - f.t0, network, requests: entries.length };
    }));
    await page.getByRole('button', { name: 'Call API' }).and(page.locator(':enabled')).waitFor();
  }
  await context.close();
  return results;
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

/** After the form is usable: when every later piece is in (the split's chunks for the settings,
 * the sections, Lessons, Share and the answers), and how long a section whose code
 * came after the first load (Timeline) then takes from the click to its first frame. Cold context
 * each time. */
async function laterCode(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__at = {};
    const marks = {
      usable: () => { const f = document.querySelector('#token-url'); return !!f && !f.disabled; },
      settings: () => !!document.querySelector('#client-authentication'),
      sections: () => !!document.querySelector('#tab-timeline'),
      lessons: () => !!document.querySelector('#lesson'),
      share: () => !!document.querySelector('#share-link'),
    };
    new MutationObserver(() => {
      for (const [k, f] of Object.entries(marks)) if (window.__at[k] === undefined && f()) window.__at[k] = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => ['usable', 'settings', 'sections', 'lessons', 'share'].every((k) => window.__at[k] !== undefined),
    null, { timeout: 30000 });
  // The answers' chunk has no mark of its own until a run: its fetch's end from Resource Timing.
  const inAt = await page.evaluate(() => Math.max(window.__at.settings, window.__at.sections, window.__at.lessons, window.__at.share,
    ...performance.getEntriesByType('resource').filter((e) => /\/split_\w+-[0-9a-f]{16}\.wasm$/.test(e.name)).map((e) => e.responseEnd)));
  const opens = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('#tab-timeline').click();
    const shown = () => { const p = document.querySelector('#panel-timeline'); return p && !p.hidden && p.querySelector('section.timeline'); };
    const check = () => (shown() ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(check));
    check();
  }));
  const usable = await page.evaluate(() => window.__at.usable);
  await context.close();
  return { loaded: inAt - usable, opens };
}

const browser = await launch();
const baseline = fileURLToPath(new URL('baseline.html', import.meta.url));
const [oursWeb, theirsWeb] = [await startPage(ours, { '/baseline.html': baseline }), await startPage(theirs)];
const load = { ours: [], theirs: [] };
for (let i = 0; i < (parts.includes('load') ? LOADS : 0); i++) { // interleaved, so machine noise falls on both
  load.ours.push(await loadToUsable(browser, `${oursWeb.origin}/?target=network`, "() => { const f = document.querySelector('#token-url'); return !!f && !f.disabled; }"));
  load.theirs.push(await loadToUsable(browser, `${theirsWeb.origin}/`, "() => !!document.querySelector('.btn.authorize')"));
}
// Embed mode in a 720 px frame's width, served as the README says (nginx, gzip): the time to
// usable and what crossed the wire by then.
const nginx = parts.includes('load') ? await startNginx(ours) : null;
const embed = [];
const full = [];
const tokenUrlReady = "() => { const f = document.querySelector('#token-url'); return !!f && !f.disabled; }";
for (let i = 0; i < (parts.includes('load') ? LOADS : 0); i++) {
  embed.push(await loadMeasured(browser, `${nginx.page}#embed=1&target=network`, tokenUrlReady, { width: 720, height: 640 }));
  full.push(await loadMeasured(browser, `${nginx.page}#target=network`, tokenUrlReady));
}
await nginx?.stop();
const later = [];
for (let i = 0; i < (parts.includes('load') ? 5 : 0); i++) later.push(await laterCode(browser, `${oursWeb.origin}/#target=network`));
const sim = await startSim(['--allow-origin', oursWeb.origin]);
// Warm: one page, its first run (code compiled on first use) left out.
const [, ...flows] = parts.includes('flow') ? await flowOverhead(browser, oursWeb.origin, sim, FLOWS + 1) : [{}];
// The first run on a fresh page (its code compiled and drawn for the first time), on five pages.
const firstFlows = [];
for (let i = 0; i < (parts.includes('flow') ? 5 : 0); i++) firstFlows.push(...await flowOverhead(browser, oursWeb.origin, sim, 1));
const [, ...floor] = parts.includes('flow') ? await flowOverhead(browser, oursWeb.origin, sim, FLOWS + 1, '/baseline.html') : [{}];
await sim.stop();
const big = await startSim(['--allow-origin', oursWeb.origin, '--employees', String(ROWS)]);
const large = [];
for (let i = 0; i < (parts.includes('large') ? LARGE : 0); i++) large.push(await largePayload(browser, oursWeb.origin, big));
await big.stop();
await browser.close();
await oursWeb.close();
await theirsWeb.close();
console.log(JSON.stringify({
  load_ours: stats(load.ours),
  load_theirs: stats(load.theirs),
  load_embed: stats(embed.map((e) => e.ms)),
  transfer_embed: median(embed.map((e) => e.bytes)),
  transfer_full: median(full.map((e) => e.bytes)),
  flow_overhead: stats(flows.map((f) => f.painted - f.network)),
  flow_overhead_dom: stats(flows.map((f) => f.dom - f.network)),
  flow_total: stats(flows.map((f) => f.painted)),
  flow_first: stats(firstFlows.map((f) => f.painted - f.network)),
  flow_floor: stats(floor.map((f) => f.painted - f.network)),
  flow_requests: median(flows.map((f) => f.requests)),
  large_visible: stats(large.map((l) => l.visible)),
  large_longest_task: stats(large.map((l) => l.longest)),
  large_size: large[0]?.size,
  later_loaded: stats(later.map((l) => l.loaded)),
  later_opens: stats(later.map((l) => l.opens)),
}));
