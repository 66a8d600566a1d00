import Foundation
import SaferDomain

/// A committee pack rendered from data: the front sheet and agenda, the minutes of the previous
/// meeting, the officer reports with their numbered paragraphs, and the blocks of live data. HTML,
/// DOCX, XLSX, PDF and JSON are all written from this one model, so they cannot disagree.
public struct Pack: Sendable, Hashable, Codable {
    public struct FrontSheet: Sendable, Hashable, Codable {
        /// "The Chairman and Members of the Safer Communities Sub-Committee".
        public let to: String
        /// "Councillors Reilly, Clews, …".
        public let members: String
        /// "For the information of the other Members of the Council".
        public let forInformation: String
        /// "For general enquiries please contact Democratic Services on 01827 719221 or via e-mail: …".
        public let enquiries: String
        /// "The Safer Communities Sub-Committee will meet in … on Tuesday 12 March 2019 at 6.30pm."
        public let meets: String
        /// "Jerry Hutchinson, Chief Executive".
        public let signedBy: String
        /// The standing sentences under the enquiries line (reports' officers, accessible formats).
        public let notices: [String]

        public init(to: String, members: String, forInformation: String, enquiries: String, meets: String, signedBy: String,
                    notices: [String] = FrontSheet.standardNotices) {
            self.to = to
            self.members = members
            self.forInformation = forInformation
            self.enquiries = enquiries
            self.meets = meets
            self.signedBy = signedBy
            self.notices = notices
        }

        public static let standardNotices = [
            "For enquiries about specific reports please contact the officer named in the reports.",
            "This document can be made available in large print and electronic accessible formats if requested.",
        ]
    }

    /// The heading the agenda puts before the report items.
    public static let reportItemsHeading = "Items for discussion and decision (white papers)"

    /// An agenda item: its number, title, and for a report its author, summary and contact.
    public struct AgendaItem: Sendable, Hashable, Codable {
        public let number: Int
        public let title: String
        public let text: String?
        public let reportOf: String?
        public let summary: String?
        public let contact: String?
        /// The fragment the HTML uses for the item ("item-6"), and the outline's anchor in the PDF.
        public let anchor: String

        public init(number: Int, title: String, text: String? = nil, reportOf: String? = nil, summary: String? = nil, contact: String? = nil, anchor: String) {
            self.number = number
            self.title = title
            self.text = text
            self.reportOf = reportOf
            self.summary = summary
            self.contact = contact
            self.anchor = anchor
        }
    }

    /// An action from an earlier meeting's resolution, still open: a matter arising.
    public struct MatterArising: Sendable, Hashable, Codable {
        /// "31 January 2019, minute 15".
        public let from: String
        public let action: String
        public let owner: String
        /// "30 April 2019".
        public let due: String
        /// "Open", "In progress".
        public let status: String
        public let note: String
        public init(from: String, action: String, owner: String, due: String, status: String, note: String) {
            self.from = from
            self.action = action
            self.owner = owner
            self.due = due
            self.status = status
            self.note = note
        }
    }

    /// A piece of a paragraph: text as written, or the value of an inline block.
    public enum Run: Sendable, Hashable, Codable {
        case text(String)
        case block(Int)
    }

    /// What a report or appendix holds, in order.
    public enum Content: Sendable, Hashable, Codable {
        /// A numbered paragraph ("4.2.1") or an unnumbered one (nil).
        case paragraph(number: String?, runs: [Run])
        /// A numbered subheading ("4.2 Investigations").
        case subheading(number: String, text: String)
        /// A table, chart or list block standing on its own.
        case block(Int)
    }

    public struct Section: Sendable, Hashable, Codable {
        public let number: String
        public let heading: String
        public let content: [Content]
        public init(number: String, heading: String, content: [Content]) { self.number = number; self.heading = heading; self.content = content }
    }

    public struct Appendix: Sendable, Hashable, Codable {
        public let letter: String
        public let title: String
        public let content: [Content]
        /// "item-6-appendix-a".
        public let anchor: String
        /// For exempt information: "Not for publication by virtue of paragraph 7 of Part 1 of
        /// Schedule 12A…". The public pack has the notice and no content; the members' pack both.
        public let exemption: String?
        public init(letter: String, title: String, content: [Content], anchor: String, exemption: String? = nil) {
            self.letter = letter
            self.title = title
            self.content = content
            self.anchor = anchor
            self.exemption = exemption
        }
    }

    /// A recommendation, lettered a, b, c when there is more than one.
    public struct Recommendation: Sendable, Hashable, Codable {
        public let letter: String?
        public let runs: [Run]
        public init(letter: String?, runs: [Run]) { self.letter = letter; self.runs = runs }
    }

    public struct Report: Sendable, Hashable, Codable {
        public let itemNumber: Int
        public let anchor: String
        public let title: String
        public let reportOf: String
        /// Section 1 holds the summary; the recommendations follow it.
        public let recommendations: [Recommendation]
        public let sections: [Section]
        public let backgroundPapers: String
        /// "The Contact Officer for this report is Robert Beggs (719238)."
        public let contact: String
        public let appendices: [Appendix]
        /// For an exempt report, the notice (as for an appendix); its content is only in the members' pack.
        public let exemption: String?

        public init(itemNumber: Int, anchor: String, title: String, reportOf: String, recommendations: [Recommendation],
                    sections: [Section], backgroundPapers: String, contact: String, appendices: [Appendix], exemption: String? = nil) {
            self.itemNumber = itemNumber
            self.anchor = anchor
            self.title = title
            self.reportOf = reportOf
            self.recommendations = recommendations
            self.sections = sections
            self.backgroundPapers = backgroundPapers
            self.contact = contact
            self.appendices = appendices
            self.exemption = exemption
        }

        /// Whether the report's text is withheld here (the public pack of an exempt report).
        public var isWithheld: Bool { exemption != nil && sections.isEmpty }
    }

    public let council: String
    public let committee: String
    public let meetingID: String
    public let meetingDate: CalendarDay
    /// "Tuesday 12 March 2019".
    public let meetingDateLabel: String
    /// "draft", or "published version 2".
    public let status: String
    /// The last day of data any block uses.
    public let cutOff: CalendarDay
    public let frontSheet: FrontSheet
    public let agenda: [AgendaItem]
    public let minutes: Meeting.Minutes?
    public let reports: [Report]
    public let blocks: [PackBlock]
    /// Open actions from the committee's earlier meetings (nil in packs published before there were any).
    public let mattersArising: [MatterArising]?
    /// Where the indicators, plan items and hot spots stood at the cut-off (nil in packs published before snapshots).
    public var snapshot: PackSnapshot?
    /// What moved since the committee's previous published pack, from its snapshot and this one.
    public var changes: Changes?

    public init(council: String, committee: String, meetingID: String, meetingDate: CalendarDay, meetingDateLabel: String, status: String,
                cutOff: CalendarDay, frontSheet: FrontSheet, agenda: [AgendaItem], minutes: Meeting.Minutes?, reports: [Report], blocks: [PackBlock],
                mattersArising: [MatterArising]? = nil) {
        self.council = council
        self.committee = committee
        self.meetingID = meetingID
        self.meetingDate = meetingDate
        self.meetingDateLabel = meetingDateLabel
        self.status = status
        self.cutOff = cutOff
        self.frontSheet = frontSheet
        self.agenda = agenda
        self.minutes = minutes
        self.reports = reports
        self.blocks = blocks
        self.mattersArising = mattersArising
    }

    /// Who a pack is for: everyone, or the members and officers who may read exempt information.
    public enum Audience: String, Sendable, Hashable {
        case everyone, members
    }

    /// A pack built from today's data, not a published version.
    public var isDraft: Bool { status == "draft" }

    /// The line at the top of a members' pack.
    public static let restrictedNotice = "Restricted: this pack contains exempt information for members and officers only. Do not share it; the public pack shows the exempt items' titles only."

    /// Whether the pack holds exempt information: the members' version of a pack with exempt items.
    public var isRestricted: Bool {
        reports.contains { report in
            (report.exemption != nil && !report.sections.isEmpty) || report.appendices.contains { $0.exemption != nil && !$0.content.isEmpty }
        }
    }

    /// "Safer Communities Sub-Committee, 12 March 2019".
    public var title: String { "\(committee), \(meetingDate.label)" }

    /// A run's text: the words, or the inline block's value.
    public func text(_ runs: [Run]) -> String {
        runs.map { run in
            switch run {
            case .text(let text): text
            case .block(let index): blocks[index].text ?? ""
            }
        }.joined()
    }

    /// Every table the pack shows, with where it appears: what the spreadsheet holds.
    public var tables: [(place: String, table: ReportTable, period: String)] {
        var result: [(String, ReportTable, String)] = []
        for report in reports {
            func add(_ content: [Content], _ place: String) {
                for case .block(let index) in content {
                    if let table = blocks[index].table { result.append((place, table, blocks[index].period)) }
                }
            }
            for section in report.sections { add(section.content, "Item \(report.itemNumber)") }
            for appendix in report.appendices { add(appendix.content, "Item \(report.itemNumber) Appendix \(appendix.letter)") }
        }
        if let changes, !changes.table.rows.isEmpty { result.append(("What changed", changes.table, changes.period)) }
        return result
    }
}

/// A block of live data as rendered for the pack: its reference as written, the period it covers,
/// and its value as words, a list, a table or a chart.
public struct PackBlock: Sendable, Hashable, Codable {
    /// A chart: the picture, its text alternative, and the numbers drawn.
    public struct Chart: Sendable, Hashable, Codable {
        public let title: String
        public let description: String
        public let svg: String
        public let points: [TrendChartSVG.Point]
        public let baseline: Double?
        public init(title: String, description: String, svg: String, points: [TrendChartSVG.Point], baseline: Double?) {
            self.title = title
            self.description = description
            self.svg = svg
            self.points = points
            self.baseline = baseline
        }
    }

    /// `{{fly-tips.count from=2018-04-01 to=2018-12-31}}`.
    public let reference: String
    public let kind: BlockKind
    /// "1 April 2018 to 31 December 2018".
    public let period: String
    /// For an inline block: the words in the sentence.
    public let text: String?
    /// The value behind an inline number, for machines.
    public let number: Double?
    /// For a list block: its sentences.
    public let items: [String]?
    public let table: ReportTable?
    public let chart: Chart?
    /// What is missing from the data (TBC, months not reported), said in words; empty when complete.
    public let incomplete: [String]

    public init(reference: String, kind: BlockKind, period: String, text: String? = nil, number: Double? = nil, items: [String]? = nil,
                table: ReportTable? = nil, chart: Chart? = nil, incomplete: [String] = []) {
        self.reference = reference
        self.kind = kind
        self.period = period
        self.text = text
        self.number = number
        self.items = items
        self.table = table
        self.chart = chart
        self.incomplete = incomplete
    }

    /// The block's figures by name, for comparing two versions of a pack.
    public var figures: [(name: String, value: String)] {
        if let text { return [(reference, text)] }
        if let items { return items.enumerated().map { ("\(reference) line \($0.offset + 1)", $0.element) } }
        var result: [(String, String)] = []
        if let table {
            for row in table.dataRows {
                let label = row.first?.text ?? ""
                for (column, cell) in zip(table.columns, row).dropFirst() where !cell.text.isEmpty || cell.number != nil {
                    result.append(("\(table.title): \(label), \(column.header)", cell.text))
                }
            }
        }
        if let chart {
            for point in chart.points { result.append(("\(chart.title): \(point.month.label)", point.value.map { DisplayFormat.number($0) } ?? "incomplete")) }
        }
        return result
    }
}

extension Pack {
    /// The figures that differ between two packs, "name: before → after", for a correction's list of changes.
    public static func figureChanges(from old: Pack, to new: Pack) -> [String] {
        func figures(_ pack: Pack) -> [String: String] {
            var all: [String: String] = [:]
            for block in pack.blocks { for figure in block.figures { all[figure.name] = figure.value } }
            return all
        }
        let before = figures(old), after = figures(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            let a = before[name], b = after[name]
            guard a != b else { return nil }
            return "\(name): \(a ?? "(none)") → \(b ?? "(none)")"
        }
    }
}
