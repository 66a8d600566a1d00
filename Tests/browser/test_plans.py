"""Plans in a real browser: an officer and a partner each do their part, the corporate-plan
summary reads as the seed, and suggested and assigned statuses are both shown where they differ.

The server was started on a database loaded with `safer demo load` (scripts/test).
"""
from __future__ import annotations

import csv
import io
import json
import os
import secrets
import subprocess

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from safer_browser import describe_page, drain_network_log, last_document_status, wait, wait_for_page_load

SEED_SUMMARY = "Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)"
POLICE = "Warwickshire Police"  # organisations.csv


def _open_plan(driver, base_url: str, year: str, title_words: str) -> None:
    """From the plans list, follow the link to the plan whose title contains the words."""
    driver.get(f"{base_url}/plans?fy={year}")
    link = wait(driver).until(EC.element_to_be_clickable((By.PARTIAL_LINK_TEXT, title_words)))
    link.click()
    wait_for_page_load(driver, old=link)


def _item_row(driver, number: str = "", words: str = ""):
    """The items table row with that number (or whose action contains the words)."""
    for row in driver.find_elements(By.CSS_SELECTOR, "table.plan-items tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        action = row.find_element(By.CSS_SELECTOR, "th[scope=row]").text
        if (number and cells and cells[0].text.strip() == number) or (words and words in action):
            return row
    raise AssertionError(f"no item {number or words!r}: {describe_page(driver)}")


def _open_item(driver, number: str = "", words: str = "") -> None:
    link = _item_row(driver, number, words).find_element(By.CSS_SELECTOR, "th[scope=row] a")
    link.click()
    wait_for_page_load(driver, old=link)


def _fill_update(driver, text: str, status: str, quarter: str | None = None, reason: str | None = None) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form.update-form")
    if quarter:
        Select(form.find_element(By.ID, "update-quarter")).select_by_value(quarter)
    area = form.find_element(By.ID, "update-text")
    area.clear()
    area.send_keys(text)
    Select(form.find_element(By.ID, "update-status")).select_by_value(status)
    if reason is not None:
        field = form.find_element(By.ID, "update-reason")
        field.clear()
        field.send_keys(reason)
    drain_network_log(driver)
    button = form.find_element(By.CSS_SELECTOR, 'button[type="submit"]')
    button.click()
    wait_for_page_load(driver, old=button)


def _updates_text(driver) -> str:
    return driver.find_element(By.ID, "updates").text


def test_an_officer_posts_an_update_and_a_differing_status_needs_a_reason(driver, base_url, make_user, login):
    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    _open_plan(driver, base_url, "2018/19", "Community Safety Partnership Plan 2018/19")
    _open_item(driver, words="Anti-social behaviour")
    assert driver.find_element(By.TAG_NAME, "h1").text.endswith("Anti-social behaviour"), describe_page(driver)
    # Safer suggests Green (1,237 by December, pro rata 1,649 against 1,698).
    suggestion = driver.find_element(By.CSS_SELECTOR, "section.suggestion").text
    assert "Green" in suggestion and "pro-rata" in suggestion and "1,698" in suggestion, suggestion

    tag = secrets.token_hex(3)
    _fill_update(driver, f"Nuisance ASB rising in Atherstone ({tag})", "red", quarter="4")
    assert last_document_status(driver) == 422, describe_page(driver)
    problem = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Give a reason" in problem and "suggests Green" in problem, problem
    # What was typed is kept; add the reason and send again.
    assert tag in driver.find_element(By.ID, "update-text").get_attribute("value")
    _fill_update(driver, f"Nuisance ASB rising in Atherstone ({tag})", "red", reason=f"Two new hot spots since January {tag}")
    assert f"Nuisance ASB rising in Atherstone ({tag})" in _updates_text(driver), describe_page(driver)
    newest = driver.find_elements(By.CSS_SELECTOR, "#updates article.plan-update")[0]
    badges = [b.text for b in newest.find_elements(By.CSS_SELECTOR, ".rag")]
    assert badges[:2] == ["Red", "Green"], f"assigned Red beside suggested Green: {badges}"
    assert f"Two new hot spots since January {tag}" in newest.text
    assert "differs from the suggestion" in newest.text
    assert officer.name in newest.text, "the author is shown"


def test_a_partner_updates_an_item_their_organisation_leads_and_is_refused_on_another(driver, base_url, make_user, login):
    partner = make_user("partner", organisation=POLICE)
    login(driver, partner.email, partner.password)
    _open_plan(driver, base_url, "2018/19", "Addressing Fly Tipping action plan 2018/19")
    # Item 9 is led by the police (with the council): the partner may update it.
    _open_item(driver, number="9")
    own_item = driver.current_url
    tag = secrets.token_hex(3)
    _fill_update(driver, f"Joint patrols on Packington Lane ({tag})", "green", quarter="4")
    assert f"Joint patrols on Packington Lane ({tag})" in _updates_text(driver), describe_page(driver)
    assert own_item.split("#")[0] in driver.current_url

    # Item 1 is the council's: no form, and a forged post is refused.
    driver.back()
    _open_plan(driver, base_url, "2018/19", "Addressing Fly Tipping action plan 2018/19")
    _open_item(driver, number="1")
    assert not driver.find_elements(By.CSS_SELECTOR, "form.update-form"), "no update form on another organisation's item"
    assert "Partners add updates to the items their own organisation leads" in driver.find_element(By.CSS_SELECTOR, ".cannot-update").text
    token = driver.find_element(By.CSS_SELECTOR, 'form.sign-out input[name="_csrf"]').get_attribute("value")
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    item_path = driver.current_url.split(base_url, 1)[1].split("?")[0].split("#")[0]
    response = session.post(f"{base_url}{item_path}/updates", timeout=30, allow_redirects=False,
                            data={"_csrf": token, "quarter": "4", "text": "Not mine", "status": "green", "direction": ""})
    assert response.status_code == 403, response.text[:300]
    assert "not led by yours" in response.text
    driver.refresh()
    assert "Not mine" not in _updates_text(driver)


def test_suggested_and_assigned_statuses_are_both_shown_where_they_differ(driver, base_url, make_user, login):
    councillor = make_user("councillor")
    login(driver, councillor.email, councillor.password)
    _open_plan(driver, base_url, "2018/19", "Community Safety Partnership Plan 2018/19")
    Select(driver.find_element(By.ID, "quarter")).select_by_value("3")
    button = driver.find_element(By.CSS_SELECTOR, "form.filters button")
    button.click()
    wait_for_page_load(driver, old=button)
    # Theft from vehicles: the pack's Amber; Safer suggests Red (310 by December, pro rata 413 against 393).
    row = _item_row(driver, words="Vehicle crime")
    status = row.find_element(By.CSS_SELECTOR, "td.status .rag").text
    suggested = row.find_element(By.CSS_SELECTOR, "td.suggested .rag").text
    assert (status, suggested) == ("Amber", "Red (pro-rata)"), row.text
    assert "Differs from the suggestion" in row.text
    assert not driver.find_elements(By.CSS_SELECTOR, "form.update-form"), "councillors read only"
    _open_item(driver, words="Vehicle crime")
    history = _updates_text(driver)
    assert "Forecast 413 (pro-rata) against a target of 393: Red" in history, history
    assert "differs from the suggestion" in history


def test_the_corporate_plan_summary_reads_as_the_seed_on_the_page_and_from_the_command_line(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}/plans/summary?fy=2018/19&kind=corporate&quarter=3")
    assert SEED_SUMMARY in driver.find_element(By.CSS_SELECTOR, ".status-lines").text, describe_page(driver)
    assert "largest remainder" in driver.find_element(By.CSS_SELECTOR, ".rounding-rule").text
    _open_plan(driver, base_url, "2018/19", "Corporate Plan targets 2018/19")
    assert driver.find_element(By.CSS_SELECTOR, ".summary-text").text == SEED_SUMMARY
    badges = driver.find_elements(By.CSS_SELECTOR, ".status-summary .rag")
    assert [b.text for b in badges] == ["Green", "Amber", "Red"], "status in words, not colour alone"

    binary, database = os.environ["SAFER_BIN"], os.environ["SAFER_DATABASE"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SAFER_")}

    def report(fmt: str) -> str:
        result = subprocess.run([binary, "report", "plan-summary", "--fy", "2018/19", "--plan", "corporate", "--quarter", "3",
                                 "--format", fmt, "--database", database], capture_output=True, text=True, timeout=120, env=environment)
        assert result.returncode == 0, result.stderr
        return result.stdout

    line = json.loads(report("json"))["plans"][0]
    assert (line["green"], line["amber"], line["red"], line["total"]) == (
        {"count": 9, "percentage": 82}, {"count": 2, "percentage": 18}, {"count": 0, "percentage": 0}, {"count": 11, "percentage": 100})
    rows = list(csv.reader(io.StringIO(report("csv"))))
    assert rows[1][1:] == ["9", "0.82", "2", "0.18", "0", "0", "11", "1", "0"], rows[:2]
    table = report("table")
    assert "largest remainder" in table and "Corporate Plan targets 2018/19" in table
