#!/usr/bin/env python3
"""The committee pack benchmark's peer: python-docx and openpyxl writing the pack Safer writes.

    peer.py docx PACK.json OUT.docx [--charts DIR] [--public-styles]   Word document with python-docx
    peer.py xlsx PACK.json OUT.xlsx                  workbook with openpyxl
    peer.py check PACK.json SAFER.docx PEER.docx SAFER.xlsx PEER.xlsx

The input is the pack as Safer writes it with `safer pack build --format json` (the whole rendered
model: front sheet, agenda, minutes, reports with their numbered paragraphs, and the blocks with
their tables). `docx` and `xlsx` write the same content Safer's PackDOCX and PackXLSX write, the
way a competent python-docx / openpyxl user would (public API first, OxmlElement where the API has
no call: repeating header rows, cell shading, bookmarks, fields), and print one line

    write_ms=<milliseconds>

timed with time.perf_counter from after the JSON is read (and the library imported) until the
file is saved: the writing alone. Run under /usr/bin/time -v, the whole process (interpreter,
imports, reading the JSON, writing) gives the figure comparable with one `safer pack build`.

The chart pictures: Safer draws each chart as a PNG inside its DOCX. The peer does not draw; with
--charts DIR it embeds DIR/chart1.png, chart2.png... (the run script takes them out of Safer's own
DOCX), read into memory before the clock starts, so the peer's document holds the same pictures
without paying for drawing them.

`check` reads both DOCX files with python-docx and both workbooks with openpyxl and compares what
matters: every table's cell texts, the repeating header rows, the shaded cells, the paragraphs'
text and headings; every sheet's name, values (numbers to six decimals, as Safer writes them),
number formats and Excel table. It prints one line
per file type and exits 1 when a table or sheet differs.
"""
import io
import json
import math
import sys
import time

REPORT_ITEMS_HEADING = "Items for discussion and decision (white papers)"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# --- the pack's JSON (Swift's Codable enums: {"text": {"_0": "..."}}) -------------------------------

def payload(value):
    """The associated value of a Swift enum case as JSON: {"_0": x} is x."""
    if isinstance(value, dict) and set(value) == {"_0"}:
        return value["_0"]
    return value


def day_label(day):
    """2019-01-31 as "31 January 2019" (CalendarDay.label)."""
    if isinstance(day, dict):  # {"year":…, "month":…, "day":…}, should the encoding change
        year, month, number = day["year"], day["month"], day["day"]
    else:
        year, month, number = (int(part) for part in str(day).split("-"))
    return f"{number} {MONTHS[month - 1]} {year}"


def lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def run_text(pack, runs):
    """A paragraph's runs as text, inline blocks as their words."""
    out = []
    for part in runs:
        if "text" in part:
            out.append(payload(part["text"]))
        else:
            index = payload(part["block"])
            blocks = pack["blocks"]
            out.append((blocks[index].get("text") or "") if 0 <= index < len(blocks) else "")
    return "".join(out)


def inline_blocks(runs):
    return [payload(part["block"]) for part in runs if "block" in part]


def tables_of(pack):
    """Every table the pack shows, with where it appears (Pack.tables)."""
    result = []
    for report in pack["reports"]:
        def add(content, place):
            for part in content:
                if "block" in part:
                    table = pack["blocks"][payload(part["block"])].get("table")
                    if table is not None:
                        result.append((place, table))
        for section in report["sections"]:
            add(section["content"], f"Item {report['itemNumber']}")
        for appendix in report["appendices"]:
            add(appendix["content"], f"Item {report['itemNumber']} Appendix {appendix['letter']}")
    return result


def figures_table(chart):
    """A chart's points as a table, for a chart block without its own table."""
    def month(text):
        year, number = text.split("-")
        return f"{MONTHS[int(number) - 1]} {year}"
    rows = []
    for point in chart["points"]:
        value = point.get("value")
        text = "incomplete" if value is None else (f"{value:,.0f}" if float(value).is_integer() else f"{value:,}")
        rows.append({"cells": [{"text": month(point["month"])}, {"text": text, "number": value}]})
    return {"title": chart["title"], "columns": [{"header": "Month", "kind": "text"},
            {"header": "Count in 12 months", "kind": "number"}], "rows": rows, "notes": []}


# --- DOCX with python-docx ----------------------------------------------------------------------

def write_docx(pack, path, charts, public_styles=False):
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Twips

    start = time.perf_counter()
    document = Document()
    styles = document.styles

    # Page and styles: A4, one-inch margins, Arial 12 (en-GB), the few styles of Safer's own.
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for side in ("top_margin", "right_margin", "bottom_margin", "left_margin"):
        setattr(section, side, Twips(1440))
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(12)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(language)

    def paragraph_style(name, size=None, bold=False):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        if size:
            style.font.size = Pt(size)
        if bold:
            style.font.bold = True
        return style

    numbered = paragraph_style("Numbered Paragraph")
    numbered.paragraph_format.left_indent = Twips(851)
    numbered.paragraph_format.first_line_indent = Twips(-851)
    numbered.paragraph_format.tab_stops.add_tab_stop(Twips(851))
    recommendation = paragraph_style("Recommendation")
    recommendation.paragraph_format.keep_together = True
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", "0B0C0C")):
            border.set(qn(f"w:{key}"), value)
        borders.append(border)
    recommendation.element.get_or_add_pPr().append(borders)
    recommendation.element.get_or_add_pPr().append(shading("F3F2F1", OxmlElement, qn))
    table_text = paragraph_style("Table Text", size=10)
    table_text.paragraph_format.space_before, table_text.paragraph_format.space_after = Pt(2), Pt(2)
    paragraph_style("Note", size=10)

    core = document.core_properties
    title = f"{pack['committee']}, {day_label(pack['meetingDate'])}"
    core.title, core.subject, core.author, core.language = title, f"Agenda pack ({pack['status']})", pack["council"], "en-GB"

    # Footer: the pack and its status, "Page n of m".
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{title} ({pack['status']})\tPage ")
    footer._p.append(field("PAGE", OxmlElement, qn))
    footer.add_run(" of ")
    footer._p.append(field("NUMPAGES", OxmlElement, qn))

    body = document
    bookmark_id = [0]
    chart_number = [0]
    blocks = pack["blocks"]
    right_kinds = ("number", "percent")
    fills = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
    tones = {"red": RGBColor(0x9C, 0x00, 0x06), "green": RGBColor(0x00, 0x61, 0x00)}

    # A paragraph's style. python-docx's `paragraph.style = name` looks for the template's default
    # paragraph style among its ~160 styles on every call (most of the writing time with thousands
    # of table cells), so by default the style's id is looked up once and written as w:pStyle, which
    # is all the public setter writes; --public-styles measures the public setter instead.
    style_ids = {}

    def set_style(p, style):
        if style is None:
            return
        if public_styles:
            p.style = style
            return
        name = style if isinstance(style, str) else style.name
        style_id = style_ids.get(name)
        if style_id is None:
            style_id = style_ids[name] = styles[name].style_id
        p._p.get_or_add_pPr().style = style_id

    def paragraph(text=None, style=None, bold=False, keep_next=False, page_break_before=False, align=None):
        p = body.add_paragraph()
        set_style(p, style)
        if text is not None:
            p.add_run(text).bold = bold or None
        if keep_next:
            p.paragraph_format.keep_with_next = True
        if page_break_before:
            p.paragraph_format.page_break_before = True
        if align:
            p.alignment = align
        return p

    def texts(text):
        for line in lines(text):
            if line.strip():
                paragraph(line.strip())

    def bookmark(p, anchor):
        bookmark_id[0] += 1
        start_mark, end_mark = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start_mark.set(qn("w:id"), str(bookmark_id[0]))
        start_mark.set(qn("w:name"), bookmark_name(anchor))
        end_mark.set(qn("w:id"), str(bookmark_id[0]))
        p._p.insert(p._p.index(p.runs[0]._r), start_mark)
        p._p.append(end_mark)

    def hyperlink(p, text, anchor):
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark_name(anchor))
        run = p.add_run(text, style=None)
        run.font.underline = True
        run.font.color.rgb = RGBColor(0x1D, 0x70, 0xB8)
        p._p.remove(run._r)
        link.append(run._r)
        p._p.append(link)

    def incomplete(block):
        if block.get("incomplete"):
            p = paragraph(style="Note")
            p.add_run("Data incomplete: ").bold = True
            p.add_run(" ".join(block["incomplete"]))

    def column_widths(columns):
        weights = [(3 if index == 0 else 2) if column["kind"] == "text" else 1 for index, column in enumerate(columns)]
        total = max(sum(weights), 1)
        widths = [9026 * weight // total for weight in weights]
        if widths:
            widths[0] += 9026 - sum(widths)
        return widths

    def table(data, period):
        if period is not None:
            caption = paragraph(style="Caption")
            caption.add_run(data["title"]).bold = True
            if data.get("subtitle"):
                caption.add_run("\n" + data["subtitle"])
            if period:
                caption.add_run("\nPeriod: " + period)
        columns = data["columns"]
        if not columns:
            return
        widths = column_widths(columns)
        right = [column["kind"] in right_kinds for column in columns]
        grid = body.add_table(rows=1 + len(data["rows"]), cols=len(columns))
        grid.style = "Table Grid"
        grid.autofit = False
        caption_element = OxmlElement("w:tblCaption")
        caption_element.set(qn("w:val"), data["title"])
        grid._tbl.tblPr.append(caption_element)

        def fill_cell(cell, text, width, align_right, bold=False, fill=None, colour=None):
            cell.width = Twips(width)
            p = cell.paragraphs[0]
            set_style(p, table_text)
            if align_right:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                run = p.add_run(text)
                if bold:
                    run.bold = True
                if colour is not None:
                    run.font.color.rgb = colour
            if fill:
                cell._tc.get_or_add_tcPr().append(shading(fill, OxmlElement, qn))

        rows = iter(grid.rows)
        header = next(rows)
        row_properties = header._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))
        row_properties.append(OxmlElement("w:tblHeader"))  # repeats on each page
        for index, cell in enumerate(header.cells):
            fill_cell(cell, columns[index]["header"], widths[index], right[index], bold=True, fill="F3F2F1")
        for row, source in zip(rows, data["rows"]):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            cells = row.cells
            if source.get("heading") is not None:
                for index, cell in enumerate(cells):
                    fill_cell(cell, source["heading"] if index == 0 else "", widths[index], False, bold=True, fill="F3F2F1")
                continue
            values = source["cells"]
            for index, cell in enumerate(cells):
                if index >= len(values):
                    fill_cell(cell, "", widths[index], right[index])
                    continue
                value = values[index]
                fill_cell(cell, value["text"], widths[index], right[index], fill=fills.get(value.get("status")),
                          colour=tones.get(value.get("tone")))
        for note in data.get("notes", []):
            paragraph(note, style="Note")

    def block(data):
        if data.get("chart"):
            chart = data["chart"]
            caption = paragraph(style="Caption", keep_next=True)
            caption.add_run(chart["title"]).bold = True
            if data["period"]:
                caption.add_run("\nPeriod: " + data["period"])
            picture = paragraph(keep_next=True)
            if chart_number[0] < len(charts):
                inline = picture.add_run().add_picture(io.BytesIO(charts[chart_number[0]]), width=Twips(9026))
                inline_doc = inline._inline.docPr
                inline_doc.set("descr", chart["description"])
            chart_number[0] += 1
            if data.get("table"):
                table(data["table"], "")
            else:
                table(figures_table(chart), None)
        elif data.get("table"):
            table(data["table"], data["period"])
        elif data.get("items") is not None:
            for item in data["items"]:
                paragraph(item, style="List Bullet")
        elif data.get("text") is not None:
            paragraph(data["text"])
        incomplete(data)

    def content(parts):
        for part in parts:
            if "paragraph" in part:
                value = part["paragraph"]
                number = value.get("number")
                lead = f"{number}\t" if number else ""
                paragraph(lead + run_text(pack, value["runs"]), style="Numbered Paragraph" if number else None)
                for index in inline_blocks(value["runs"]):
                    if 0 <= index < len(blocks):
                        incomplete(blocks[index])
            elif "subheading" in part:
                value = part["subheading"]
                paragraph(f"{value['number']} {value['text']}", style="Heading 3")
            else:
                index = payload(part["block"])
                if 0 <= index < len(blocks):
                    block(blocks[index])

    def recommendations(report):
        items = report["recommendations"]
        if not items:
            return
        lettered = any(item.get("letter") for item in items)
        paragraph("Recommendation to the Sub-Committee", style=recommendation, bold=True, keep_next=True)
        for item in items:
            lead = f"{item['letter']}\t" if item.get("letter") else ("\t" if lettered else "")
            p = paragraph(lead + run_text(pack, item["runs"]), style=recommendation)
            if lettered:
                p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Twips(567), Twips(-567)

    # Front sheet and agenda.
    sheet = pack["frontSheet"]
    p = paragraph()
    p.add_run("To: ").bold = True
    p.add_run(sheet["to"])
    members = sheet["members"]
    paragraph(members if members.startswith("(") else f"({members})")
    paragraph(sheet["forInformation"])
    paragraph(sheet["enquiries"])
    for notice in sheet.get("notices", []):
        paragraph(notice)
    paragraph(pack["committee"], style="Title")
    paragraph(day_label(pack["meetingDate"]), style="Subtitle")
    paragraph(sheet["meets"])
    paragraph("AGENDA", style="Heading 1")
    report_anchors = {report["anchor"] for report in pack["reports"]}
    report_items_started = False
    for item in pack["agenda"]:
        if item.get("reportOf") and not report_items_started:
            report_items_started = True  # Pack.reportItemsHeading, which the JSON does not hold
            paragraph(REPORT_ITEMS_HEADING.upper(), bold=True, keep_next=True)
        heading = f"{item['number']} {item['title']}"
        if item["anchor"] in report_anchors:
            hyperlink(paragraph(style="Heading 2"), heading, item["anchor"])
        else:
            paragraph(heading, style="Heading 2")
        if item.get("text"):
            texts(item["text"])
        if item.get("reportOf"):
            paragraph(item["reportOf"])
        if item.get("summary"):
            paragraph("Summary", bold=True, keep_next=True)
            texts(item["summary"])
        if item.get("contact"):
            paragraph(item["contact"])
    paragraph(sheet["signedBy"], bold=True)

    # Minutes of the previous meeting.
    minutes = pack.get("minutes")
    if minutes:
        paragraph(pack["council"], bold=True, page_break_before=True)
        paragraph(f"Minutes of the {pack['committee']}", style="Heading 1")
        paragraph(day_label(minutes["heldOn"]), bold=True)
        p = paragraph()
        p.add_run("Present: ").bold = True
        p.add_run(minutes["chair"])
        if minutes.get("present"):
            paragraph(minutes["present"])
        for label, text in (("Apologies", minutes.get("apologies") or ""), ("Also attending", minutes.get("alsoAttending") or "")):
            if not text:
                continue
            if text.lower().startswith(label.split(" ")[0].lower()):
                paragraph(text)
            else:
                p = paragraph()
                p.add_run(f"{label}: ").bold = True
                p.add_run(text)
        for item in minutes["items"]:
            paragraph(f"{item['number']} {item['title']}", style="Heading 2")
            texts(item["text"])

    # Reports and their appendices, each on a new page.
    for report in pack["reports"]:
        paragraph(f"Agenda Item No {report['itemNumber']}", bold=True, page_break_before=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph(pack["committee"])
        paragraph(day_label(pack["meetingDate"]))
        paragraph(report["reportOf"])
        bookmark(paragraph(report["title"], style="Heading 1"), report["anchor"])
        if not report["sections"]:
            recommendations(report)
        for index, part in enumerate(report["sections"]):
            paragraph(f"{part['number']} {part['heading']}", style="Heading 2")
            content(part["content"])
            if index == 0:
                recommendations(report)
        paragraph(report["contact"])
        paragraph("Background Papers", bold=True, keep_next=True)
        texts(report["backgroundPapers"])
        for appendix in report["appendices"]:
            paragraph(f"Agenda Item No {report['itemNumber']}", bold=True, page_break_before=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
            bookmark(paragraph(f"Appendix {appendix['letter']}: {appendix['title']}", style="Heading 1"), appendix["anchor"])
            content(appendix["content"])

    document.save(path)
    return time.perf_counter() - start


def shading(fill, OxmlElement, qn):
    element = OxmlElement("w:shd")
    element.set(qn("w:val"), "clear")
    element.set(qn("w:color"), "auto")
    element.set(qn("w:fill"), fill)
    return element


def field(instruction, OxmlElement, qn):
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    return simple


def bookmark_name(anchor):
    name = "".join(c if c.isascii() and c.isalnum() else "_" for c in anchor)
    return (name if name[:1].isalpha() else "x" + name)[:40]


# --- XLSX with openpyxl ---------------------------------------------------------------------------

def percentage(text):
    """ "40%" or "-7.5%" as 0.4 / -0.075 (XLSXWriter.percentage)."""
    if not text.endswith("%") or len(text) > 12:
        return None
    digits = text[:-1]
    if not digits or not all(c.isdigit() or c in ".-+" for c in digits):
        return None
    try:
        value = float(digits)
    except ValueError:
        return None
    return value / 100 if math.isfinite(value) else None


def sheet_names(titles):
    used, names = set(), []
    for index, title in enumerate(titles):
        name = "".join(c for c in title if c not in "[]:*?/\\")[:31]
        if not name or name.lower() in used:
            name = name[:26] + f" ({index + 1})"
        used.add(name.lower())
        names.append(name)
    return names


def column_names(headers):
    used, names = set(), []
    for index, header in enumerate(headers):
        name = header.strip().replace("\n", " ") or f"Column {index + 1}"
        base, suffix = name, 2
        while name.lower() in used:
            name, suffix = f"{base} {suffix}", suffix + 1
        used.add(name.lower())
        names.append(name)
    return names


def write_xlsx(pack, path):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    start = time.perf_counter()
    bold = Font(bold=True)
    percent_format, whole_format = "+0.0%;-0.0%;0.0%", "#,##0"
    workbook = Workbook()
    cover = workbook.active
    cover.title = "Contents"

    def put(sheet, row, column, value, is_bold=False, number_format=None):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, not a formula (Safer writes every string as text)
        if is_bold:
            cell.font = bold
        if number_format:
            cell.number_format = number_format
        return cell

    tables = tables_of(pack)
    names = sheet_names([f"{index + 1} {table['title']}" for index, (_, table) in enumerate(tables)])
    put(cover, 1, 1, f"{pack['committee']}, {day_label(pack['meetingDate'])}", is_bold=True)
    put(cover, 2, 1, f"Tables of the committee pack ({pack['status']}); data to {day_label(pack['cutOff'])}.")
    for column, header in enumerate(("Sheet", "Table", "Where it appears", "Period"), start=1):
        put(cover, 3, column, header, is_bold=True)
    cover_row = 3
    for number, ((place, table), name) in enumerate(zip(tables, names), start=1):
        period = next((block["period"] for block in pack["blocks"] if block.get("table") == table), "")
        cover_row += 1
        for column, value in enumerate((name, table["title"], place, period), start=1):
            put(cover, cover_row, column, value)

        sheet = workbook.create_sheet(name)
        columns = table["columns"]
        grouped = any(row.get("heading") is not None for row in table["rows"])
        offset = 1 if grouped else 0
        kinds = [column["kind"] for column in columns]
        width = offset + len(columns)
        data_rows = [row for row in table["rows"] if row.get("heading") is None]
        width = max([width] + [offset + len(row["cells"]) for row in data_rows])
        headers = column_names((["Group"] if grouped else []) + [column["header"] for column in columns]
                               + [""] * (width - offset - len(columns)))
        for column, header in enumerate(headers, start=1):
            put(sheet, 1, column, header, is_bold=True)
        row_number, group = 1, ""
        for row in table["rows"]:
            if row.get("heading") is not None:
                group = row["heading"]
                continue
            row_number += 1
            if grouped:
                put(sheet, row_number, 1, group)
            for index, value in enumerate(row["cells"]):
                kind = kinds[index] if index < len(kinds) else "text"
                figure = value.get("number")
                column = offset + index + 1
                if figure is not None and math.isfinite(figure):
                    put(sheet, row_number, column, figure,
                        number_format=percent_format if kind == "percent" else (whole_format if float(figure).is_integer() else None))
                elif (share := percentage(value["text"])) is not None:
                    put(sheet, row_number, column, share, number_format=percent_format)
                elif value["text"]:
                    put(sheet, row_number, column, value["text"])
        reference = f"A1:{get_column_letter(len(headers))}{max(row_number, 1)}"
        excel_table = Table(name=f"Table{number}", displayName=f"Table{number}", ref=reference)
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showFirstColumn=False, showLastColumn=False,
                                                    showRowStripes=True, showColumnStripes=False)
        sheet.add_table(excel_table)
    if not tables:
        cover_row += 1
        put(cover, cover_row, 1, "This pack has no tables yet.")
    for place, table in tables:
        for note in table.get("notes", []):
            cover_row += 1
            put(cover, cover_row, 1, f"Note to {table['title']} ({place}): {note}")
    workbook.save(path)
    return time.perf_counter() - start


# --- check: the two files hold the same content -------------------------------------------------

def check(pack_path, safer_docx, peer_docx, safer_xlsx, peer_xlsx):
    from docx import Document
    from docx.oxml.ns import qn
    from openpyxl import load_workbook

    problems = 0

    def docx_summary(path):
        document = Document(path)
        body = document.element.body
        tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
        paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
        return {
            "tables": tables,
            "paragraphs": [text for _, text in paragraphs if text.strip()],
            "headings": sum(1 for style, _ in paragraphs if style.lower().startswith("heading")),
            "repeating headers": len(body.findall(".//" + qn("w:tblHeader"))),
            "shaded cells": sum(1 for shd in body.iter(qn("w:shd")) if shd.getparent().tag == qn("w:tcPr")
                                and shd.get(qn("w:fill")) != "F3F2F1"),
            "pictures": len(document.inline_shapes),
        }

    safer, peer = docx_summary(safer_docx), docx_summary(peer_docx)
    same_tables = safer["tables"] == peer["tables"]
    different_paragraphs = sum(1 for a, b in zip(safer["paragraphs"], peer["paragraphs"]) if a != b) \
        + abs(len(safer["paragraphs"]) - len(peer["paragraphs"]))
    rows = sum(len(table) for table in safer["tables"])
    print(f"DOCX check: tables {'identical' if same_tables else 'DIFFER'} "
          f"({len(safer['tables'])} vs {len(peer['tables'])} tables, {rows} vs {sum(len(t) for t in peer['tables'])} rows); "
          f"paragraphs {len(safer['paragraphs'])} vs {len(peer['paragraphs'])}, {different_paragraphs} differ; "
          f"headings {safer['headings']} vs {peer['headings']}; repeating header rows {safer['repeating headers']} vs "
          f"{peer['repeating headers']}; RAG-shaded cells {safer['shaded cells']} vs {peer['shaded cells']}; "
          f"pictures {safer['pictures']} vs {peer['pictures']}")
    if not same_tables or safer["repeating headers"] != peer["repeating headers"] or safer["shaded cells"] != peer["shaded cells"]:
        problems += 1
        for index, (a, b) in enumerate(zip(safer["tables"], peer["tables"])):
            if a != b:
                print(f"  table {index + 1} differs: {a[:2]} / {b[:2]}", file=sys.stderr)
                break
    if different_paragraphs:
        for a, b in zip(safer["paragraphs"], peer["paragraphs"]):
            if a != b:
                print(f"  first differing paragraph: {a[:100]!r} / {b[:100]!r}", file=sys.stderr)
                break

    def xlsx_summary(path):
        workbook = load_workbook(path)
        sheets = {}
        for sheet in workbook.worksheets:
            # Numbers to six decimals: Safer writes them so (CSVRenderer.plain), openpyxl in full.
            values = [[(round(cell.value, 6) if isinstance(cell.value, float) else cell.value,
                        cell.number_format if isinstance(cell.value, (int, float)) else None) for cell in row]
                      for row in sheet.iter_rows()]
            while values and all(value is None for value, _ in values[-1]):
                values.pop()
            values = [tuple(row[:max([i + 1 for i, (v, _) in enumerate(row) if v is not None] or [0])]) for row in values]
            tables = sorted(table.ref for table in sheet.tables.values())
            sheets[sheet.title] = (values, tables)
        return sheets

    safer_sheets, peer_sheets = xlsx_summary(safer_xlsx), xlsx_summary(peer_xlsx)
    same_names = list(safer_sheets) == list(peer_sheets)
    differing = [name for name in safer_sheets if safer_sheets[name] != peer_sheets.get(name)]
    numbers = sum(1 for values, _ in safer_sheets.values() for row in values for value, _ in row if isinstance(value, (int, float)))
    peer_numbers = sum(1 for values, _ in peer_sheets.values() for row in values for value, _ in row if isinstance(value, (int, float)))
    print(f"XLSX check: {len(safer_sheets)} vs {len(peer_sheets)} sheets, names {'identical' if same_names else 'DIFFER'}; "
          f"values, number formats and Excel tables {'identical' if not differing else 'DIFFER in ' + ', '.join(differing)}; "
          f"{numbers} vs {peer_numbers} numeric cells; "
          f"{sum(len(t) for _, t in safer_sheets.values())} vs {sum(len(t) for _, t in peer_sheets.values())} Excel tables")
    if not same_names or differing:
        problems += 1
        for name in differing[:1]:
            a, b = safer_sheets[name], peer_sheets.get(name, ([], []))
            for row_a, row_b in zip(a[0], b[0]):
                if row_a != row_b:
                    print(f"  {name}: {row_a} / {row_b}", file=sys.stderr)
                    break
            if a[1] != b[1]:
                print(f"  {name}: tables {a[1]} / {b[1]}", file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "docx":
        charts = []
        if "--charts" in argv:
            import glob
            import os
            folder = argv[argv.index("--charts") + 1]
            paths = glob.glob(os.path.join(folder, "chart*.png"))
            for path in sorted(paths, key=lambda p: int(os.path.basename(p)[5:-4])):
                with open(path, "rb") as file:
                    charts.append(file.read())
        import docx  # noqa: F401  (imported before the clock starts, as a program would at its top)
        with open(argv[1], encoding="utf-8") as file:
            pack = json.load(file)
        seconds = write_docx(pack, argv[2], charts, public_styles="--public-styles" in argv)
    elif len(argv) == 3 and argv[0] == "xlsx":
        import openpyxl  # noqa: F401
        with open(argv[1], encoding="utf-8") as file:
            pack = json.load(file)
        seconds = write_xlsx(pack, argv[2])
    elif len(argv) == 6 and argv[0] == "check":
        return check(*argv[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"write_ms={seconds * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
