import Foundation
import SaferDomain

/// How far a new council has got with setting Safer up: each step, and whether it is done, for
/// the administrator's checklist. Read from what is stored, so a step done on the command line
/// shows as done too.
public struct SetUpService: Sendable {
    /// The steps, in the order a council takes them.
    public enum Step: String, Sendable, CaseIterable {
        case council, areas, lookup, boundaries, indicators, accounts, plans
    }

    let areas: any AreaRepository
    let settings: any SettingsRepository
    let indicators: any IndicatorRepository
    let users: any UserRepository
    let plans: any PlanRepository

    public init(areas: any AreaRepository, settings: any SettingsRepository, indicators: any IndicatorRepository, users: any UserRepository, plans: any PlanRepository) {
        self.areas = areas
        self.settings = settings
        self.indicators = indicators
        self.users = users
        self.plans = plans
    }

    public init(services: AppServices) {
        let storage = services.storage
        self.init(areas: storage.areas, settings: storage.settings, indicators: storage.indicators, users: storage.users, plans: storage.plans)
    }

    /// Each step and whether it is done: a district; a ward or a beat; an LSOA lookup; beat
    /// boundaries; an indicator; an account beside the first administrator's; a plan.
    public func progress() async throws -> [(step: Step, done: Bool)] {
        var result: [(Step, Bool)] = []
        for step in Step.allCases {
            let done: Bool
            switch step {
            case .council: done = try await !areas.list(kind: .district).isEmpty
            case .areas:
                let beats = try await areas.list(kind: .beat), wards = try await areas.list(kind: .ward)
                done = !beats.isEmpty || !wards.isEmpty
            case .lookup: done = try await !areas.lookup().isEmpty
            case .boundaries: done = try await !settings.beatBoundaries().isEmpty
            case .indicators: done = try await !indicators.list().isEmpty
            case .accounts: done = try await users.list().count > 1
            case .plans: done = try await !plans.list(financialYear: nil).isEmpty
            }
            result.append((step, done))
        }
        return result
    }
}
