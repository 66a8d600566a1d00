// The position picker's place search: suggestions from Safer's own gazetteer (the locations
// named on incidents). Choosing one fills the easting and northing and clears the other ways
// of giving a position, so the form sends one. Without JavaScript the search stays hidden and
// the grid reference, easting/northing and latitude/longitude fields work as they are.
(function () {
  var search = document.getElementById("place-search");
  if (!search || !window.fetch) { return; }
  var box = search.closest(".place-search"), list = document.getElementById("place-results"), status = document.getElementById("place-status");
  var form = search.form, found = [], timer = null;
  box.hidden = false;

  function show(places) {
    found = places;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    places.forEach(function (place) {
      var option = document.createElement("option");
      option.value = place.name;
      option.label = place.incidents + (place.incidents === 1 ? " incident" : " incidents") + ", " + place.gridReference;
      list.appendChild(option);
    });
    status.textContent = places.length ? places.length + " places found." : "No place in Safer matches.";
  }

  function choose() {
    var place = found.filter(function (p) { return p.name === search.value; })[0];
    if (!place) { return false; }
    form.elements.easting.value = Math.round(place.easting);
    form.elements.northing.value = Math.round(place.northing);
    ["gridReference", "latitude", "longitude"].forEach(function (name) { form.elements[name].value = ""; });
    if (form.elements.location && !form.elements.location.value) { form.elements.location.value = place.name; }
    status.textContent = "Position set to " + place.name + " (" + place.gridReference + "), the middle of the " + place.incidents +
      (place.incidents === 1 ? " incident" : " incidents") + " recorded there. Check it before saving.";
    return true;
  }

  search.addEventListener("input", function () {
    if (choose()) { return; }
    clearTimeout(timer);
    var text = search.value.trim();
    if (text.length < 3) { status.textContent = ""; return; }
    timer = setTimeout(function () {
      fetch(search.getAttribute("data-places") + "?q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (places) { if (search.value.trim() === text) { show(places); } })
        .catch(function () { status.textContent = "The place search needs a connection; type a grid reference instead."; });
    }, 250);
  });
  search.addEventListener("change", choose);
})();

// Placing on a map: the server's own map (the year's fly-tips and the beats, no tiles, no
// network beyond Safer) opens on request; a click sets the easting and northing under it and
// draws a pin. The typed fields stay the way to give a position by keyboard.
(function () {
  var open = document.getElementById("map-pick-open");
  if (!open || !window.fetch || !window.DOMParser) { return; }
  var area = document.getElementById("map-pick-area"), status = document.getElementById("map-pick-status");
  var form = open.form, svg = null, pin = null;
  open.closest(".map-pick").hidden = false;

  function place(event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var at = point.matrixTransform(svg.getScreenCTM().inverse());
    if (at.y > parseFloat(svg.getAttribute("data-map-height"))) { return; }   // the legend, not the map
    var perUnit = parseFloat(svg.getAttribute("data-metres-per-unit"));
    var easting = Math.round(parseFloat(svg.getAttribute("data-min-easting")) + at.x * perUnit);
    var northing = Math.round(parseFloat(svg.getAttribute("data-max-northing")) - at.y * perUnit);
    form.elements.easting.value = easting;
    form.elements.northing.value = northing;
    ["gridReference", "latitude", "longitude"].forEach(function (name) { form.elements[name].value = ""; });
    if (!pin) {
      pin = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      pin.setAttribute("r", "7");
      pin.setAttribute("fill", "#ffdd00");
      pin.setAttribute("stroke", "#0b0c0c");
      pin.setAttribute("stroke-width", "3");
      pin.setAttribute("class", "pick-pin");
      svg.appendChild(pin);
    }
    pin.setAttribute("cx", at.x);
    pin.setAttribute("cy", at.y);
    status.textContent = "Pin placed: easting " + easting + ", northing " + northing + ". Check it before saving.";
  }

  open.addEventListener("click", function () {
    if (svg) {
      area.hidden = !area.hidden;
      open.setAttribute("aria-expanded", String(!area.hidden));
      return;
    }
    status.textContent = "Loading the map…";
    fetch("/hotspots/map/svg", { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.text(); })
      .then(function (text) {
        var parsed = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
        if (!parsed.getAttribute("data-metres-per-unit")) {
          status.textContent = "There is nothing on the map yet to place it by: type a grid reference instead.";
          return;
        }
        svg = document.importNode(parsed, true);
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.style.cursor = "crosshair";
        area.appendChild(svg);
        area.hidden = false;
        open.setAttribute("aria-expanded", "true");
        open.textContent = "Show or hide the map";
        svg.addEventListener("click", place);
        status.textContent = "Click the map where the fly-tip is: the easting and northing fill in.";
      })
      .catch(function () { status.textContent = "The map could not be loaded: type a grid reference instead."; });
  });
})();

