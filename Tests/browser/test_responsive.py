"""Pages fit a phone screen: no sideways scrolling at 375 x 812."""
import pytest
from selenium.webdriver.common.by import By

from safer_browser import describe_page, wait_for_page_load

PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 3, "mobile": True}


def emulate_phone(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)


def assert_no_horizontal_scroll(driver):
    m = driver.execute_script(
        "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " viewport: (document.querySelector('meta[name=viewport]') || {}).content || null};"
    )
    assert m["viewport"] and "width=device-width" in m["viewport"], (
        "no <meta name=\"viewport\" content=\"width=device-width, ...\">: phones lay the page"
        f" out 980 px wide and shrink it (found {m['viewport']!r})"
    )
    if m["scroll"] > m["inner"] or m["inner"] > PHONE["width"]:
        # On a phone, content wider than the screen also widens the layout
        # viewport (innerWidth), so both numbers tell of sideways scrolling.
        wide = driver.execute_script(
            "const w = arguments[0]; return Array.from(document.querySelectorAll('body *'))"
            ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)"
            ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +"
            " (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')"
            " + ' right=' + Math.round(e.getBoundingClientRect().right));",
            PHONE["width"],
        )
        pytest.fail(
            f"horizontal scroll on {driver.current_url} at {PHONE['width']} px: scrollWidth"
            f" {m['scroll']}, innerWidth {m['inner']}; elements sticking out: {wide}"
        )


def test_login_page_fits_phone(driver, base_url):
    emulate_phone(driver)
    driver.get(base_url + "/login")
    wait_for_page_load(driver)
    assert driver.find_elements(By.ID, "email"), describe_page(driver)
    assert_no_horizontal_scroll(driver)


def test_home_page_fits_phone(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    emulate_phone(driver)
    driver.get(base_url + "/")
    wait_for_page_load(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "p.signed-in"), describe_page(driver)
    assert_no_horizontal_scroll(driver)
