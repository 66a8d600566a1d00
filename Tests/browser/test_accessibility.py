"""Every page, for every role that can see it, has no WCAG 2.2 A or AA failure axe-core can find,
on a laptop (1366 px wide) and on a phone (390 px).

Each role (and the public, signed out) gets one browser, which starts from the role's home page
and follows every link it is shown (navigation, lists, "back to" links) to the pages behind them,
so each page is checked with the ids the demo data gives it (the first incident, case, plan,
meeting, account, indicator and so on). Pages that differ only in their id or query string are
checked once per role: they are one template. Besides what the links lead to, every role opens
/report and a page that does not exist (404), signed-in roles other than the administrator open a
page they may not (403), and the public opens /login, the meetings and the thanks page after
sending a report. ROUTES below lists the server's HTML pages and who may open them; a page a role
may open that no link led to fails the test, so the list and the links stay honest.

The test makes one public report ("Tip us off" takes 5 an hour from one address; test_flytipping
makes 2) so that the staff's triage page for one exists, and publishes the demo meeting (with the
CLI, as test_pack does on its own copy) so that the public sees a published pack.

At 390 px a page must also not scroll sideways: wide tables scroll inside their own labelled,
focusable wrapper instead.
"""
from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By

import safer_browser

WIDTHS = (1366, 390)
HEIGHT = 900
SIGNED_IN = ("admin", "officer", "field", "partner", "councillor")
ROLES = ("public", *SIGNED_IN)
EVERYONE = frozenset(ROLES)
ANY = frozenset(SIGNED_IN)
STAFF = frozenset({"admin", "officer"})
ADMIN = frozenset({"admin"})
RECORDERS = frozenset({"admin", "officer", "field"})      # FlyTippingController.recorders
DRAFT_READERS = frozenset({"admin", "officer", "partner", "councillor"})  # MeetingsController.draftReaders
POLICE = "Warwickshire Police"  # partners lead plan actions for an organisation
DEMO_MEETING = "2019-03-12"

# The server's HTML pages (routes.page and routes.publicPage in Sources/SaferWeb/Controllers/Web)
# and who the test expects to reach each one. Literal segments match before ":id".
ROUTES: dict[str, frozenset[str]] = {
    "/login": frozenset({"public"}),
    "/report": EVERYONE,
    "/report/thanks": frozenset({"public"}),
    "/meetings": EVERYONE,
    "/meetings/:id": EVERYONE,
    "/meetings/:id/published/:version/html": EVERYONE,
    "/meetings/:id/draft": DRAFT_READERS,
    "/meetings/:id/reports/new": STAFF,
    "/meetings/:id/reports/:report": STAFF,
    "/meetings/:id/minutes": STAFF,
    "/committee": ANY,
    "/": ANY,
    "/account": ANY,
    "/performance": ANY,
    "/performance/quarterly": ANY,
    "/performance/beats": ANY,
    "/performance/indicators/:key": ANY,
    "/performance/figures": STAFF,
    "/performance/police-uk": STAFF,
    "/hotspots": ANY,
    "/hotspots/map": ANY,
    "/plans": ANY,
    "/plans/summary": ANY,
    "/plans/items/:id": ANY,
    "/plans/:id": ANY,
    "/plans/:id/year-end": STAFF,
    "/fly-tipping": ANY,
    "/fly-tipping/incidents": ANY,
    "/fly-tipping/incidents/new": RECORDERS,
    "/fly-tipping/incidents/:id": ANY,
    "/fly-tipping/defra-return": ANY,
    "/fly-tipping/pspo": ANY,
    "/fly-tipping/money": ANY,
    "/fly-tipping/cctv": STAFF,
    "/fly-tipping/public-reports": STAFF,
    "/fly-tipping/public-reports/:id": STAFF,
    "/fly-tipping/enforcement": STAFF,
    "/fly-tipping/enforcement/:id": STAFF,
    "/capture": RECORDERS,
    "/admin": ADMIN,
    "/admin/users": ADMIN,
    "/admin/users/:id": ADMIN,
    "/admin/organisations": ADMIN,
    "/admin/audit": ADMIN,
    "/admin/indicators": ADMIN,
    "/admin/indicators/:key": ADMIN,
    "/admin/areas": ADMIN,
    "/admin/council": ADMIN,
    "/admin/fly-tipping": ADMIN,
    "/admin/bank-holidays": ADMIN,
}
# Links to files, not pages: downloads (CSV, JSON, GeoJSON, SVG, photos, the case export, packs
# in other formats), and the static files.
NOT_PAGES = re.compile(
    r"^/(static|vendor|api)/|^/hotspots/(map/geojson|map/svg|ranking|clusters|gi)$|\.(csv|json|svg|docx|xlsx|pdf|zip|ics)$"
    r"|^/fly-tipping/photos/|^/fly-tipping/enforcement/[^/]+/export$|^/meetings/[^/]+/published/[^/]+/(?!html$)[^/]+$"
    r"|^/logout$"
)
MISSING = "/no-such-page"
FORBIDDEN = "/admin"  # 403 for every signed-in role but the administrator


@dataclass
class Page:
    url: str      # path and query, as the link gave it
    route: str    # the ROUTES pattern, or the path itself for an error page
    status: int | None = None


@dataclass
class Session:
    """One role's browser: signed in once, walks the role's pages once to find them."""
    role: str
    driver: object
    base_url: str
    seeds: list[str]
    pages: list[Page] | None = None
    timings: dict[int, float] = field(default_factory=dict)

    def walk(self):
        """Opens each of the role's pages in turn and yields it while the browser shows it. The
        first walk finds the pages by following links; later walks open the same list."""
        if self.pages is not None:
            for page in self.pages:
                self._open(page.url)
                yield page
            return
        found: list[Page] = []
        routes_seen: set[str] = set()
        queue = list(self.seeds)
        while queue:
            url = queue.pop(0)
            route = route_of(url)
            if route in routes_seen:
                continue
            routes_seen.add(route)
            status = self._open(url)
            landed = relative(self.driver.current_url)
            if landed != url and route_of(landed) in routes_seen and route_of(landed) != route:
                continue  # a redirect to a page already on the list (e.g. /login when signed in)
            if self.driver.execute_script("return document.contentType") != "text/html":
                continue
            page = Page(url=url, route=route, status=status)
            found.append(page)
            queue.extend(self._links())
            yield page
        self.pages = found

    def _open(self, url: str) -> int | None:
        safer_browser.drain_network_log(self.driver)
        self.driver.get(self.base_url + url)
        safer_browser.wait(self.driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
        return safer_browser.last_document_status(self.driver)

    def _links(self) -> list[str]:
        hrefs = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]'), a => a.href)")
        origin = urlparse(self.base_url).netloc
        links = []
        for href in hrefs:
            parsed = urlparse(href)
            if parsed.netloc != origin or NOT_PAGES.search(parsed.path):
                continue
            query = parse_qs(parsed.query)
            if query.get("format", ["html"]) != ["html"]:
                continue  # a download of the same page
            links.append(relative(href))
        return links


def relative(url: str) -> str:
    parsed = urlparse(url)
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


def route_of(url: str) -> str:
    """The ROUTES pattern a path belongs to (literal segments first), or the path itself."""
    parts = urlparse(url).path.rstrip("/").split("/") or [""]
    best, best_literals = None, -1
    for pattern in ROUTES:
        pieces = pattern.rstrip("/").split("/")
        if len(pieces) != len(parts):
            continue
        if all(p.startswith(":") or p == s for p, s in zip(pieces, parts)):
            literals = sum(not p.startswith(":") for p in pieces)
            if literals > best_literals:
                best, best_literals = pattern, literals
    return best or urlparse(url).path


# ------------------------------------------------------------------ set-up


def _cli(*args: str) -> subprocess.CompletedProcess:
    binary, database = os.environ.get("SAFER_BIN"), os.environ.get("SAFER_DATABASE")
    if not binary or not database:
        pytest.fail("SAFER_BIN and SAFER_DATABASE are not set: run through scripts/test", pytrace=False)
    return subprocess.run([binary, *args, "--database", database], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})


def _send_tip_off(driver, base_url: str) -> str:
    """Sends one public report, described by place (no pin), as a visitor; returns the thanks
    page's address."""
    driver.get(base_url + "/report")
    form = driver.find_element(By.CSS_SELECTOR, 'form[action="/report"]')
    form.find_element(By.ID, "place").send_keys("Lay-by on Coleshill Road, Atherstone (accessibility test)")
    for choice in ("what-bags", "amount-car-boot", "land-road"):
        driver.find_element(By.CSS_SELECTOR, f'label[for="{choice}"]').click()
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    safer_browser.wait_for_page_load(driver, old=form)
    assert safer_browser.path_of(driver) == "/report/thanks", safer_browser.describe_page(driver)
    return relative(driver.current_url)


class Site:
    def __init__(self, base_url: str, admin, make_user) -> None:
        self.base_url, self.admin, self.make_user = base_url, admin, make_user
        self.sessions: dict[str, Session] = {}
        self._prepared = False

    def prepare(self) -> None:
        """Once per run: a public report for the staff to triage, and a published meeting."""
        if self._prepared:
            return
        self._prepared = True
        published = _cli("pack", "publish", "--meeting", DEMO_MEETING,
                         "--urgency", "The accessibility run publishes a 2019 meeting today.")
        assert published.returncode == 0 or "already published" in published.stderr, (
            f"safer pack publish failed (exit {published.returncode}):\n{published.stdout}\n{published.stderr}")

    def session(self, role: str) -> Session:
        self.prepare()
        if role in self.sessions:
            return self.sessions[role]
        driver = safer_browser.new_driver()
        try:
            # The maps' tiles come from the internet (https); the test neither needs nor waits for them.
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["https://*"]})
            seeds = ["/", "/report", "/meetings", MISSING]
            if role == "public":
                seeds = ["/login", _send_tip_off(driver, self.base_url), *seeds]
            else:
                self.session("public")  # its report is on the staff's triage list
                user = self.admin if role == "admin" else self.make_user(
                    role, organisation=POLICE if role == "partner" else None)
                safer_browser.login(driver, self.base_url, user.email, user.password)
                if role != "admin":
                    seeds.append(FORBIDDEN)
        except BaseException:
            driver.quit()
            raise
        self.sessions[role] = Session(role=role, driver=driver, base_url=self.base_url, seeds=seeds)
        return self.sessions[role]

    def close(self) -> None:
        for session in self.sessions.values():
            session.driver.quit()


@pytest.fixture(scope="module")
def site(base_url, admin, make_user):
    site = Site(base_url, admin, make_user)
    yield site
    site.close()


# ------------------------------------------------------------------ checks


def sideways_scroll(driver, width: int) -> str | None:
    """What sticks out of a page that scrolls sideways at this width (None when it does not);
    elements inside a scrolling wrapper are named only when nothing else sticks out."""
    return driver.execute_script(
        """
        const w = arguments[0];
        if (document.documentElement.scrollWidth <= w) return null;
        const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
        const out = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1);
        // Usually the culprit is outside any scrolling box; if not, something positioned escapes one.
        const wide = (out.some(e => !scrolls(e)) ? out.filter(e => !scrolls(e)) : out).slice(0, 6)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
               (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
               ' right=' + Math.round(e.getBoundingClientRect().right));
        return 'scrollWidth ' + document.documentElement.scrollWidth + '; sticking out: ' + wide.join(', ');
        """,
        width,
    )


@pytest.mark.parametrize(("role", "width"), [(r, w) for r in ROLES for w in WIDTHS],
                         ids=[f"{r}-{w}px" for r in ROLES for w in WIDTHS])
def test_every_page_a_role_can_see_has_no_wcag_violations(site, role, width):
    session = site.session(role)
    driver = session.driver
    driver.set_window_size(width, HEIGHT)
    started = time.monotonic()
    failures: list[str] = []
    statuses: dict[str, int | None] = {}
    for page in session.walk():
        statuses[page.route] = page.status
        where = f"{role} at {width} px, {page.url} ({page.route}, HTTP {page.status})"
        violations = safer_browser.axe_violations(driver)
        if violations:
            failures.append(f"{where}:\n{safer_browser.describe_violations(violations)}")
        if width < 500 and (overflow := sideways_scroll(driver, width)):
            failures.append(f"{where}: the page scrolls sideways: {overflow}")
    session.timings[width] = time.monotonic() - started
    print(f"\n[accessibility] {role} at {width} px: {len(session.pages or [])} pages in {session.timings[width]:.1f} s")

    # The walk reached every page the role may open, and the error pages answered as such.
    expected = {route for route, roles in ROUTES.items() if role in roles}
    missing = sorted(expected - statuses.keys())
    assert not missing, f"{role}: no link led to {missing}; pages found: {sorted(statuses)}"
    assert statuses.get(MISSING) == 404, f"{MISSING} answered {statuses.get(MISSING)}"
    if FORBIDDEN in session.seeds and role != "admin":
        assert statuses.get(FORBIDDEN) == 403, f"{role}: {FORBIDDEN} answered {statuses.get(FORBIDDEN)}"
    assert not failures, f"{len(failures)} page(s) fail for {role} at {width} px:\n\n" + "\n\n".join(failures)


# Forms sent empty (the browser's own checks switched off, as an old browser or a script would
# send them): the page that comes back names the problems, and is as accessible as the form.
FAILED_FORMS = [
    ("/report", "/report"),
    ("/fly-tipping/incidents/new", "/fly-tipping/incidents"),
    ("/admin/users", "/admin/users"),
    ("/admin/organisations", "/admin/organisations"),
    ("/admin/indicators", "/admin/indicators"),
    ("/admin/bank-holidays", "/admin/bank-holidays"),
    ("/meetings", "/meetings"),
    ("/meetings", "/meetings/committees"),
]


@pytest.mark.parametrize(("page", "action"), FAILED_FORMS, ids=[f"{p}->{a}" for p, a in FAILED_FORMS])
def test_a_form_sent_wrong_comes_back_accessible_with_its_problems(site, page, action):
    driver = site.session("admin").driver
    driver.set_window_size(WIDTHS[0], HEIGHT)
    driver.get(site.base_url + page)
    safer_browser.wait_for_page_load(driver)
    form = driver.find_element(By.CSS_SELECTOR, f'form[action="{action}"]')
    driver.execute_script(
        "const f = arguments[0]; f.noValidate = true;"
        "f.querySelectorAll('input[type=text], input:not([type]), input[type=email], input[type=number], textarea')"
        ".forEach(e => { if (e.name !== '_csrf') e.value = ''; });"
        "HTMLFormElement.prototype.submit.call(f);", form)
    safer_browser.wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"),
                                     f"{action}: no error summary came back: {safer_browser.describe_page(driver)}")
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert summary.text.strip(), f"{action}: the error summary is empty"
    violations = safer_browser.axe_violations(driver)
    assert not violations, f"{action} sent empty:\n{safer_browser.describe_violations(violations)}"
