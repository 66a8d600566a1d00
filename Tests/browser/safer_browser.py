"""Helpers for Safer's real-browser tests (headless Chromium driven by Selenium).

Fixtures live in conftest.py; these plain functions are shared by them and the tests.
"""
from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("SAFER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SAFER_CHROMEDRIVER", "/usr/bin/chromedriver")

# Generous: a failed login is slowed down on purpose by the server.
WAIT_SECONDS = float(os.environ.get("SAFER_BROWSER_WAIT", "30"))


def new_driver() -> WebDriver:
    """Headless Chromium from Debian. Both paths are explicit so Selenium
    never looks for a browser or driver on the network."""
    # Selenium Manager must not try to download anything.
    os.environ.setdefault("SE_OFFLINE", "true")
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # required as root
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--password-store=basic",
        "--lang=en-GB",
    ):
        opts.add_argument(arg)
    # Performance log: lets tests read the HTTP status of each page.
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(30)
    return drv


def wait(driver: WebDriver, seconds: float = WAIT_SECONDS) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def wait_for_page_load(driver: WebDriver, old: WebElement | None = None) -> None:
    """After a click that navigates: wait until `old` (an element of the old
    page) is gone and the new document has finished loading."""
    if old is not None:
        wait(driver).until(lambda _: _is_stale(old))
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _is_stale(element: WebElement) -> bool:
    """Whether an element has left the document. While the old document is torn down,
    chromedriver sometimes answers "Node with given id does not belong to the document"
    as an unknown error instead of a stale-element one: that means gone, too."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def path_of(driver: WebDriver) -> str:
    return urlparse(driver.current_url).path


def drain_network_log(driver: WebDriver) -> list[tuple[str, int]]:
    """(url, HTTP status) of every document answered since the last call."""
    docs = []
    for entry in driver.get_log("performance"):
        try:
            msg = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if msg.get("method") != "Network.responseReceived":
            continue
        params = msg.get("params", {})
        if params.get("type") != "Document":
            continue
        resp = params.get("response", {})
        docs.append((resp.get("url", ""), int(resp.get("status", 0))))
    return docs


def last_document_status(driver: WebDriver) -> int | None:
    docs = drain_network_log(driver)
    return docs[-1][1] if docs else None


def describe_page(driver: WebDriver) -> str:
    """A short description of the current page for assertion messages."""
    try:
        title = driver.title
        h1 = driver.find_elements(By.TAG_NAME, "h1")
        body = driver.find_element(By.TAG_NAME, "body").text
    except Exception as exc:  # noqa: BLE001 - only for messages
        return f"<could not read page: {exc}>"
    heading = h1[0].text if h1 else "(no h1)"
    snippet = " ".join(body.split())[:400]
    return f"url={driver.current_url} title={title!r} h1={heading!r} text={snippet!r}"


def submit_login_form(driver: WebDriver, base_url: str, email: str, password: str) -> None:
    """Open /login, fill in the form and press the Sign in button; returns when
    the answer page has loaded (whatever it is)."""
    driver.get(base_url + "/login")
    form = wait(driver).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, 'form[action="/login"]'))
    )
    email_field = form.find_element(By.ID, "email")
    password_field = form.find_element(By.ID, "password")
    email_field.clear()
    email_field.send_keys(email)
    password_field.clear()
    password_field.send_keys(password)
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    wait_for_page_load(driver, old=form)


def signed_in_text(driver: WebDriver) -> str | None:
    found = driver.find_elements(By.CSS_SELECTOR, "p.signed-in")
    return found[0].text if found else None


def login(driver: WebDriver, base_url: str, email: str, password: str) -> None:
    """Sign in and check that it worked (the home page says who is signed in)."""
    submit_login_form(driver, base_url, email, password)
    try:
        wait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.signed-in")))
    except Exception:
        raise AssertionError(f"sign-in as {email} failed: {describe_page(driver)}") from None


# ------------------------------------------------------------------ axe-core

# What the council's pages must meet: WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@cache
def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python wheel (no CDN; the file only)."""
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def axe_run(driver: WebDriver, tags: list[str] | None = None) -> dict:
    """Runs axe-core on the current page: {"version": ..., "violations": [{id, impact, help,
    nodes: [{target, html, summary}]}]}. Fails if axe could not run or is older than 4.x (too
    old for the WCAG 2.2 rules)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done({version: axe.version, violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary}))}))}))
          .catch(e => done({error: String(e)}));
        """,
        tags or AXE_TAGS,
    )
    assert "error" not in result, f"axe-core failed on {driver.current_url}: {result['error']}"
    assert int(result["version"].split(".")[0]) >= 4, f"axe-core {result['version']} is too old for WCAG 2.2 rules"
    return result


def axe_violations(driver: WebDriver, tags: list[str] | None = None) -> list[dict]:
    """The WCAG A and AA violations axe-core finds on the current page."""
    return axe_run(driver, tags)["violations"]


def describe_violations(violations: list[dict], nodes: int = 5) -> str:
    """One line per rule (id, impact, what it asks) and the first few elements' selectors."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {' '.join(map(str, n['target']))}: {n['html']}" for n in v["nodes"][:nodes])
        if len(v["nodes"]) > nodes:
            lines.append(f"    … and {len(v['nodes']) - nodes} more")
    return "\n".join(lines)
