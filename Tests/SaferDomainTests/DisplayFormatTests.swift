import Foundation
import SaferDomain
import Testing

@Suite("Display format")
struct DisplayFormatTests {
    @Test func countsHaveThousandsSeparators() {
        #expect(DisplayFormat.count(1_417) == "1,417")
        #expect(DisplayFormat.count(999) == "999")
        #expect(DisplayFormat.count(0) == "0")
        #expect(DisplayFormat.count(1_000_000) == "1,000,000")
        #expect(DisplayFormat.count(-4_567) == "-4,567")
    }

    @Test func changesAreSignedToOneDecimalPlace() {
        #expect(DisplayFormat.signedPercentage((1_482.0 - 1_417) / 1_417) == "+4.6%")
        #expect(DisplayFormat.signedPercentage((269.0 - 271) / 271) == "-0.7%")
        #expect(DisplayFormat.signedPercentage(-0.321) == "-32.1%")
        #expect(DisplayFormat.signedPercentage(1.5) == "+150.0%")
        #expect(DisplayFormat.signedPercentage(12.345) == "+1,234.5%")
    }

    @Test func csvUsesTheHyphenMinusAndPagesMayUseTheMinusSign() {
        let change = (269.0 - 271) / 271

        #expect(DisplayFormat.signedPercentage(change, minus: .hyphenMinus) == "-0.7%")
        #expect(DisplayFormat.signedPercentage(change, minus: .minusSign) == "\u{2212}0.7%")
    }

    @Test func aChangeThatRoundsToZeroHasNoSign() {
        #expect(DisplayFormat.signedPercentage(0) == "0.0%")
        #expect(DisplayFormat.signedPercentage(-0.0004) == "0.0%")
        #expect(DisplayFormat.signedPercentage(0.0004) == "0.0%")
    }

    @Test func halvesRoundAwayFromZeroDespiteBinaryFractions() {
        #expect(DisplayFormat.signedPercentage(0.0465) == "+4.7%")
        #expect(DisplayFormat.signedPercentage(-0.0465) == "-4.7%")
        #expect(DisplayFormat.signedPercentage(0.0464999) == "+4.6%")
        #expect(DisplayFormat.wholePercentage(0.345) == "35%")
    }

    @Test func numbersDropNeedlessDecimals() {
        #expect(DisplayFormat.number(1_207) == "1,207")
        #expect(DisplayFormat.number(2.5) == "2.5")
        #expect(DisplayFormat.number(1_649.333) == "1,649.33")
        #expect(DisplayFormat.number(23.13, decimals: 1) == "23.1")
        #expect(DisplayFormat.number(-0.04, decimals: 1) == "0.0")
        #expect(DisplayFormat.number(.nan) == "n/a")
    }

    @Test func statusProportionsAreWholePercentages() {
        #expect(DisplayFormat.wholePercentage(9.0 / 11) == "82%")
        #expect(DisplayFormat.wholePercentage(2.0 / 11) == "18%")
        #expect(DisplayFormat.wholePercentage(1) == "100%")
    }
}
