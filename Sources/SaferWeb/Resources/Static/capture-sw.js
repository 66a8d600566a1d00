// Keeps the field capture page and its files on the phone, so it opens with no signal.
// Network first (the page carries the crew's form token and recent uploads), the copy when
// the network fails. Uploads (POST) always go to the network: the page queues them itself.
"use strict";
var CACHE = "safer-capture-v1";
var FILES = ["/capture", "/static/capture.js", "/static/safer.css"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var path = new URL(request.url).pathname;
  if (request.method !== "GET" || FILES.indexOf(path) < 0) { return; }
  event.respondWith(fetch(request).then(function (response) {
    // Only a real page is kept: not a redirect to the sign-in page.
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(path, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(path).then(function (cached) { return cached || Response.error(); });
  }));
});
