"""Fixtures for Safer's real-browser tests.

scripts/test starts `safer serve` with a fresh SQLite database, creates an
admin, and runs pytest with these variables set:
  SAFER_BASE_URL        e.g. http://127.0.0.1:PORT
  SAFER_ADMIN_EMAIL, SAFER_ADMIN_PASSWORD, SAFER_ADMIN_NAME
  SAFER_BIN             the safer binary (to add users with `safer user add`)
  SAFER_DATABASE        the server's SQLite database
  SAFER_TEST_ARTIFACTS  (optional) where screenshots of failed tests go
"""
from __future__ import annotations

import os
import secrets
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import safer_browser

ROLES = ("admin", "officer", "field", "partner", "councillor")


@dataclass(frozen=True)
class User:
    email: str
    password: str
    name: str
    role: str


def _env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(
            f"{name} is not set: run the browser tests with `scripts/test --browser-only`, "
            "which starts the server and sets it",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def base_url() -> str:
    return _env("SAFER_BASE_URL").rstrip("/")


@pytest.fixture(scope="session")
def admin() -> User:
    return User(
        email=_env("SAFER_ADMIN_EMAIL"),
        password=_env("SAFER_ADMIN_PASSWORD"),
        name=os.environ.get("SAFER_ADMIN_NAME", ""),
        role="admin",
    )


@pytest.fixture(scope="session")
def make_user() -> Callable[..., User]:
    """make_user(role) adds a user with a random e-mail through the CLI
    (`safer user add ... --password-stdin`) and returns it."""
    binary = _env("SAFER_BIN")
    database = _env("SAFER_DATABASE")

    def _make(role: str = "officer", name: str | None = None, organisation: str | None = None) -> User:
        """Partners need an organisation (name or id): pass organisation=..."""
        assert role in ROLES, f"unknown role {role!r}"
        tag = secrets.token_hex(4)
        user = User(
            email=f"{role}-{tag}@example.test",
            password="Pw-" + secrets.token_urlsafe(18),
            name=name or f"Test {role.capitalize()} {tag}",
            role=role,
        )
        args = [binary, "user", "add", "--database", database, "--email", user.email,
                "--name", user.name, "--role", role, "--password-stdin"]
        if organisation is not None:
            args += ["--organisation", organisation]
        proc = subprocess.run(
            args,
            input=user.password + "\n", capture_output=True, text=True, timeout=60,
            env={**os.environ, "SWIFT_BACKTRACE": "enable=no"},
        )
        if proc.returncode != 0:
            raise AssertionError(
                f"`safer user add` failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
            )
        return user

    return _make


@pytest.fixture
def login(base_url: str) -> Callable[..., None]:
    """login(driver, email, password): sign in through the form; fails the
    test if the home page does not show who is signed in."""

    def _login(driver, email: str, password: str) -> None:
        safer_browser.login(driver, base_url, email, password)

    return _login


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def driver(request):
    drv = safer_browser.new_driver()
    try:
        yield drv
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            _save_artifacts(drv, request.node.name)
        drv.quit()


def _save_artifacts(drv, test_name: str) -> None:
    out = Path(os.environ.get("SAFER_TEST_ARTIFACTS") or tempfile.gettempdir()) / "browser-failures"
    try:
        out.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in test_name)
        drv.save_screenshot(str(out / f"{safe}.png"))
        (out / f"{safe}.html").write_text(drv.page_source, encoding="utf-8")
        print(f"\n[browser] screenshot and HTML of {test_name}: {out}/{safe}.png/.html")
    except Exception as exc:  # noqa: BLE001 - best effort only
        print(f"\n[browser] could not save artifacts for {test_name}: {exc}")
