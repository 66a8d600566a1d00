import Foundation
import SaferDomain
import ZIPFoundation

/// A committee pack as a Word document (Office Open XML), written from scratch: the front sheet and
/// agenda, the minutes of the previous meeting, each report and each appendix on a new page.
///
/// Built for people who read it with a screen reader as much as for print: Word's own heading
/// styles (the navigation pane lists every item and section), tables whose header row repeats and
/// whose statuses are words as well as colours, charts with alternative text and their figures in a
/// table, en-GB language, page numbers in the footer. The same pack always gives the same bytes.
public enum PackDOCX {
    /// The pack as a .docx file.
    public static func render(_ pack: Pack) throws -> Data {
        var body = Body(pack: pack)
        body.frontSheet()
        if let minutes = pack.minutes { body.minutes(minutes) }
        if let matters = pack.mattersArising, !matters.isEmpty { body.mattersArising(matters) }
        if let changes = pack.changes { body.changes(changes) }
        for report in pack.reports { body.report(report) }

        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            // A fixed date, so that the archive does not change with the clock.
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", Data(Part.contentTypes.utf8))
        try add("_rels/.rels", Data(Part.packageRelationships.utf8))
        try add("docProps/core.xml", Data(Part.coreProperties(pack).utf8))
        try add("word/document.xml", Data(Part.document(body.xml).utf8))
        try add("word/_rels/document.xml.rels", Data(Part.documentRelationships(charts: body.charts.count).utf8))
        try add("word/styles.xml", Data(Part.styles.utf8))
        try add("word/numbering.xml", Data(Part.numbering.utf8))
        try add("word/settings.xml", Data(Part.settings.utf8))
        try add("word/footer1.xml", Data(Part.footer(pack).utf8))
        for (index, png) in body.charts.enumerated() { try add("word/media/chart\(index + 1).png", png) }
        guard let data = archive.data else { throw PackDOCXError() }
        return data
    }

    // MARK: - Body

    /// The document's body as it is written, in order, with the chart pictures it refers to.
    struct Body {
        let pack: Pack
        var xml = ""
        /// The PNGs, in order: chart n is word/media/chart<n>.png, relationship rIdChart<n>.
        var charts: [Data] = []
        /// The last bookmark id used.
        var bookmarks = 0

        /// An empty body for the pack.
        init(pack: Pack) { self.pack = pack }

        /// To, members, the committee and date, when and where it meets, the agenda, who signs.
        mutating func frontSheet() {
            let sheet = pack.frontSheet
            add(paragraph(run("To: ", bold: true) + run(sheet.to)))
            add(paragraph(run(sheet.members.hasPrefix("(") ? sheet.members : "(\(sheet.members))")))
            add(paragraph(run(sheet.forInformation)))
            add(paragraph(run(sheet.enquiries)))
            for notice in sheet.notices { add(paragraph(run(notice))) }
            add(paragraph(run(pack.committee), style: "Title"))
            add(paragraph(run(pack.meetingDate.label), style: "Subtitle"))
            if pack.isRestricted { add(paragraph(run(Pack.restrictedNotice, bold: true))) }
            add(paragraph(run(sheet.meets)))
            add(paragraph(run("AGENDA"), style: "Heading1"))
            let reportAnchors = Set(pack.reports.map(\.anchor))
            var reportItemsStarted = false
            for item in pack.agenda {
                if item.reportOf != nil && !reportItemsStarted {
                    reportItemsStarted = true
                    add(paragraph(run(Pack.reportItemsHeading.uppercased(), bold: true), keepNext: true))
                }
                let title = "\(item.number) \(item.title)"
                // A report's item links to the report, as the HTML's and the PDF's do.
                add(paragraph(reportAnchors.contains(item.anchor) ? hyperlink(run(title, style: "Hyperlink"), to: item.anchor) : run(title),
                              style: "Heading2"))
                if let text = item.text { texts(text) }
                if let reportOf = item.reportOf { add(paragraph(run(reportOf))) }
                if let summary = item.summary {
                    add(paragraph(run("Summary", bold: true), keepNext: true))
                    texts(summary)
                }
                if let contact = item.contact { add(paragraph(run(contact))) }
            }
            add(paragraph(run(sheet.signedBy, bold: true)))
        }

        /// Actions from earlier meetings still open, one paragraph each.
        mutating func mattersArising(_ matters: [Pack.MatterArising]) {
            add(paragraph(run("Matters arising"), style: "Heading1", pageBreakBefore: true))
            for matter in matters {
                let status = matter.note.isEmpty ? matter.status : "\(matter.status): \(matter.note)"
                add(paragraph(run("\(matter.from): ", bold: true) + run("\(matter.action) Owner: \(matter.owner). Due \(matter.due). \(status).")))
            }
        }

        /// What moved since the committee's previous published pack.
        mutating func changes(_ changes: Pack.Changes) {
            add(paragraph(run("What changed since the last pack"), style: "Heading1", pageBreakBefore: true))
            let table = changes.table
            if table.rows.isEmpty { for note in table.notes { add(paragraph(run(note))) } } else { self.table(table, caption: changes.period) }
        }

        /// The minutes of the previous meeting, for approval.
        mutating func minutes(_ minutes: Meeting.Minutes) {
            add(paragraph(run(pack.council, bold: true), pageBreakBefore: true))
            add(paragraph(run("Minutes of the \(pack.committee)"), style: "Heading1"))
            add(paragraph(run(minutes.heldOn.label, bold: true)))
            add(paragraph(run("Present: ", bold: true) + run(minutes.chair)))
            if !minutes.present.isEmpty { add(paragraph(run(minutes.present))) }
            labelled("Apologies", minutes.apologies)
            labelled("Also attending", minutes.alsoAttending)
            if let urgency = minutes.urgency { add(paragraph(run(urgency))) }
            if !minutes.declarations.isEmpty {
                add(paragraph(run("Declarations of interest", bold: true), keepNext: true))
                for declaration in minutes.declarations { add(paragraph(run(declaration.line))) }
            }
            for item in minutes.items {
                add(paragraph(run("\(item.number) \(item.title)"), style: "Heading2"))
                texts(item.text)
            }
            add(paragraph(run(Meeting.Minutes.signatureLine)))
        }

        /// A report on a new page: its header lines, title, numbered sections, the recommendations
        /// after section 1, the contact officer and background papers, then its appendices.
        mutating func report(_ report: Pack.Report) {
            add(paragraph(run("Agenda Item No \(report.itemNumber)", bold: true), pageBreakBefore: true, align: "right"))
            add(paragraph(run(pack.committee)))
            add(paragraph(run(pack.meetingDate.label)))
            add(paragraph(run(report.reportOf)))
            add(paragraph(bookmark(report.anchor, run(report.title)), style: "Heading1"))
            if let exemption = report.exemption { add(paragraph(run(exemption + ".", bold: true))) }
            if report.sections.isEmpty { recommendations(report) }
            for (index, section) in report.sections.enumerated() {
                add(paragraph(run("\(section.number) \(section.heading)"), style: "Heading2"))
                content(section.content)
                if index == 0 { recommendations(report) }
            }
            add(paragraph(run(report.contact)))
            if !report.isWithheld {
                add(paragraph(run("Background Papers", bold: true), keepNext: true))
                texts(report.backgroundPapers)
            }
            if !report.appendices.isEmpty {
                add(paragraph(run("Appendices", bold: true), keepNext: true))
                for appendix in report.appendices { add(paragraph(run("Appendix \(appendix.letter): \(appendix.title)"))) }
            }
            for appendix in report.appendices {
                add(paragraph(run("Agenda Item No \(report.itemNumber)", bold: true), pageBreakBefore: true, align: "right"))
                add(paragraph(bookmark(appendix.anchor, run("Appendix \(appendix.letter): \(appendix.title)")), style: "Heading1"))
                if let exemption = appendix.exemption { add(paragraph(run(exemption + ".", bold: true))) }
                content(appendix.content)
            }
        }

        /// The boxed "Recommendation to the Sub-Committee", lettered a, b… when there are several.
        /// Word draws one box round neighbouring paragraphs with the same borders and indents, so
        /// every paragraph in the box shares one indent.
        mutating func recommendations(_ report: Pack.Report) {
            guard !report.recommendations.isEmpty else { return }
            let lettered = report.recommendations.contains { $0.letter != nil }
            let hanging = lettered ? 567 : nil
            add(paragraph(run("Recommendation to the Sub-Committee", bold: true), style: "Recommendation", keepNext: true, hanging: hanging))
            for recommendation in report.recommendations {
                let lead = recommendation.letter.map { "\($0)\t" } ?? (lettered ? "\t" : "")
                add(paragraph(run(lead) + runs(recommendation.runs), style: "Recommendation", hanging: hanging))
            }
        }

        // MARK: Content

        /// A report's or an appendix's paragraphs, subheadings and blocks, in order.
        mutating func content(_ content: [Pack.Content]) {
            for part in content {
                switch part {
                case .paragraph(let number, let parts):
                    let lead = number.map { run("\($0)\t") } ?? ""
                    add(paragraph(lead + runs(parts), style: number == nil ? nil : "NumberedParagraph"))
                    // What an inline figure is missing is said under its sentence.
                    for case .block(let index) in parts { if let found = block(index) { incomplete(found) } }
                case .subheading(let number, let text):
                    add(paragraph(run("\(number) \(text)"), style: "Heading3"))
                case .block(let index):
                    if let found = block(index) { block(found) }
                }
            }
        }

        /// A block standing on its own: a chart with its figures, a table, a list, or words.
        mutating func block(_ block: PackBlock) {
            if let chart = block.chart {
                self.chart(chart, period: block.period)
                // The text alternative: the block's own table when it has one (named, its period given
                // above the chart), else the points drawn.
                if let table = block.table { self.table(table, caption: "") } else { table(figures(chart), caption: nil) }
            } else if let table = block.table {
                self.table(table, caption: block.period)
            } else if let items = block.items {
                for item in items { add(paragraph(run(item), style: "ListBullet")) }
            } else if let text = block.text {
                add(paragraph(run(text)))
            }
            incomplete(block)
        }

        /// The chart's title and period, then the picture with its description as alternative text.
        mutating func chart(_ chart: PackBlock.Chart, period: String) {
            add(paragraph(run(chart.title, bold: true) + (period.isEmpty ? "" : run("\nPeriod: \(period)")), style: "Caption"))
            charts.append(ChartPNG.render(points: chart.points, baseline: chart.baseline))
            let n = charts.count
            // The picture fills the text width (9,026 twips; 635 EMU a twip), keeping the PNG's 720 × 320 shape.
            let cx = 9_026 * 635, cy = cx * 320 / 720
            let descr = XLSXWriter.escape(chart.description)
            add(paragraph("""
                <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
                <wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="\(n)" name="Chart \(n)" descr="\(descr)"/>\
                <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
                <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>\
                <pic:nvPicPr><pic:cNvPr id="\(n)" name="chart\(n).png" descr="\(descr)"/><pic:cNvPicPr/></pic:nvPicPr>\
                <pic:blipFill><a:blip r:embed="rIdChart\(n)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
                <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
                </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
                """, keepNext: true))
        }

        /// The numbers a chart draws, month by month: its text alternative in full.
        func figures(_ chart: PackBlock.Chart) -> ReportTable {
            ReportTable(title: chart.title, columns: [.init("Month"), .init("Count in 12 months", .number)], rows: chart.points.map { point in
                .init(cells: [.init(point.month.label), .init(point.value.map { DisplayFormat.number($0) } ?? "incomplete", number: point.value)])
            })
        }

        /// A table with a caption above (title, subtitle and period, unless `caption` is nil), a header
        /// row that repeats on each page, and its notes below.
        mutating func table(_ table: ReportTable, caption period: String?) {
            if let period {
                var caption = run(table.title, bold: true)
                if let subtitle = table.subtitle, !subtitle.isEmpty { caption += run("\n" + subtitle) }
                if !period.isEmpty { caption += run("\nPeriod: \(period)") }
                add(paragraph(caption, style: "Caption"))
            }
            // A row needs a cell: a table without columns would not open in Word.
            guard !table.columns.isEmpty else { return }
            let widths = columnWidths(table.columns)
            func right(_ column: Int) -> Bool { [.number, .percent].contains(table.columns[column].kind) }
            var rows = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                + table.columns.indices.map { cell(table.columns[$0].header, width: widths[$0], right: right($0), bold: true, fill: "F3F2F1") }.joined()
                + "</w:tr>"
            for row in table.rows {
                rows += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                if let heading = row.heading {
                    // Not merged across the table: screen readers announce merged cells badly.
                    rows += table.columns.indices.map { cell($0 == 0 ? heading : "", width: widths[$0], right: false, bold: true, fill: "F3F2F1") }.joined()
                } else {
                    rows += table.columns.indices.map { column -> String in
                        guard column < row.cells.count else { return cell("", width: widths[column], right: right(column)) }
                        let data = row.cells[column]
                        return cell(data.text, width: widths[column], right: right(column), fill: data.status.map { self.fill($0) },
                                    colour: data.tone.flatMap { self.colour($0) })
                    }.joined()
                }
                rows += "</w:tr>"
            }
            add("""
                <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="\(widths.reduce(0, +))" w:type="dxa"/>\
                <w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>\
                <w:tblCaption w:val="\(XLSXWriter.escape(table.title))"/></w:tblPr>\
                <w:tblGrid>\(widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined())</w:tblGrid>\(rows)</w:tbl>
                """)
            for note in table.notes { add(paragraph(run(note), style: "Note")) }
        }

        /// The text width shared out: words get more room than numbers and statuses.
        func columnWidths(_ columns: [ReportTable.Column]) -> [Int] {
            let weights = columns.enumerated().map { $0.element.kind == .text ? ($0.offset == 0 ? 3 : 2) : 1 }
            let total = max(weights.reduce(0, +), 1)
            var widths = weights.map { 9_026 * $0 / total }
            if !widths.isEmpty { widths[0] += 9_026 - widths.reduce(0, +) }
            return widths
        }

        /// One cell: its width, a paragraph of its text, and the fill that shows a status.
        func cell(_ text: String, width: Int, right: Bool, bold: Bool = false, fill: String? = nil, colour: String? = nil) -> String {
            let shading = fill.map { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\($0)\"/>" } ?? ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(shading)</w:tcPr>"
                + paragraph(run(text, bold: bold, colour: colour), style: "TableText", align: right ? "right" : nil) + "</w:tc>"
        }

        /// The pale fills of a spreadsheet's Good, Neutral and Bad: black text on each is above 14:1.
        func fill(_ status: RAGStatus) -> String {
            switch status {
            case .green: "C6EFCE"
            case .amber: "FFEB9C"
            case .red: "FFC7CE"
            }
        }

        /// A direction of change's text colour; both are above 7:1 on white.
        func colour(_ tone: String) -> String? {
            switch tone {
            case "red": "9C0006"
            case "green": "006100"
            default: nil
            }
        }

        /// "Data incomplete: …" under a block whose data has gaps.
        mutating func incomplete(_ block: PackBlock) {
            guard !block.incomplete.isEmpty else { return }
            add(paragraph(run("Data incomplete: ", bold: true) + run(block.incomplete.joined(separator: " ")), style: "Note"))
        }

        // MARK: Paragraphs and runs

        /// Appends XML to the body.
        mutating func add(_ xml: String) { self.xml += xml }

        /// Text that may hold several paragraphs, one a line; blank lines are dropped.
        mutating func texts(_ text: String) {
            for line in lines(text).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty { add(paragraph(run(line))) }
        }

        /// "Apologies: …", unless the text already begins with the label's first word.
        mutating func labelled(_ label: String, _ text: String) {
            guard !text.isEmpty else { return }
            let word = label.split(separator: " ")[0].lowercased()
            add(paragraph(text.lowercased().hasPrefix(word) ? run(text) : run("\(label): ", bold: true) + run(text)))
        }

        /// Marks the runs as the place the anchor names, for the agenda's links.
        mutating func bookmark(_ anchor: String, _ runs: String) -> String {
            bookmarks += 1
            return "<w:bookmarkStart w:id=\"\(bookmarks)\" w:name=\"\(bookmarkName(anchor))\"/>\(runs)<w:bookmarkEnd w:id=\"\(bookmarks)\"/>"
        }

        /// The block at the index, nil for one the pack does not have.
        func block(_ index: Int) -> PackBlock? { pack.blocks.indices.contains(index) ? pack.blocks[index] : nil }

        /// A paragraph's runs, inline blocks as their words.
        func runs(_ parts: [Pack.Run]) -> String {
            parts.map { part in
                switch part {
                case .text(let text): run(text)
                case .block(let index): run(block(index)?.text ?? "")
                }
            }.joined()
        }
    }

    // MARK: - XML pieces

    /// A paragraph of runs with a style and the few direct properties the pack needs.
    static func paragraph(_ runs: String, style: String? = nil, keepNext: Bool = false, pageBreakBefore: Bool = false,
                          hanging: Int? = nil, align: String? = nil) -> String {
        // The children of w:pPr in the order the schema requires (Word refuses a file that breaks it).
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if keepNext { properties += "<w:keepNext/>" }
        if pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        if let hanging { properties += "<w:ind w:left=\"\(hanging)\" w:hanging=\"\(hanging)\"/>" }
        if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    /// Text as a run: escaped, tabs as tabs, line ends as line breaks.
    static func run(_ text: String, bold: Bool = false, colour: String? = nil, style: String? = nil) -> String {
        var properties = style.map { "<w:rStyle w:val=\"\($0)\"/>" } ?? ""
        if bold { properties += "<w:b/><w:bCs/>" }
        if let colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        let content = lines(text).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(XLSXWriter.escape(String($0)))</w:t>" }
                .joined(separator: "<w:tab/>")
        }.joined(separator: "<w:br/>")
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + content + "</w:r>"
    }

    /// The text's lines, whichever line ends it uses.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A named place for links: Word's bookmark names are letters, digits and underscores, at most 40.
    static func bookmarkName(_ anchor: String) -> String {
        let name = String(anchor.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" })
        return String((name.first?.isLetter == true ? name : "x" + name).prefix(40))
    }


    /// Runs that link to a bookmark in the document.
    static func hyperlink(_ runs: String, to anchor: String) -> String {
        "<w:hyperlink w:anchor=\"\(bookmarkName(anchor))\">\(runs)</w:hyperlink>"
    }

    // MARK: - Parts

    /// The package's parts other than the body: fixed text, or made from the pack's title and status.
    enum Part {
        static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

        static let contentTypes = head + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="png" ContentType="image/png"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """

        static let packageRelationships = head + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(officeDocument)/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """

        static func documentRelationships(charts: Int) -> String {
            head + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdStyles" Type="\(officeDocument)/styles" Target="styles.xml"/>\
                <Relationship Id="rIdNumbering" Type="\(officeDocument)/numbering" Target="numbering.xml"/>\
                <Relationship Id="rIdSettings" Type="\(officeDocument)/settings" Target="settings.xml"/>\
                <Relationship Id="rIdFooter1" Type="\(officeDocument)/footer" Target="footer1.xml"/>\
                \((0..<charts).map { "<Relationship Id=\"rIdChart\($0 + 1)\" Type=\"\(officeDocument)/image\" Target=\"media/chart\($0 + 1).png\"/>" }.joined())\
                </Relationships>
                """
        }

        /// The title, who wrote it and its language; no dates, so the file does not change with the clock.
        static func coreProperties(_ pack: Pack) -> String {
            head + """
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <dc:title>\(XLSXWriter.escape(pack.title))</dc:title><dc:subject>\(XLSXWriter.escape("Agenda pack (\(pack.status))"))</dc:subject>\
                <dc:creator>\(XLSXWriter.escape(pack.council))</dc:creator><dc:language>en-GB</dc:language></cp:coreProperties>
                """
        }

        /// The body, then the one section: A4 portrait, one-inch margins, the footer.
        static func document(_ body: String) -> String {
            head + """
                <w:document xmlns:w="\(w)" xmlns:r="\(officeDocument)" \
                xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
                <w:body>\(body)<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>\
                <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>\
                </w:sectPr></w:body></w:document>
                """
        }

        /// The pack and its status on the left, "Page n of m" on the right.
        static func footer(_ pack: Pack) -> String {
            func field(_ name: String) -> String { "<w:fldSimple w:instr=\"\(name)\"><w:r><w:t>1</w:t></w:r></w:fldSimple>" }
            return head + """
                <w:ftr xmlns:w="\(w)" xmlns:r="\(officeDocument)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
                \(PackDOCX.run("\(pack.title) (\(pack.status))\tPage "))\(field("PAGE"))\(PackDOCX.run(" of "))\(field("NUMPAGES"))</w:p></w:ftr>
                """
        }

        static let settings = head + """
            <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            <w:themeFontLang w:val="en-GB"/></w:settings>
            """

        /// One bullet list, for list blocks.
        static let numbering = head + """
            <w:numbering xmlns:w="\(w)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """

        /// Word's built-in styles under their built-in ids and names ("heading 1" shows as Heading 1), and a few of our own.
        static let styles: String = {
            func style(_ id: String, _ name: String, type: String = "paragraph", paragraph: String = "", run: String = "", extra: String = "") -> String {
                "<w:style w:type=\"\(type)\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                    + (type == "paragraph" && id != "Normal" ? "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" : "")
                    + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>") + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>") + extra + "</w:style>"
            }
            func size(_ points: Int) -> String { "<w:sz w:val=\"\(points * 2)\"/><w:szCs w:val=\"\(points * 2)\"/>" }
            let bold = "<w:b/><w:bCs/>"
            let heading = "<w:keepNext/><w:keepLines/>"
            let box = ["top", "left", "bottom", "right"].map { "<w:\($0) w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"0B0C0C\"/>" }.joined()
            let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>" }.joined()
            return head + "<w:styles xmlns:w=\"\(w)\">"
                + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\(size(12))"
                + "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
                + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:semiHidden/></w:style>"
                + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>"
                + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                + style("Title", "Title", paragraph: "<w:spacing w:before=\"480\" w:after=\"120\"/>", run: bold + "<w:caps/>" + size(20))
                + style("Subtitle", "Subtitle", paragraph: "<w:spacing w:after=\"360\"/>", run: bold + size(14))
                + style("Heading1", "heading 1", paragraph: heading + "<w:spacing w:before=\"360\" w:after=\"160\"/><w:outlineLvl w:val=\"0\"/>", run: bold + size(16))
                + style("Heading2", "heading 2", paragraph: heading + "<w:spacing w:before=\"280\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>", run: bold + size(14))
                + style("Heading3", "heading 3", paragraph: heading + "<w:spacing w:before=\"200\" w:after=\"120\"/><w:outlineLvl w:val=\"2\"/>", run: bold + size(12))
                + style("NumberedParagraph", "Numbered Paragraph", paragraph: "<w:tabs><w:tab w:val=\"left\" w:pos=\"851\"/></w:tabs><w:ind w:left=\"851\" w:hanging=\"851\"/>")
                + style("Recommendation", "Recommendation", paragraph: "<w:keepLines/><w:pBdr>\(box)</w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F2F1\"/>")
                + style("ListBullet", "List Bullet", paragraph: "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"80\"/><w:ind w:left=\"567\" w:hanging=\"283\"/>")
                + style("Caption", "caption", paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>", run: size(11))
                + style("TableText", "Table Text", paragraph: "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>", run: size(10))
                + style("Note", "Note", paragraph: "<w:spacing w:before=\"80\" w:after=\"120\"/>", run: size(10))
                + style("Footer", "footer", paragraph: "<w:tabs><w:tab w:val=\"right\" w:pos=\"9026\"/></w:tabs><w:spacing w:after=\"0\"/>", run: size(10))
                + "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
                + "<w:rPr><w:color w:val=\"1D70B8\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
                + style("TableGrid", "Table Grid", type: "table", extra: "<w:tblPr><w:tblBorders>\(border)</w:tblBorders>"
                    + "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>")
                + "</w:styles>"
        }()
    }
}

/// The document could not be assembled.
public struct PackDOCXError: Error, CustomStringConvertible {
    public var description: String { "The Word document could not be written." }
}
