"""Performance pages in a real browser, and their downloads opened by real readers.

The server was started on a database loaded with `safer demo load` (scripts/test), so these
pages must reproduce the seed pack's tables (domain.md section 3).
"""
from __future__ import annotations

import csv
import io

import openpyxl
import requests
from selenium.webdriver.common.by import By

# domain.md section 3: baseline 2017/18 -> last 12 months to Dec 2018.
SEED_ROWS = {
    "Violence against the person & sexual offences": ("1,417", "1,482", "+4.6%", "Amber"),
    "Violence with injury": ("485", "519", "+7.0%", "Red"),
    "Violence with injury (domestic abuse flag)": ("152", "156", "+2.6%", "Amber"),
    "Violence without injury": ("756", "817", "+8.1%", "Red"),
    "Burglary residential - dwelling": ("271", "269", "-0.7%", "Amber"),
    "Theft from vehicle": ("393", "420", "+6.9%", "Red"),
    "Burglary business & community": ("216", "185", "-14.4%", "Green"),
    "Theft of vehicle": ("208", "212", "+1.9%", "Amber"),
    "Hate offences & crimed incidents": ("51", "52", "+2.0%", "Amber"),
    "Business crime": ("670", "455", "-32.1%", "Green"),
    "Anti-social behaviour incidents": ("1,699", "1,559", "-8.2%", "Green"),
    "Criminal damage & arson": ("479", "461", "-3.8%", "Amber"),
    "Total recorded crime": ("4,567", "4,626", "+1.3%", "Amber"),
}


def _session(driver, base_url: str) -> requests.Session:
    """A requests session carrying the browser's cookies."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session


def _rows(driver) -> dict[str, list[str]]:
    rows = {}
    for tr in driver.find_elements(By.CSS_SELECTOR, "table.report tbody tr"):
        header = tr.find_elements(By.CSS_SELECTOR, "th[scope=row]")
        if header:
            rows[header[0].text.strip()] = [td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")]
    return rows


def test_quarterly_report_reproduces_the_seed_rows_with_statuses_in_words(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}/performance/quarterly?through=2018-12")
    rows = _rows(driver)
    for name, expected in SEED_ROWS.items():
        assert name in rows, f"{name} missing from the report; rows: {sorted(rows)}"
        assert tuple(rows[name][:4]) == expected, f"{name}: {rows[name]}"
    # Arson (deliberate small fires): 49 -> 50, +2.0%, Amber; its name in the catalogue is longer.
    arson = [cells for name, cells in rows.items() if name.lower().startswith("arson")]
    assert arson and tuple(arson[0][:4]) == ("49", "50", "+2.0%", "Amber")
    # Status is never colour alone: the badge holds the word and the legend explains it.
    badges = driver.find_elements(By.CSS_SELECTOR, "table.report .rag")
    assert badges and all(b.text in ("Red", "Amber", "Green") for b in badges)
    assert "more than the threshold" in driver.find_element(By.CSS_SELECTOR, ".legend").text


def test_borough_table_shows_totals_to_date_and_blank_unreported_months(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}/performance?fy=2018/19")
    rows = _rows(driver)
    vap = rows["Violence against the person & sexual offences"]
    # previous year, Apr..Mar (12), total to date, vs same period
    assert vap[0] == "1,417"
    assert vap[1:10] == ["107", "114", "156", "169", "116", "113", "149", "124", "159"]
    assert vap[10:13] == ["", "", ""], "January to March 2019 are not reported: blank, never 0"
    assert vap[13] == "1,207"
    asb = rows["Anti-social behaviour incidents"]
    assert asb[13] == "1,237"


def test_beat_comparison_writes_the_narrative_from_data(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    driver.get(f"{base_url}/performance/beats?quarter=2018/19-Q3")
    text = driver.find_element(By.CSS_SELECTOR, ".narrative").text
    assert "Curdworth +19, Water Orton +9, Hurley and Wood End +7" in text
    assert "Hurley and Wood End +47" in text, "the slip in the hand-written narrative is not repeated"
    assert "Atherstone North and Hartshill" in text
    red = driver.find_elements(By.CSS_SELECTOR, "td.tone-red")
    green = driver.find_elements(By.CSS_SELECTOR, "td.tone-green")
    assert red and green
    assert all(cell.text.startswith("+") for cell in red)


def test_downloads_open_in_real_readers(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    session = _session(driver, base_url)
    xlsx = session.get(f"{base_url}/performance/quarterly?through=2018-12&format=xlsx", timeout=30)
    assert xlsx.status_code == 200, xlsx.text[:200]
    assert "spreadsheetml" in xlsx.headers["Content-Type"]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    sheet = book.active
    values = {row[0]: row[1:5] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["Theft from vehicle"][:2] == (393, 420)
    assert abs(values["Theft from vehicle"][2] - 0.0687) < 0.001
    assert values["Theft from vehicle"][3] == "Red"

    text = session.get(f"{base_url}/performance?fy=2018/19&format=csv", timeout=30).text
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][0] == "Indicator" and table[0][-2] == "Total to date"
    by_name = {row[0]: row for row in table[1:]}
    assert by_name["Anti-social behaviour incidents"][-2] == "1237"

    data = session.get(f"{base_url}/performance/beats?quarter=2018/19-Q3&format=json", timeout=30).json()
    assert data["quarter"] == "2018/19-Q3"
    assert "Curdworth +19" in data["biggestIncreases"]["vehicle-crime"]
