"""The meetings workflow in a real browser: an officer sets up a committee and a meeting,
composes a report with a live block, previews the draft, publishes it, and a visitor without
an account reads and downloads it. axe-core checks the meetings pages on the way.
"""
from __future__ import annotations

import io
import secrets
import zipfile

import requests
from docx import Document
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import safer_browser


def _submit(driver, button_text: str) -> None:
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, f"//button[normalize-space()='{button_text}']").click()
    safer_browser.wait_for_page_load(driver, old)


def _fill(driver, field_id: str, text: str) -> None:
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(text)


def _axe(driver) -> str:
    """axe-core's WCAG A and AA violations on the current page, described ("" when none)."""
    return safer_browser.describe_violations(safer_browser.axe_violations(driver))


def test_an_officer_composes_previews_and_publishes_and_a_visitor_downloads(driver, base_url, make_user, login):
    officer = make_user("officer")
    login(driver, officer.email, officer.password)
    tag = secrets.token_hex(3)
    committee = f"Test Scrutiny Committee {tag}"

    driver.get(f"{base_url}/meetings")
    assert not (found := _axe(driver)), found
    _fill(driver, "c-name", committee)
    _fill(driver, "c-council", "North Warwickshire Borough Council")
    _fill(driver, "c-members", "Reilly — Chair\nClews\nSymonds")
    _fill(driver, "c-tel", "01827 719221")
    _submit(driver, "Add committee")

    Select(driver.find_element(By.ID, "m-committee")).select_by_visible_text(committee)
    driver.execute_script("document.getElementById('m-date').value = '2019-06-18'; document.getElementById('m-cutoff').value = '2019-02-28';")
    _fill(driver, "m-venue", "the Committee Room, The Council House, Atherstone")
    _fill(driver, "m-signed", "Jerry Hutchinson, Chief Executive")
    _submit(driver, "Add meeting")
    meeting_path = safer_browser.path_of(driver)
    assert meeting_path.startswith("/meetings/"), safer_browser.describe_page(driver)
    assert not (found := _axe(driver)), found

    driver.find_element(By.LINK_TEXT, "Add a report").click()
    _fill(driver, "r-title", "Fly Tipping Progress Report")
    _fill(driver, "r-summary", "This report updates Members on fly tipping.")
    _fill(driver, "r-recs", "That Members note the report.")
    _fill(driver, "r-consultation", "Consultation has taken place with the relevant Members.")
    _fill(driver, "r-background", "Members receive regular progress reports.")
    # A block Safer does not know is refused, and what was typed is kept.
    _fill(driver, "r-body", "## Identifying Hot Spots\n\nWe received {{fly-tips.total from=2018-04-01 to=2018-12-31}} reports.")
    _submit(driver, "Save the report")
    assert "is not a Safer block" in driver.page_source
    assert "fly-tips.total" in driver.find_element(By.ID, "r-body").get_attribute("value")
    assert not (found := _axe(driver)), found
    _fill(driver, "r-body", "## Identifying Hot Spots\n\nDuring April to December we have received "
                            "{{fly-tips.count from=2018-04-01 to=2018-12-31}} reported incidents of fly tipping.")
    for kind in ("financial", "saferCommunities", "legal", "environment", "health", "risk", "equality", "priorities"):
        _fill(driver, f"implication-{kind}", "None.")
    _fill(driver, "r-papers", "None.")
    _fill(driver, "r-officer", "Robert Beggs")
    _fill(driver, "r-tel", "719238")
    _submit(driver, "Save the report")
    assert safer_browser.path_of(driver) == meeting_path, safer_browser.describe_page(driver)

    # The draft preview shows the live figure, numbered as the council numbers it.
    meeting_id = meeting_path.rsplit("/", 1)[-1]
    driver.get(f"{base_url}/meetings/{meeting_id}/draft?format=html")
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "we have received 910 reported incidents" in text, text[:2000]
    assert "4.1 During April to December" in text, "section 4 is the first after Summary, Consultation and Background"
    assert not (found := _axe(driver)), found

    # The page gives the deadline; today is past it, so the form asks for the reason for urgency.
    driver.get(f"{base_url}{meeting_path}")
    assert "Monday 10 June 2019" in driver.find_element(By.TAG_NAME, "main").text, "five clear working days before Tuesday 18 June"
    _fill(driver, "p-urgency", "The committee asked for these figures at short notice.")
    _submit(driver, "Publish the pack")
    assert "Version 1, published" in driver.page_source, safer_browser.describe_page(driver)
    assert "Reason for urgency: The committee asked for these figures at short notice." in driver.page_source

    # A visitor without an account finds it and downloads it.
    visitor = requests.Session()
    listing = visitor.get(f"{base_url}/meetings", timeout=30)
    assert listing.status_code == 200 and committee in listing.text
    page = visitor.get(f"{base_url}{meeting_path}", timeout=30)
    assert page.status_code == 200 and "Word (DOCX)" in page.text
    docx = visitor.get(f"{base_url}/meetings/{meeting_id}/published/1/docx", timeout=30)
    assert docx.status_code == 200
    document = Document(io.BytesIO(docx.content))
    assert any("910 reported incidents" in p.text for p in document.paragraphs)
    archive = visitor.get(f"{base_url}/meetings/{meeting_id}/published/1/zip", timeout=60)
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".xlsx") for n in names)
    # Drafts stay with staff (and councillors and partners the draft is shared with).
    assert visitor.get(f"{base_url}/meetings/{meeting_id}/draft", timeout=30, allow_redirects=False).status_code in (302, 303, 401, 403)


def test_the_committee_overview_leads_a_councillor_and_a_partner_to_their_business(driver, base_url, make_user, login):
    """From the home page to the committee overview: what is coming up, what changed, the open
    actions (the demo's two from January); a partner's own action first, with its form labelled."""
    councillor = make_user("councillor")
    login(driver, councillor.email, councillor.password)
    driver.get(f"{base_url}/")
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Committee overview").click()
    safer_browser.wait_for_page_load(driver, old)
    assert safer_browser.path_of(driver) == "/committee", safer_browser.describe_page(driver)
    headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
    assert headings[:3] == ["Coming up", "What changed since the last pack", "Open actions"], headings
    actions = driver.find_element(By.ID, "actions").text
    assert "Warwickshire Police" in actions and "North Warwickshire Borough Council" in actions, actions
    assert "Overdue" in actions, "the demo's actions were due 30 April 2019"
    assert not driver.find_elements(By.CSS_SELECTOR, "#actions form"), "a councillor updates no action"
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        assert not (found := _axe(driver)), f"{width} px: {found}"
    driver.set_window_size(1366, 900)

    partner = make_user("partner", organisation="Warwickshire Police")
    driver.delete_all_cookies()
    login(driver, partner.email, partner.password)
    driver.get(f"{base_url}/committee")
    own = driver.find_element(By.ID, "own-title")
    assert own.text == "Actions your organisation owns"
    forms = driver.find_elements(By.CSS_SELECTOR, "#actions form")
    assert len(forms) >= 1, safer_browser.describe_page(driver)
    # Each form's fields are labelled, and it comes back to the overview.
    form = forms[0]
    assert form.find_element(By.CSS_SELECTOR, "input[name=back]").get_attribute("value") == "/committee"
    status = form.find_element(By.CSS_SELECTOR, "select[name=status]")
    assert driver.find_element(By.CSS_SELECTOR, f"label[for='{status.get_attribute('id')}']").text == "Status"
    assert not (found := _axe(driver)), found
