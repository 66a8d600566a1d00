import Foundation
import SaferDomain

/// The status summary of plans: counts and whole percentages by status per plan and per
/// committee, as the pack prints it ("Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11
/// (100%)"), and the items whose assigned status differs from Safer's suggestion.
public struct PlanSummaryReport: Sendable {
    /// One plan's or one committee's line.
    public struct Line: Sendable {
        /// The plan's title, or the committee's name.
        public let name: String
        /// The plan, for a plan's line.
        public let plan: Plan?
        public let summary: StatusSummary
        /// Items with no status in the period: not counted in the percentages.
        public let withoutStatus: Int
    }

    /// An item whose assigned status differs from the suggestion.
    public struct Flag: Sendable {
        public let plan: Plan
        public let item: PlanItem
        public let update: PlanUpdate
        public let suggestion: SuggestedStatus
    }

    /// The rounding rule, stated wherever percentages of statuses are shown.
    public static let roundingRule = "Percentages are whole numbers that add up to 100 (largest remainder): each status gets the whole part of its share; the points still missing go one each to the statuses with the largest remainders (ties: more items first, then Green, Amber, Red)."

    public let financialYear: FinancialYear
    /// The quarter summarised; nil for each item's latest status in the year.
    public let quarter: Quarter?
    /// The kind of plan, when only one kind is summarised.
    public let kind: Plan.Kind?
    public let plans: [Line]
    public let committees: [Line]
    public let flags: [Flag]

    /// Summarises the plans of a year (already filtered to `kind`), for one quarter or for each
    /// item's latest status in the year.
    public static func build(year: FinancialYear, quarter: Quarter.Number?, kind: Plan.Kind?, contents: [PlanContents]) -> PlanSummaryReport {
        let period = quarter.map { Quarter(year, $0) }
        var plans: [Line] = []
        var byCommittee: [String: (statuses: [RAGStatus], without: Int)] = [:]
        var committeeOrder: [String] = []
        var flags: [Flag] = []
        for content in contents {
            plans.append(Line(name: content.plan.title, plan: content.plan, summary: content.summary(in: period),
                              withoutStatus: content.withoutStatus(in: period).count))
            for item in content.items {
                let update = content.assigned(item, in: period)
                for committee in content.committees(of: item) {
                    if byCommittee[committee] == nil { committeeOrder.append(committee) }
                    if let status = update?.status { byCommittee[committee, default: ([], 0)].statuses.append(status) }
                    else { byCommittee[committee, default: ([], 0)].without += 1 }
                }
                if let update, update.differsFromSuggestion, let suggestion = update.suggestion {
                    flags.append(Flag(plan: content.plan, item: item, update: update, suggestion: suggestion))
                }
            }
        }
        let committees = committeeOrder.sorted().map { name in
            let tally = byCommittee[name, default: ([], 0)]
            return Line(name: name, plan: nil, summary: StatusSummary(statuses: tally.statuses), withoutStatus: tally.without)
        }
        return PlanSummaryReport(financialYear: year, quarter: period, kind: kind, plans: plans, committees: committees, flags: flags)
    }

    /// "Q3 2018/19", or "latest status in 2018/19".
    public var periodLabel: String { quarter?.label ?? "latest status in \(financialYear)" }

    // MARK: - Table

    public var table: ReportTable {
        var rows: [ReportTable.Row] = []
        func cells(_ line: Line, label: String) -> [ReportTable.Cell] {
            var cells: [ReportTable.Cell] = [.init(label)]
            for row in line.summary.rows {
                cells.append(.count(Double(row.count)))
                cells.append(.init("\(row.percentage)%", number: Double(row.percentage) / 100))
            }
            cells.append(.count(Double(line.summary.total)))
            cells.append(.init("\(line.summary.totalPercentage)%", number: Double(line.summary.totalPercentage) / 100))
            cells.append(.count(Double(line.withoutStatus)))
            return cells
        }
        if !plans.isEmpty { rows.append(.init(heading: "Plans")) }
        rows += plans.map { .init(cells: cells($0, label: $0.name)) }
        if !committees.isEmpty { rows.append(.init(heading: "Committees")) }
        rows += committees.map { .init(cells: cells($0, label: "Committee: \($0.name)")) }
        // Each line as the pack prints it, e.g. "Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)".
        var notes = (plans + committees).map { line in
            "\(line.plan == nil ? "Committee: " : "")\(line.name): " + line.summary.rows.map(\.text).joined(separator: ", ") + ", " + line.summary.totalText
        }
        notes += [Self.roundingRule,
                     "Each item counts once, with the status of its latest update \(quarter.map { "in \($0.label)" } ?? "in \(financialYear)"); items without a status are listed separately and not counted in the percentages.",
                     "An item reports to its own board or committee where the plan names one, otherwise to the plan's committee; an item naming two is counted under each."]
        if flags.isEmpty {
            notes.append("No item's assigned status differs from Safer's suggestion.")
        } else {
            notes.append("Assigned status differs from Safer's suggestion (\(flags.count)):")
            notes += flags.map(Self.flagText)
        }
        var columns: [ReportTable.Column] = [.init("Plan or committee")]
        for status in RAGStatus.allCases {
            columns.append(.init(status.displayName, .number))
            columns.append(.init("\(status.displayName) %", .percent))
        }
        columns += [.init("Total", .number), .init("Total %", .percent), .init("Without status", .number)]
        return ReportTable(title: "Plan status summary \(financialYear)\(kind.map { " – \($0.label)" } ?? "")",
                           subtitle: quarter.map { "Statuses in \($0.label)" } ?? "Each item's latest status in \(financialYear)",
                           columns: columns, rows: rows, notes: notes)
    }

    /// One sentence for a flagged item.
    public static func flagText(_ flag: Flag) -> String {
        "\(flag.plan.title), \(flag.item.reference): assigned \(flag.update.status?.displayName ?? "") in \(flag.update.quarter.label), suggested \(flag.suggestion.status.displayName) (\(flag.suggestion.explanation)). Reason: \(flag.update.givenReason ?? "not given")"
    }

    // MARK: - JSON

    public var json: JSON {
        func line(_ line: Line) -> JSON.Line {
            JSON.Line(name: line.name, planId: line.plan?.id, kind: line.plan?.kind.rawValue,
                      green: .init(line.summary, .green), amber: .init(line.summary, .amber), red: .init(line.summary, .red),
                      total: .init(count: line.summary.total, percentage: line.summary.totalPercentage),
                      withoutStatus: line.withoutStatus, text: line.summary.rows.map(\.text).joined(separator: ", ") + ", " + line.summary.totalText)
        }
        return JSON(financialYear: financialYear.description, quarter: quarter?.description, kind: kind?.rawValue,
                    roundingRule: Self.roundingRule, plans: plans.map(line), committees: committees.map(line),
                    flagged: flags.map {
                        JSON.Flagged(planId: $0.plan.id, plan: $0.plan.title, itemId: $0.item.id, item: $0.item.reference,
                                     quarter: $0.update.quarter.description, assigned: $0.update.status?.rawValue ?? "",
                                     suggested: $0.suggestion.status.rawValue, rule: $0.suggestion.rule.rawValue,
                                     forecast: $0.suggestion.forecast, target: $0.suggestion.target, reason: $0.update.givenReason ?? "")
                    })
    }

    /// The summary for machines (the API, `--format json`).
    public struct JSON: Codable, Sendable {
        public struct Count: Codable, Sendable {
            public let count: Int
            public let percentage: Int
            init(count: Int, percentage: Int) { self.count = count; self.percentage = percentage }
            init(_ summary: StatusSummary, _ status: RAGStatus) { count = summary.count(of: status); percentage = summary.percentage(of: status) }
        }
        public struct Line: Codable, Sendable {
            public let name: String
            public let planId: String?
            public let kind: String?
            public let green: Count, amber: Count, red: Count, total: Count
            public let withoutStatus: Int
            public let text: String
        }
        public struct Flagged: Codable, Sendable {
            public let planId: String, plan: String, itemId: String, item: String, quarter: String
            public let assigned: String, suggested: String, rule: String
            public let forecast: Double, target: Double
            public let reason: String
        }
        public let financialYear: String
        public let quarter: String?
        public let kind: String?
        public let roundingRule: String
        public let plans: [Line]
        public let committees: [Line]
        public let flagged: [Flagged]
    }
}
