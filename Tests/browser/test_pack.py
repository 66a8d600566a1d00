"""The committee pack of 12 March 2019, opened by the readers people use.

One model, five outputs: the HTML in headless Chromium (with axe-core), the DOCX with
python-docx, the XLSX with openpyxl, the PDF with pypdf, and the JSON; then publishing, which
freezes the files, and a correction, which lists the figures that changed.

The demo is loaded once per module into a prepared SQLite file; tests that change data work on
their own copy of it. Runs the same `safer` binary as the other browser tests (SAFER_BIN).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import safer_browser

MEETING = "2019-03-12"
COMMITTEE = "Safer Communities Sub-Committee"
# The four officer reports (agenda items 6–9), titled as in the council's pack.
REPORT_TITLES = {
    6: "Fly Tipping Progress Report and Revised Action Plan 2019/20",
    7: "North Warwickshire Community Safety Partnership Update",
    8: "The Corporate Plan 2019-20",
    9: "Progress Report on Achievement of Corporate Plan Targets April - December 2018",
}
RAG_WORDS = ("Red", "Amber", "Green")
WROTE = re.compile(r"Wrote (?P<path>.+) \((?P<size>\d+) bytes, SHA-256 (?P<sha>[0-9a-f]{64})\)")


# ------------------------------------------------------------------ running safer


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def safer(database: Path, *args: str, cwd: Path | None = None) -> Result:
    binary = os.environ.get("SAFER_BIN")
    if not binary:
        pytest.fail("SAFER_BIN is not set: run through scripts/test", pytrace=False)
    # The server's settings must not leak in; the Chromium that prints PDFs may be named.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SAFER_") or k == "SAFER_CHROMIUM"}
    environment["SWIFT_BACKTRACE"] = "enable=no"
    proc = subprocess.run([binary, *args, "--database", str(database)], capture_output=True, text=True,
                          timeout=300, env=environment, cwd=cwd or database.parent)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def build(database: Path, fmt: str, output: Path) -> Path:
    """`safer pack build`; checks the "Wrote" line names the file's size and SHA-256."""
    result = safer(database, "pack", "build", "--meeting", MEETING, "--format", fmt, "--output", str(output))
    assert result.returncode == 0, f"pack build --format {fmt} failed:\n{result}"
    wrote = WROTE.search(result.stdout)
    assert wrote, f"no 'Wrote FILE (N bytes, SHA-256 …)' line:\n{result}"
    data = output.read_bytes()
    assert int(wrote["size"]) == len(data)
    assert wrote["sha"] == hashlib.sha256(data).hexdigest()
    return output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The demo data, loaded once; treat as read-only (copy it with `fresh_db` to change data)."""
    database = tmp_path_factory.mktemp("pack-demo") / "demo.sqlite"
    loaded = safer(database, "demo", "load")
    assert loaded.returncode == 0, f"demo load failed:\n{loaded}"
    return database


@pytest.fixture
def fresh_db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "pack.sqlite"
    shutil.copyfile(demo_db, copy)
    return copy


@pytest.fixture(scope="module")
def built(demo_db: Path, tmp_path_factory) -> dict[str, Path]:
    """The draft pack in the formats that need no printer, built once."""
    out = tmp_path_factory.mktemp("pack-files")
    return {fmt: build(demo_db, fmt, out / f"pack.{fmt}") for fmt in ("html", "docx", "xlsx", "json")}


@pytest.fixture(scope="module")
def pack_json(built) -> dict:
    return json.loads(built["json"].read_bytes())


def blocks_of_kind(pack: dict, kind: str) -> list[dict]:
    found = [b for b in pack["blocks"] if b.get("kind") == kind]
    assert found, f"no block of kind {kind!r}; kinds: {sorted({b.get('kind') for b in pack['blocks']})}"
    return found


def block_references(node) -> list[int]:
    """Every `{"block": {"_0": N}}` in the reports: the blocks a paragraph or appendix shows."""
    found: list[int] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "block" and isinstance(value, dict) and "_0" in value:
                found.append(value["_0"])
            else:
                found.extend(block_references(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(block_references(value))
    return found


# ------------------------------------------------------------------ command line


def test_the_demo_meeting_is_listed_as_a_draft_with_four_reports(demo_db):
    listed = safer(demo_db, "meeting", "list")
    assert listed.returncode == 0, str(listed)
    line = next((l for l in listed.stdout.splitlines() if l.startswith(MEETING)), None)
    assert line, f"no line for {MEETING}:\n{listed.stdout}"
    assert re.fullmatch(rf"{MEETING}  {COMMITTEE}  Draft  4 reports  id [0-9a-f-]{{36}}", line), line


def test_bad_input_is_named_and_nothing_is_written(demo_db, tmp_path):
    target = tmp_path / "pack.odt"
    bad_format = safer(demo_db, "pack", "build", "--meeting", MEETING, "--format", "odt", "--output", str(target))
    assert bad_format.returncode == 2, str(bad_format)
    assert '"odt" is not a pack format' in bad_format.stderr, bad_format.stderr
    for fmt in ("html", "docx", "xlsx", "pdf", "json", "zip"):
        assert fmt in bad_format.stderr
    assert not target.exists()

    target = tmp_path / "pack.html"
    no_meeting = safer(demo_db, "pack", "build", "--meeting", "2019-03-13", "--format", "html", "--output", str(target))
    assert "2019-03-13" in no_meeting.stderr and "No meeting" in no_meeting.stderr, str(no_meeting)
    assert not target.exists()
    assert no_meeting.returncode == 2, f"an unknown meeting date is bad input (exit 2):\n{no_meeting}"
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ JSON


def test_json_has_the_cut_off_every_block_with_its_period_and_the_seed_figures(pack_json):
    assert pack_json["cutOff"] == "2019-03-04"
    assert pack_json["meetingDate"] == MEETING
    assert pack_json["committee"] == COMMITTEE
    assert pack_json["status"] == "draft"
    blocks = pack_json["blocks"]
    assert len(blocks) >= 10
    for index, block in enumerate(blocks):
        assert isinstance(block.get("period"), str) and block["period"].strip(), f"block {index} has no period: {block.get('reference')}"
        assert block.get("kind") and block.get("reference"), f"block {index}: {sorted(block)}"

    (count,) = blocks_of_kind(pack_json, "fly-tips.count")
    assert count["number"] == 910 and count["text"] == "910"
    assert count["period"] == "1 April 2018 to 31 December 2018"
    (spent,) = blocks_of_kind(pack_json, "funding.spent")
    assert spent["number"] == pytest.approx(2648.52) and spent["text"] == "£2,648.52"
    (allocated,) = blocks_of_kind(pack_json, "funding.allocated")
    assert allocated["number"] == 37710 and allocated["text"] == "£37,710.00"
    (enforcement,) = blocks_of_kind(pack_json, "enforcement.sentence")
    assert enforcement["text"] == "3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution"

    assert [r["itemNumber"] for r in pack_json["reports"]] == [6, 7, 8, 9]
    assert {r["itemNumber"]: r["title"] for r in pack_json["reports"]} == REPORT_TITLES


def test_json_every_block_the_reports_use_exists_and_every_block_is_used(pack_json):
    used = block_references(pack_json["reports"])
    assert used, "the reports reference no blocks"
    count = len(pack_json["blocks"])
    missing = sorted({i for i in used if not (isinstance(i, int) and 0 <= i < count)})
    assert not missing, f"reports reference blocks that are not in the pack: {missing} (pack has {count})"
    unused = sorted(set(range(count)) - set(used) - set(block_references([pack_json["agenda"], pack_json["minutes"]])))
    assert not unused, f"blocks no report shows: {[pack_json['blocks'][i]['reference'] for i in unused]}"


# ------------------------------------------------------------------ DOCX


def docx_body(document) -> list[tuple[str, object]]:
    """The body in order: ("p", Paragraph) and ("t", Table)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    items = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            items.append(("p", Paragraph(child, document._body)))
        elif child.tag == qn("w:tbl"):
            items.append(("t", Table(child, document._body)))
    return items


def heading_level(paragraph) -> int | None:
    match = re.fullmatch(r"Heading (\d)", paragraph.style.name)
    return int(match[1]) if match else None


@pytest.fixture(scope="module")
def document(built):
    return docx.Document(str(built["docx"]))


def test_docx_uses_the_built_in_heading_styles(document):
    paragraphs = document.paragraphs
    by_text = {}
    for p in paragraphs:
        by_text.setdefault(p.text.strip(), []).append(p)

    def style_of(text: str) -> set[str]:
        assert text in by_text, f"no paragraph {text!r}"
        return {p.style.name for p in by_text[text]}

    for title in REPORT_TITLES.values():
        assert "Heading 1" in style_of(title), f"{title!r}: {style_of(title)}"
    assert style_of("1 Summary") == {"Heading 2"}
    assert style_of("4.2 Investigations") == {"Heading 3"}
    assert style_of("4.3 Identifying Hot Spots") == {"Heading 3"}
    # Built-in means Word's own: style ids Heading1–3 with outline levels 0–2 (the navigation pane).
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        assert style.style_id == f"Heading{level}"
        outline = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1), f"Heading {level} has no outline level {level - 1}"
    # Headings never skip a level.
    previous = 0
    for p in paragraphs:
        level = heading_level(p)
        if level is None:
            continue
        assert level <= previous + 1, f"Heading {level} after Heading {previous}: {p.text!r}"
        previous = level


def test_docx_numbered_paragraphs_and_the_seed_figures(document):
    texts = [p.text for p in document.paragraphs]
    numbered = [t for t in texts if re.match(r"\d+(\.\d+)+\t", t)]
    assert len(numbered) > 100, f"only {len(numbered)} numbered paragraphs"
    # A paragraph number is followed by a tab, never a space (headings are "4.2 Investigations").
    for p in document.paragraphs:
        if heading_level(p) is None and re.match(r"\d+\.\d+(\.\d+)*[ \u00a0]", p.text):
            pytest.fail(f"number followed by a space, not a tab ({p.style.name}): {p.text[:80]!r}")

    def paragraph(number: str, after: str | None = None) -> str:
        start = texts.index(next(t for t in texts if after and after in t)) if after else 0
        found = next((t for t in texts[start:] if t.startswith(number + "\t")), None)
        assert found, f"no paragraph {number}<TAB>…"
        return found

    item6 = REPORT_TITLES[6]
    assert "we have received 910 reported incidents" in paragraph("4.3.1", after=item6)
    assert ("3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution"
            in paragraph("4.2.1", after=item6))
    assert "£2,648.52" in paragraph("5.3", after=item6)
    assert "£37,710.00" in paragraph("8.1.1", after=item6)


def test_docx_tables_repeat_their_header_row_and_rag_cells_are_shaded_and_worded(document):
    tables = document.tables
    assert len(tables) >= 10
    for index, table in enumerate(tables):
        first = table.rows[0]._tr
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, \
            f"table {index} ({[c.text for c in table.rows[0].cells][:3]}): first row does not repeat as a header"
    fills: dict[str, set[str]] = {word: set() for word in RAG_WORDS}
    for index, table in enumerate(tables):
        for row in table.rows[1:]:
            for cell in row.cells:
                word = cell.text.strip()
                if word not in RAG_WORDS:
                    continue
                shading = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
                fill = shading.get(qn("w:fill")) if shading is not None else None
                assert fill and fill.lower() not in ("auto", "ffffff"), f"table {index}: {word} cell has no shading"
                fills[word].add(fill.upper())
    for word in RAG_WORDS:
        assert fills[word], f"no {word} status cell in any table"
    assert len({next(iter(f)) for f in fills.values()}) == 3, f"Red, Amber and Green share a colour: {fills}"


def test_docx_charts_are_inline_images_with_alt_text_and_the_footer_numbers_pages(document):
    shapes = document.inline_shapes
    assert len(shapes) >= 3, f"{len(shapes)} inline images; item 7 has three charts"
    for shape in shapes:
        described = shape._inline.docPr.get("descr", "")
        assert len(described.strip()) > 10, f"image {shape._inline.docPr.get('name')!r} has no alternative text"
    body = document.element.body
    anchored = body.findall(".//" + qn("wp:anchor"))
    assert not anchored, "floating (anchored) images: charts must be inline"
    # Every picture in the document, however placed, is described.
    for doc_pr in body.iter(qn("wp:docPr")):
        assert doc_pr.get("descr", "").strip(), f"{doc_pr.get('name')!r} has no descr"

    footers = "".join(part.footer._element.xml for part in document.sections)
    assert (re.search(r'w:instr="\s*PAGE\b', footers) or re.search(r"<w:instrText[^>]*>\s*PAGE\b", footers)), \
        "no PAGE field in the footer"


def test_docx_item_9_summary_table_shows_green_9_amber_2_red_0(document):
    current = None
    found = None
    for kind, item in docx_body(document):
        if kind == "p" and heading_level(item) == 1:
            current = item.text.strip()
        if kind == "t" and current == REPORT_TITLES[9]:
            header = [c.text.strip() for c in item.rows[0].cells]
            if {"Green", "Amber", "Red"} <= set(header):
                found = (header, [[c.text.strip() for c in r.cells] for r in item.rows[1:]])
                break
    assert found, "no table with Green, Amber and Red columns in item 9"
    header, rows = found
    plan = next((r for r in rows if r[0].startswith("Corporate Plan targets 2018/19")), None)
    assert plan, f"no Corporate Plan targets 2018/19 row: {rows}"
    values = dict(zip(header, plan))
    assert (values["Green"], values["Amber"], values["Red"]) == ("9", "2", "0"), values
    assert values.get("Green %") == "82%" and values.get("Amber %") == "18%"


# ------------------------------------------------------------------ XLSX


@pytest.fixture(scope="module")
def workbook(built):
    return openpyxl.load_workbook(built["xlsx"])


def table_sheets(workbook):
    return workbook.worksheets[1:]


def only_table(ws):
    tables = list(ws.tables.values())
    assert len(tables) == 1, f"sheet {ws.title!r} has {len(tables)} Excel tables"
    return tables[0]


def test_xlsx_cover_sheet_has_the_title_and_lists_every_table(workbook, pack_json):
    cover = workbook.worksheets[0]
    assert cover["A1"].value and COMMITTEE in cover["A1"].value and "12 March 2019" in cover["A1"].value, cover["A1"].value
    rows = [tuple(r) for r in cover.iter_rows(values_only=True)]
    header = next((i for i, r in enumerate(rows) if r and r[0] == "Sheet"), None)
    assert header is not None, "no contents list (a row starting 'Sheet') on the cover"
    listed = [r[0] for r in rows[header + 1:] if r and r[0] in workbook.sheetnames]
    assert listed == workbook.sheetnames[1:], f"contents {listed} vs sheets {workbook.sheetnames[1:]}"
    # One sheet per table in the pack.
    titles = [b["table"]["title"] for b in pack_json["blocks"] if "table" in b]
    assert len(table_sheets(workbook)) == len(titles)
    contents_titles = [r[1] for r in rows[header + 1:] if r and r[0] in workbook.sheetnames]
    assert contents_titles == titles


def test_xlsx_one_excel_table_per_sheet_from_a1_with_one_header_row_no_merges_no_blank_rows(workbook):
    for ws in workbook.worksheets:
        assert not ws.merged_cells.ranges, f"{ws.title!r} has merged cells {ws.merged_cells.ranges}"
    for ws in table_sheets(workbook):
        table = only_table(ws)
        assert table.ref.startswith("A1:"), f"{ws.title!r}: table at {table.ref}"
        assert table.ref == ws.dimensions, f"{ws.title!r}: table {table.ref} but data {ws.dimensions}"
        assert table.headerRowCount in (None, 1), f"{ws.title!r}: {table.headerRowCount} header rows"
        assert not table.totalsRowCount
        rows = list(ws.iter_rows(values_only=True))
        header = rows[0]
        assert all(isinstance(h, str) and h.strip() for h in header), f"{ws.title!r}: blank header {header}"
        assert len(set(header)) == len(header), f"{ws.title!r}: repeated header {header}"
        assert len(rows) >= 2, f"{ws.title!r}: no data rows"
        for number, row in enumerate(rows[1:], start=2):
            assert any(v not in (None, "") for v in row), f"{ws.title!r}: row {number} inside {table.ref} is blank"


def test_xlsx_counts_and_statuses_are_stored_as_numbers(workbook):
    beats = next((ws for ws in table_sheets(workbook) if ws["A1"].value == "Beat"), None)
    assert beats, "no police beat comparison sheet"
    rows = list(beats.iter_rows(min_row=2, values_only=True))
    assert len(rows) >= 20
    for row in rows:
        for value in row[1:]:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{row[0]}: {value!r} is not a number"
    by_beat = {r[0]: r for r in rows}
    assert by_beat["Arley and Whitacre"][1:4] == (88, 88, 0)

    summary = next((ws for ws in table_sheets(workbook)
                    if {"Green", "Amber", "Red"} <= {c.value for c in ws[1]} and "Plan status summary" in ws.title), None)
    assert summary, f"no plan status summary sheet with Green, Amber and Red columns in {workbook.sheetnames}"
    rows = list(summary.iter_rows(values_only=True))
    header = rows[0]
    plan = next(r for r in rows[1:] if any(isinstance(v, str) and v.startswith("Corporate Plan targets 2018/19") for v in r))
    values = dict(zip(header, plan))
    assert (values["Green"], values["Amber"], values["Red"]) == (9, 2, 0), values
    assert values["Green %"] == pytest.approx(0.82) and values["Amber %"] == pytest.approx(0.18)


LOOKS_NUMERIC = re.compile(r"[+-]?£?\d[\d,]*(\.\d+)?%?")


def test_xlsx_no_number_is_stored_as_text(workbook):
    """A figure a reader would sum or chart (a count, an amount, a percentage) is a number cell,
    not text that only looks like one."""
    as_text = []
    for ws in table_sheets(workbook):
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and LOOKS_NUMERIC.fullmatch(cell.value.strip()):
                    as_text.append(f"{ws.title!r}!{cell.coordinate}={cell.value!r}")
    assert not as_text, f"{len(as_text)} numbers stored as text, e.g. {as_text[:8]}"


# ------------------------------------------------------------------ HTML (Chromium)


HTML_FACTS = """
const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .map(h => ({level: +h.tagName[1], text: h.textContent.trim().replace(/\\s+/g, ' ')}));
const tables = [...document.querySelectorAll('table')].map((t, i) => ({
  index: i,
  caption: t.caption ? t.caption.textContent.trim() : '',
  th: t.querySelectorAll('th').length,
  unscoped: [...t.querySelectorAll('th')].filter(th => !['col','row','colgroup','rowgroup'].includes(th.getAttribute('scope'))).map(th => th.outerHTML.slice(0, 120)),
}));
const rag = [...document.querySelectorAll('td.rag, th.rag, [class*="rag-"]')].map(c => ({
  text: c.textContent.trim(), cls: c.className, bg: getComputedStyle(c).backgroundColor}));
const svgs = [...document.querySelectorAll('svg')].map(s => {
  const title = s.querySelector(':scope > title');
  const labelledby = (s.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  return {role: s.getAttribute('role'), title: title ? title.textContent.trim() : '', titleId: title ? title.id : null,
          labelledby, labelsExist: labelledby.every(id => document.getElementById(id) !== null),
          label: s.getAttribute('aria-label') || ''};
});
return {lang: document.documentElement.getAttribute('lang'), title: document.title,
        headings, tables, rag, svgs, text: document.body.innerText};
"""


def test_html_structure_in_chromium(driver, built):
    driver.get(built["html"].resolve().as_uri())
    facts = driver.execute_script(HTML_FACTS)
    assert facts["lang"] == "en-GB"
    assert facts["title"].strip()

    levels = [h["level"] for h in facts["headings"]]
    assert levels.count(1) == 1, f"{levels.count(1)} h1 elements: {[h for h in facts['headings'] if h['level'] == 1]}"
    assert levels[0] == 1, f"the first heading is h{levels[0]}"
    for before, after in zip(facts["headings"], facts["headings"][1:]):
        assert after["level"] <= before["level"] + 1, \
            f"heading level skips: h{before['level']} {before['text'][:50]!r} then h{after['level']} {after['text'][:50]!r}"
    heading_texts = " | ".join(h["text"] for h in facts["headings"])
    for title in REPORT_TITLES.values():
        assert title in heading_texts, f"no heading for {title!r}"

    assert len(facts["tables"]) >= 10
    for table in facts["tables"]:
        assert table["caption"], f"table {table['index']} has no caption"
        assert table["th"] > 0, f"table {table['index']} ({table['caption'][:40]!r}) has no th"
        assert not table["unscoped"], f"table {table['index']} ({table['caption'][:40]!r}): th without scope {table['unscoped'][:3]}"

    assert facts["rag"], "no Red/Amber/Green cells"
    seen = set()
    for cell in facts["rag"]:
        assert cell["text"] in RAG_WORDS, f"RAG cell without its word: {cell}"
        assert f"rag-{cell['text'].lower()}" in cell["cls"], f"RAG colour and word disagree: {cell}"
        assert cell["bg"] not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)"), f"RAG cell not coloured: {cell}"
        seen.add(cell["text"])
    assert seen == set(RAG_WORDS), f"statuses shown: {seen}"

    assert len(facts["svgs"]) >= 3, "item 7 has three trend charts"
    for svg in facts["svgs"]:
        assert svg["role"] == "img", svg
        assert svg["title"], f"svg without a title: {svg}"
        assert svg["labelsExist"], f"aria-labelledby names missing ids: {svg}"

    text = " ".join(facts["text"].split())
    assert "we have received 910 reported incidents" in text
    assert "3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution" in text
    assert "£2,648.52" in text and "£37,710.00" in text
    assert "4 March 2019" in text  # the cut-off


def test_html_has_no_axe_violations_wcag_22_aa(driver, built):
    driver.get(built["html"].resolve().as_uri())
    driver.set_script_timeout(180)
    result = safer_browser.axe_run(driver)
    violations = result["violations"]
    assert not violations, (f"axe-core {result['version']} found {len(violations)} violations:\n"
                            f"{safer_browser.describe_violations(violations)}")


# ------------------------------------------------------------------ PDF and zip


def outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        if isinstance(entry, list):
            titles.extend(outline_titles(entry))
        else:
            titles.append(str(entry.title))
    return titles


def test_pdf_is_tagged_has_an_outline_and_the_agenda_page_numbers_are_the_pdfs(demo_db, tmp_path):
    path = build(demo_db, "pdf", tmp_path / "pack.pdf")
    reader = PdfReader(str(path))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    assert len(pages) > 5, f"{len(pages)} pages"

    root = reader.trailer["/Root"].get_object()
    mark_info = root.get("/MarkInfo")
    marked = mark_info.get_object().get("/Marked") if mark_info is not None else None
    assert marked is not None and bool(marked), f"not a tagged PDF: /MarkInfo {mark_info}"
    assert "/StructTreeRoot" in root, "no /StructTreeRoot"
    assert "/Outlines" in root, "no document outline"
    titles = outline_titles(reader.outline)
    # Chromium joins a heading's wrapped lines without a space ("Action Plan2019/20"): compare without spaces.
    squeezed = "".join(REPORT_TITLES[6].split())
    assert any(squeezed in "".join(t.split()) for t in titles), f"item 6 is not in the outline: {titles[:20]}"

    # The front sheet's agenda (pages 1–2) prints each report's page; those are the PDF's pages.
    title = REPORT_TITLES[6]
    agenda = next((i for i in (0, 1) if i < len(pages) and title in pages[i]), None)
    assert agenda is not None, f"the agenda (pages 1–2) does not list item 6: {pages[:2]}"
    after = pages[agenda][pages[agenda].index(title):]
    page_ref = re.search(r"\bpage (\d+)\b", after, re.IGNORECASE)
    assert page_ref, f"the agenda does not print item 6's page: {after[:300]!r}"
    number = int(page_ref[1])
    assert agenda + 1 < number <= len(pages), f"item 6 on page {number} of {len(pages)} (agenda on page {agenda + 1})"
    assert title in pages[number - 1], f"page {number} does not start item 6: {pages[number - 1][:300]!r}"
    assert "Agenda Item No 6" in pages[number - 1], pages[number - 1][:300]

    # Items 7–9 likewise, in order.
    # The agenda may run onto the next page.
    agenda_text = " ".join(pages[:agenda + 2])
    previous = number
    for item in (7, 8, 9):
        entry = re.search(rf"\b{item} {re.escape(REPORT_TITLES[item])}.*?\(page (\d+)\)", agenda_text)
        assert entry, f"the agenda does not print item {item}'s page"
        page = int(entry[1])
        assert previous < page <= len(pages), f"item {item} on page {page} (item before on {previous}, {len(pages)} pages)"
        squeezed = "".join(pages[page - 1].split())
        assert "".join(REPORT_TITLES[item].split()) in squeezed and f"AgendaItemNo{item}" in squeezed, \
            f"page {page} does not start item {item}: {pages[page - 1][:300]!r}"
        previous = page


def test_zip_holds_every_format_and_they_are_the_same_files(demo_db, built, tmp_path):
    path = build(demo_db, "zip", tmp_path / "pack.zip")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        by_ext = {name.rsplit(".", 1)[-1]: name for name in names}
        assert set(by_ext) == {"html", "docx", "xlsx", "pdf", "json"}, names
        for ext in ("html", "docx", "xlsx", "json"):
            assert archive.read(by_ext[ext]) == built[ext].read_bytes(), f"{by_ext[ext]} differs from `pack build --format {ext}`"
        assert archive.read(by_ext["pdf"]).startswith(b"%PDF-")
        assert len(PdfReader(io.BytesIO(archive.read(by_ext["pdf"]))).pages) > 5


# ------------------------------------------------------------------ publish = freeze


def publications(database: Path) -> list[tuple[str, int, str, str]]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT id, version, reason, changes FROM publications ORDER BY version").fetchall()


def published_files(database: Path, version: int) -> dict[str, tuple[bytes, str, int]]:
    """name -> (bytes, sha256, size) of a published version's files."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT f.name, f.bytes, f.sha256, f.size FROM publication_files f JOIN publications p ON p.id = f.publication_id "
            "WHERE p.version = ?", (version,)).fetchall()
    return {name: (bytes(data), sha, size) for name, data, sha, size in rows}


def published_json(database: Path, version: int) -> bytes:
    files = published_files(database, version)
    # The public pack's JSON; the demo's exempt appendix adds the members' pack (`-restricted.json`).
    names = [n for n in files if n.endswith(".json") and "-restricted." not in n]
    assert len(names) == 1, f"version {version} files: {sorted(files)}"
    data, sha, size = files[names[0]]
    assert hashlib.sha256(data).hexdigest() == sha and len(data) == size
    return data


def spent(pack: dict) -> float:
    (block,) = [b for b in pack["blocks"] if b["kind"] == "funding.spent"]
    return block["number"]


def test_publishing_freezes_the_pack_and_a_correction_lists_what_changed(fresh_db, tmp_path):
    # Today is long past the meeting's deadline (Monday 4 March 2019): a reason for urgency is needed.
    refused = safer(fresh_db, "pack", "publish", "--meeting", MEETING)
    assert refused.returncode == 2, f"a late publication without --urgency:\n{refused}"
    assert "The papers were due by Monday 4 March 2019" in refused.stderr, refused.stderr
    assert not publications(fresh_db)
    urgency = "The demonstration publishes a 2019 meeting's papers today."
    first = safer(fresh_db, "pack", "publish", "--meeting", MEETING, "--urgency", urgency)
    assert first.returncode == 0, f"pack publish failed:\n{first}"
    assert f"Published version 1 of the {MEETING} pack" in first.stdout, first.stdout
    assert "Figures changed" not in first.stdout
    files = published_files(fresh_db, 1)
    assert {n.rsplit(".", 1)[-1] for n in files} == {"html", "docx", "xlsx", "pdf", "json", "zip"}, sorted(files)
    for name, (data, sha, size) in files.items():
        assert hashlib.sha256(data).hexdigest() == sha, f"{name}: stored SHA-256 is not the bytes'"
        assert len(data) == size
        assert sha in first.stdout, f"{name}'s SHA-256 is not printed"
    # The reason is printed on the front sheet of the Word and PDF packs, as read by their readers.
    # The demo's exempt appendix adds the members' pack (`-restricted.*`); the public pack is read here.
    assert any("-restricted." in name for name in files), sorted(files)
    public = {name: value for name, value in files.items() if "-restricted." not in name}
    (docx_bytes,) = [data for name, (data, _, _) in public.items() if name.endswith(".docx")]
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(docx_bytes)).paragraphs)
    assert f"after Monday 4 March 2019, the last day that left five clear working days before the meeting. Reason for urgency: {urgency}" in word
    (pdf_bytes,) = [data for name, (data, _, _) in public.items() if name.endswith(".pdf")]
    pdf_text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf_bytes)).pages[:3])
    assert f"Reason for urgency: {urgency}" in pdf_text, pdf_text[:3000]
    frozen = published_json(fresh_db, 1)
    assert json.loads(frozen)["status"] == "published version 1"
    assert spent(json.loads(frozen)) == pytest.approx(2648.52)
    listed = safer(fresh_db, "meeting", "list")
    assert re.search(rf"^{MEETING}  {COMMITTEE}  Published  4 reports", listed.stdout, re.M), listed.stdout

    # A spend item of January 2019 turns out to be £1 more.
    with sqlite3.connect(fresh_db) as db:
        changed = db.execute("UPDATE spend_items SET amount_pence = amount_pence + 100 WHERE day = '2019-01-09'").rowcount
    assert changed == 1

    draft = json.loads(build(fresh_db, "json", tmp_path / "draft.json").read_bytes())
    assert spent(draft) == pytest.approx(2649.52), "the draft does not show today's data"
    html = build(fresh_db, "html", tmp_path / "draft.html").read_text(encoding="utf-8")
    assert "£2,649.52" in html
    assert published_json(fresh_db, 1) == frozen, "the published JSON changed with the data"
    assert published_files(fresh_db, 1) == files, "a published file changed with the data"

    again = safer(fresh_db, "pack", "publish", "--meeting", MEETING)
    assert again.returncode == 2, f"a second publication without --reason:\n{again}"
    assert "reason" in again.stderr and "Version 1 is already published" in again.stderr, again.stderr
    assert len(publications(fresh_db)) == 1

    corrected = safer(fresh_db, "pack", "publish", "--meeting", MEETING, "--reason", "January CCTV invoice was £1 short")
    assert corrected.returncode == 0, f"the correction failed:\n{corrected}"
    assert f"Published version 2 of the {MEETING} pack" in corrected.stdout, corrected.stdout
    assert "Figures changed since version 1:" in corrected.stdout, corrected.stdout
    changes = corrected.stdout.split("Figures changed since version 1:", 1)[1]
    assert "£2,648.52 → £2,649.52" in changes, changes
    assert "funding.spent" in changes
    assert "37,710" not in changes, "an unchanged figure is listed as changed"
    rows = publications(fresh_db)
    assert [(v, r) for _, v, r, _ in rows] == [(1, ""), (2, "January CCTV invoice was £1 short")]
    assert "£2,648.52 → £2,649.52" in rows[1][3]
    version2 = json.loads(published_json(fresh_db, 2))
    assert version2["status"] == "published version 2" and spent(version2) == pytest.approx(2649.52)
    assert published_json(fresh_db, 1) == frozen, "publishing a correction changed version 1"
    listed = safer(fresh_db, "meeting", "list")
    assert "(2 versions)" in listed.stdout, listed.stdout


# ------------------------------------------------------------------ exempt information


def _public_text(name: str, data: bytes) -> str:
    """The words of a published file as its reader sees them."""
    if name.endswith(".docx"):
        document = docx.Document(io.BytesIO(data))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    if name.endswith(".pdf"):
        return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(_public_text(inner, archive.read(inner)) for inner in archive.namelist())
    return data.decode("utf-8")


def test_exempt_text_is_in_no_public_file_and_in_the_members_pack(fresh_db):
    secret = "Mr Example of 1 Sample Street"
    with sqlite3.connect(fresh_db) as db:
        rows = db.execute("SELECT id, details FROM officer_reports").fetchall()
        ((report_id, report),) = [(i, json.loads(d)) for i, d in rows if json.loads(d)["title"].startswith("Fly Tipping")]
        report["summary"] += f" The case against {secret} is ready for court."
        report["exemption"] = {"paragraph": 7, "publicInterest": "Publishing would prejudice the prosecution."}
        db.execute("UPDATE officer_reports SET details = ? WHERE id = ?", (json.dumps(report), report_id))
    published = safer(fresh_db, "pack", "publish", "--meeting", MEETING, "--urgency", "Exempt test.")
    assert published.returncode == 0, f"pack publish failed:\n{published}"
    files = published_files(fresh_db, 1)
    public = {n: d for n, (d, _, _) in files.items() if "-restricted." not in n}
    members = {n: d for n, (d, _, _) in files.items() if "-restricted." in n}
    assert {n.rsplit(".", 1)[-1] for n in public} == {"html", "docx", "xlsx", "pdf", "json", "zip"}, sorted(files)
    assert {n.rsplit(".", 1)[-1] for n in members} == {"html", "docx", "xlsx", "pdf", "json", "zip"}, sorted(files)
    notice = "Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local Government Act 1972"
    for name, data in public.items():
        text = _public_text(name, data)
        assert secret not in text and "ready for court" not in text, f"{name} holds exempt text"
        # The demo's own exempt appendix (item 6, appendix D) likewise.
        assert "Legal Services are reviewing the evidence" not in text, f"{name} holds the demo's exempt appendix"
        if not name.endswith(".xlsx"):
            assert notice in text, f"{name} does not give the Schedule 12A notice"
    for name in ("docx", "pdf"):
        ((member_file, data),) = [(n, d) for n, d in members.items() if n.endswith(f".{name}")]
        text = _public_text(member_file, data)
        assert secret in text and notice in text and "Restricted: this pack contains exempt information" in text, f"members' {name}"
        assert "Legal Services are reviewing the evidence" in text, f"members' {name} lacks the demo's exempt appendix"
