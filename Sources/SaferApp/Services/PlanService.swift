import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// Plans, items and updates for the pages, the API and the command line: who may write, the
/// suggested status, year end and the summaries all come from here.
public struct PlanService: Sendable {
    let planRepository: any PlanRepository
    let figures: any FigureRepository
    let indicators: any IndicatorRepository
    let organisations: any OrganisationRepository
    let areas: any AreaRepository
    let clock: any SaferClock
    let ids: any IDGenerator

    /// A service with only what it uses.
    public init(planRepository: any PlanRepository, figures: any FigureRepository, indicators: any IndicatorRepository, organisations: any OrganisationRepository, areas: any AreaRepository, clock: any SaferClock, ids: any IDGenerator) {
        self.planRepository = planRepository
        self.figures = figures
        self.indicators = indicators
        self.organisations = organisations
        self.areas = areas
        self.clock = clock
        self.ids = ids
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(planRepository: services.storage.plans, figures: services.storage.figures, indicators: services.storage.indicators, organisations: services.storage.organisations, areas: services.storage.areas, clock: services.clock, ids: services.ids)
    }

    /// The suggestion for an item in a quarter, or why there is none.
    public struct Suggestion: Sendable {
        /// Whether the item can have one at all (an indicator and a numeric target).
        public let applies: Bool
        /// The suggestion, when the figures allow one.
        public let status: SuggestedStatus?
        /// The months the forecast used, e.g. Apr–Dec 2018.
        public let period: Period?
        /// The figure to date the forecast started from.
        public let toDate: Double?
        /// A sentence for the page: the explanation, or why there is no suggestion.
        public let text: String
    }

    // MARK: - Reading

    /// A plan with its items and their updates.
    public func contents(planID: String) async throws -> PlanContents {
        guard let plan = try await planRepository.find(id: planID) else { throw DomainError.notFound(entity: "plan", id: planID) }
        return try await contents(plan)
    }

    /// A plan's items and their updates.
    public func contents(_ plan: Plan) async throws -> PlanContents {
        let items = try await planRepository.items(planID: plan.id)
        return PlanContents(plan: plan, items: items, updates: try await planRepository.updates(itemIDs: items.map(\.id)))
    }

    /// Every plan of a year (of one kind when given), with items and updates.
    public func contents(year: FinancialYear, kind: Plan.Kind? = nil) async throws -> [PlanContents] {
        var result: [PlanContents] = []
        for plan in try await planRepository.list(financialYear: year) where kind == nil || plan.kind == kind {
            result.append(try await contents(plan))
        }
        return result
    }

    /// Every plan, of every year.
    public func plans() async throws -> [Plan] { try await planRepository.list(financialYear: nil) }

    /// The years that have plans, earliest first.
    public func years() async throws -> [FinancialYear] {
        Array(Set(try await planRepository.list(financialYear: nil).map(\.financialYear))).sorted()
    }

    /// The year to show when none is asked for: the latest year, up to the current one, whose
    /// plans have a status (a plan rolled forward with none yet would open on an empty page);
    /// without statuses, the current year if it has plans, else the latest before it, else the earliest.
    public func defaultYear() async throws -> FinancialYear {
        let current = Month(containing: clock.now()).financialYear
        let years = try await years()
        for year in years.reversed() where year <= current {
            if try await contents(year: year).contains(where: { $0.latestQuarterWithStatus != nil }) { return year }
        }
        return years.contains(current) ? current : years.last { $0 < current } ?? years.first ?? current
    }

    /// Organisation names by id.
    public func organisationNames() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await organisations.list().map { ($0.id, $0.name) })
    }

    /// The item and its plan, or not found.
    public func item(id: String) async throws -> (item: PlanItem, plan: Plan) {
        guard let item = try await planRepository.item(id: id) else { throw DomainError.notFound(entity: "plan item", id: id) }
        guard let plan = try await planRepository.find(id: item.planID) else { throw DomainError.notFound(entity: "plan", id: item.planID) }
        return (item, plan)
    }

    /// An item's earlier years, most recent first: each of last year's items with its plan and updates.
    public func history(of item: PlanItem) async throws -> [(item: PlanItem, plan: Plan, updates: [PlanUpdate])] {
        var result: [(PlanItem, Plan, [PlanUpdate])] = []
        var next = item.previousItemID
        var seen: Set<String> = [item.id]
        while let id = next, !seen.contains(id), let earlier = try await planRepository.item(id: id), let plan = try await planRepository.find(id: earlier.planID) {
            seen.insert(id)
            result.append((earlier, plan, try await planRepository.updates(itemIDs: [earlier.id])))
            next = earlier.previousItemID
        }
        return result
    }

    // MARK: - Suggested status

    /// What Safer suggests for an item in a quarter: a forecast of the year-end figure from the
    /// district's figures to date (April to the last month reported by the end of the quarter),
    /// by last year's seasonal profile when last year's months are complete, else pro rata.
    public func suggestion(for item: PlanItem, in quarter: Quarter) async throws -> Suggestion {
        guard let key = item.indicatorKey, let target = item.numericTarget else {
            return Suggestion(applies: false, status: nil, period: nil, toDate: nil,
                              text: "Safer suggests a status only for items linked to an indicator with a numeric target.")
        }
        guard let indicator = try await indicators.find(key: key) else {
            return Suggestion(applies: true, status: nil, period: nil, toDate: nil,
                              text: "No suggestion: the linked indicator '\(key)' is not in the catalogue.")
        }
        let district: Area
        do { district = try await PerformanceService.district(in: areas) } catch {
            return Suggestion(applies: true, status: nil, period: nil, toDate: nil, text: "No suggestion: no district is set up for the figures.")
        }
        let figures = try await figures.figures(indicatorKeys: [key], areaKey: district.key)[key] ?? IndicatorFigures()
        let year = quarter.financialYear
        // The last month with a figure (a number or TBC) by the end of the quarter; a TBC month
        // makes the figures to date incomplete, which is said rather than forecast around.
        guard let through = figures.months.values.keys.filter({ year.contains($0) && $0 <= quarter.lastMonth }).max() else {
            return Suggestion(applies: true, status: nil, period: nil, toDate: nil,
                              text: "No suggestion: \(indicator.name) has no figures for \(year) by the end of \(quarter.label).")
        }
        let toDate = figures.months.totalToDate(through: through)
        let samePeriod = figures.months.total(over: toDate.period.samePeriodLastYear)
        let supplied = figures.supplied[year.previous.period]
        let lastYear = figures.months.baseline(for: year, suppliedTotal: supplied)
        let rule: ForecastRule = samePeriod.isComplete && lastYear.isComplete && lastYear.value > 0 && samePeriod.value > 0 ? .seasonalProfile : .proRata
        do {
            let status = try SuggestedStatus.suggest(from: figures.months, through: through, target: target, rule: rule,
                                                     polarity: indicator.polarity, threshold: indicator.thresholdPercent / 100,
                                                     suppliedLastYearTotal: supplied)
            return Suggestion(applies: true, status: status, period: toDate.period, toDate: toDate.value,
                              text: "\(status.explanation), from \(indicator.name) figures for \(toDate.period.label) (\(DisplayFormat.number(toDate.value)) to date).")
        } catch {
            return Suggestion(applies: true, status: nil, period: toDate.period, toDate: nil, text: "No suggestion: \(error).")
        }
    }

    // MARK: - Writing

    /// Adds a quarterly update as `user`: partners only on items their organisation leads;
    /// officers and administrators on every item. The suggestion is worked out here, never
    /// taken from the request; an assigned status that differs from it needs a reason. With no
    /// direction given it is worked out from the previous quarter's status, where both exist.
    @discardableResult
    public func addUpdate(itemID: String, quarter: Quarter?, text: String, status: RAGStatus?, direction: DirectionOfTravel?,
                          workOutDirection: Bool = true, reason: String?, by user: User, channel: Actor.Channel) async throws -> PlanUpdate {
        let (item, plan) = try await item(id: itemID)
        guard item.acceptsUpdates(from: user.role, organisationID: user.organisationID) else {
            throw DomainError.forbidden(user.role == .partner
                ? "Partners may add updates only to items their own organisation leads, and \(item.reference) is not led by yours. Ask an officer, or the lead organisation, to add it."
                : "Your role may not add plan updates. Ask an officer to add it.")
        }
        let quarter = quarter ?? defaultQuarter(for: plan)
        guard quarter.financialYear == plan.financialYear else {
            throw ValidationError("\(quarter.label) is not in this plan's year: choose a quarter of \(plan.financialYear).", field: "quarter")
        }
        let suggestion = try await suggestion(for: item, in: quarter)
        var direction = direction
        if direction == nil, workOutDirection, let status {
            var earlier = try await planRepository.updates(itemIDs: [item.id]).latestAssigned(in: quarter.previous, of: quarter.previous.financialYear)
            if earlier == nil, quarter.number == .q1 {
                // Quarter 1 compares with last year's quarter 4, on last year's item.
                earlier = try await history(of: item).first?.updates.latestAssigned(in: quarter.previous, of: quarter.previous.financialYear)
            }
            if let previous = earlier?.status { direction = DirectionOfTravel(previous: previous, current: status) }
        }
        let now = clock.now()
        let update = PlanUpdate(id: ids.next(), itemID: item.id, quarter: quarter, text: text.trimmingCharacters(in: .whitespacesAndNewlines),
                                status: status, direction: direction, authorID: user.id, authorLabel: user.name,
                                date: CalendarDay(containing: now), recordedAt: now, reason: reason,
                                suggestion: suggestion.status, performance: suggestion.toDate)
        try await planRepository.addUpdate(update, by: Actor(userID: user.id, label: user.email, channel: channel))
        return update
    }

    /// The quarter an update is for by default: today's, clamped to the plan's year.
    public func defaultQuarter(for plan: Plan) -> Quarter {
        let month = Month(containing: clock.now())
        if month < plan.financialYear.firstMonth { return Quarter(plan.financialYear, .q1) }
        if month > plan.financialYear.lastMonth { return Quarter(plan.financialYear, .q4) }
        return month.quarter
    }

    /// Rolls a plan forward to next year once every item is marked; returns the new plan.
    public func rollForward(planID: String, by actor: Actor) async throws -> Plan {
        let contents = try await contents(planID: planID)
        if let next = try await planRepository.successor(ofPlan: planID) {
            throw DomainError.conflict("\(contents.plan.title) has already been rolled forward to \(next.title) (\(next.financialYear)): open that plan instead.")
        }
        let ids = ids
        let rolled = try PlanRollForward(from: contents.plan, items: contents.items, newPlanID: ids.next(), newItemID: { ids.next() })
        try await planRepository.create(rolled.plan, items: rolled.items, by: actor)
        return rolled.plan
    }

    /// The status summary of a year's plans (of one kind when given), for a quarter or each item's latest status.
    public func summary(year: FinancialYear, kind: Plan.Kind?, quarter: Quarter.Number?) async throws -> PlanSummaryReport {
        PlanSummaryReport.build(year: year, quarter: quarter, kind: kind, contents: try await contents(year: year, kind: kind))
    }

    // MARK: - Parsing

    /// A financial year from a form or query, e.g. `2018/19`.
    public static func year(_ text: String) throws -> FinancialYear {
        do { return try FinancialYear(parsing: text) } catch {
            throw ValidationError("'\(text)' is not a financial year: write it as 2018/19.", field: "fy")
        }
    }

    /// A quarter from a form or query: `3`, `Q3` or `2018/19-Q3`, in `year`; nil when blank.
    public static func quarter(_ text: String?, in year: FinancialYear) throws -> Quarter? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let digits = text.uppercased().hasPrefix("Q") ? String(text.dropFirst()) : text
        if let number = Int(digits).flatMap(Quarter.Number.init(rawValue:)) { return Quarter(year, number) }
        if let quarter = Quarter(text) { return quarter }
        throw ValidationError("'\(text)' is not a quarter: use 1 to 4 (Q1 April–June ... Q4 January–March) or e.g. \(year)-Q3.", field: "quarter")
    }

    /// A status from a form: blank for none, else green, amber or red.
    public static func status(_ text: String) throws -> RAGStatus? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let status = RAGStatus(parsing: trimmed) else {
            throw ValidationError("'\(text)' is not a status: choose Green, Amber or Red, or leave it blank.", field: "status")
        }
        return status
    }
}
