import Testing
@testable import SaferDomain

@Suite("What figures an indicator can hold")
struct IndicatorFigureRuleTests {
    let count = Indicator(key: "burglary", name: "Burglary", kind: .count)
    let share = Indicator(key: "da-share", name: "Domestic abuse share", kind: .proportion, baseKey: "violence")

    @Test func countsAreWholeAndNotNegative() {
        #expect(count.problem(with: .count(107)) == nil)
        #expect(count.problem(with: .number(0)) == nil)
        #expect(count.problem(with: .tbc) == nil && count.problem(with: .notReported) == nil)
        #expect(count.problem(with: .number(-3)) == "-3 is negative; figures count or measure something, so they are 0 or more.")
        #expect(count.problem(with: .number(2.5)) == "2.5 is not a whole number, and Burglary is a count.")
        #expect(count.problem(with: .number(1e300))?.contains("more than a million million") == true)
    }

    @Test func proportionsMayHaveFractionsButAreNotNegative() {
        #expect(share.problem(with: .number(36.09)) == nil)
        #expect(share.problem(with: .number(-0.5)) != nil)
    }
}
