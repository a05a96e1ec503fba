// Embedding and sharing as a documentation author does it: a host page on another origin
// with the README's iframe snippet (the playground served by nginx with docs/nginx.conf,
// frame-ancestors naming the host), and `Share` producing a link and a snippet.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { dist, launch, startPage, openPlayground, tokenPanel, resourcePanel } from './harness.mjs';
import { startNginx } from './nginx.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browser = await launch();
after(() => browser.close());

/** The README's embed example, exactly as written there. */
async function readmeSnippet() {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```html\n(<iframe [\s\S]*?)```/);
  assert.ok(block, 'README has an html block starting with an iframe');
  return block[1];
}

/** A documentation page on its own origin (its file is read on each request, so it can be
 * written once the playground's address is known); it keeps every message it receives in
 * `window.heights`. */
async function hostPage() {
  const dir = await mkdtemp(join(tmpdir(), 'playground-host-'));
  const web = await startPage(dir);
  return {
    origin: web.origin,
    holding: (snippet) => writeFile(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Calling ORDS with OAuth2</title></head>
<body>
<h1>Calling ORDS with OAuth2</h1>
<p>Try it below.</p>
<script>window.heights = []; addEventListener('message', (e) => window.heights.push(e.data));</script>
${snippet}
<p id="after">After the frame.</p>
</body></html>`),
    close: async () => { await web.close(); await rm(dir, { recursive: true, force: true }); },
  };
}

/** Waits until the frame's height equals the last height it reported, and returns it. */
async function settledHeight(page) {
  await page.waitForFunction(() => {
    const last = window.heights.at(-1);
    const frame = document.querySelector('iframe');
    return last && frame.clientHeight === last.height; // the content box (the border is the host's)
  });
  await page.waitForTimeout(300); // a further resize would have posted by now
  return page.evaluate(() => window.heights.at(-1).height);
}

test('a docs page on another origin embeds the README snippet: sized by its messages, dark, and the flow runs inside', async () => {
  const snippet = await readmeSnippet();
  const host = await hostPage();
  const nginx = await startNginx(dist, { frameAncestors: host.origin });
  await host.holding(snippet.replace('https://your-host/docs/playground/#embed=1', `${nginx.page}#embed=1&theme=dark`));
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Call API' }).waitFor();
    const before = await settledHeight(page);
    const inner = page.frames().find((f) => f.url().startsWith(nginx.page));
    assert.ok(inner, 'the frame loaded the playground');
    assert.equal(await inner.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await inner.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 23, 28)');
    await inner.waitForFunction(() => document.querySelector('#target').value === 'simulated');
    await frame.getByRole('button', { name: 'Call API' }).click();
    await resourcePanel(frame).getByText('200 OK').waitFor();
    assert.equal(await tokenPanel(frame).getByText('Simulated ORDS (in this page)').count(), 1);
    const afterFlow = await settledHeight(page);
    assert.ok(afterFlow > before, `grows with its content: ${before} -> ${afterFlow}`);
    const noInnerScroll = () => inner.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
    assert.ok(await noInnerScroll(), 'no scrollbar inside the frame');
    // The whole form opens and closes again: the frame follows both ways.
    await frame.getByRole('button', { name: 'Edit settings' }).click();
    const editing = await settledHeight(page);
    assert.ok(editing > afterFlow, `grows with the form: ${afterFlow} -> ${editing}`);
    await frame.getByRole('button', { name: 'Hide settings' }).click();
    const closed = await settledHeight(page);
    assert.ok(closed < editing, `shrinks with its content: ${editing} -> ${closed}`);
    // The host widens the frame: the same content is no taller, and the frame follows.
    await page.evaluate(() => { document.querySelector('iframe').width = '900'; });
    const wider = await settledHeight(page);
    assert.ok(wider <= closed, `no taller when wider: ${closed} -> ${wider}`);
    assert.ok(await noInnerScroll());
    const messages = await page.evaluate(() => window.heights);
    for (const m of messages) assert.deepEqual(Object.keys(m).sort(), ['height', 'type'], JSON.stringify(m));
    assert.ok(messages.every((m) => m.type === 'ords-playground:height' && Number.isInteger(m.height)));
    const open = frame.getByRole('link', { name: 'Open in full playground' });
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.doesNotMatch(await open.getAttribute('href'), /embed=|theme=light/);
    console.log(`embed at 720 px: ${before} px before a flow, ${afterFlow} px after, ${editing} px with the whole form; at 900 px: ${wider} px`);
  } finally {
    await host.close();
    await nginx.stop();
  }
});

test('the embed is a compact card: at 720 and 640 px its frame is at most 640 px before a run and 960 px after; #embed=1 raises no banner, a foreign token URL does', async () => {
  const snippet = await readmeSnippet();
  const host = await hostPage();
  const web = await startPage();
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    for (const width of [720, 640]) {
      await host.holding(snippet.replace('https://your-host/docs/playground/#embed=1', `${web.origin}/#embed=1`).replace('width="720"', `width="${width}"`));
      const page = await context.newPage();
      await page.goto(`${host.origin}/`);
      const frame = page.frameLocator('iframe');
      await frame.getByRole('button', { name: 'Call API' }).waitFor();
      assert.equal(await frame.getByRole('heading', { name: 'Configured by a link' }).count(), 0, 'embed=1 alone raises no banner');
      assert.match(await frame.getByTestId('card-summary').textContent(), /^OAuth2 client credentials · GET .*\/hr\/employees\/ · answered by the simulated ORDS in this page$/);
      assert.equal(await frame.getByLabel('Token URL').isVisible(), false, 'the link fixed it: in the summary line');
      const before = await settledHeight(page);
      await frame.getByRole('button', { name: 'Call API' }).click();
      await resourcePanel(frame).getByText('200 OK').waitFor();
      const after = await settledHeight(page);
      const inner = page.frames().find((f) => f.url().startsWith(web.origin));
      assert.ok(await inner.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), 'the frame never scrolls');
      const [t, r] = await Promise.all([tokenPanel(frame), resourcePanel(frame)].map((l) => l.boundingBox()));
      assert.ok(t.x + t.width <= r.x && Math.abs(t.y - r.y) <= 1, 'panels side by side');
      console.log(`embed at ${width} px: ${before} px before a run, ${after} px after`);
      assert.ok(before <= 640, `${width} px: ${before} px before a run`);
      assert.ok(after <= 960, `${width} px: ${after} px after a run`);
      await frame.getByRole('button', { name: 'Edit settings' }).click();
      assert.equal(await frame.getByLabel('Token URL').isVisible(), true, 'Edit settings opens the whole form');
      await page.close();
    }
    await host.holding(snippet.replace('https://your-host/docs/playground/#embed=1',
      `${web.origin}/#embed=1&token_url=${encodeURIComponent('https://evil.example/ords/x/oauth/token')}`));
    const page = await context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: 'Configured by a link' }).waitFor();
    assert.match(await frame.getByText('Credentials will go to:').textContent(), /https:\/\/evil\.example/);
    assert.match(await frame.getByTestId('card-summary').textContent(), /credentials go to https:\/\/evil\.example/);
  } finally {
    await context.close();
    await host.close();
    await web.close();
  }
});

test('Share: the link restores every non-secret setting in a fresh browser and no secret; the snippet is valid HTML with a title', async () => {
  const web = await startPage();
  try {
    const { page, context } = await openPlayground(browser, web.origin);
    const secret = 'Sh4re-s3cret..';
    await page.getByLabel('Send requests to').selectOption('network');
    await page.getByLabel('Token URL').fill('https://ords.example.com/ords/hr_api/oauth/token');
    await page.getByLabel('Client ID').fill('Te8yn-qGmBoX6jzpPhnUXA..');
    await page.getByLabel('Client secret').fill(secret);
    await page.getByLabel('Resource URL').fill('https://ords.example.com/ords/hr_api/hr/employees/?q={"salary":{"$gt":5000}}');
    await page.getByText('Token request options').click();
    await page.getByLabel('Scope').fill('hr.read');
    await page.getByLabel('Client authentication').selectOption('body');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('region', { name: 'Share' });
    await share.getByText('Secrets are never in the link or the snippet').waitFor();
    const link = await share.getByLabel('Link to these settings').inputValue();
    assert.ok(link.startsWith(`${web.origin}/#`), link);
    assert.ok(!link.includes(secret) && !link.includes(encodeURIComponent(secret)), link);
    await share.getByLabel('Timeline').check();
    const snippet = await share.getByLabel(/^Embed in a page/).inputValue();
    assert.ok(!snippet.includes(secret), snippet);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(snippet);
    assert.ok(report.valid, JSON.stringify(report.results, null, 1));
    const frameSrc = snippet.match(/<iframe src="([^"]*)" title="ORDS Auth Playground"/);
    assert.ok(frameSrc, snippet);
    const src = frameSrc[1].replaceAll('&amp;', '&');
    assert.match(src, /embed=1/);
    assert.match(src, /sections=timeline/);
    await context.close();

    // A fresh browser context: no storage, nothing typed.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const opened = await fresh.newPage();
    await opened.goto(link);
    await opened.getByRole('heading', { name: 'Configured by a link' }).waitFor();
    assert.equal(await opened.getByLabel('Send requests to').inputValue(), 'network');
    assert.equal(await opened.getByLabel('Token URL').inputValue(), 'https://ords.example.com/ords/hr_api/oauth/token');
    assert.equal(await opened.getByLabel('Client ID').inputValue(), 'Te8yn-qGmBoX6jzpPhnUXA..');
    assert.equal(await opened.getByLabel('Resource URL').inputValue(), 'https://ords.example.com/ords/hr_api/hr/employees/?q={"salary":{"$gt":5000}}');
    assert.equal(await opened.getByLabel('Scope').inputValue(), 'hr.read');
    assert.equal(await opened.getByLabel('Client authentication').inputValue(), 'body');
    assert.equal(await opened.getByLabel('Theme').inputValue(), 'dark');
    assert.equal(await opened.getByLabel('Client secret').inputValue(), '', 'no secret travels');
    // The snippet's frame opens the same settings in the embed layout with the listed section.
    await opened.goto(src);
    await opened.getByRole('link', { name: 'Open in full playground' }).waitFor();
    assert.equal(await opened.getByLabel('Token URL').inputValue(), 'https://ords.example.com/ords/hr_api/oauth/token');
    await opened.getByRole('region', { name: 'Timeline' }).waitFor();
    assert.equal(await opened.getByRole('region', { name: 'Code' }).count(), 0, 'unlisted sections are hidden');
    await fresh.close();
  } finally {
    await web.close();
  }
});

test('a site not named in frame-ancestors cannot frame the playground', async () => {
  const host = await hostPage();
  const nginx = await startNginx(dist); // the recipe as written: 'self' and https://docs.example.com
  await host.holding((await readmeSnippet()).replace('https://your-host/docs/playground/', nginx.page));
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()) });
    await page.goto(`${host.origin}/`);
    await refused;
    assert.equal(await page.frameLocator('iframe').getByRole('button', { name: 'Call API' }).count(), 0);
    await context.close();
  } finally {
    await host.close();
    await nginx.stop();
  }
});
