import Foundation
import SaferDomain
import Testing

@Suite("RAG rule")
struct RAGRuleTests {
    /// Change on baseline for whole-number figures, as the pack computes it.
    func change(from baseline: Int, to current: Int) -> Double {
        Double(current - baseline) / Double(baseline)
    }

    @Test(arguments: [
        (100, 105, RAGStatus.amber), (100, 95, .amber), (20, 21, .amber), (20, 19, .amber),
        (1_000, 1_050, .amber), (1_000, 950, .amber), (4_567, 4_567, .amber),
        (100, 106, .red), (100, 94, .green), (10_000, 10_501, .red), (10_000, 9_499, .green),
    ])
    func exactlyFivePercentEitherWayIsAmber(baseline: Int, current: Int, expected: RAGStatus) {
        let rule = RAGRule.standard

        let status = rule.status(forChange: change(from: baseline, to: current))

        #expect(status == expected)
    }

    @Test func exactlyFivePercentOnFiguresWithFractionsIsStillAmber() {
        // Why the tolerance exists: whole-number counts give exactly 0.05, but rates and the
        // equivalent form current ÷ base − 1 do not: 0.63 against 0.6 comes out as
        // 0.05000000000000004 in binary.
        let rateChange = (0.63 - 0.6) / 0.6
        let ratioForm = 105.0 / 100 - 1

        #expect(rateChange > 0.05)
        #expect(ratioForm > 0.05)
        #expect(RAGRule.standard.status(forChange: rateChange) == .amber)
        #expect(RAGRule.standard.status(forChange: ratioForm) == .amber)
        #expect(RAGRule.standard.status(forChange: -rateChange) == .amber)
    }

    @Test func theStatusFollowsTheExactChangeNotTheRoundedDisplay() {
        let change = change(from: 10_000, to: 10_504) // +5.04%

        #expect(DisplayFormat.signedPercentage(change) == "+5.0%")
        #expect(RAGRule.standard.status(forChange: change) == .red)
    }

    @Test func moreIsBetterFlipsGreenAndRedForHateCrime() {
        let fewer = RAGRule(polarity: .fewerIsBetter)
        let more = RAGRule(polarity: .moreIsBetter)
        let moreReporting = change(from: 51, to: 56) // +9.8%
        let lessReporting = change(from: 51, to: 45) // -11.8%
        let seedChange = change(from: 51, to: 52) // +2.0%

        #expect(more.status(forChange: moreReporting) == .green)
        #expect(fewer.status(forChange: moreReporting) == .red)
        #expect(more.status(forChange: lessReporting) == .red)
        #expect(fewer.status(forChange: lessReporting) == .green)
        #expect(more.status(forChange: seedChange) == .amber)
        #expect(more.status(forChange: change(from: 100, to: 95)) == .amber)
        #expect(more.status(forChange: change(from: 100, to: 105)) == .amber)
    }

    @Test func theThresholdIsASettingPerIndicator() {
        let violenceWithInjury = change(from: 485, to: 519) // +7.0%

        #expect(RAGRule(threshold: 0.05).status(forChange: violenceWithInjury) == .red)
        #expect(RAGRule(threshold: 0.10).status(forChange: violenceWithInjury) == .amber)
        #expect(RAGRule(threshold: 0.10).status(forChange: change(from: 100, to: 110)) == .amber)
        #expect(RAGRule(threshold: 0.10).status(forChange: change(from: 100, to: 89)) == .green)
        #expect(RAGRule(threshold: 0).status(forChange: 0) == .amber)
        #expect(RAGRule(threshold: 0).status(forChange: 0.001) == .red)
    }

    @Test func statusesHaveTheCouncilsWords() throws {
        #expect(RAGStatus.allCases.map(\.displayName) == ["Green", "Amber", "Red"])
        #expect(RAGStatus(parsing: " amber ") == .amber)
        #expect(RAGStatus(parsing: "G") == .green)
        #expect(RAGStatus(parsing: "purple") == nil)
        #expect(String(decoding: try JSONEncoder().encode(RAGStatus.red), as: UTF8.self) == "\"red\"")
        #expect(String(decoding: try JSONEncoder().encode(Polarity.moreIsBetter), as: UTF8.self) == "\"more-is-better\"")
    }
}
