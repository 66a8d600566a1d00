import Foundation
import SaferDomain

/// A plan as a table for downloads: each item with its lead, timescale, target and its
/// update and status for a quarter (or the latest), the suggested status beside the assigned
/// one, and a flag where they differ.
public struct PlanReport: Sendable {
    public let contents: PlanContents
    /// The quarter shown; nil for each item's latest update in the year.
    public let quarter: Quarter?
    /// Organisation names by id, for the lead column.
    public let organisations: [String: String]

    public init(contents: PlanContents, quarter: Quarter?, organisations: [String: String]) {
        self.contents = contents
        self.quarter = quarter
        self.organisations = organisations
    }

    /// The lead as printed, or the lead organisations' names.
    public static func lead(_ item: PlanItem, organisations: [String: String]) -> String {
        if let printed = item.leadAsPrinted, !printed.isEmpty { return printed }
        return item.leadOrganisationIDs.compactMap { organisations[$0] }.joined(separator: "; ")
    }

    /// "1 April 2018 – 31 March 2019", one end, or blank.
    public static func timescale(_ item: PlanItem) -> String {
        switch (item.timescaleStart, item.timescaleEnd) {
        case let (start?, end?): "\(start.label) – \(end.label)"
        case let (start?, nil): "From \(start.label)"
        case let (nil, end?): "By \(end.label)"
        case (nil, nil): ""
        }
    }

    /// A baseline or target as printed, numbers with thousands separators.
    public static func figure(_ text: String?) -> String {
        guard let text else { return "" }
        if let number = PlanItem.number(in: text) {
            return DisplayFormat.number(number)
        }
        return text
    }

    public var table: ReportTable {
        let plan = contents.plan
        let rows: [ReportTable.Row] = contents.items.map { item in
            let latest = contents.latest(item, in: quarter)
            let assigned = contents.assigned(item, in: quarter)
            let suggestion = assigned?.suggestion ?? latest?.suggestion
            var flag = ""
            if let assigned, assigned.differsFromSuggestion, let suggestion {
                flag = "Assigned \(assigned.status?.displayName ?? "") differs from suggested \(suggestion.status.displayName): \(assigned.givenReason ?? "no reason given")"
            }
            return ReportTable.Row(cells: [
                .init(item.number ?? ""), .init(item.description), .init(Self.lead(item, organisations: organisations)),
                .init(item.leadOfficer ?? ""), .init(Self.timescale(item)), .init(Self.figure(item.baseline), number: item.numericBaseline),
                .init(Self.figure(item.target), number: item.numericTarget), .init(latest?.quarter.label ?? ""),
                .init(latest?.text ?? ""), .status(assigned?.status),
                .init(suggestion.map { "\($0.status.displayName) (\($0.rule.displayName))" } ?? "", status: suggestion?.status),
                .init(assigned?.direction?.displayName ?? ""), .init(flag), .init(item.yearEndDecision?.label ?? ""),
            ])
        }
        let summary = contents.summary(in: quarter)
        let notes = [
            "Status summary (\(quarter?.label ?? "latest in \(plan.financialYear)")): " + summary.rows.map(\.text).joined(separator: ", ") + ", " + summary.totalText + ".",
            PlanSummaryReport.roundingRule,
            "Status: Green on schedule; Amber behind schedule, needs remedial action; Red target not likely to be achieved. The suggested status is Safer's forecast for items linked to an indicator with a numeric target.",
        ]
        return ReportTable(title: plan.title, subtitle: "\(plan.kind.label), \(plan.financialYear), \(plan.committee)",
                           columns: [.init("No."), .init("Action or target"), .init("Lead"), .init("Lead officer"), .init("Timescale"),
                                     .init("Baseline", .number), .init("Target", .number), .init("Quarter"), .init("Update"),
                                     .init("Status", .status), .init("Suggested", .status), .init("Direction of travel"),
                                     .init("Flag"), .init("Year end")],
                           rows: rows, notes: notes)
    }

    /// The plan as the committee reads it (the seed's appendices): action, lead, timescales,
    /// resources, the quarter's update and its status in words.
    public var committeeTable: ReportTable {
        let rows: [ReportTable.Row] = contents.items.map { item in
            let latest = contents.latest(item, in: quarter)
            let action = [item.number.map { "\($0)." }, item.description, item.yearEndDecision.map { $0.label }].compactMap { $0 }.joined(separator: " ")
            return ReportTable.Row(cells: [.init(action), .init(Self.lead(item, organisations: organisations)), .init(Self.timescale(item)),
                                           .init(item.resources ?? ""), .init(latest?.text ?? ""), .status(contents.assigned(item, in: quarter)?.status)])
        }
        let updateHeader = quarter.map { "Update \($0.label)" } ?? "Latest update"
        return ReportTable(title: contents.plan.title, subtitle: "\(contents.plan.kind.label), \(contents.plan.financialYear)",
                           columns: [.init("Action"), .init("Organisation / Lead"), .init("Timescales"), .init("Resources"),
                                     .init(updateHeader), .init("Status", .status)],
                           rows: rows, notes: ["Status: Green on schedule; Amber behind schedule, needs remedial action; Red target not likely to be achieved."])
    }
}
