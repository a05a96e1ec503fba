// The playground's service worker, written into release builds by `cargo xtask post-build`
// with the build's own file list and each file's SHA-256. It keeps those files so a page
// opened once reloads with no network. It stores a file only when the answer proves to be that
// file (200, the content type its name calls for, the build's hash): a host that answers a
// chunk with its index.html or with damaged bytes gets nothing stored, the install fails, and
// the next visit tries again once the host is healthy. It answers only for the build's files:
// every other request (the APIs people call) is left to the network and never stored.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const SHA256 = __SHA256__;
const scope = new URL("./", self.location).href;
// Caches are per origin; the scope keeps two playgrounds under different paths apart.
const PREFIX = `ords-playground ${scope} `;
const CACHE = PREFIX + VERSION;
const index = new URL("index.html", scope).href;
const ours = new Set(FILES.map((f) => new URL(f, scope).href));

// What the Content-Type must hold for a file of each kind (others: the hash alone).
const TYPES = { html: "text/html", js: "javascript", wasm: "application/wasm", css: "text/css", json: "json" };

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// True when `response` is the build's file `name`, byte for byte.
async function proven(response, name, hash) {
  if (!response || !response.ok || response.type === "opaque") return false;
  const want = TYPES[name.split(".").pop().toLowerCase()];
  if (want && !(response.headers.get("content-type") ?? "").toLowerCase().includes(want)) return false;
  return (await sha256(await response.clone().arrayBuffer())) === hash;
}

// Keeps one file: what is stored already if it proves itself (anything else stored under its
// name is deleted), else a fresh copy that does. False when none does.
async function keep(cache, name, hash) {
  const url = new URL(name, scope).href;
  const stored = await cache.match(url);
  if (stored && (await proven(stored, name, hash))) return true;
  if (stored) await cache.delete(url);
  // `reload`: past the HTTP cache, so a new build never keeps an old unhashed file.
  const response = await fetch(new Request(url, { cache: "reload" })).catch(() => null);
  if (!(await proven(response, name, hash))) return false;
  await cache.put(url, response);
  return true;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const kept = await Promise.all(FILES.map((name, i) => keep(cache, name, SHA256[i])));
    const missing = FILES.filter((_, i) => !kept[i]);
    // A failed install leaves the page as it is; the browser tries again on the next visit.
    if (missing.length) throw new Error(`not this build's files as served: ${missing.join(", ")}`);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks a waiting new build to take over when the person presses `Reload to update`.
self.addEventListener("message", (event) => {
  if (event.data === "ords-playground:update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const key = request.mode === "navigate" && url.href === scope ? index : url.href;
  if (!ours.has(key)) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)));
});
