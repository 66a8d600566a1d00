"""A stopped PostgreSQL: /health reports it, requests fail cleanly, and service resumes by
itself when the database returns. Runs its own throwaway PostgreSQL (as the scripts/test one
does: root, `runuser -u postgres`), so stopping it disturbs nothing else.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import requests

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*args: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120)


@pytest.fixture
def postgres():
    if not PG_BIN or os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL server binaries or root are missing", pytrace=False)
        pytest.skip("needs root and PostgreSQL server binaries")
    bin_dir = PG_BIN[-1]
    root = tempfile.mkdtemp(prefix="safer-pg-outage-")
    shutil.chown(root, "postgres", "postgres")
    data, port = os.path.join(root, "data"), _free_port()
    _as_postgres(f"{bin_dir}/initdb", "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256")
    ctl = [f"{bin_dir}/pg_ctl", "-D", data, "-l", os.path.join(root, "log"), "-w", "-o",
           f"-p {port} -c listen_addresses=127.0.0.1 -k {root}"]

    def start() -> None:
        _as_postgres(*ctl, "start")

    def stop() -> None:
        _as_postgres(f"{bin_dir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop")

    start()
    _as_postgres(f"{bin_dir}/psql", "-h", root, "-p", str(port), "-c", "CREATE ROLE safer LOGIN PASSWORD 'safer'")
    _as_postgres(f"{bin_dir}/createdb", "-h", root, "-p", str(port), "-O", "safer", "safer")
    yield f"postgres://safer:safer@127.0.0.1:{port}/safer?tlsmode=disable", start, stop
    subprocess.run(["runuser", "-u", "postgres", "--", f"{bin_dir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
                   capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


def _wait(url: str, status: int, seconds: float = 30) -> requests.Response:
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = requests.get(url, timeout=5)
            if last.status_code == status:
                return last
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer {status} in {seconds} s (last: {last and last.status_code})")


def test_health_reports_a_stopped_database_and_service_resumes(postgres, tmp_path):
    url, start, stop = postgres
    binary = os.environ["SAFER_BIN"]
    port = _free_port()
    add = subprocess.run([binary, "user", "add", "--database", url, "--email", "pg@example.test", "--name", "PG Admin",
                          "--role", "admin", "--password-stdin"], input="a long enough password\n",
                         capture_output=True, text=True, timeout=120)
    assert add.returncode == 0, add.stderr
    server = subprocess.Popen([binary, "serve", "--database", url, "--port", str(port)],
                              stdout=open(tmp_path / "serve.log", "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        ok = _wait(f"{base}/health", 200, 60)
        assert ok.json()["engine"] == "postgres"
        stop()
        down = _wait(f"{base}/health", 503)
        assert down.json()["status"] == "unavailable"
        started = time.monotonic()
        page = requests.get(f"{base}/login?next=/", timeout=30)
        assert time.monotonic() - started < 20, "requests fail cleanly instead of hanging"
        api = requests.get(f"{base}/api/v1/me", headers={"Authorization": "Bearer sft_x"}, timeout=30)
        assert api.status_code in (500, 503) and api.headers["Content-Type"].startswith("application/problem+json")
        assert "Traceback" not in page.text and "PSQLError" not in page.text
        start()
        _wait(f"{base}/health", 200)
        session = requests.Session()
        login = session.get(f"{base}/login", timeout=10)
        token = login.text.split('name="_csrf" value="')[1].split('"')[0]
        signed = session.post(f"{base}/login", data={"_csrf": token, "email": "pg@example.test",
                                                     "password": "a long enough password", "next": "/"}, timeout=30)
        assert "Signed in as PG Admin" in signed.text
    finally:
        server.terminate()
        server.wait(timeout=30)
