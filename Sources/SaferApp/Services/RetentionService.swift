import Foundation
import SaferDomain
import SaferStorage

/// Removes personal data past its retention period (`RetentionPolicy`): what `safer purge`
/// calls, run daily by the council's scheduler.
public struct RetentionService: Sendable {
    let retention: any RetentionRepository
    let policy: RetentionPolicy
    let clock: any SaferClock
    let ids: any IDGenerator

    public init(retention: any RetentionRepository, policy: RetentionPolicy, clock: any SaferClock, ids: any IDGenerator) {
        self.retention = retention
        self.policy = policy
        self.clock = clock
        self.ids = ids
    }

    public init(services: AppServices) {
        self.init(retention: services.storage.retention, policy: services.configuration.retention, clock: services.clock, ids: services.ids)
    }

    /// The rule as it applies today, in words.
    public var rule: String { policy.rule(today: today) }

    /// What a purge today would remove.
    public func candidates() async throws -> PurgeCandidates { try await candidates(on: today) }

    /// Removes it, with one audit entry giving the rule and the counts; returns what went.
    @discardableResult
    public func purge(by actor: Actor) async throws -> PurgeCandidates {
        let day = today, found = try await candidates(on: day)
        try await retention.purge(found, record: PurgeRecord(id: ids.next(), rule: policy.rule(today: day), candidates: found),
                                  contactsBefore: policy.contactCutoff(today: day).start(), suspectsBefore: policy.suspectCutoff(today: day), by: actor)
        return found
    }

    /// What is past its period on a day (one day for the listing and the removal alike).
    private func candidates(on day: CalendarDay) async throws -> PurgeCandidates {
        try await retention.candidates(contactsBefore: policy.contactCutoff(today: day).start(), suspectsBefore: policy.suspectCutoff(today: day))
    }

    private var today: CalendarDay { CalendarDay(containing: clock.now()) }
}
