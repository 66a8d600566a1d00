import Foundation
import Testing
@testable import SaferDomain

/// Plan items, updates and year end: who may write, when a reason is needed, how a plan
/// rolls forward, and the status summary of a plan.
@Suite("Plan rules")
struct PlanRulesTests {
    static let year = try! FinancialYear(parsing: "2018/19")
    static let plan = Plan(id: "plan-1", kind: .partnership, title: "Community Safety Partnership Plan 2018/19", financialYear: year,
                           committee: "Safer Communities Sub-Committee")
    static let at = Date(timeIntervalSince1970: 1_552_348_800)

    static func item(_ id: String, _ position: Int, leads: [String] = [], decision: YearEndDecision? = nil) -> PlanItem {
        PlanItem(id: id, planID: "plan-1", position: position, number: String(position), description: "Item \(position)",
                 leadOrganisationIDs: leads, timescaleStart: CalendarDay("2018-04-01"), timescaleEnd: CalendarDay("2019-03-31"),
                 yearEndDecision: decision)
    }

    static func update(_ item: String, _ quarter: Quarter.Number, _ status: RAGStatus?, reason: String? = nil,
                       suggested: SuggestedStatus? = nil, id: String = UUID().uuidString) -> PlanUpdate {
        PlanUpdate(id: id, itemID: item, quarter: Quarter(year, quarter), text: "Progress", status: status,
                   authorLabel: "tester", recordedAt: at, reason: reason, suggestion: suggested)
    }

    // MARK: - Who may write

    @Test func partnersMayUpdateOnlyTheItemsTheirOrganisationLeads() {
        let shared = Self.item("a", 1, leads: ["org-police", "org-council"])
        let council = Self.item("b", 2, leads: ["org-council"])
        #expect(shared.acceptsUpdates(from: .partner, organisationID: "org-police"))
        #expect(!council.acceptsUpdates(from: .partner, organisationID: "org-police"))
        #expect(!council.acceptsUpdates(from: .partner, organisationID: nil), "a partner without an organisation leads nothing")
        #expect(council.acceptsUpdates(from: .officer, organisationID: "org-police"))
        #expect(council.acceptsUpdates(from: .admin, organisationID: nil))
        #expect(!council.acceptsUpdates(from: .councillor, organisationID: "org-council"), "councillors read only")
        #expect(!council.acceptsUpdates(from: .field, organisationID: "org-council"))
    }

    // MARK: - Suggested and assigned status

    @Test func anAssignedStatusThatDiffersFromTheSuggestionNeedsAReason() throws {
        // Theft from vehicles: target 393, 310 by quarter 3 → pro rata 413, 5.2% over → Red; the officer assigned Amber.
        let suggested = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)
        #expect(suggested.status == .red)
        let withoutReason = Self.update("a", .q3, .amber, reason: "  ", suggested: suggested)
        #expect(withoutReason.differsFromSuggestion)
        let error = try #require(throws: ValidationError.self) { try withoutReason.validate() }
        #expect(error.fields["reason"] != nil)
        #expect(error.description.contains("Safer suggests Red"), "the message names the suggestion: \(error)")
        try Self.update("a", .q3, .amber, reason: "Operation under way in Q4", suggested: suggested).validate()
        try Self.update("a", .q3, .red, suggested: suggested).validate()
        try Self.update("a", .q3, nil, suggested: suggested).validate()
    }

    @Test func theSeedsAntiSocialBehaviourTargetIsOnScheduleAndTheftFromVehiclesIsBehind() throws {
        let asb = try SuggestedStatus.proRata(toDate: 1_237, monthsElapsed: 9, target: 1_698)
        #expect(asb.status == .green)
        #expect(asb.explanation == "Forecast 1,649 (pro-rata) against a target of 1,698: Green")
        let vehicles = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)
        #expect(vehicles.status != .green)
        #expect(DisplayFormat.number(vehicles.forecast, decimals: 0) == "413")
    }

    @Test func aTargetIsNumericOnlyWhenItIsAPlainNumber() {
        #expect(PlanItem(id: "x", planID: "p", position: 1, description: "d", target: "1,698").numericTarget == 1_698)
        #expect(PlanItem(id: "x", planID: "p", position: 1, description: "d", target: "48").numericTarget == 48)
        #expect(PlanItem(id: "x", planID: "p", position: 1, description: "d", target: "24% in 2006").numericTarget == nil)
        #expect(PlanItem(id: "x", planID: "p", position: 1, description: "d", target: "82%").numericTarget == nil)
        #expect(!PlanItem(id: "x", planID: "p", position: 1, description: "d", target: "48").canSuggestStatus, "no indicator")
    }

    // MARK: - Summary

    @Test func theCorporatePlanSummaryReadsAsTheSeed() {
        var items: [PlanItem] = []
        var updates: [PlanUpdate] = []
        for index in 1...11 {
            items.append(Self.item("i\(index)", index))
            updates.append(Self.update("i\(index)", .q2, nil))
            updates.append(Self.update("i\(index)", .q3, index <= 9 ? .green : .amber))
        }
        let contents = PlanContents(plan: Self.plan, items: items, updates: updates)
        let summary = contents.summary(in: Quarter(Self.year, .q3))
        #expect(summary.rows.map(\.text) == ["Green 9 (82%)", "Amber 2 (18%)", "Red 0 (0%)"])
        #expect(summary.totalText == "Total 11 (100%)")
        #expect(contents.latestQuarterWithStatus == Quarter(Self.year, .q3))
        #expect(contents.summary(in: Quarter(Self.year, .q2)).total == 0, "quarter 2 had no statuses")
        #expect(contents.withoutStatus(in: Quarter(Self.year, .q2)).count == 11)
    }

    @Test func theLatestUpdateOfAQuarterGivesTheItemsStatus() {
        let first = PlanUpdate(id: "u1", itemID: "a", quarter: Quarter(Self.year, .q3), text: "x", status: .red, authorLabel: "t", recordedAt: Self.at)
        let second = PlanUpdate(id: "u2", itemID: "a", quarter: Quarter(Self.year, .q3), text: "y", status: .amber, authorLabel: "t",
                                recordedAt: Self.at + 60)
        let later = PlanUpdate(id: "u3", itemID: "a", quarter: Quarter(Self.year, .q4), text: "z", status: nil, authorLabel: "t", recordedAt: Self.at)
        let updates = [later, second, first]
        #expect(updates.latestAssigned(in: Quarter(Self.year, .q3), of: Self.year)?.id == "u2")
        #expect(updates.latestAssigned(in: nil, of: Self.year)?.id == "u2", "a later update without a status keeps the last status")
        #expect(updates.latest(in: nil, of: Self.year)?.id == "u3")
    }

    // MARK: - Year end

    @Test func rollingForwardCopiesTheKeptItemsLinkedToLastYear() throws {
        let items = [Self.item("a", 1, decision: .retain), Self.item("b", 2, decision: .remove), Self.item("c", 3, decision: .change)]
        var counter = 0
        let rolled = try PlanRollForward(from: Self.plan, items: items, newPlanID: "plan-2", newItemID: { counter += 1; return "new-\(counter)" })
        #expect(rolled.plan.title == "Community Safety Partnership Plan 2019/20")
        #expect(rolled.plan.financialYear.description == "2019/20")
        #expect(rolled.plan.previousPlanID == "plan-1")
        #expect(rolled.items.map(\.previousItemID) == ["a", "c"])
        #expect(rolled.items.map(\.id) == ["new-1", "new-2"])
        #expect(rolled.items.map(\.position) == [1, 2])
        #expect(rolled.items.allSatisfy { $0.planID == "plan-2" && $0.yearEndDecision == nil })
        #expect(rolled.items[0].timescaleStart == CalendarDay("2019-04-01"))
        #expect(rolled.items[0].timescaleEnd == CalendarDay("2020-03-31"))
        #expect(rolled.removed.map(\.id) == ["b"])
    }

    @Test func rollingForwardRefusesUntilEveryItemIsMarked() {
        let items = [Self.item("a", 1, decision: .retain), Self.item("b", 2), Self.item("c", 3)]
        let error = #expect(throws: ValidationError.self) {
            try PlanRollForward(from: Self.plan, items: items, newPlanID: "p2", newItemID: { "x" })
        }
        #expect(error?.description.contains("item 2, item 3") == true, "names the undecided items: \(String(describing: error))")
    }

    @Test func aTitleWithoutAYearGainsTheNewOne() {
        #expect(PlanRollForward.title("Policy Support Service Plan 2019-2020", from: try! FinancialYear(parsing: "2019/20"))
                == "Policy Support Service Plan 2020-2021")
        #expect(PlanRollForward.title("Fly-tipping action plan", from: Self.year) == "Fly-tipping action plan 2019/20")
    }

    @Test func daysReadAndPrintAsTheCouncilWritesThem() throws {
        #expect(CalendarDay("2019-03-31")?.label == "31 March 2019")
        #expect(CalendarDay("2019-02-29") == nil, "not a leap year")
        #expect(CalendarDay("2020-02-29")?.nextYear == CalendarDay("2021-02-28"))
        #expect(throws: ValidationError.self) { try CalendarDay(parsing: "31/03/2019") }
    }
}
