import Foundation
import SaferDomain
import SaferReports

/// What a pack freezes of where things stood, and what moved since the committee's last published pack.
extension PackService {
    /// The indicators' statuses and 12-month totals, the plan items' latest statuses and the top
    /// fly-tipping locations, all as at the cut-off. A part Safer is not set up for is left empty with a note.
    func snapshot(cutOff: CalendarDay) async throws -> PackSnapshot {
        var notes: [String] = []
        /// Runs one part; a part the data cannot give (nothing set up, no figures) says why instead of failing the pack.
        func part<T>(_ name: String, empty: T, _ body: () async throws -> T) async throws -> T {
            do { return try await body() } catch let error as ValidationError {
                notes.append("\(name): \(error.messages.joined(separator: " "))")
            } catch let error as DomainError {
                notes.append("\(name): \(error.description)")
            }
            return empty
        }
        var through = cutOff.lastCompleteMonth
        let indicators: [PackSnapshot.Indicator] = try await part("Indicators", empty: []) {
            // The latest month most indicators report by the cut-off: one early figure does not blank every status.
            through = try await performance.latestCompleteMonth(onOrBefore: through) ?? through
            return try await performance.baseline(through: through).rows.map { row in
                PackSnapshot.Indicator(key: row.indicator.key, name: row.indicator.name, status: row.status,
                                       value: row.lastTwelveMonths.isComplete ? row.lastTwelveMonths.value : nil)
            }
        }
        let year = through.financialYear
        let planItems: [PackSnapshot.PlanItem] = try await part("Plan items", empty: []) {
            try await plans.contents(year: year).flatMap { contents in
                contents.items.map { item in
                    PackSnapshot.PlanItem(key: "\(contents.plan.kind.rawValue)/\(item.number ?? item.description)", name: "\(contents.plan.title): \(item.reference)",
                                          status: contents.latest(item, in: nil)?.status)
                }
            }
        }
        let range = try PackSnapshot.hotspotRange(cutOff: cutOff)
        let hotspots: [PackSnapshot.Hotspot] = try await part("Hot spots", empty: []) {
            try await self.hotspots.ranking(range, limit: nil).rows.filter { $0.count >= PackSnapshot.hotspotMinimum }
                .prefix(PackSnapshot.hotspotCount).map { PackSnapshot.Hotspot(location: $0.location, count: $0.count) }
        }
        return PackSnapshot(indicatorPeriod: "12 months to \(through.longName) \(through.year) against the \(year.previous) baseline", indicators: indicators,
                            planPeriod: "latest statuses in \(year)", planItems: planItems, hotspotPeriod: range.label, hotspots: hotspots, notes: notes)
    }

    /// What moved between the latest published pack of these (earlier) meetings and `snapshot`;
    /// nil when none of them has a published pack.
    func changes(to snapshot: PackSnapshot, sinceTheLatestOf earlier: [Meeting]) async throws -> Pack.Changes? {
        for meeting in earlier.sorted(by: { $0.date > $1.date }) {
            guard let (publication, pack) = try await publishedPack(of: meeting) else { continue }
            let since = "the pack for \(meeting.date.weekdayName) \(meeting.date.label) (published version \(publication.version))"
            guard let previous = pack.snapshot else { return .unavailable(since: since) }
            return Pack.Changes(since: since, from: previous, to: snapshot)
        }
        return nil
    }
}
