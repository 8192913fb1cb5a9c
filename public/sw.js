// Keeps the app usable without a network: a meeting room often has none.
// The build writes the list of files and a version into this file
// (scripts/finish-build.mjs); a new build is a new version, installed in the
// background and used from the next visit on.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = `zhibu-${VERSION}`;

// `cache: "reload"` skips the HTTP cache, so a file of an older build can
// never be kept next to this build's.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, { cache: "reload" })))));
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
  // `cacheName`, not caches.open(): an old worker still serving a closing tab
  // must not recreate the cache its successor deleted.
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
