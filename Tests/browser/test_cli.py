"""The command line as people use it: exit codes, messages, and files it writes.

Runs the same `safer` binary as the browser tests (SAFER_BIN), each test on its own
temporary SQLite database.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

import openpyxl
import pytest


@pytest.fixture
def safer(tmp_path: Path):
    binary = os.environ.get("SAFER_BIN")
    if not binary:
        pytest.fail("SAFER_BIN is not set: run through scripts/test", pytrace=False)
    database = tmp_path / "cli.sqlite"

    def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, with_db: bool = True):
        full = [binary, *args] + (["--database", str(database)] if with_db else [])
        environment = {k: v for k, v in os.environ.items() if not k.startswith("SAFER_")}
        environment.update(env or {})
        return subprocess.run(full, input=stdin, capture_output=True, text=True, timeout=120, env=environment, cwd=tmp_path)

    return run


def test_help_describes_every_command(safer):
    result = safer("--help", with_db=False)
    assert result.returncode == 0
    for command in ("serve", "migrate", "user", "token", "demo", "indicator", "import", "report"):
        assert command in result.stdout
    assert "Exit codes: 0 success, 1 failure, 2 bad usage" in result.stdout


def test_bad_configuration_names_every_bad_key_and_exits_2(safer):
    result = safer("migrate", with_db=False,
                   env={"SAFER_PORT": "99999", "SAFER_SESSION_SECRET": "short", "SAFER_DATABASE": "mysql://x/y"})
    assert result.returncode == 2, result.stderr
    for key in ("SAFER_PORT", "SAFER_SESSION_SECRET", "SAFER_DATABASE"):
        assert key in result.stderr


def test_bad_usage_exits_2_and_a_database_that_cannot_open_is_named_with_its_password_masked(safer):
    assert safer("user", "add", "--email", "x@example.org").returncode == 2
    assert safer("report", "baseline", "--through", "2018-13").returncode == 2
    result = safer("migrate", "--database", "postgres://u:hunter2secret@127.0.0.1:1/db?tlsmode=disable", with_db=False)
    assert result.returncode == 1
    assert "***" in result.stderr and "hunter2secret" not in result.stderr
    assert "127.0.0.1" in result.stderr


def test_accounts_and_tokens_from_the_command_line(safer):
    added = safer("user", "add", "--email", "Officer@Example.org", "--name", "Ann Officer", "--role", "officer",
                  "--password-stdin", stdin="a long enough password\n")
    assert added.returncode == 0, added.stderr
    listed = safer("user", "list")
    assert "officer@example.org\tAnn Officer\tofficer" in listed.stdout
    token = safer("token", "create", "--user", "officer@example.org", "--name", "Crew phone 3")
    assert token.returncode == 0, token.stderr
    last = token.stdout.strip().splitlines()[-1]
    assert last.startswith("sft_") and len(last) > 40
    refused = safer("user", "add", "--email", "x@example.org", "--name", "X", "--role", "mayor", "--password-stdin",
                    stdin="a long enough password\n")
    assert refused.returncode == 2
    assert "'mayor' is not a role" in refused.stderr


def test_reports_in_every_format_match_the_seed(safer, tmp_path):
    assert safer("demo", "load").returncode == 0
    table = safer("report", "baseline", "--through", "2018-12")
    assert table.returncode == 0, table.stderr
    assert "Theft from vehicle" in table.stdout and "+6.9%" in table.stdout
    data = json.loads(safer("report", "beats", "--quarter", "2018/19-Q3", "--format", "json").stdout)
    assert "Curdworth +19" in data["biggestIncreases"]["vehicle-crime"]
    csv_text = safer("report", "borough", "--fy", "2018/19", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("Indicator,2017/18 total,Apr")
    out = tmp_path / "baseline.xlsx"
    written = safer("report", "baseline", "--through", "2018-12", "--format", "xlsx", "--output", str(out))
    assert written.returncode == 0, written.stderr
    sheet = openpyxl.load_workbook(out).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Business crime"][1:3] == (670, 455)
    assert rows["Business crime"][4] == "Green"


def test_figures_import_is_all_or_nothing(safer, tmp_path):
    assert safer("demo", "load").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,area,month,value\ntheft-from-vehicle,,2019-01,31\nnope,,2019-01,3\n")
    result = safer("import", "figures", str(bad))
    assert result.returncode == 2
    assert "nope" in result.stderr
    good = tmp_path / "good.csv"
    good.write_text("indicator,month,value\ntheft-from-vehicle,2019-01,31\n")
    result = safer("import", "figures", str(good))
    assert result.returncode == 0, result.stderr
    assert "1 changed" in result.stdout


def test_a_port_in_use_is_said_plainly(safer):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = safer("serve", "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port}" in result.stderr and "already in use" in result.stderr
