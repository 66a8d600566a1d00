import Foundation
import SaferDomain

/// The pack as one accessible HTML document, the primary form: one h1, headings in order, tables
/// with captions and header scopes, Red/Amber/Green in words as well as colour, charts with text
/// alternatives, and print CSS for A4 (each report and appendix on a new page, running header,
/// page numbers). Self-contained: no scripts, no network.
public enum PackHTML {
    public static func render(_ pack: Pack) -> String {
        var html = HTMLBuilder()
        html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", pack.title)
        html.raw("<style>\(css(pack))</style>\n</head>\n<body>\n<main>\n")
        frontSheet(pack, &html)
        if let minutes = pack.minutes { self.minutes(minutes, pack, &html) }
        if let matters = pack.mattersArising, !matters.isEmpty { mattersArising(matters, &html) }
        if let changes = pack.changes { self.changes(changes, &html) }
        for report in pack.reports { self.report(report, pack, &html) }
        html.raw("</main>\n</body>\n</html>\n")
        return html.text
    }

    static func frontSheet(_ pack: Pack, _ html: inout HTMLBuilder) {
        let sheet = pack.frontSheet
        html.raw("<header class=\"front-sheet\">\n")
        html.element("p", "To: \(sheet.to)", className: "to")
        html.element("p", "(\(sheet.members))")
        html.element("p", sheet.forInformation)
        html.element("p", sheet.enquiries)
        for notice in sheet.notices { html.element("p", notice) }
        html.raw("<h1><span class=\"committee\">\(HTMLBuilder.escape(pack.committee))</span> <span class=\"date\">\(HTMLBuilder.escape(pack.meetingDate.label))</span></h1>\n")
        if pack.isDraft { html.element("p", "Draft: not yet published. Figures are live and may change until the pack is published.", className: "draft-banner") }
        if pack.isRestricted { html.element("p", Pack.restrictedNotice, className: "exempt") }
        html.element("p", sheet.meets)
        html.element("p", "Data in this pack runs to \(pack.cutOff.label).", className: "cut-off")
        html.raw("</header>\n<section class=\"agenda\" aria-labelledby=\"agenda\">\n<h2 id=\"agenda\">Agenda</h2>\n<ol class=\"agenda-items\">\n")
        var whitePapers = false
        for item in pack.agenda {
            if item.reportOf != nil && !whitePapers {
                whitePapers = true
                html.raw("</ol>\n<h3>\(HTMLBuilder.escape(Pack.reportItemsHeading))</h3>\n<ol class=\"agenda-items\" start=\"\(item.number)\">\n")
            }
            html.raw("<li value=\"\(item.number)\" id=\"agenda-\(item.anchor)\"><span class=\"num\">\(item.number)</span> ")
            if item.reportOf != nil {
                html.raw("<a href=\"#\(item.anchor)\">\(HTMLBuilder.escape(item.title))</a> — \(HTMLBuilder.escape(item.reportOf ?? ""))")
                html.raw("<span class=\"page-ref\" data-anchor=\"\(item.anchor)\"></span>")
                if let summary = item.summary { html.raw("<p class=\"summary-label\">Summary</p>"); html.element("p", summary) }
                if let contact = item.contact { html.element("p", contact) }
            } else {
                html.raw(HTMLBuilder.escape(item.title))
                if let text = item.text { html.element("p", text) }
            }
            html.raw("</li>\n")
        }
        html.raw("</ol>\n")
        html.element("p", sheet.signedBy.uppercased(), className: "signed")
        html.raw("</section>\n")
    }

    /// Actions from earlier meetings still open, in a table.
    static func mattersArising(_ matters: [Pack.MatterArising], _ html: inout HTMLBuilder) {
        html.raw("<section class=\"matters-arising\" id=\"matters-arising\" aria-labelledby=\"matters-arising-title\">\n")
        html.raw("<h2 id=\"matters-arising-title\">Matters arising</h2>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"matters-arising-title\" tabindex=\"0\"><table>\n")
        html.raw("<caption>Actions from earlier meetings' resolutions, still open</caption>\n<thead><tr><th scope=\"col\">From</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n")
        for matter in matters {
            let status = matter.note.isEmpty ? matter.status : "\(matter.status): \(matter.note)"
            html.raw("<tr><td>\(HTMLBuilder.escape(matter.from))</td><td>\(HTMLBuilder.escape(matter.action))</td><td>\(HTMLBuilder.escape(matter.owner))</td><td>\(HTMLBuilder.escape(matter.due))</td><td>\(HTMLBuilder.escape(status))</td></tr>\n")
        }
        html.raw("</tbody></table></div>\n</section>\n")
    }

    /// What moved since the committee's previous published pack.
    static func changes(_ changes: Pack.Changes, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"changes\" id=\"changes\" aria-labelledby=\"changes-title\">\n<h2 id=\"changes-title\">What changed since the last pack</h2>\n")
        let table = changes.table
        if table.rows.isEmpty { for note in table.notes { html.element("p", note) } } else { self.table(table, period: changes.period, &html) }
        html.raw("</section>\n")
    }

    static func minutes(_ minutes: Meeting.Minutes, _ pack: Pack, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"minutes page\" id=\"minutes\" aria-labelledby=\"minutes-title\">\n")
        html.element("p", pack.council.uppercased(), className: "council")
        html.raw("<h2 id=\"minutes-title\">Minutes of the \(HTMLBuilder.escape(pack.committee)), \(HTMLBuilder.escape(minutes.heldOn.label))</h2>\n")
        html.element("p", "Present: \(minutes.chair)")
        html.element("p", minutes.present)
        if !minutes.apologies.isEmpty { html.element("p", minutes.apologies) }
        if !minutes.alsoAttending.isEmpty { html.element("p", minutes.alsoAttending) }
        if let urgency = minutes.urgency { html.element("p", urgency) }
        if !minutes.declarations.isEmpty {
            html.raw("<h3>Declarations of interest</h3>\n<ul>\n")
            for declaration in minutes.declarations { html.element("li", declaration.line) }
            html.raw("</ul>\n")
        }
        for item in minutes.items {
            html.raw("<h3><span class=\"num\">\(item.number)</span> \(HTMLBuilder.escape(item.title))</h3>\n")
            for paragraph in ReportText.paragraphs(item.text) { html.element("p", paragraph) }
        }
        html.element("p", Meeting.Minutes.signatureLine, className: "signature")
        html.raw("</section>\n")
    }

    static func report(_ report: Pack.Report, _ pack: Pack, _ html: inout HTMLBuilder) {
        html.raw("<article class=\"report page\" id=\"\(report.anchor)\" aria-labelledby=\"\(report.anchor)-title\">\n")
        html.raw("<p class=\"running\">Agenda Item No \(report.itemNumber)</p>\n")
        html.element("p", "\(pack.committee), \(pack.meetingDate.label)", className: "meta")
        html.element("p", report.reportOf, className: "meta")
        html.raw("<h2 id=\"\(report.anchor)-title\"><span class=\"visually-hidden\">Item \(report.itemNumber): </span>\(HTMLBuilder.escape(report.title))</h2>\n")
        if let exemption = report.exemption { html.element("p", exemption + ".", className: "exempt") }
        for (index, section) in report.sections.enumerated() {
            html.raw("<section aria-labelledby=\"\(report.anchor)-s\(section.number)\">\n")
            html.raw("<h3 id=\"\(report.anchor)-s\(section.number)\"><span class=\"num\">\(section.number)</span> \(HTMLBuilder.escape(section.heading))</h3>\n")
            content(section.content, pack, level: 4, &html)
            html.raw("</section>\n")
            if index == 0 && !report.recommendations.isEmpty { recommendations(report, pack, &html) }
        }
        html.element("p", report.contact, className: "contact")
        if !report.isWithheld {
            html.raw("<h3>Background papers</h3>\n")
            html.element("p", report.backgroundPapers)
        }
        if !report.appendices.isEmpty {
            html.raw("<h3>Appendices</h3>\n<ul class=\"appendices\">\n")
            for appendix in report.appendices {
                html.raw("<li><a href=\"#\(appendix.anchor)\">Appendix \(appendix.letter): \(HTMLBuilder.escape(appendix.title))</a></li>\n")
            }
            html.raw("</ul>\n")
        }
        sources(report, pack, &html)
        html.raw("</article>\n")
        for appendix in report.appendices {
            html.raw("<section class=\"appendix page\" id=\"\(appendix.anchor)\" aria-labelledby=\"\(appendix.anchor)-title\">\n")
            html.raw("<p class=\"running\">Agenda Item No \(report.itemNumber), Appendix \(appendix.letter)</p>\n")
            html.raw("<h3 id=\"\(appendix.anchor)-title\">Appendix \(appendix.letter): \(HTMLBuilder.escape(appendix.title))</h3>\n")
            if let exemption = appendix.exemption { html.element("p", exemption + ".", className: "exempt") }
            content(appendix.content, pack, level: 4, &html)
            html.raw("</section>\n")
        }
    }

    static func recommendations(_ report: Pack.Report, _ pack: Pack, _ html: inout HTMLBuilder) {
        html.raw("<div class=\"recommendation\">\n<h4>Recommendation to the \(HTMLBuilder.escape(shortName(pack.committee)))</h4>\n")
        if report.recommendations.count == 1, let only = report.recommendations.first {
            html.raw("<p>\(runs(only.runs, pack))</p>\n")
        } else {
            html.raw("<ol type=\"a\">\n")
            for recommendation in report.recommendations { html.raw("<li>\(runs(recommendation.runs, pack))</li>\n") }
            html.raw("</ol>\n")
        }
        html.raw("</div>\n")
    }

    /// "Sub-Committee" from "Safer Communities Sub-Committee", as the seed's recommendation box says.
    static func shortName(_ committee: String) -> String {
        for suffix in ["Sub-Committee", "Committee", "Board"] where committee.hasSuffix(suffix) { return suffix }
        return committee
    }

    static func content(_ content: [Pack.Content], _ pack: Pack, level: Int, _ html: inout HTMLBuilder) {
        for item in content {
            switch item {
            case .paragraph(let number, let parts):
                if let number {
                    html.raw("<p class=\"numbered\"><span class=\"num\">\(HTMLBuilder.escape(number))</span> \(runs(parts, pack))</p>\n")
                } else {
                    html.raw("<p>\(runs(parts, pack))</p>\n")
                }
            case .subheading(let number, let text):
                html.raw("<h\(level)><span class=\"num\">\(HTMLBuilder.escape(number))</span> \(HTMLBuilder.escape(text))</h\(level)>\n")
            case .block(let index):
                block(index, pack, &html)
            }
        }
    }

    static func runs(_ runs: [Pack.Run], _ pack: Pack) -> String {
        runs.map { run in
            switch run {
            case .text(let text): return HTMLBuilder.escape(text)
            case .block(let index):
                let block = pack.blocks[index]
                let value = block.number.map { " value=\"\(CSVRenderer.plain($0))\"" } ?? ""
                return "<data class=\"live\"\(value) data-block=\"\(index + 1)\">\(HTMLBuilder.escape(block.text ?? ""))</data>"
            }
        }.joined()
    }

    static func block(_ index: Int, _ pack: Pack, _ html: inout HTMLBuilder) {
        let block = pack.blocks[index]
        html.raw("<div class=\"block\" data-block=\"\(index + 1)\">\n")
        if let items = block.items {
            html.raw("<ul>\n")
            for item in items { html.element("li", item) }
            html.raw("</ul>\n")
            html.element("p", "Period: \(block.period).", className: "period")
        }
        if let chart = block.chart {
            html.raw("<figure>\n")
            html.raw(TrendChartSVG.render(title: chart.title, points: chart.points, baseline: chart.baseline, id: "block-\(index + 1)-chart"))
            html.raw("\n<figcaption>\(HTMLBuilder.escape(chart.title)). \(HTMLBuilder.escape(chart.description)) The table below gives every point.</figcaption>\n</figure>\n")
        }
        if let table = block.table { self.table(table, period: block.period, &html) }
        if !block.incomplete.isEmpty {
            html.raw("<p class=\"incomplete\"><strong>Data incomplete:</strong> \(HTMLBuilder.escape(block.incomplete.joined(separator: " ")))</p>\n")
        }
        html.raw("</div>\n")
    }

    static func table(_ table: ReportTable, period: String, _ html: inout HTMLBuilder) {
        // On a narrow screen the table scrolls inside its wrapper, which keyboard users reach by Tab.
        html.raw("<div class=\"table-wrap\" role=\"region\" aria-label=\"\(HTMLBuilder.escape(table.title))\" tabindex=\"0\">\n<table>\n<caption>\(HTMLBuilder.escape(table.title))")
        if let subtitle = table.subtitle { html.raw("<span class=\"subtitle\">\(HTMLBuilder.escape(subtitle))</span>") }
        html.raw("<span class=\"period\">Period: \(HTMLBuilder.escape(period))</span></caption>\n<thead><tr>")
        for column in table.columns { html.raw("<th scope=\"col\" class=\"\(column.kind.rawValue)\">\(HTMLBuilder.escape(column.header))</th>") }
        html.raw("</tr></thead>\n<tbody>\n")
        for row in table.rows {
            if let heading = row.heading {
                html.raw("<tr class=\"group\"><th scope=\"colgroup\" colspan=\"\(table.columns.count)\">\(HTMLBuilder.escape(heading))</th></tr>\n")
                continue
            }
            html.raw("<tr>")
            for (index, cell) in row.cells.enumerated() {
                let kind = index < table.columns.count ? table.columns[index].kind : .text
                var classes = [kind.rawValue]
                if let status = cell.status { classes.append("rag rag-\(status.rawValue)") }
                if let tone = cell.tone { classes.append("tone-\(tone)") }
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                html.raw("<\(tag) class=\"\(classes.joined(separator: " "))\">\(HTMLBuilder.escape(cell.text))</\(index == 0 ? "th" : "td")>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n</div>\n")
        for note in table.notes { html.element("p", note, className: "note") }
    }

    /// Where the report's live figures come from, with the period each covers.
    static func sources(_ report: Pack.Report, _ pack: Pack, _ html: inout HTMLBuilder) {
        var used: [Int] = []
        func collect(_ runs: [Pack.Run]) { for case .block(let index) in runs where !used.contains(index) { used.append(index) } }
        for recommendation in report.recommendations { collect(recommendation.runs) }
        for content in report.sections.flatMap(\.content) + report.appendices.flatMap(\.content) {
            switch content {
            case .paragraph(_, let runs): collect(runs)
            case .block(let index): if !used.contains(index) { used.append(index) }
            case .subheading: break
            }
        }
        guard !used.isEmpty else { return }
        html.raw("<h3>Figures in this report</h3>\n<p>Every figure below comes from Safer's data to \(HTMLBuilder.escape(pack.cutOff.label)).</p>\n<ul class=\"sources\">\n")
        for index in used {
            let block = pack.blocks[index]
            html.element("li", "\(block.kind.summary) Period: \(block.period).\(block.incomplete.isEmpty ? "" : " Incomplete: " + block.incomplete.joined(separator: " "))")
        }
        html.raw("</ul>\n")
    }

    static func css(_ pack: Pack) -> String {
        let header = HTMLBuilder.cssString("\(pack.committee), \(pack.meetingDate.label)")
        return """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#0b0c0c;margin:0;background:#fff}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:2rem;margin:1.5rem 0}h1 .committee,h1 .date{display:block}
        h2{font-size:1.5rem;margin-top:2rem}h3{font-size:1.2rem}h4{font-size:1.05rem}
        .num{display:inline-block;min-width:3.5em;font-weight:bold;text-indent:0}
        p.numbered{padding-left:3.5em;text-indent:-3.5em}
        .recommendation{border:2px solid #0b0c0c;padding:0 1rem;margin:1rem 0}
        .draft-banner{border-left:6px solid #d4351c;padding:.5rem 1rem;background:#fef7f7}
        .exempt{border-left:6px solid #0b0c0c;padding:.5rem 1rem;font-weight:bold}
        .incomplete{border-left:6px solid #f47738;padding:.25rem .75rem}
        .agenda-items{list-style:none;padding-left:0}.agenda-items li{break-inside:avoid}.page-ref{white-space:nowrap}
        .table-wrap{overflow-x:auto}.table-wrap:focus{outline:3px solid #fd0}
        table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding-bottom:.25rem}
        caption span{display:block;font-weight:normal}
        th,td{border:1px solid #505a5f;padding:.25rem .5rem;vertical-align:top}
        thead th{background:#f3f2f1}
        td.number,td.percent,th.number,th.percent{text-align:right}
        tr.group th{text-align:left;background:#f3f2f1}
        .rag{font-weight:bold}.rag-red{background:#f6d7d2}.rag-amber{background:#fff2cc}.rag-green{background:#cce2d8}
        .tone-red{color:#942514}.tone-green{color:#005a30}
        figure{margin:1rem 0}svg.trend-chart{max-width:100%;height:auto}
        data.live{font-weight:bold}
        .note,.period,.cut-off{font-size:.9rem;color:#505a5f}
        .running{display:none}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);border:0}
        a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
        @page{size:A4;margin:20mm 18mm;@top-center{content:"\(header)";font-family:Arial,Helvetica,sans-serif;font-size:9pt;color:#505a5f}@bottom-center{content:"Page " counter(page) " of " counter(pages);font-family:Arial,Helvetica,sans-serif;font-size:9pt;color:#0b0c0c}}
        @media print{main{max-width:none;padding:0}.page{break-before:page}table{page-break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}
        .table-wrap{overflow:visible}a{color:#0b0c0c;text-decoration:none}.running{display:block;font-size:9pt;color:#505a5f}}
        """
    }
}

/// Builds HTML text with every piece of data escaped.
struct HTMLBuilder {
    private(set) var text = ""

    mutating func raw(_ html: String) { text += html }

    mutating func element(_ name: String, _ content: String, className: String? = nil) {
        text += "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(Self.escape(content))</\(name)>\n"
    }

    /// Text for HTML: the XML escapes, which HTML reads the same (and no control characters).
    static func escape(_ text: String) -> String { XLSXWriter.escape(text) }

    /// Text inside a CSS string: quotes and backslashes escaped, no line breaks, nothing that closes the style element.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\": return "\\" + String(scalar)
            case "<", ">", "\n", "\r": return "\\\(String(scalar.value, radix: 16)) "
            default: return String(scalar)
            }
        }.joined()
    }
}
