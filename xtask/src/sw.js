// The playground's service worker, written into release builds by `cargo xtask post-build`
// with the build's own file list. It keeps those files so a page opened once reloads with no
// network. It answers only for them: every other request (the APIs people call) is left to
// the network and never stored.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const scope = new URL("./", self.location).href;
// Caches are per origin; the scope keeps two playgrounds under different paths apart.
const PREFIX = `ords-playground ${scope} `;
const CACHE = PREFIX + VERSION;
const index = new URL("index.html", scope).href;
const ours = new Set(FILES.map((f) => new URL(f, scope).href));

self.addEventListener("install", (event) => {
  // `reload`: past the HTTP cache, so a new build never keeps an old unhashed file.
  const requests = FILES.map((f) => new Request(new URL(f, scope), { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
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
