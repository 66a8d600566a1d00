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

    /// Each step and whether it is done: the council set up; a ward or a beat; an LSOA lookup; beat
    /// boundaries; an indicator; an account beside the first administrator's; a plan.
    public func progress() async throws -> [(step: Step, done: Bool)] {
        var result: [(Step, Bool)] = []
        for step in Step.allCases {
            let done: Bool
            switch step {
            case .council: done = try await settings.council() != nil
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

    // MARK: - The council

    /// The council as set up, or nil before `safer setup`.
    public func council() async throws -> Council? { try await settings.council() }

    /// What a set-up did: the council and district as now stored, and the lookup rows loaded.
    public struct Result: Sendable {
        public let council: Council
        public let district: Area
        public let lookupRows: Int?
    }

    /// Sets the council up, or changes only what `change` names on a set-up database. A lookup,
    /// when given, replaces the LSOA lookup and becomes the police.uk match rule. Everything is
    /// checked before anything is stored; the lookup (checked and stored in one transaction)
    /// goes first, so a lookup naming unknown beats leaves the rest untouched.
    public func setUp(_ change: CouncilSetUp, lookup: [LSOAMapping]? = nil, by actor: Actor) async throws -> Result {
        var change = change
        if lookup != nil { change.matchByLookup = true }
        let (council, district) = try change.applied(to: try await settings.council(), district: try await areas.list(kind: .district).first)
        if case .lsoaLookup = council.policeUKMatch, lookup == nil, try await areas.lookup().isEmpty {
            throw ValidationError("The LSOA lookup is empty, so no police.uk row would match: give --lsoa-lookup FILE (columns lsoa_code,lsoa_name,beat,ward) or --lsoa-prefix.", field: "lsoa-lookup")
        }
        var rows: Int?
        if let lookup { rows = try await areas.replaceLookup(lookup, by: actor) }
        let saved = try await AreaService(areas: areas).save(key: district.key, name: district.name, kind: .district, population: district.population,
                                                             households: district.residentialProperties, by: actor)
        try await settings.save(council, by: actor)
        // A population given with its year is also kept for that year, so later figures can join it.
        if let year = council.populationYear, change.population != nil || change.households != nil || change.populationYear != nil {
            try await areas.save(AreaPopulation(areaKey: saved.key, year: year, population: saved.population, households: saved.residentialProperties), by: actor)
        }
        if var flyTipping = try await settings.flyTipSettings(), flyTipping.councilName != council.name {
            flyTipping.councilName = council.name
            try await settings.save(flyTipping, by: actor)
        }
        return Result(council: council, district: saved, lookupRows: rows)
    }

    /// The rows a police.uk import keeps by default: the council's match rule, or nil before set-up.
    public func policeUKFilter() async throws -> PoliceUKAreaFilter? {
        guard let council = try await settings.council() else { return nil }
        let codes = try await council.policeUKMatch == .lsoaLookup ? Set(areas.lookup().map(\.lsoaCode)) : []
        return council.policeUKMatch.filter(lookupCodes: codes)
    }
}
