"""Hot spots in a real browser: the seed's "since July 18" ranking from the demo year, and the
interactive map drawing its markers (Leaflet from Debian's libjs-leaflet; tiles may not load
without a network, the markers and layers do) with the printable SVG map beside it."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from safer_browser import describe_page, wait

SINCE_JULY = "from=2018-07-01&to=2019-02-28"


def test_the_ranking_shows_the_seeds_hot_spots_with_cctv_in_words(driver, base_url, make_user, login):
    councillor = make_user("councillor")
    login(driver, councillor.email, councillor.password)
    driver.get(f"{base_url}/hotspots?{SINCE_JULY}&limit=11")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.report")[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    cells = [[td.text for td in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in rows]
    assert [c[1].split(",")[0].split(" - ")[0].split(" (")[0] for c in cells[:3]] == ["Oldbury Road", "Packington Lane", "Blindpit Lane"], cells
    assert [c[2] for c in cells] == ["5", "5", "4", "3", "3", "3", "2", "2", "2", "2", "2"], cells
    nuneaton = next(c for c in cells if c[1].startswith("Nuneaton Road"))
    assert nuneaton[5].startswith("CCTV deployed"), nuneaton


def test_the_map_draws_incidents_clusters_and_cameras_and_a_printable_copy(driver, base_url, make_user, login):
    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    driver.get(f"{base_url}/hotspots/map?{SINCE_JULY}")
    box = wait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "#hotspot-map[data-loaded]"), describe_page(driver))
    assert int(box.get_attribute("data-loaded")) > 400
    # Leaflet draws vector markers as SVG paths in its overlay pane.
    paths = driver.find_elements(By.CSS_SELECTOR, "#hotspot-map .leaflet-overlay-pane path")
    assert len(paths) > 400, f"{len(paths)} shapes drawn"
    labels = [label.text.strip() for label in driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays label")]
    assert labels == ["Incidents", "Clusters", "Gi* cells", "CCTV deployments", "PSPO areas", "Beats"], labels
    # Switching a layer off removes its shapes: the control works by keyboard too (checkboxes).
    before = len(paths)
    driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays input")[0].click()
    after = len(driver.find_elements(By.CSS_SELECTOR, "#hotspot-map .leaflet-overlay-pane path"))
    assert after < before - 400, (before, after)
    svg = driver.find_element(By.CSS_SELECTOR, ".svg-map svg")
    assert svg.get_attribute("role") == "img"
    assert "clusters" in driver.find_element(By.CSS_SELECTOR, ".svg-map svg desc").get_attribute("textContent")
    assert len(driver.find_elements(By.CSS_SELECTOR, ".svg-map svg circle.incident")) > 400
    assert driver.find_elements(By.CSS_SELECTOR, ".svg-map svg rect.camera"), "cameras on the printable map"


def test_a_location_typed_as_html_shows_as_text_in_the_map_tooltip(driver, base_url, make_user, login):
    """Issue 12.6: Leaflet treats a string tooltip as HTML; a public reporter's location must not run."""
    import datetime
    import os
    import secrets
    import subprocess
    import uuid

    import requests

    field = make_user("field")
    proc = subprocess.run([os.environ["SAFER_BIN"], "token", "create", "--database", os.environ["SAFER_DATABASE"],
                           "--user", field.email, "--name", f"xss test {secrets.token_hex(3)}"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    token = [line for line in proc.stdout.splitlines() if line.strip()][-1].strip()
    payload = f'<img src=x onerror="window.__xss=1"> Payload Lane {secrets.token_hex(3)}'
    created = requests.post(f"{base_url}/api/v1/incidents", timeout=30, headers={"Authorization": f"Bearer {token}"}, json={
        "clientId": str(uuid.uuid4()), "latitude": 52.5601, "longitude": -1.5502, "location": payload,
        "landType": "Highway", "wasteTypes": ["Green"], "size": "Car Boot or Less"})
    assert created.status_code == 201, created.text[:300]

    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    today = datetime.date.today()
    driver.get(f"{base_url}/hotspots/map?from={today - datetime.timedelta(days=3)}&to={today}")
    wait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "#hotspot-map[data-loaded]"), describe_page(driver))
    # Open every marker's tooltip as a pointer would.
    driver.execute_script("""document.querySelectorAll('#hotspot-map .leaflet-overlay-pane path').forEach(function (p) {
        p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
        p.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
        p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    });""")
    tooltips = driver.execute_script("return Array.from(document.querySelectorAll('.leaflet-tooltip')).map(function (t) { return t.textContent; });")
    assert any(payload in text for text in tooltips), tooltips[:5]
    assert not driver.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip img"), "the payload became an element"
    assert driver.execute_script("return window.__xss === undefined"), "the payload's script ran"


def test_radio_buttons_sit_by_their_labels_on_a_phone(driver, base_url):
    driver.set_window_size(390, 844)
    try:
        driver.get(f"{base_url}/report")
        radios = driver.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        assert radios, "the public form has radio buttons"
        assert all(r.size["width"] <= 32 for r in radios), [r.size for r in radios]
        driver.get(f"{base_url}/login")
        assert driver.find_element(By.CSS_SELECTOR, "main a[href='/report']")
    finally:
        driver.set_window_size(1280, 800)
