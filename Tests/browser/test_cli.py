"""The command line as people use it: exit codes, messages, and files it writes.

Runs the same `safer` binary as the browser tests (SAFER_BIN), each test on its own
temporary SQLite database.
"""
from __future__ import annotations

import csv
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
    assert "Exit codes: 0 success, 1 failure or bad data, 2 bad usage" in result.stdout


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
    assert result.returncode == 1, "bad data in the file is exit 1; exit 2 is bad usage"
    assert "nope" in result.stderr
    # Counts are whole and not negative; every problem is named, nothing is stored.
    bad.write_text("indicator,month,value\ntheft-from-vehicle,2019-01,-3\ntheft-from-vehicle,2019-02,2.5\n")
    result = safer("import", "figures", str(bad))
    assert result.returncode == 1
    assert "-3 is negative" in result.stderr and "2.5 is not a whole number" in result.stderr, result.stderr
    # Text that is not UTF-8 is refused by name, never read with replacement characters.
    bad.write_bytes("indicator,month,value\ntheft-from-vehicle,2019-01,3 caf\xe9\n".encode("latin-1"))
    result = safer("import", "figures", str(bad))
    assert result.returncode == 1 and "is not UTF-8 text (line 2" in result.stderr, result.stderr
    assert safer("import", "figures").returncode == 2, "a missing argument is bad usage"
    good = tmp_path / "good.csv"
    good.write_text("indicator,month,value\ntheft-from-vehicle,2019-01,31\ntheft-from-vehicle,2018-04,\n")
    result = safer("import", "figures", str(good))
    assert result.returncode == 0, result.stderr
    assert "1 added, 0 changed, 0 removed" in result.stdout and "1 changed" in result.stdout
    # A blank leaves a month alone; removing takes the word clear and --confirm-removals.
    clear = tmp_path / "clear.csv"
    clear.write_text("indicator,month,value\ntheft-from-vehicle,2019-01,clear\n")
    refused = safer("import", "figures", str(clear))
    assert refused.returncode == 1 and "would be removed" in refused.stderr
    assert "removed theft-from-vehicle north-warwickshire 2019-01: 31" in refused.stdout
    dry = safer("import", "figures", "--dry-run", str(clear))
    assert dry.returncode == 0 and "dry run" in dry.stdout
    removed = safer("import", "figures", "--confirm-removals", str(clear))
    assert removed.returncode == 0 and "0 added, 0 changed, 1 removed" in removed.stdout


def test_a_port_in_use_is_said_plainly(safer):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = safer("serve", "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port}" in result.stderr and "already in use" in result.stderr


def test_fly_tipping_from_the_command_line(safer, tmp_path):
    """Import with a bad row named by line; the Defra return opened by a real XLSX reader; the
    seed's hot-spot table and clusters as CSV and JSON."""
    assert safer("demo", "load").returncode == 0
    incidents = tmp_path / "incidents.csv"
    incidents.write_text(
        "client_id,reported_at,location,latitude,longitude,land_type,waste_types,size\n"
        "cli-1,2019-02-20T10:00,\"Church Lane, Ansley\",52.526,-1.561,Highway,Green;Tyres,Small Van Load\n"
        "cli-2,2019-02-20T11:00,Nowhere,53.35,-6.26,Highway,Green,Single Item\n"
        "cli-3,2019-02-20T12:00,\"=HYPERLINK(\"\"http://x\"\")\",52.52,-1.56,Lay-by,Green,Single Item\n")
    result = safer("import", "fly-tips", str(incidents))
    assert result.returncode == 1
    assert "Imported 1 incidents" in result.stdout
    assert "Line 3:" in result.stderr and "not in Great Britain" in result.stderr
    assert "Line 4:" in result.stderr and "'Lay-by' is not a land type" in result.stderr
    again = safer("import", "fly-tips", str(incidents))
    assert "Imported 0 incidents" in again.stdout and "1 already stored" in again.stdout
    # A huge easting once stopped the process mid-file; now it is a named row and the rest go in.
    grid = tmp_path / "grid.csv"
    grid.write_text(
        "client_id,reported_at,location,easting,northing,land_type,waste_types,size\n"
        "grid-1,2019-02-21T10:00,Coleshill Road,1e300,294000,Highway,Green,Single Item\n"
        "grid-2,2019-02-21T11:00,Coleshill Road,433000,-1e300,Highway,Green,Single Item\n"
        "grid-3,2019-02-21T12:00,Coleshill Road,433000,294000,Highway,Green,Single Item\n")
    huge = safer("import", "fly-tips", str(grid))
    assert huge.returncode == 1 and "Imported 1 incidents" in huge.stdout, huge.stderr
    assert "Line 2:" in huge.stderr and "Line 3:" in huge.stderr and "outside the National Grid" in huge.stderr

    out = tmp_path / "defra.xlsx"
    written = safer("report", "defra-return", "--from", "2018-10", "--to", "2018-12", "--format", "xlsx", "--output", str(out))
    assert written.returncode == 0, written.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Incidents by land type and size", "Incidents by waste type", "Enforcement actions by type"]
    land = {row[0]: row for row in book["Incidents by land type and size"].iter_rows(values_only=True) if row and row[0]}
    waste = {row[0]: row for row in book["Incidents by waste type"].iter_rows(values_only=True) if row and row[0]}
    assert land["Total"][8] == waste["Total"][1] and land["Total"][8] > 200
    assert sum(land[label][8] for label in land if label not in ("Land type", "Total", "Clearance cost (£)")
               and isinstance(land[label][8], (int, float))) == land["Total"][8]
    long_csv = safer("report", "defra-return", "--from", "2018-10", "--to", "2018-12", "--format", "csv").stdout.splitlines()
    assert long_csv[0] == "section,category,size,count,cost"
    assert sum(int(line.split(",")[-2]) for line in long_csv[1:] if line.startswith("land-size,")) == land["Total"][8]

    hotspots = list(csv.reader(safer("report", "hotspots", "--from", "2018-07-01", "--to", "2019-02-28", "--limit", "11", "--format", "csv").stdout.splitlines()))
    assert hotspots[0][:3] == ["Rank", "Location", "Incidents"]
    assert [row[2] for row in hotspots[1:12]] == ["5", "5", "4", "3", "3", "3", "2", "2", "2", "2", "2"], hotspots
    assert hotspots[1][1] == "Oldbury Road, Hartshill"
    clusters = json.loads(safer("report", "clusters", "--from", "2018-07-01", "--to", "2019-02-28", "--eps", "150",
                                "--min-points", "3", "--format", "json").stdout)
    assert len(clusters["clusters"]) == 6 and all(c["members"] for c in clusters["clusters"]) and clusters["noise"]
    gi = safer("report", "gi", "--cell", "500", "--from", "2018-07-01", "--to", "2019-02-28", "--format", "csv").stdout.splitlines()
    assert gi[0] == "column,row,easting,northing,latitude,longitude,count,z,p,significance"


def test_backup_restore_and_purge_from_the_command_line(safer, tmp_path):
    """Issue 12.9 as an operator runs it: back up the demo, restore it into a new file with the
    same rows, refuse to restore over data, and purge with a dry run first."""
    assert safer("demo", "load").returncode == 0
    backup = tmp_path / "nightly.backup"
    made = safer("backup", "--output", str(backup))
    assert made.returncode == 0, made.stderr
    assert backup.stat().st_size > 100_000
    again = safer("backup", "--output", str(backup))
    assert again.returncode == 2 and "already exists" in again.stderr

    restored = tmp_path / "restored.sqlite"
    result = safer("restore", str(backup), "--database", str(restored), with_db=False)
    assert result.returncode == 0, result.stderr
    assert "fly_tips: 1198 rows" in result.stdout and "Restored" in result.stdout
    over = safer("restore", str(backup), "--database", str(restored), with_db=False)
    assert over.returncode == 2 and "restore into a new, empty database" in over.stderr

    dry = safer("purge", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "nothing was removed (--dry-run)" in dry.stdout and "case ENF-" in dry.stdout
    done = safer("purge")
    assert done.returncode == 0 and "the audit log records it" in done.stdout
    assert "Would remove contact details of 0 public reports and 0 suspects" in safer("purge", "--dry-run").stdout


SHARED_POLICE = Path(__file__).resolve().parents[3] / "shared" / "data" / "police-uk" / "north-warwickshire"


def _shared_police() -> Path:
    """The real police.uk extracts beside the repository; CI always has them."""
    if not SHARED_POLICE.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_POLICE} is missing, and CI must run this test", pytrace=False)
        pytest.skip("../shared/data/police-uk is absent")
    return SHARED_POLICE


def test_police_uk_zip_and_folder_as_downloaded(safer, tmp_path):
    """Issue 16.3 / 13.8: the zip police.uk's download page makes (YYYY-MM/ folders, outcomes
    beside the street files) imports the street files and says what it skipped; a folder too;
    the counts equal those of the plain CSVs."""
    import zipfile
    folder = _shared_police()
    archive = tmp_path / "police-uk-download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for month in ("2018-08", "2018-09"):
            z.write(folder / f"{month}-street.csv", f"{month}/{month}-warwickshire-street.csv")
            z.writestr(f"{month}/{month}-warwickshire-outcomes.csv", "Crime ID,Month\n")
    zipped = safer("import", "police-uk", "--all", str(archive))
    assert zipped.returncode == 0, zipped.stderr
    assert "Skipped 2 outcomes files in police-uk-download.zip" in zipped.stderr
    assert "for 2 months (2018-08 to 2018-09)" in zipped.stdout

    plain = tmp_path / "plain.sqlite"
    csvs = [str(folder / f"{month}-street.csv") for month in ("2018-08", "2018-09")]
    direct = safer("import", "police-uk", "--all", *csvs, "--database", str(plain), with_db=False)
    assert direct.returncode == 0, direct.stderr
    assert zipped.stdout.splitlines()[-1] == direct.stdout.splitlines()[-1], "the same rows either way"

    holder = tmp_path / "downloads"
    holder.mkdir()
    (holder / "police-uk-download.zip").write_bytes(archive.read_bytes())
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    again = safer("import", "police-uk", "--all", str(holder), "--database", str(tmp_path / "folder.sqlite"), with_db=False,
                  env={"TMPDIR": str(scratch)})
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == direct.stdout.splitlines()[-1]
    assert list(scratch.iterdir()) == [], "the extracted files are removed afterwards"

    empty = tmp_path / "nothing.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("2018-08/2018-08-warwickshire-outcomes.csv", "Crime ID,Month\n")
    refused = safer("import", "police-uk", "--all", str(empty))
    assert refused.returncode != 0 and "holds no street-level files" in refused.stderr, refused.stderr


def test_a_new_council_adds_its_district_and_beats_from_the_command_line(safer):
    """`safer area add|list` on an empty database: the district first, then its beats; bad input
    exits 2 with a message and stores nothing."""
    assert safer("migrate").returncode == 0
    beat = safer("area", "add", "--kind", "beat", "--key", "north", "--name", "North beat")
    assert beat.returncode == 2 and "Add the district first" in beat.stderr, beat
    added = safer("area", "add", "--kind", "district", "--key", "anytown", "--name", "Anytown District",
                  "--population", "64,069", "--households", "28000")
    assert added.returncode == 0 and "Saved the district Anytown District (anytown)." in added.stdout, added
    assert safer("area", "add", "--kind", "beat", "--key", "north", "--name", "North beat").returncode == 0
    for args, message in [(("--kind", "county"), "is not a kind of area"),
                          (("--kind", "ward", "--population", "1e300"), "is not a whole number above 0"),
                          (("--kind", "ward", "--population=-5"), "is not a whole number above 0")]:
        bad = safer("area", "add", "--key", "south", "--name", "South", *args)
        assert bad.returncode == 2 and message in bad.stderr, (args, bad)
    second = safer("area", "add", "--kind", "district", "--key", "othertown", "--name", "Othertown")
    assert second.returncode == 2 and "Safer holds one district" in second.stderr, second
    listed = safer("area", "list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines() == ["kind\tkey\tname\tpopulation\thouseholds",
                                          "district\tanytown\tAnytown District\t64069\t28000",
                                          "beat\tnorth\tNorth beat\t\t"], listed.stdout
    kept = safer("area", "remove", "--key", "anytown")
    assert kept.returncode == 2 and "is still used by 1 beat or ward under it" in kept.stderr, kept
    assert safer("area", "remove", "--key", "north").stdout.strip() == "Removed north."
    assert safer("area", "remove", "--key", "north").returncode == 2


def _street_csv(path: Path, month: str, rows: list[tuple[str, str]]) -> Path:
    """A police.uk street-level file: one row per (LSOA code, LSOA name)."""
    header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
    lines = [f",{month},Test Police,Test Police,-1.6,52.6,On or near High Street,{code},{name},Burglary,," for code, name in rows]
    path.write_text(header + "\n".join(lines) + "\n")
    return path


def test_a_new_council_sets_itself_up_and_imports_only_its_rows(safer, tmp_path):
    """Issue 16.1: `safer setup` on an empty database (bad values named, nothing stored), then
    `import police-uk` without --area keeps the council's rows by its rule: first an LSOA-name
    prefix, then the codes of an LSOA lookup; a second `setup` without flags shows what is set."""
    assert safer("migrate").returncode == 0
    csv_file = _street_csv(tmp_path / "2019-01-street.csv", "2019-01",
                           [("E01000001", "Anytown 001A"), ("E01000002", "Anytown 001B"), ("E01000003", "Othertown 001A")])
    before = safer("import", "police-uk", str(csv_file))
    assert before.returncode == 2 and "No council is set up yet" in before.stderr, before
    bad = safer("setup", "--name", "Anytown", "--ons-code", "X123", "--population", "1e300", "--lsoa-prefix", "Anytown", stdin="")
    assert bad.returncode == 2, bad
    assert "is not a local authority's ONS code" in bad.stderr and "'1e300' is not a whole number above 0" in bad.stderr, bad.stderr
    assert safer("area", "list").stdout.splitlines()[1:] == [], "nothing stored"

    made = safer("setup", "--name", "Anytown", "--ons-code", "E07000999", "--population", "50,000", "--population-year", "2021",
                 "--police-force", "Test", "--lsoa-prefix", "Anytown", stdin="")
    assert made.returncode == 0 and "Set up Anytown." in made.stdout, made
    kept = safer("import", "police-uk", str(csv_file))
    assert kept.returncode == 0 and "Imported 2 of 3 rows" in kept.stdout, kept

    lookup = tmp_path / "lookup.csv"
    lookup.write_text("lsoa_code,lsoa_name,beat,ward\nE01000002,Anytown 001B,,\nE01000003,Othertown 001A,,\n")
    assert safer("setup", "--lsoa-lookup", str(lookup), stdin="").returncode == 0
    by_code = safer("import", "police-uk", str(csv_file))
    assert by_code.returncode == 0 and "Imported 2 of 3 rows" in by_code.stdout and "LSOA not in the lookup" in by_code.stdout, by_code

    shown = safer("setup", stdin="")
    assert shown.returncode == 0, shown
    lines = dict(line.split(":\t", 1) for line in shown.stdout.splitlines())
    assert lines == {"Name": "Anytown", "ONS code": "E07000999", "District key": "anytown", "Population": "50,000",
                     "Population year": "2021", "Households": "(not set)", "Police force": "test",
                     "police.uk rows": "LSOA codes in the lookup"}, shown.stdout
    bad_rate = safer("indicator", "add", "--key", "burglary", "--name", "Burglary", "--rate-base", "acre")
    assert bad_rate.returncode == 2 and "is not a rate base" in bad_rate.stderr, bad_rate
    assert safer("indicator", "add", "--key", "burglary", "--name", "Burglary", "--rate-base", "residential-properties").returncode == 0


def test_the_starter_catalogue_is_a_template_from_the_command_line(safer):
    """Issue 16.1: `safer indicator template list|apply`: nothing built in, applied once, twice adds nothing."""
    assert safer("migrate").returncode == 0
    listed = safer("indicator", "template", "list", with_db=False)
    assert listed.returncode == 0 and listed.stdout.startswith("community-safety\t37 indicators in 13 themes\t"), listed
    assert safer("indicator", "list").stdout.strip().count("\n") == 0, "an empty catalogue"
    applied = safer("indicator", "template", "apply", "community-safety")
    assert applied.returncode == 0 and applied.stdout.strip() == "Added 13 themes and 37 indicators.", applied
    again = safer("indicator", "template", "apply", "community-safety")
    assert "Added 0 themes and 0 indicators; 50 already in the catalogue were left as they are." in again.stdout, again
    unknown = safer("indicator", "template", "apply", "policing")
    assert unknown.returncode == 2 and "'policing' is not a template: use community-safety" in unknown.stderr, unknown


def test_areas_and_boundaries_are_imported_from_files(safer, tmp_path):
    """Issue 16.1: `safer import areas` and `safer import boundaries`: every problem named with
    its line or feature, nothing stored from a bad file; a good one stores the district first."""
    assert safer("migrate").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,key,name,population\nbeat,north,North,abc\ncounty,x,X,\ndistrict,anytown,Anytown,1e300\n")
    refused = safer("import", "areas", str(bad))
    assert refused.returncode == 1, refused
    for part in ("Line 2: population 'abc' is not a whole number above 0", "Line 3: 'county' is not a kind of area",
                 "Line 4: population '1e300' is not a whole number above 0"):
        assert part in refused.stderr, (part, refused.stderr)
    assert safer("area", "list").stdout.splitlines()[1:] == []
    good = tmp_path / "areas.csv"
    good.write_text("kind,key,name,population,households\nbeat,north,North beat,\"25,000\",\nbeat,south,South beat,15000,\ndistrict,anytown,Anytown,40000,16000\n")
    saved = safer("import", "areas", str(good))
    assert saved.returncode == 0 and "Saved 3 areas." in saved.stdout, saved
    assert safer("area", "list").stdout.splitlines()[1:] == ["district\tanytown\tAnytown\t40000\t16000",
                                                             "beat\tnorth\tNorth beat\t25000\t", "beat\tsouth\tSouth beat\t15000\t"]

    point = tmp_path / "point.geojson"
    point.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"North beat"},'
                     '"geometry":{"type":"Point","coordinates":[-1.6,52.6]}},{"type":"Feature","properties":{"name":"Nowhere"},'
                     '"geometry":{"type":"Polygon","coordinates":[[[-1.7,52.6],[-1.5,52.6],[-1.5,52.7],[-1.7,52.6]]]}}]}')
    refused = safer("import", "boundaries", str(point))
    assert refused.returncode == 1, refused
    assert "Feature 1 (North beat) is not a Polygon or MultiPolygon" in refused.stderr and "Feature 2 ('Nowhere') names no beat" in refused.stderr, refused.stderr
    square = tmp_path / "beats.geojson"
    square.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"key":"north"},'
                      '"geometry":{"type":"Polygon","coordinates":[[[-1.7,52.6],[-1.5,52.6],[-1.5,52.7],[-1.7,52.7],[-1.7,52.6]]]}}]}')
    done = safer("import", "boundaries", str(square))
    assert done.returncode == 0 and "now cover 1 beat." in done.stdout, done
