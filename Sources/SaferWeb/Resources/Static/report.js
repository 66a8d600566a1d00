// "Tip us off": a pin on a map (when Leaflet is available), "use my location", or a typed place.
(function () {
  "use strict";
  var lat = document.getElementById("latitude"), lon = document.getElementById("longitude");
  var status = document.getElementById("pin-status");
  var map = null, marker = null;

  function setPin(latitude, longitude, how) {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    status.textContent = "Pin " + how + " at " + latitude.toFixed(5) + ", " + longitude.toFixed(5) + ".";
    if (map) {
      if (marker) { marker.setLatLng([latitude, longitude]); } else { marker = window.L.marker([latitude, longitude]).addTo(map); }
      map.setView([latitude, longitude], Math.max(map.getZoom(), 15));
    }
  }

  var settingsTag = document.getElementById("map-settings");
  if (window.L && settingsTag) {
    var settings = JSON.parse(settingsTag.getAttribute("data-settings"));
    var box = document.getElementById("pin-map");
    box.hidden = false;
    map = window.L.map(box).setView(settings.centre, settings.zoom);
    window.L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
    map.on("click", function (e) { setPin(e.latlng.lat, e.latlng.lng, "dropped"); });
    if (lat.value && lon.value) { setPin(parseFloat(lat.value), parseFloat(lon.value), "dropped"); }
  }

  var button = document.getElementById("use-location");
  if (!("geolocation" in navigator)) { button.hidden = true; return; }
  button.addEventListener("click", function () {
    status.textContent = "Finding your location…";
    navigator.geolocation.getCurrentPosition(function (p) {
      setPin(p.coords.latitude, p.coords.longitude, "placed from your location (accurate to about " + Math.round(p.coords.accuracy) + " m)");
    }, function () {
      status.textContent = "Your location is not available: drop a pin on the map or describe the place.";
    }, { enableHighAccuracy: true, timeout: 20000 });
  });
})();
