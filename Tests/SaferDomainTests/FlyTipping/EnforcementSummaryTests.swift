import Foundation
import Testing
@testable import SaferDomain

@Suite("Enforcement in the committee's words")
struct EnforcementSummaryTests {
    typealias F = FlyTipFixtures

    func action(_ id: String, _ caseID: String, _ type: EnforcementActionType, _ date: String) -> EnforcementAction {
        EnforcementAction(id: id, caseID: caseID, type: type, date: F.day(date))
    }

    /// The seed pack (item 6, 4.2.1–4.2.2): "3 warning letters have recently been issued and a further 8 cases are
    /// currently under investigation. In January 2 Fixed Penalty Notices were issued and paid and 1 Caution was issued."
    @Test func theSeedsSentenceComesFromCasesAndActions() {
        var cases: [EnforcementCase] = []
        var actions: [EnforcementAction] = []
        for n in 1...10 {
            cases.append(EnforcementCase(id: "c\(n)", reference: "ENF-\(n)", title: "Case \(n)", opened: F.day("2018-11-01")))
            actions.append(action("i\(n)", "c\(n)", .investigation, "2018-11-0\(min(n, 9))"))
        }
        // Two of the ten investigations ended before the period's end: closed, or finished with a caution.
        cases[8].closed = F.day("2019-01-20")
        cases[9].closed = F.day("2019-02-01")
        actions += [action("w1", "c1", .warningLetter, "2018-12-05"), action("w2", "c2", .warningLetter, "2019-01-10"),
                    action("w3", "c3", .warningLetter, "2019-02-20"), action("w0", "c4", .warningLetter, "2018-11-30"),
                    action("f1", "c9", .fpnIssued, "2019-01-08"), action("p1", "c9", .fpnPaid, "2019-01-22"),
                    action("f2", "c10", .fpnIssued, "2019-01-09"), action("p2", "c10", .fpnPaid, "2019-01-25"),
                    action("k1", "c10", .formalCaution, "2019-01-30")]
        let summary = EnforcementSummary(cases: cases, actions: actions, range: F.range("2018-12-01", "2019-02-28"))
        #expect(summary.sentence == "3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution")
    }

    @Test func unpaidPenaltiesAndSingularsReadNaturally() {
        let c = EnforcementCase(id: "c", reference: "ENF-1", title: "t", opened: F.day("2019-01-01"))
        let actions = [action("a", "c", .fpnIssued, "2019-01-02"), action("b", "c", .fpnIssued, "2019-01-03"),
                       action("d", "c", .fpnPaid, "2019-01-20"), action("e", "c", .prosecution, "2019-01-21"),
                       action("s", "c", .stopAndSearch, "2019-01-05")]
        let summary = EnforcementSummary(cases: [c], actions: actions, range: F.range("2019-01-01", "2019-01-31"))
        #expect(summary.sentence == "2 fixed penalty notices issued, 1 fixed penalty notice paid, 1 stop and search, 1 prosecution")
        #expect(EnforcementSummary(cases: [], actions: [], range: F.range("2019-01-01", "2019-01-31")).sentence == "No enforcement action")
    }

    @Test func aCaseClosedOnTheLastDayIsNoLongerUnderInvestigation() {
        var c = EnforcementCase(id: "c", reference: "ENF-1", title: "t", opened: F.day("2019-01-01"))
        let actions = [action("i", "c", .investigation, "2019-01-02")]
        #expect(EnforcementSummary(cases: [c], actions: actions, range: F.range("2019-01-01", "2019-01-31")).casesUnderInvestigation == 1)
        c.closed = F.day("2019-01-31")
        #expect(EnforcementSummary(cases: [c], actions: actions, range: F.range("2019-01-01", "2019-01-31")).casesUnderInvestigation == 0)
    }

    @Test func anOutcomeBelongsOnlyToAProsecution() {
        let letter = EnforcementAction(id: "a", caseID: "c", type: .warningLetter, date: F.day("2019-01-02"),
                                       outcome: .init(fine: Money(pence: 100)))
        #expect(throws: ValidationError.self) { try letter.validate(now: F.now) }
        let future = EnforcementAction(id: "b", caseID: "c", type: .warningLetter, date: F.day("2019-04-01"))
        #expect(throws: ValidationError.self) { try future.validate(now: F.now) }
    }
}
