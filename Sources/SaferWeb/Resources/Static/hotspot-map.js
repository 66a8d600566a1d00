// The interactive hot-spot map: one GeoJSON document, one Leaflet layer per kind of feature.
(function () {
  "use strict";
  var box = document.getElementById("hotspot-map");
  var settingsTag = document.getElementById("map-settings");
  if (!box || !window.L || !settingsTag) { return; }
  var settings = JSON.parse(settingsTag.getAttribute("data-settings"));
  var map = window.L.map(box).setView(settings.centre, settings.zoom);
  window.L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
  var styles = {
    pspo: { color: "#912b88", weight: 2, dashArray: "6 3", fillOpacity: 0.2 },
    gi: function (f) { return { color: f.properties.level > 0 ? "#d4351c" : "#1d70b8", weight: 0, fillOpacity: 0.15 * Math.abs(f.properties.level) }; }
  };
  // Tooltips are text, never HTML: a location typed by a member of the public is shown as typed.
  function text(value) {
    var span = document.createElement("span");
    span.textContent = String(value);
    return span;
  }
  function layer(kind, options) {
    return window.L.geoJSON(null, Object.assign({ filter: function (f) { return f.properties.layer === kind; } }, options));
  }
  var layers = {
    "Incidents": layer("incident", { pointToLayer: function (f, latlng) {
      return window.L.circleMarker(latlng, { radius: 4, color: f.properties.open ? "#f47738" : "#505a5f", weight: 1, fillOpacity: 0.9 })
        .bindTooltip(text(f.properties.id + " " + f.properties.location + (f.properties.open ? " (open)" : "")));
    } }),
    "Clusters": layer("cluster", { pointToLayer: function (f, latlng) {
      return window.L.circle(latlng, { radius: f.properties.radius, color: "#0b0c0c", weight: 2, fill: false })
        .bindTooltip(text("Cluster " + f.properties.id + ": " + f.properties.road + ", " + f.properties.count + " incidents"));
    } }),
    "Gi* cells": layer("gi", { style: styles.gi, onEachFeature: function (f, l) { l.bindTooltip(text(f.properties.label)); } }),
    "CCTV deployments": layer("camera", { pointToLayer: function (f, latlng) {
      return window.L.circleMarker(latlng, { radius: 6, color: "#00703c", weight: 3, fillOpacity: 0.3 }).bindTooltip(text("CCTV " + f.properties.asset + ": " + f.properties.location));
    } }),
    "PSPO areas": layer("pspo", { style: styles.pspo, onEachFeature: function (f, l) { l.bindTooltip(text(f.properties.name)); } }),
    "Beats": layer("beat", { style: { color: "#6f777b", weight: 1, fill: false }, onEachFeature: function (f, l) { l.bindTooltip(text("Beat: " + f.properties.name)); } })
  };
  Object.keys(layers).forEach(function (name) { layers[name].addTo(map); });
  window.L.control.layers(null, layers, { collapsed: false }).addTo(map);
  fetch(box.getAttribute("data-geojson"), { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
    Object.keys(layers).forEach(function (name) { layers[name].addData(data); });
    var bounds = layers["Incidents"].getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds.pad(0.05)); }
    box.setAttribute("data-loaded", String(data.features.length));
  });
})();
