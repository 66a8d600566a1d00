"""Fly-tipping in a real browser: the crew's offline capture queue, "Tip us off" for the public,
and an officer's triage (accept, merge), with the JSON API as the independent witness.

The server was started on a database loaded with `safer demo load` (scripts/test); the demo's
incidents are in 2018/19, so the API's list for the last few days holds only what tests made.

Rate limit: the public "Tip us off" form takes at most 5 reports an hour from one client
address, and every test runs from 127.0.0.1 against one server, so the whole suite may make at
most 5 successful public reports per run. This file makes exactly 2 (one in
test_public_report_end_to_end, one in test_officer_merges_a_duplicate_public_report); keep it so.

Positions are set with Chromium's DevTools protocol (geolocation override), and the network is
cut with its network emulation, which also turns navigator.onLine false and fires `offline`.
"""
from __future__ import annotations

import math
import os
import re
import secrets
import subprocess
import time
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlparse

import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from safer_browser import describe_page, drain_network_log, last_document_status, path_of, wait, wait_for_page_load

PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 3, "mobile": True}
POLICE = "Warwickshire Police"  # organisations.csv in the demo data
# The capture page retries its queue every 15 s (capture.js); one interval and a bit.
RETRY_INTERVAL = 16
# North Warwickshire's bounding rectangle (FlyTipSettings.northWarwickshire).
COUNCIL_AREA = {"easting": (415_000, 438_000), "northing": (280_000, 310_000)}
# Each test works in its own village, so no test's incident is another's merge candidate.
ATHERSTONE = (52.5787, -1.5462)
COLESHILL = (52.4986, -1.7070)
POLESWORTH = (52.6186, -1.6128)
KINGSBURY = (52.5650, -1.6800)
METRES_PER_DEGREE_OF_LATITUDE = 111_250.0


# ---------------------------------------------------------------- helpers

def _jitter(place: tuple[float, float]) -> tuple[float, float]:
    """A point within a few hundred metres of the place, rounded as the pages round it (6 places)."""
    lat, lon = place
    return (round(lat + secrets.randbelow(4000) / 1_000_000 - 0.002, 6),
            round(lon + secrets.randbelow(4000) / 1_000_000 - 0.002, 6))


def _phone(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)


def _set_position(driver, base_url: str, lat: float, lon: float, accuracy: float = 8) -> None:
    """Allow the site to ask for the position, and say where the 'phone' is."""
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"], "origin": base_url})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": accuracy})


def _network(driver, online: bool) -> None:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    wait(driver, 10).until(lambda d: d.execute_script("return navigator.onLine") is online,
                           f"navigator.onLine did not become {online}")


def _api(user) -> requests.Session:
    """A requests session that calls the API with a new token of the user's (`safer token create`)."""
    proc = subprocess.run(
        [os.environ["SAFER_BIN"], "token", "create", "--database", os.environ["SAFER_DATABASE"],
         "--user", user.email, "--name", f"browser test {secrets.token_hex(3)}"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
    assert proc.returncode == 0, f"`safer token create` failed:\n{proc.stdout}\n{proc.stderr}"
    token = [line for line in proc.stdout.splitlines() if line.strip()][-1].strip()
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
    return session


def _incidents_at(api: requests.Session, base_url: str, location: str) -> list[dict]:
    """Every incident reported in the last few days whose location is exactly this."""
    today = datetime.now(timezone.utc).date()
    response = api.get(f"{base_url}/api/v1/incidents", timeout=30, params={
        "from": str(today - timedelta(days=2)), "to": str(today + timedelta(days=1)), "limit": 5000})
    assert response.status_code == 200, response.text[:500]
    return [item for item in response.json()["items"] if item["location"] == location]


def _wgs84_to_national_grid(lat: float, lon: float) -> tuple[float, float]:
    """Easting and northing by the OS Helmert transform and Transverse Mercator projection
    ("A guide to coordinate systems in Great Britain"): within about 5 m of OSTN15."""
    a, b = 6378137.0, 6356752.3141  # GRS80
    e2 = 1 - b * b / (a * a)
    phi, lam = math.radians(lat), math.radians(lon)
    nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    x, y, z = nu * math.cos(phi) * math.cos(lam), nu * math.cos(phi) * math.sin(lam), (1 - e2) * nu * math.sin(phi)
    s = 20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (-0.1502, -0.2470, -0.8421))
    x, y, z = (-446.448 + (1 + s) * x - rz * y + ry * z,
               125.157 + rz * x + (1 + s) * y - rx * z,
               -542.060 - ry * x + rx * y + (1 + s) * z)
    a, b = 6377563.396, 6356256.909  # Airy 1830
    e2 = 1 - b * b / (a * a)
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z + e2 * nu * math.sin(phi), p)
    lam = math.atan2(y, x)
    f0, phi0, lam0, n0, e0 = 0.9996012717, math.radians(49), math.radians(-2), -100_000, 400_000
    n = (a - b) / (a + b)
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    nu = a * f0 / math.sqrt(1 - e2 * sin ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin ** 2) ** 1.5
    eta2 = nu / rho - 1
    d, s_ = phi - phi0, phi + phi0
    m = b * f0 * ((1 + n + 5 / 4 * n ** 2 + 5 / 4 * n ** 3) * d
                  - (3 * n + 3 * n ** 2 + 21 / 8 * n ** 3) * math.sin(d) * math.cos(s_)
                  + (15 / 8 * n ** 2 + 15 / 8 * n ** 3) * math.sin(2 * d) * math.cos(2 * s_)
                  - 35 / 24 * n ** 3 * math.sin(3 * d) * math.cos(3 * s_))
    i = m + n0
    ii = nu / 2 * sin * cos
    iii = nu / 24 * sin * cos ** 3 * (5 - tan ** 2 + 9 * eta2)
    iiia = nu / 720 * sin * cos ** 5 * (61 - 58 * tan ** 2 + tan ** 4)
    iv = nu * cos
    v = nu / 6 * cos ** 3 * (nu / rho - tan ** 2)
    vi = nu / 120 * cos ** 5 * (5 - 18 * tan ** 2 + tan ** 4 + 14 * eta2 - 58 * tan ** 2 * eta2)
    dl = lam - lam0
    return e0 + iv * dl + v * dl ** 3 + vi * dl ** 5, i + ii * dl ** 2 + iii * dl ** 4 + iiia * dl ** 6


def _assert_position(incident: dict, lat: float, lon: float) -> None:
    """Both coordinate pairs are stored, the WGS84 pair is the one given, and the grid pair matches it."""
    for key in ("latitude", "longitude", "easting", "northing"):
        assert isinstance(incident.get(key), (int, float)), f"{key} missing: {incident}"
    assert abs(incident["latitude"] - lat) < 2e-6 and abs(incident["longitude"] - lon) < 2e-6, (
        f"stored {incident['latitude']}, {incident['longitude']}; the phone said {lat}, {lon}")
    easting, northing = _wgs84_to_national_grid(lat, lon)
    assert math.hypot(incident["easting"] - easting, incident["northing"] - northing) < 10, (
        f"easting/northing {incident['easting']}, {incident['northing']} do not match {lat}, {lon} "
        f"(the OS Helmert transform gives {easting:.0f}, {northing:.0f})")
    assert COUNCIL_AREA["easting"][0] <= incident["easting"] <= COUNCIL_AREA["easting"][1], incident
    assert COUNCIL_AREA["northing"][0] <= incident["northing"] <= COUNCIL_AREA["northing"][1], incident


def _facts(driver) -> dict[str, str]:
    """The first summary list of the page as {label: value}."""
    summary = driver.find_element(By.CSS_SELECTOR, "dl.summary")
    labels = [dt.text.strip() for dt in summary.find_elements(By.TAG_NAME, "dt")]
    values = [dd.text.strip() for dd in summary.find_elements(By.TAG_NAME, "dd")]
    return dict(zip(labels, values))


def _notice(driver) -> str:
    """The one-off notice at the top of the page ("Incident FT-… recorded."), or ""."""
    found = driver.find_elements(By.CSS_SELECTOR, "div.notice")
    return found[0].text.strip() if found else ""


def _queue(driver) -> tuple[str, str]:
    box = driver.find_element(By.ID, "queue")
    return box.get_attribute("data-count"), box.text


def _wait_for_queue(driver, count: str, seconds: float = 30) -> None:
    wait(driver, seconds).until(lambda d: _queue(d)[0] == count,
                                f"the queue did not reach {count}: {_queue(driver)}")


def _open_capture(driver, base_url: str, lat: float, lon: float) -> None:
    driver.get(base_url + "/capture")
    _wait_for_fix(driver, lat, lon)


def _wait_for_fix(driver, lat: float, lon: float) -> None:
    wait_for_page_load(driver)
    wanted = f"Position: {lat:.5f}, {lon:.5f} (accurate to about 8 m)"
    wait(driver).until(lambda d: d.find_element(By.ID, "fix").text == wanted,
                       f"no fix {wanted!r}: {describe_page(driver)}")


def _choose(driver, input_id: str) -> None:
    """Tick a radio button or checkbox by its label, as a person taps it (the capture page's
    inputs are visually hidden behind large labels)."""
    label = driver.find_element(By.CSS_SELECTOR, f'label[for="{input_id}"]')
    label.click()
    assert driver.find_element(By.ID, input_id).is_selected(), f"{input_id} is not ticked after tapping its label"


def _send_public_report(driver, base_url: str, lat: float, lon: float, *, place: str, what: str, amount: str,
                        land: str = "road", description: str = "", name: str = "", email: str = "", phone: str = "") -> str:
    """Fill in "Tip us off" as an anonymous visitor using "Use my location"; returns the reference."""
    _set_position(driver, base_url, lat, lon)
    driver.get(base_url + "/report")
    wait_for_page_load(driver)
    driver.find_element(By.ID, "use-location").click()
    wait(driver).until(lambda d: "placed from your location" in d.find_element(By.ID, "pin-status").text,
                       f"no pin from the location: {describe_page(driver)}")
    assert driver.find_element(By.ID, "latitude").get_attribute("value") == f"{lat:.6f}"
    assert driver.find_element(By.ID, "longitude").get_attribute("value") == f"{lon:.6f}"
    assert f"{lat:.5f}, {lon:.5f}" in driver.find_element(By.ID, "pin-status").text
    for field_id, value in (("place", place), ("description", description), ("name", name), ("email", email), ("phone", phone)):
        if value:
            driver.find_element(By.ID, field_id).send_keys(value)
    _choose(driver, f"what-{what}")
    _choose(driver, f"amount-{amount}")
    _choose(driver, f"land-{land}")
    assert driver.find_element(By.ID, "website").get_attribute("value") == "", "the honeypot must stay empty"
    button = driver.find_element(By.XPATH, '//form[@action="/report"]//button[normalize-space()="Send report"]')
    drain_network_log(driver)
    button.click()
    wait_for_page_load(driver, old=button)
    assert path_of(driver) == "/report/thanks", describe_page(driver)
    reference = driver.find_element(By.CSS_SELECTOR, ".panel .reference").text.strip()
    assert re.fullmatch(r"TIP-[0-9A-Z]{6}", reference), f"reference {reference!r}: {describe_page(driver)}"
    assert parse_qs(urlparse(driver.current_url).query).get("ref") == [reference], driver.current_url
    return reference


def _sign_in_fresh(driver, login, user) -> None:
    """Forget the previous visitor (cookies) and sign in as the user."""
    driver.delete_all_cookies()
    login(driver, user.email, user.password)


def _open_public_report(driver, base_url: str, reference: str) -> str:
    """From the triage queue, follow the link to the report; returns its address."""
    driver.get(base_url + "/fly-tipping/public-reports")
    link = wait(driver).until(EC.element_to_be_clickable((By.LINK_TEXT, reference)),
                              f"{reference} not in the queue: {describe_page(driver)}")
    link.click()
    wait_for_page_load(driver, old=link)
    assert driver.find_element(By.TAG_NAME, "h1").text == f"Public report {reference}", describe_page(driver)
    return driver.current_url


# ---------------------------------------------------------------- tests

def test_crew_report_made_offline_is_uploaded_exactly_once_after_reconnecting(driver, base_url, make_user, login):
    crew = make_user("field")
    watcher = _api(make_user("officer"))
    lat, lon = _jitter(ATHERSTONE)
    location = f"Lay-by on Coleshill Road, Atherstone (offline {secrets.token_hex(4)})"

    _phone(driver)
    login(driver, crew.email, crew.password)
    _set_position(driver, base_url, lat, lon)
    _open_capture(driver, base_url, lat, lon)
    _wait_for_queue(driver, "0")

    _network(driver, online=False)
    driver.find_element(By.ID, "location").send_keys(location)
    _choose(driver, "size-small-van-load")
    _choose(driver, "waste-black-bags-household")
    driver.find_element(By.XPATH, '//form[@id="capture"]//button[normalize-space()="Save report"]').click()

    _wait_for_queue(driver, "1", seconds=10)
    _, text = _queue(driver)
    assert "1 report waiting to upload" in text and "no signal" in text, text
    assert location in driver.find_element(By.ID, "pending").text
    assert not driver.find_element(By.ID, "capture-errors").is_displayed(), driver.find_element(By.ID, "capture-errors").text
    assert driver.find_element(By.ID, "location").get_attribute("value") == "", "the form is cleared for the next report"

    # Deliberately wait through a retry tick with no signal: the report stays queued, nothing is sent.
    time.sleep(RETRY_INTERVAL)
    assert _queue(driver)[0] == "1", _queue(driver)
    assert _incidents_at(watcher, base_url, location) == [], "an incident was stored while the phone had no signal"

    _network(driver, online=True)
    _wait_for_queue(driver, "0")
    assert _queue(driver)[1] == "No reports waiting to upload."
    stored = _incidents_at(watcher, base_url, location)
    assert len(stored) == 1, f"{len(stored)} incidents with the location: {stored}"
    incident = stored[0]
    _assert_position(incident, lat, lon)
    assert incident["source"] == "crew" and incident["status"] == "reported", incident
    assert incident["size"] == "Small Van Load" and incident["wasteTypes"] == ["Black Bags - Household"], incident
    assert incident["clientId"], "the upload carries the phone's client id"
    uploaded = driver.find_element(By.ID, "uploaded")
    wait(driver, 10).until(lambda d: incident["reference"] in uploaded.text, f"not listed as uploaded: {uploaded.text!r}")

    # Reload and sit through a retry interval: the emptied queue sends nothing again.
    driver.refresh()
    _wait_for_fix(driver, lat, lon)
    time.sleep(RETRY_INTERVAL)
    assert _queue(driver)[0] == "0", _queue(driver)
    again = _incidents_at(watcher, base_url, location)
    assert [i["id"] for i in again] == [incident["id"]], f"after a reload and a retry interval: {again}"


def test_retried_upload_with_the_same_client_id_creates_nothing(base_url, make_user):
    api = _api(make_user("field"))
    lat, lon = _jitter(KINGSBURY)
    location = f"Bromage Avenue, Kingsbury (retry {secrets.token_hex(4)})"
    body = {"clientId": str(uuid.uuid4()), "latitude": lat, "longitude": lon, "location": location,
            "landType": "Highway", "wasteTypes": ["Green"], "size": "Car Boot or Less"}

    first = api.post(f"{base_url}/api/v1/incidents", json=body, timeout=30)
    assert first.status_code == 201, first.text[:500]
    assert first.headers.get("Location") == f"/api/v1/incidents/{first.json()['id']}"
    # The answer was "lost": the phone sends the same report again.
    second = api.post(f"{base_url}/api/v1/incidents", json=body, timeout=30)
    assert second.status_code == 200, second.text[:500]
    assert (second.json()["id"], second.json()["reference"]) == (first.json()["id"], first.json()["reference"])
    assert [i["id"] for i in _incidents_at(api, base_url, location)] == [first.json()["id"]]


def test_public_report_end_to_end(driver, base_url, make_user, login, admin):
    # One of this file's two public reports (see the rate limit note at the top).
    tag = secrets.token_hex(4)
    lat, lon = _jitter(COLESHILL)
    place = f"Gate on Packington Lane near Coleshill ({tag})"
    email = f"pat.{tag}@example.test"
    name = f"Pat Reporter {tag}"
    reference = _send_public_report(driver, base_url, lat, lon, place=place, what="bags", amount="small-van",
                                    name=name, email=email, phone="01827 715341")

    officer = make_user("officer")
    _sign_in_fresh(driver, login, officer)
    report_url = _open_public_report(driver, base_url, reference)
    page = driver.find_element(By.TAG_NAME, "body").text
    assert email in page and name in page, f"the officer does not see the contact details: {describe_page(driver)}"
    facts = _facts(driver)
    assert facts.get("Place") == place, facts
    assert facts.get("Pin", "").startswith(f"{lat:.6f}, {lon:.6f}"), facts

    accept = driver.find_element(By.CSS_SELECTOR, 'form[action$="/accept"]')
    location_field = accept.find_element(By.ID, "location")
    if not location_field.get_attribute("value"):
        location_field.send_keys(place)
    assert accept.find_element(By.ID, "latitude").get_attribute("value") == f"{lat:.6f}"
    assert accept.find_element(By.ID, "waste-black-bags-household").is_selected(), "the reporter's choice is ticked"
    button = accept.find_element(By.XPATH, './/button[normalize-space()="Accept as incident"]')
    drain_network_log(driver)
    button.click()
    wait_for_page_load(driver, old=button)
    assert re.fullmatch(r"/fly-tipping/incidents/[^/]+", path_of(driver)), describe_page(driver)
    assert "recorded" in _notice(driver), describe_page(driver)
    assert driver.find_element(By.CSS_SELECTOR, "p > span.status").text == "Reported", describe_page(driver)
    facts = _facts(driver)
    assert facts.get("Source") == "Member of the public", facts
    assert facts.get("Location") == place, facts
    incident_id = path_of(driver).rsplit("/", 1)[1]
    incident = _api(officer).get(f"{base_url}/api/v1/incidents/{incident_id}", timeout=30).json()
    assert (incident["source"], incident["status"]) == ("public", "reported"), incident
    _assert_position(incident, lat, lon)
    assert reference in incident["notes"], incident["notes"]

    driver.get(report_url)
    wait_for_page_load(driver)
    assert "Accepted as an incident" in driver.find_element(By.TAG_NAME, "body").text, describe_page(driver)

    # A partner may not open the report at all.
    partner = make_user("partner", organisation=POLICE)
    _sign_in_fresh(driver, login, partner)
    drain_network_log(driver)
    driver.get(report_url)
    wait_for_page_load(driver)
    assert last_document_status(driver) == 403, describe_page(driver)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "Forbidden", describe_page(driver)
    assert email not in driver.page_source and name not in driver.page_source

    # An administrator sees the report but not who sent it.
    _sign_in_fresh(driver, login, admin)
    drain_network_log(driver)
    driver.get(report_url)
    wait_for_page_load(driver)
    assert last_document_status(driver) == 200, describe_page(driver)
    assert "shown to officers only" in driver.find_element(By.TAG_NAME, "body").text, describe_page(driver)
    assert email not in driver.page_source and name not in driver.page_source, "an administrator sees the reporter's details"


def test_officer_merges_a_duplicate_public_report(driver, base_url, make_user, login):
    # One of this file's two public reports (see the rate limit note at the top).
    tag = secrets.token_hex(4)
    officer = make_user("officer")
    api = _api(officer)
    lat, lon = _jitter(POLESWORTH)
    location = f"Tamworth Road verge, Polesworth (merge {tag})"
    created = api.post(f"{base_url}/api/v1/incidents", timeout=30, json={
        "latitude": lat, "longitude": lon, "location": location, "landType": "Highway",
        "wasteTypes": ["Black Bags - Household"], "size": "Car Boot or Less"})
    assert created.status_code == 201, created.text[:500]
    incident = created.json()

    # The public pin is 15 m north of the incident.
    report_lat = round(lat + 15 / METRES_PER_DEGREE_OF_LATITUDE, 6)
    description = f"Black bags by the field gate {tag}"
    reference = _send_public_report(driver, base_url, report_lat, lon, place="", what="bags", amount="car-boot",
                                    land="field", description=description)

    _sign_in_fresh(driver, login, officer)
    report_url = _open_public_report(driver, base_url, reference)
    merge_form = driver.find_element(By.XPATH, '//form[contains(@action, "/merge")][.//input[@type="radio"][@name="incident"]]')
    label = merge_form.find_element(By.CSS_SELECTOR, f'label[for="merge-{incident["id"]}"]')
    assert label.text.startswith(f"{incident['reference']}: {location},"), label.text
    distance = re.search(r", (\d+) m away \(", label.text)
    assert distance and 10 <= int(distance.group(1)) <= 20, f"distance in {label.text!r}"
    label.click()
    assert merge_form.find_element(By.ID, f"merge-{incident['id']}").is_selected()
    button = merge_form.find_element(By.XPATH, './/button[normalize-space()="Merge"]')
    button.click()
    wait_for_page_load(driver, old=button)
    assert path_of(driver) == f"/fly-tipping/incidents/{incident['id']}", describe_page(driver)
    merged_notice = _notice(driver)
    body = driver.find_element(By.TAG_NAME, "body").text
    assert f"Also reported by the public: {reference}" in body and description in body, describe_page(driver)

    driver.get(report_url)
    wait_for_page_load(driver)
    assert "Merged into a known incident" in driver.find_element(By.TAG_NAME, "body").text, describe_page(driver)
    link = driver.find_element(By.LINK_TEXT, "the incident")
    assert urlparse(link.get_attribute("href")).path == f"/fly-tipping/incidents/{incident['id']}"
    assert not driver.find_elements(By.CSS_SELECTOR, 'form[action$="/merge"]'), "a merged report cannot be merged again"

    stored = _incidents_at(api, base_url, location)
    assert [i["id"] for i in stored] == [incident["id"]], f"merging made or lost an incident: {stored}"
    assert f"Also reported by the public: {reference}" in stored[0]["notes"]
    assert stored[0]["status"] == "reported", "merging leaves the incident open"
    # Last, as it is only wording: the page shown after the merge must not claim a status change.
    assert merged_notice == f"Public report {reference} merged into this incident.", f"after a merge the incident page says {merged_notice!r}"


def test_capture_page_works_at_phone_width_and_by_keyboard(driver, base_url, make_user, login):
    crew = make_user("field")
    login(driver, crew.email, crew.password)
    _phone(driver)
    driver.get(base_url + "/capture")
    wait_for_page_load(driver)

    widths = driver.execute_script(
        "return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,"
        " inner: window.innerWidth};")
    assert widths["scroll"] <= widths["client"] and widths["inner"] <= PHONE["width"], f"sideways scrolling: {widths}"
    targets = driver.find_elements(By.CSS_SELECTOR, '.big-choices label[for^="size-"]')
    targets.append(driver.find_element(By.XPATH, '//form[@id="capture"]//button[normalize-space()="Save report"]'))
    assert len(targets) == 8, "seven sizes and the Save button"
    for element in targets:
        box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width];", element)
        assert box[2] > 0 and box[0] >= 0 and box[1] <= PHONE["width"] + 0.5, f"{element.text!r} is not within the screen: {box}"

    # Keyboard only: Tab from the location field to the first size, Space to choose it.
    driver.find_element(By.ID, "location").click()
    focused = None
    for _ in range(5):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.get_attribute("name") == "size":
            break
    assert focused is not None and focused.get_attribute("name") == "size", (
        f"Tab did not reach the size choices (focus on {focused.get_attribute('outerHTML')[:120] if focused else None})")
    chosen = focused.get_attribute("id")
    label = driver.find_element(By.CSS_SELECTOR, f'label[for="{chosen}"]')
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle;", label)
    assert outline not in ("", "none"), "the focused size shows no focus outline"
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    assert driver.find_element(By.ID, chosen).is_selected(), "Space did not choose the focused size"
    assert label.text.startswith("✓") or "✓" in driver.execute_script(
        "return getComputedStyle(arguments[0], '::before').content;", label), "the chosen size is not marked"


def test_a_crew_with_no_fix_saves_and_an_officer_places_it_from_the_gazetteer(driver, base_url, make_user, login):
    """Issue 13.4: no fix and no photo still saves, as "position needed"; the officer finds
    the place in Safer's own gazetteer (the locations of earlier incidents) and accepts it."""
    crew = make_user("field")
    location = f"Packington Lane, Little Packington (no fix {secrets.token_hex(4)})"
    _phone(driver)
    login(driver, crew.email, crew.password)
    # No fix: the position is unavailable, as with no GPS signal.
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {})
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"], "origin": base_url})
    driver.get(base_url + "/capture")
    wait(driver).until(lambda d: "position needed" in d.find_element(By.ID, "fix").text or
                       d.find_element(By.ID, "fix").text.startswith("Position:"), describe_page(driver))
    driver.find_element(By.ID, "location").send_keys(location)
    _choose(driver, "size-car-boot-or-less")
    _choose(driver, "waste-black-bags-household")
    driver.find_element(By.XPATH, '//form[@id="capture"]//button[normalize-space()="Save report"]').click()
    uploaded = driver.find_element(By.ID, "uploaded")
    wait(driver, 30).until(lambda d: location in uploaded.text, f"not uploaded: {describe_page(driver)}")
    assert "position needed" in uploaded.text, uploaded.text
    assert not driver.find_element(By.ID, "capture-errors").is_displayed()

    officer = make_user("officer")
    driver.delete_all_cookies()
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    login(driver, officer.email, officer.password)
    driver.get(base_url + "/fly-tipping/public-reports")
    wait_for_page_load(driver)
    row = driver.find_element(By.XPATH, f'//tr[td[contains(., "{location}")]]')
    assert "position needed" in row.text, row.text
    row.find_element(By.TAG_NAME, "a").click()
    wait_for_page_load(driver)
    assert "This report has no position" in driver.page_source
    search = driver.find_element(By.ID, "place-search")
    assert search.is_displayed(), "the place search appears when the script runs"
    search.send_keys("Packington")
    wait(driver).until(lambda d: d.execute_script("return document.querySelectorAll('#place-results option').length") > 0,
                       "no place suggestions for 'Packington'")
    name = driver.execute_script("return document.querySelector('#place-results option').value")
    assert "Packington" in name
    # Picking a suggestion sets the field to the option's value, as a datalist choice does.
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", search, name)
    wait(driver).until(lambda d: d.find_element(By.ID, "easting").get_attribute("value") != "")
    easting = float(driver.find_element(By.ID, "easting").get_attribute("value"))
    northing = float(driver.find_element(By.ID, "northing").get_attribute("value"))
    assert COUNCIL_AREA["easting"][0] <= easting <= COUNCIL_AREA["easting"][1], easting
    assert COUNCIL_AREA["northing"][0] <= northing <= COUNCIL_AREA["northing"][1], northing
    assert f"Position set to {name}" in driver.find_element(By.ID, "place-status").text
    driver.find_element(By.XPATH, '//button[normalize-space()="Accept as incident"]').click()
    wait_for_page_load(driver)
    assert "/fly-tipping/incidents/" in path_of(driver), describe_page(driver)
    facts = _facts(driver)
    assert any(str(round(easting)) in value for value in facts.values()), facts


def test_an_officer_places_an_incident_by_clicking_the_map(driver, base_url, make_user, login):
    """Issue 13.4: the incident form opens Safer's own map (no tiles, no network beyond Safer);
    a click there fills the easting and northing of the point clicked, and draws a pin."""
    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    driver.get(base_url + "/fly-tipping/incidents/new")
    wait_for_page_load(driver)
    button = driver.find_element(By.ID, "map-pick-open")
    assert button.is_displayed(), "the map button appears when the script runs"
    button.click()
    wait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map-pick-area svg"), describe_page(driver))
    svg = driver.find_element(By.CSS_SELECTOR, "#map-pick-area svg")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    grid = {name: float(svg.get_attribute(name)) for name in ("data-min-easting", "data-max-northing", "data-metres-per-unit", "data-map-height")}
    # Click a third of the way across and down the drawn map (not the legend under it): where
    # that drawing point is on the screen comes from the SVG's own transform.
    view = [float(v) for v in driver.execute_script("return arguments[0].getAttribute('viewBox')", svg).split()]
    target = (view[2] / 3, grid["data-map-height"] / 3)
    screen, centre = driver.execute_script(
        "var s = arguments[0], p = s.createSVGPoint(); p.x = arguments[1]; p.y = arguments[2];"
        "var q = p.matrixTransform(s.getScreenCTM()), r = s.getBoundingClientRect();"
        "return [[q.x, q.y], [r.left + r.width / 2, r.top + r.height / 2]];", svg, target[0], target[1])
    ActionChains(driver).move_to_element_with_offset(svg, round(screen[0] - centre[0]), round(screen[1] - centre[1])).click().perform()
    wait(driver).until(lambda d: d.find_element(By.ID, "easting").get_attribute("value") != "",
                       f"status: {driver.find_element(By.ID, 'map-pick-status').text!r}; screen {screen}, centre {centre}")
    easting = float(driver.find_element(By.ID, "easting").get_attribute("value"))
    northing = float(driver.find_element(By.ID, "northing").get_attribute("value"))
    expected_e = grid["data-min-easting"] + target[0] * grid["data-metres-per-unit"]
    expected_n = grid["data-max-northing"] - target[1] * grid["data-metres-per-unit"]
    pixel = grid["data-metres-per-unit"] * view[2] / driver.execute_script("return arguments[0].getBoundingClientRect().width", svg)
    # Selenium clicks whole pixels from the element's rounded centre: within three pixels.
    assert abs(easting - expected_e) <= 3 * pixel and abs(northing - expected_n) <= 3 * pixel, (easting, northing, expected_e, expected_n)
    assert COUNCIL_AREA["easting"][0] <= easting <= COUNCIL_AREA["easting"][1], easting
    assert f"easting {round(easting)}, northing {round(northing)}" in driver.find_element(By.ID, "map-pick-status").text
    assert driver.find_elements(By.CSS_SELECTOR, "#map-pick-area svg circle.pick-pin"), "no pin drawn"


def test_an_officer_types_a_grid_reference(driver, base_url, make_user, login):
    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    driver.get(base_url + "/fly-tipping/incidents/new")
    wait_for_page_load(driver)
    location = f"Grid reference test {secrets.token_hex(4)}, Atherstone"
    driver.find_element(By.ID, "location").send_keys(location)
    driver.find_element(By.ID, "gridReference").send_keys("SP 2856 9637")
    Select(driver.find_element(By.ID, "landType")).select_by_index(1)
    Select(driver.find_element(By.ID, "size")).select_by_index(1)
    driver.find_element(By.CSS_SELECTOR, 'label[for="waste-black-bags-household"]').click()
    driver.find_element(By.XPATH, '//button[normalize-space()="Record incident"]').click()
    wait_for_page_load(driver)
    assert "/fly-tipping/incidents/" in path_of(driver), describe_page(driver)
    text = " ".join(_facts(driver).values())
    assert "428565" in text.replace(",", "") and "296375" in text.replace(",", ""), text
