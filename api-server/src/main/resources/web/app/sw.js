// The app's service worker: the shell is served from its cache when offline (and refreshed when online);
// the feed and the officer's photo are revalidated with their ETags, and served from the cache offline.
// POSTs (events) are never touched: the page queues them itself.
'use strict';
var SHELL_CACHE = 'rapport-shell-v1';
var DATA_CACHE = 'rapport-data-v1';
var SHELL = ['/app/', '/app/app.css', '/app/app.js', '/app/calc.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname === '/v1/app/feed' || url.pathname === '/v1/app/officer-photo' || url.pathname === '/v1/app/partner-logo') {
    event.respondWith(revalidated(request));
  } else if (url.pathname.indexOf('/app/') === 0) {
    event.respondWith(networkFirst(request));
  }
});

// The shell from the network (its ETag makes that cheap), else from the cache.
function networkFirst(request) {
  return caches.open(SHELL_CACHE).then(function (cache) {
    return fetch(request).then(function (response) {
      if (response.ok) { cache.put(request, response.clone()); }
      return response;
    }).catch(function () {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || cache.match('/app/');
      });
    });
  });
}

// Asks with the cached copy's ETag: 304 answers from the cache, 200 replaces it, no network answers the copy.
function revalidated(request) {
  var key = new Request(request.url);
  return caches.open(DATA_CACHE).then(function (cache) {
    return cache.match(key).then(function (cached) {
      var headers = new Headers(request.headers);
      var etag = cached && cached.headers.get('ETag');
      if (etag) { headers.set('If-None-Match', etag); }
      return fetch(request.url, { headers: headers, cache: 'no-store' }).then(function (response) {
        if (response.status === 304 && cached) { return cached; }
        if (response.status === 200) { cache.put(key, response.clone()); }
        if (response.status === 410 || response.status === 401) { cache.delete(key); }
        return response;
      }).catch(function () {
        return cached || new Response(null, { status: 503 });
      });
    });
  });
}
