import Foundation
import Testing
@testable import SaferDomain

@Suite("Money, references and day ranges")
struct MoneyAndReferenceTests {
    @Test func amountsAreReadAndWrittenInPoundsAndPence() throws {
        #expect(try Money.parse("2648.52") == Money(pence: 264_852))
        #expect(try Money.parse("£37,710") == Money(pence: 3_771_000))
        #expect(try Money.parse("12.5") == Money(pence: 1250))
        #expect(Money(pence: 264_852).description == "£2,648.52")
        #expect(Money(pence: 3_771_000).description == "£37,710.00")
        #expect(Money(pence: -5).description == "-£0.05")
        #expect(Money(pence: 1_250).plain == "12.50")
        for bad in ["12.345", "twelve", "1.2.3", "", "12."] { #expect(throws: ValidationError.self) { try Money.parse(bad) } }
    }

    @Test func referencesAreShortReadableAndStable() {
        let reference = ReferenceCode.make(prefix: "FT", from: "3f1c0b7e-0000-4000-8000-000000000001")
        #expect(reference == ReferenceCode.make(prefix: "FT", from: "3f1c0b7e-0000-4000-8000-000000000001"))
        #expect(reference.range(of: #"^FT-[0-9A-HJKMNP-TV-Z]{6}$"#, options: .regularExpression) != nil)
        let many = Set((0..<10_000).map { ReferenceCode.make(prefix: "FT", from: "id-\($0)") })
        #expect(many.count >= 9_990)   // 30 bits: rare collisions, which storage resolves
    }

    @Test func theSamePeriodBeforeHasTheSameLength() throws {
        let since = FlyTipFixtures.range("2018-07-01", "2019-02-28")
        #expect(since.count == 243)
        #expect(since.previous.description == "2017-10-31..2018-06-30")
        #expect(since.previous.count == 243)
        #expect(throws: ValidationError.self) { try DayRange(first: CalendarDay("2019-01-02")!, last: CalendarDay("2019-01-01")!) }
    }
}
