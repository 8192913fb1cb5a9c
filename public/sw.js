// Keeps the app usable without a network: a meeting room often has none.
// The build writes the list of files and a version into this file
// (scripts/csp-hash.mjs); a new build is a new version, installed in the
// background and used from the next visit on.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = `zhibu-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith("zhibu-") && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Every route is the same page: navigations get the cached index.html,
  // next to this file wherever the app is hosted.
  const key = request.mode === "navigate" ? new URL("index.html", self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit || fetch(request)),
    ),
  );
});
