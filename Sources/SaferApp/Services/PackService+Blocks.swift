import Foundation
import SaferDomain
import SaferReports

/// Renders a block from the same service as its page, API operation and command.
extension PackService {
    /// A block that cannot be rendered: names the block and says why.
    public struct BlockFailure: Error, CustomStringConvertible {
        public let place: String
        public let reference: String
        public let reason: String
        public var description: String { "\(place): \(reference) cannot be shown: \(reason)" }
    }

    func render(_ reference: BlockReference, cutOff: CalendarDay) async throws -> PackBlock {
        let written = reference.description
        func range() throws -> DayRange {
            // Both present and checked when the block was read.
            let from = CalendarDay(reference[.from] ?? "") ?? cutOff, to = CalendarDay(reference[.to] ?? "") ?? cutOff
            try within(to, "to=\(to)", cutOff)
            return try DayRange(first: from, last: to)
        }
        func month(_ parameter: BlockParameter, default fallback: Month) throws -> Month {
            guard let text = reference[parameter], let month = Month(text) else { return fallback }
            try within(CalendarDay.last(of: month), "\(parameter.rawValue)=\(month)", cutOff)
            return month
        }
        func quarter() throws -> Quarter? {
            guard let text = reference[.quarter], let quarter = Quarter(text) else { return nil }
            return quarter
        }
        func year() -> FinancialYear { reference[.year].flatMap(FinancialYear.init) ?? cutOff.calendarMonth.financialYear }
        let lastFullMonth = cutOff.lastCompleteMonth

        switch reference.kind {
        case .flyTipCount:
            let range = try range()
            let total = try await flyTips.reportedCount(in: range)
            return PackBlock(reference: written, kind: reference.kind, period: range.label, text: DisplayFormat.number(Double(total)), number: Double(total))
        case .enforcementSentence:
            let range = try range()
            let sentence = try await registers.enforcementSummary(range).sentence
            return PackBlock(reference: written, kind: reference.kind, period: range.label, text: sentence)
        case .hotspotTable:
            let range = try range()
            let limit = reference[.limit].flatMap { Int($0, in: 1...100) }
            let ranking = try await hotspots.ranking(range, limit: limit)
            return PackBlock(reference: written, kind: reference.kind, period: range.label, table: ranking.table,
                             incomplete: ranking.rows.isEmpty ? ["No fly-tips with a location were recorded in this period."] : [])
        case .fundingSpent, .fundingAllocated, .fundingTable:
            let year = year()
            let through = min(cutOff, CalendarDay.last(of: year.lastMonth))
            let period = through < CalendarDay.last(of: year.lastMonth) ? "\(year) to \(through.label)" : year.description
            let (summary, _) = try await registers.funding(year, through: through)
            switch reference.kind {
            case .fundingSpent:
                return PackBlock(reference: written, kind: reference.kind, period: period, text: summary.spent.description, number: summary.spent.pounds)
            case .fundingAllocated:
                return PackBlock(reference: written, kind: reference.kind, period: period, text: summary.allocated.description, number: summary.allocated.pounds)
            default:
                return PackBlock(reference: written, kind: reference.kind, period: period, table: Self.fundingTable(summary, period: period))
            }
        case .boroughTable:
            let year = year()
            let through = try month(.through, default: min(lastFullMonth, year.lastMonth))
            guard year.contains(through) else { throw ValidationError("through=\(through) is not in \(year).") }
            let report = try await performance.borough(year: year, through: through)
            let incomplete = report.rows.compactMap { row -> String? in
                guard let total = row.toDate, !total.isComplete else { return nil }
                return "\(row.indicator.name): \(total.displayText.isEmpty ? "no figures" : total.displayText)."
            }
            try covered(report.rows.contains { $0.toDate?.isComplete == true || $0.toDate.map { !$0.coverage.isEmpty } == true }, "\(year.firstMonth.label) to \(through.label)")
            return PackBlock(reference: written, kind: reference.kind, period: "\(year.firstMonth.label) to \(through.label)", table: report.table,
                             incomplete: incomplete.isEmpty ? [] : ["Totals to date are incomplete for: " + incomplete.joined(separator: " ")])
        case .performanceChange, .performanceToDate:
            let year = year()
            let through = try month(.through, default: min(lastFullMonth, year.lastMonth))
            guard year.contains(through) else { throw ValidationError("through=\(through) is not in \(year).") }
            let key = reference[.indicator] ?? ""
            guard let row = try await performance.borough(year: year, through: through).rows.first(where: { $0.indicator.key == key }) else {
                throw DomainError.notFound(entity: "indicator", id: key)
            }
            if reference.kind == .performanceToDate {
                let period = "\(year.firstMonth.label) to \(through.label)"
                guard let total = row.toDate, total.isComplete else {
                    return PackBlock(reference: written, kind: reference.kind, period: period, text: row.toDate?.displayText ?? "(not yet known)",
                                     incomplete: ["\(row.indicator.name): the figures for \(period) are not complete."])
                }
                return PackBlock(reference: written, kind: reference.kind, period: period, text: DisplayFormat.number(total.value), number: total.value)
            }
            let period = "\(year.firstMonth.label) to \(through.label) against the same months of \(year.previous)"
            guard let comparison = row.versusSamePeriod, comparison.isComplete else {
                return PackBlock(reference: written, kind: reference.kind, period: period, text: "(not yet known)",
                                 incomplete: ["\(row.indicator.name): the figures for \(period) are not complete."])
            }
            let difference = comparison.current.value - comparison.base.value
            return PackBlock(reference: written, kind: reference.kind, period: period, text: Self.changeWords(difference), number: difference)
        case .baselineTable:
            let through = try month(.through, default: lastFullMonth)
            let report = try await performance.baseline(through: through)
            let period = "12 months to \(through.label) against the \(through.financialYear.previous) baseline"
            try covered(report.rows.contains { $0.lastTwelveMonths.isComplete }, period)
            let incomplete = report.rows.filter { !$0.lastTwelveMonths.isComplete || !$0.baseline.isComplete }.map { "\($0.indicator.name)." }
            return PackBlock(reference: written, kind: reference.kind, period: period, table: report.table,
                             incomplete: incomplete.isEmpty ? [] : ["No status for figures not yet complete: " + incomplete.joined(separator: " ")])
        case .beatTable, .beatNarrative:
            guard let quarter = try quarter() else { throw ValidationError("quarter is missing.") }
            try within(CalendarDay.last(of: quarter.lastMonth), "quarter=\(quarter)", cutOff)
            let report = try await performance.beats(quarter: quarter)
            let period = "\(quarter.period.label) (\(quarter.label)) against \(quarter.sameQuarterLastYear.label)"
            try covered(!report.comparison.cells.isEmpty, period)
            let incomplete = report.missing.isEmpty ? [] : ["Left out for incomplete figures: \(report.missing.joined(separator: "; "))."]
            if reference.kind == .beatTable {
                return PackBlock(reference: written, kind: reference.kind, period: period, table: report.table, incomplete: incomplete)
            }
            return PackBlock(reference: written, kind: reference.kind, period: period, items: Self.narrative(report), incomplete: incomplete)
        case .trendChart:
            let through = try month(.through, default: lastFullMonth)
            let trend = try await performance.trend(indicatorKey: reference[.indicator] ?? "", through: through)
            let points = trend.points
            try covered(trend.rolling.contains { $0.total.isComplete || !$0.total.coverage.isEmpty }, "the 12-month totals to \(through.label)")
            let baseline = trend.baseline.isComplete ? trend.baseline.value : nil
            let chart = PackBlock.Chart(title: trend.title, description: TrendChartSVG.description(points: points, baseline: baseline),
                                        svg: TrendChartSVG.render(title: trend.title, points: points, baseline: baseline), points: points, baseline: baseline)
            let missing = points.filter { $0.value == nil }.count
            return PackBlock(reference: written, kind: reference.kind, period: "12-month totals from \(trend.rolling.first?.month.label ?? "") to \(through.label)",
                             table: trend.table, chart: chart,
                             incomplete: missing == 0 ? [] : ["\(missing) of \(points.count) 12-month totals are incomplete (some of their months are not reported) and are not drawn."])
        case .planTable:
            let contents = try await plans.contents(planID: reference[.plan] ?? "")
            let quarter = try quarter()
            let report = PlanReport(contents: contents, quarter: quarter, organisations: try await plans.organisationNames())
            let noUpdate = contents.items.filter { contents.latest($0, in: quarter) == nil }.count
            return PackBlock(reference: written, kind: reference.kind, period: quarter.map { "Updates for \($0.label)" } ?? "Latest updates in \(contents.plan.financialYear)",
                             table: report.committeeTable,
                             incomplete: noUpdate == 0 || contents.items.isEmpty ? [] : ["\(noUpdate) of \(contents.items.count) actions have no update for this period."])
        case .planOnSchedule:
            let year = year()
            let quarter = try quarter()
            let contents = try await plans.contents(year: year, kind: reference[.kind].flatMap(Plan.Kind.init))
            let statuses = contents.flatMap { content in content.items.compactMap { content.assigned($0, in: quarter)?.status } }
            let summary = StatusSummary(statuses: statuses)
            let period = quarter.map { $0.label } ?? "Latest statuses in \(year)"
            guard summary.total > 0, let green = summary.rows.first(where: { $0.status == .green }) else {
                throw ValidationError("No plan item has a status for \(period); choose a quarter with updates.")
            }
            return PackBlock(reference: written, kind: reference.kind, period: period, text: "\(green.percentage)%", number: Double(green.percentage) / 100)
        case .planSummary:
            let year = year()
            let quarter = try quarter()
            let report = try await plans.summary(year: year, kind: reference[.kind].flatMap(Plan.Kind.init), quarter: quarter?.number)
            return PackBlock(reference: written, kind: reference.kind, period: quarter.map { $0.label } ?? "Latest statuses in \(year)", table: report.table)
        }
    }

    func within(_ day: CalendarDay, _ what: String, _ cutOff: CalendarDay) throws {
        if day > cutOff { throw ValidationError("\(what) is after the pack's data cut-off (\(cutOff.label)); change the block or the meeting's cut-off.") }
    }

    func covered(_ hasData: Bool, _ period: String) throws {
        if !hasData { throw ValidationError("Safer has no figures for \(period); import them or choose a period the data covers.") }
    }

    /// "increased by 137", "decreased by 141", "not changed".
    static func changeWords(_ difference: Double) -> String {
        if difference == 0 { return "not changed" }
        return (difference > 0 ? "increased by " : "decreased by ") + DisplayFormat.number(abs(difference))
    }

    static func narrative(_ report: BeatComparisonReport) -> [String] {
        var lines: [String] = []
        if let good = report.narrative.reductionsInEveryCategoryText { lines.append("Good news: \(good)") }
        lines += report.narrative.largestReductions.map { "Largest reductions, \($0.text())" }
        lines += report.narrative.biggestIncreases.map { "Biggest increases, \($0.text())" }
        return lines
    }

    static func fundingTable(_ summary: FundingSummary, period: String) -> ReportTable {
        var rows = summary.byCategory.map { ReportTable.Row(cells: [.init($0.category), .init($0.amount.description, number: $0.amount.pounds)]) }
        rows += [ReportTable.Row(cells: [.init("Total spent"), .init(summary.spent.description, number: summary.spent.pounds)]),
                 ReportTable.Row(cells: [.init("Allocated"), .init(summary.allocated.description, number: summary.allocated.pounds)]),
                 ReportTable.Row(cells: [.init("Balance"), .init(summary.balance.description, number: summary.balance.pounds)])]
        return ReportTable(title: "Fly-tipping allocation and spend, \(summary.financialYear)", subtitle: period,
                           columns: [.init("Category"), .init("Amount", .number)], rows: rows)
    }
}
