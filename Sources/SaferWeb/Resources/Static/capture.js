// Field capture: reports are saved on the phone first (IndexedDB) and uploaded when there is
// signal. Each report carries a client id made here, so an upload that is retried after its
// answer was lost finds the stored incident instead of making a second one.
(function () {
  "use strict";
  var DB = "safer-capture", STORE = "queue";
  var form = document.getElementById("capture");
  var queueBox = document.getElementById("queue");
  var fixBox = document.getElementById("fix");
  var pendingList = document.getElementById("pending");
  var uploadedList = document.getElementById("uploaded");
  var errorsBox = document.getElementById("capture-errors");
  var position = null;
  var flushing = false;
  // Why uploads are held back (signed out, or a stale page), until an upload works again.
  var held = "";

  function openDB() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "clientId" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(mode, body) {
    return openDB().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode), store = t.objectStore(STORE), result;
        body(store, function (value) { result = value; });
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function all() {
    return tx("readonly", function (store, done) { var r = store.getAll(); r.onsuccess = function () { done(r.result); }; });
  }
  function put(item) { return tx("readwrite", function (store) { store.put(item); }); }
  function remove(id) { return tx("readwrite", function (store) { store.delete(id); }); }

  function newClientId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function text(el, value) { el.textContent = value; }

  function render() {
    return all().then(function (items) {
      items.sort(function (a, b) { return a.savedAt < b.savedAt ? -1 : 1; });
      queueBox.setAttribute("data-count", String(items.length));
      text(queueBox, items.length === 0 ? "No reports waiting to upload."
        : items.length + (items.length === 1 ? " report" : " reports") + " waiting to upload" +
          (held ? ". " + held : (navigator.onLine ? "…" : " (no signal: they will upload when it returns).")));
      pendingList.innerHTML = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        text(li, item.fields.location + " – saved " + new Date(item.savedAt).toLocaleTimeString("en-GB") + (item.problem ? " – not accepted: " + item.problem : ""));
        if (item.problem) {
          var button = document.createElement("button");
          button.type = "button"; button.className = "button-link"; text(button, "Remove");
          button.addEventListener("click", function () { remove(item.clientId).then(render); });
          li.appendChild(document.createTextNode(" "));
          li.appendChild(button);
        }
        pendingList.appendChild(li);
      });
    });
  }

  function showErrors(messages) {
    errorsBox.innerHTML = "";
    if (!messages.length) { errorsBox.hidden = true; return; }
    var h = document.createElement("h2"); text(h, "There is a problem"); errorsBox.appendChild(h);
    var ul = document.createElement("ul");
    messages.forEach(function (m) { var li = document.createElement("li"); text(li, m); ul.appendChild(li); });
    errorsBox.appendChild(ul);
    errorsBox.hidden = false;
    errorsBox.focus();
  }

  function upload(item) {
    var data = new FormData();
    data.append("_csrf", form.elements._csrf.value);
    data.append("clientId", item.clientId);
    Object.keys(item.fields).forEach(function (name) {
      var value = item.fields[name];
      if (Array.isArray(value)) { value.forEach(function (v) { data.append(name, v); }); }
      else if (value !== null && value !== undefined && value !== "") { data.append(name, value); }
    });
    if (item.photo) { data.append("photo", item.photo, "photo.jpg"); }
    return fetch("/capture", { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } });
  }

  function flush() {
    if (flushing || !navigator.onLine) { return render(); }
    flushing = true;
    return all().then(function (items) {
      items = items.filter(function (i) { return !i.problem; }).sort(function (a, b) { return a.savedAt < b.savedAt ? -1 : 1; });
      var chain = Promise.resolve();
      items.forEach(function (item) {
        chain = chain.then(function () {
          return upload(item).then(function (response) {
            if (response.status === 200 || response.status === 201) {
              held = "";
              return response.json().then(function (body) {
                var li = document.createElement("li");
                if (body.href) {
                  var a = document.createElement("a"); a.href = body.href; text(a, body.reference);
                  li.appendChild(a);
                } else {
                  li.appendChild(document.createTextNode(body.reference));
                }
                li.appendChild(document.createTextNode(" " + item.fields.location + (body.warnings.length ? " – " + body.warnings.join(" ") : "")));
                uploadedList.insertBefore(li, uploadedList.firstChild);
                return remove(item.clientId);
              });
            }
            if (response.status === 422) {
              return response.json().then(function (body) { item.problem = body.messages.join(" "); return put(item); });
            }
            // Signed out, or the page's form token is stale, or the server is unwell: keep the
            // report, say why, and try again later.
            if (response.status === 401 || response.redirected) {
              held = "Sign in again (in another tab) to upload them; they are kept on this phone.";
            } else if (response.status === 403) {
              held = "This page is out of date: reload it when there is signal to upload them; they are kept on this phone.";
            }
            throw new Error("upload deferred: " + response.status);
          });
        });
      });
      return chain;
    }).catch(function () { /* no signal or deferred: the queue keeps everything */ })
      .then(function () { flushing = false; return render(); });
  }

  if ("geolocation" in navigator) {
    navigator.geolocation.watchPosition(function (p) {
      position = p.coords;
      form.elements.latitude.value = p.coords.latitude.toFixed(6);
      form.elements.longitude.value = p.coords.longitude.toFixed(6);
      text(fixBox, "Position: " + p.coords.latitude.toFixed(5) + ", " + p.coords.longitude.toFixed(5) + " (accurate to about " + Math.round(p.coords.accuracy) + " m)");
      fixBox.className = "fix" + (p.coords.accuracy > 50 ? " fix-poor" : " fix-good");
    }, function () {
      position = null;
      text(fixBox, "No position from the phone: the photo's GPS position will be used if it has one; without either, the report is saved as \"position needed\" for an officer to place.");
      fixBox.className = "fix fix-none";
    }, { enableHighAccuracy: true, maximumAge: 30000, timeout: 20000 });
  } else {
    text(fixBox, "This phone cannot give a position: the photo's GPS position will be used if it has one; without either, the report is saved as \"position needed\" for an officer to place.");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var problems = [];
    var location = form.elements.location.value.trim();
    var size = form.querySelector("input[name=size]:checked");
    var waste = Array.prototype.map.call(form.querySelectorAll("input[name=wasteTypes]:checked"), function (i) { return i.value; });
    var photo = form.elements.photo.files[0] || null;
    if (!location) { problems.push("Type the road and locality."); }
    if (!size) { problems.push("Choose the size."); }
    if (!waste.length) { problems.push("Tick at least one kind of waste."); }
    // No fix and no photo: the report is still kept, and an officer places it ("position needed").
    showErrors(problems);
    if (problems.length) { return; }
    var item = {
      clientId: newClientId(), savedAt: new Date().toISOString(),
      fields: {
        location: location, landType: form.elements.landType.value, size: size.value, wasteTypes: waste,
        notes: form.elements.notes.value, reportedAt: new Date().toISOString(),
        latitude: position ? position.latitude.toFixed(6) : "", longitude: position ? position.longitude.toFixed(6) : ""
      },
      photo: photo
    };
    put(item).then(function () {
      form.elements.location.value = ""; form.elements.notes.value = ""; form.elements.photo.value = "";
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox], input[type=radio]"), function (i) { i.checked = false; });
      return render();
    }).then(flush);
  });

  // Keep the page itself available with no signal: a crew can reopen it and keep queueing.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/capture-sw.js", { scope: "/capture" }).catch(function () { /* http: no offline page */ });
  }

  window.addEventListener("online", flush);
  window.addEventListener("offline", render);
  setInterval(flush, 15000);
  render().then(flush);
})();
