"""Entering figures without losing any (the two data-loss traps of the daily-use issue).

The server holds the demo data, shared with the other browser tests: every figure changed here
is put back before the test ends.
"""
from __future__ import annotations

import csv
import io

import requests
from selenium.webdriver.common.by import By

import safer_browser

GRID = "/performance/figures?fy=2018/19&theme=violent-crime"
CELL = "cell-violence-with-injury-{}"


def _session(driver) -> requests.Session:
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session


def _cell(driver, month: str):
    return driver.find_element(By.ID, CELL.format(month))


def _upload(driver, base_url: str, path) -> None:
    driver.get(f"{base_url}{GRID}")
    driver.find_element(By.ID, "file").send_keys(str(path))
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, "//button[normalize-space()='Check the file']").click()
    safer_browser.wait_for_page_load(driver, old)


def _confirm(driver, tick: bool = False) -> None:
    if tick:
        driver.find_element(By.ID, "confirmRemovals").click()
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, "//button[normalize-space()='Save these changes']").click()
    safer_browser.wait_for_page_load(driver, old)


def test_a_bad_cell_keeps_every_typed_value_and_is_marked(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}{GRID}")
    stored_april = _cell(driver, "2018-04").get_attribute("value")
    assert stored_april, "the demo holds April 2018"
    _cell(driver, "2019-01").clear()
    _cell(driver, "2019-01").send_keys("52")
    _cell(driver, "2019-02").clear()
    _cell(driver, "2019-02").send_keys("abc")
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, "//button[normalize-space()='Save figures']").click()
    safer_browser.wait_for_page_load(driver, old)
    assert _cell(driver, "2019-01").get_attribute("value") == "52", "a good typed value survives a bad neighbour"
    bad = _cell(driver, "2019-02")
    assert bad.get_attribute("value") == "abc" and bad.get_attribute("aria-invalid") == "true"
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    link = summary.find_element(By.CSS_SELECTOR, "a")
    assert link.text.startswith("Violence with injury, Feb 2019:"), link.text
    link.click()
    assert driver.switch_to.active_element == bad, "the summary's link takes the keyboard to the bad cell"
    # Nothing was stored: the grid shown afresh has no January 2019.
    driver.get(f"{base_url}{GRID}")
    assert _cell(driver, "2019-01").get_attribute("value") == ""
    assert _cell(driver, "2018-04").get_attribute("value") == stored_april


def test_the_grid_shows_all_twelve_months_at_1366_pixels(driver, base_url, admin, login):
    driver.set_window_size(1366, 900)
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}{GRID}")
    wrap = driver.find_element(By.CSS_SELECTOR, ".grid-wrap")
    right = wrap.rect["x"] + wrap.rect["width"]
    march = _cell(driver, "2019-03")
    fits = march.rect["x"] + march.rect["width"] <= right + 1
    # Either every month fits, or the grid scrolls with the indicator column pinned.
    if not fits:
        driver.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", wrap)
        name = driver.find_element(By.CSS_SELECTOR, "table.grid tbody th[scope=row]")
        assert name.value_of_css_property("position") == "sticky"
        assert name.rect["x"] >= wrap.rect["x"] - 1, "the indicator column stays in view"
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page itself does not scroll sideways"


def test_the_template_carries_stored_figures_and_an_upload_is_previewed(driver, base_url, admin, login, tmp_path):
    login(driver, admin.email, admin.password)
    template = _session(driver).get(f"{base_url}/performance/figures/template.csv?fy=2018/19", timeout=30)
    assert template.status_code == 200
    rows = list(csv.DictReader(io.StringIO(template.text)))
    vwi = {row["month"]: row["value"] for row in rows if row["indicator"] == "violence-with-injury"}
    stored = [month for month, value in vwi.items() if value]
    assert len(stored) >= 9, f"the template carries the stored months: {vwi}"
    april = vwi["2018-04"]

    # Change one month in the downloaded template and upload the whole file back.
    changed = tmp_path / "figures-2018.csv"
    text = template.text.replace(f"violence-with-injury,north-warwickshire,2018-04,{april}\r\n",
                                 f"violence-with-injury,north-warwickshire,2018-04,{int(april) + 1}\r\n")
    changed.write_text(text)
    _upload(driver, base_url, changed)
    assert "0 added, 1 changed, 0 removed" in driver.find_element(By.CSS_SELECTOR, ".lead").text
    assert not driver.find_elements(By.ID, "confirmRemovals")
    _confirm(driver)
    assert "1 figures changed" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    after = {row["month"]: row["value"] for row in csv.DictReader(io.StringIO(
        _session(driver).get(f"{base_url}/performance/figures/template.csv?fy=2018/19", timeout=30).text))
        if row["indicator"] == "violence-with-injury"}
    assert after == {**vwi, "2018-04": str(int(april) + 1)}, "every other month kept"

    # Removing needs the word and a confirmation; then put April back as it was.
    clear = tmp_path / "clear.csv"
    clear.write_text("indicator,month,value\nviolence-with-injury,2018-04,clear\nviolence-with-injury,2018-05,\n")
    _upload(driver, base_url, clear)
    assert "0 added, 0 changed, 1 removed" in driver.find_element(By.CSS_SELECTOR, ".lead").text
    assert driver.find_element(By.ID, "confirmRemovals").get_attribute("required") is not None
    driver.find_element(By.LINK_TEXT, "Cancel").click()
    restore = tmp_path / "restore.csv"
    restore.write_text(f"indicator,month,value\nviolence-with-injury,2018-04,{april}\n")
    _upload(driver, base_url, restore)
    _confirm(driver)
    driver.get(f"{base_url}{GRID}")
    assert _cell(driver, "2018-04").get_attribute("value") == april
    assert _cell(driver, "2018-05").get_attribute("value") == vwi["2018-05"]
