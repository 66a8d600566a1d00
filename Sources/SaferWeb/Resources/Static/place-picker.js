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
