// The README's pictures: the built page driven against the in-page simulator in headless
// Chromium, as a visitor first sees it. Run by `cargo xtask screenshots`; writes PNGs into
// SHOTS_DIR (docs/images). Not a test: nothing here is asserted beyond the runs succeeding.
import { mkdtemp, writeFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, startPage, resourcePanel, tokenPanel } from './harness.mjs';

const out = process.env.SHOTS_DIR;
if (!out) throw new Error('set SHOTS_DIR to the folder for the pictures');
await mkdir(out, { recursive: true });
const web = await startPage();
const browser = await launch();

async function page(fragment, viewport, colorScheme = 'light') {
  const context = await browser.newContext({ viewport, colorScheme });
  const p = await context.newPage();
  await p.goto(`${web.origin}/#${fragment}`);
  await p.getByRole('button', { name: 'Call API' }).waitFor();
  return p;
}

async function run(p) {
  await p.getByRole('button', { name: 'Call API' }).click();
  await resourcePanel(p).getByText('200 OK').waitFor();
  await p.waitForTimeout(400); // the diagnosis and fonts settle
}

const desktop = await page('target=simulated', { width: 1280, height: 800 });
await run(desktop);
await desktop.screenshot({ path: join(out, 'desktop.png') });

const dark = await page('target=simulated&theme=dark', { width: 1280, height: 800 }, 'dark');
await dark.getByLabel('Client secret').fill('wrong-secret..');
await dark.getByRole('button', { name: 'Call API' }).click();
await tokenPanel(dark).getByText('401 Unauthorized').waitFor();
await dark.locator('.status-line .main-finding').waitFor();
await dark.screenshot({ path: join(out, 'dark-failure.png') });

const phone = await page('target=simulated', { width: 390, height: 844 });
await run(phone);
await phone.screenshot({ path: join(out, 'phone.png') });

// A documentation page on another origin with a 720 px frame sized by the host script.
const dir = await mkdtemp(join(tmpdir(), 'playground-shot-host-'));
const host = await startPage(dir);
await writeFile(join(dir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
<style>body{font:16px system-ui;margin:24px;color:#222}iframe{border:1px solid #ccc;border-radius:8px;display:block}</style></head>
<body><h1>Calling ORDS with OAuth2</h1><p>Try it below: it runs in your browser.</p>
<iframe src="${web.origin}/#embed=1" title="ORDS Auth Playground" width="720" height="640"></iframe>
<script>addEventListener('message', (e) => { const d = e.data; if (!d || d.type !== 'ords-playground:height') return;
for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = d.height + 'px'; });</script>
</body></html>`);
const docs = await page('', { width: 800, height: 1100 });
await docs.goto(`${host.origin}/`);
const frame = docs.frameLocator('iframe');
await frame.getByRole('button', { name: 'Call API' }).click();
await resourcePanel(frame).getByText('200 OK').waitFor();
await docs.waitForTimeout(600); // the host applies the new height
await docs.screenshot({ path: join(out, 'embed.png'), fullPage: true });

await browser.close();
await web.close();
await host.close();
await rm(dir, { recursive: true, force: true });
console.log(`pictures written to ${out}`);
