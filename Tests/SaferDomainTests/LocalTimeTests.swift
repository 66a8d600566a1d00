import Foundation
import Testing
@testable import SaferDomain

@Suite("Reading dates and times")
struct LocalTimeTests {
    /// The arithmetic reading gives what the formatters give, on random times over thirty years
    /// in every accepted shape, on the clock-change days, and on near misses.
    @Test func theQuickReadingAgreesWithTheFormatters() {
        var generator = SystemRandomNumberGenerator()
        var samples: [String] = []
        for _ in 0..<1_500 {
            let y = Int.random(in: 1995...2030, using: &generator), m = Int.random(in: 1...12, using: &generator), d = Int.random(in: 1...31, using: &generator)
            let h = Int.random(in: 0...23, using: &generator), mi = Int.random(in: 0...59, using: &generator), s = Int.random(in: 0...59, using: &generator)
            let date = String(format: "%04d-%02d-%02d", y, m, d), time = String(format: "%02d:%02d", h, mi), sec = String(format: ":%02d", s)
            samples += ["\(date)T\(time)", "\(date) \(time)", "\(date)T\(time)\(sec)", "\(date) \(time)\(sec)", "\(date)T\(time)\(sec)Z",
                        "\(date)T\(time)\(sec).25Z", "\(date)T\(time)\(sec)+01:00", "\(date)T\(time)\(sec)-05:30", "\(date)T\(time)Z"]
        }
        for day in ["2019-03-31", "2019-10-27", "2024-03-31", "2024-10-27"] {
            for hour in 0..<5 { samples += ["\(day)T0\(hour):30", "\(day) 0\(hour):00:00"] }
        }
        samples += ["2019-02-29T10:00", "2019-13-01T10:00", "2019-02-11T24:00", "2019-02-11T09:30:60", "2019-02-11T09:30Zjunk",
                    "2019-02-11T09:30:00+1:00", "2019-2-11T09:30", "2019-02-11", "", "2019-02-11T09:30:00.Z"]
        let zone = TimeZone.unitedKingdom
        var quick = 0
        for text in samples {
            let fast = LocalTime.quickParse(text, timeZone: zone)
            if let fast {
                quick += 1
                #expect(fast == LocalTime.formatterParse(text, timeZone: zone), "\(text)")
            }
        }
        #expect(quick > 10_000, "the usual shapes are read by arithmetic (\(quick) of \(samples.count))")
    }

    @Test func aBadTimeIsNamedInAtMostEightyCharacters() throws {
        #expect(throws: ValidationError.self) { try LocalTime.parse("2019-02-30T10:00") }
        do { _ = try LocalTime.parse(String(repeating: "9", count: 100_000)) } catch let error as ValidationError {
            #expect(error.messages[0].count < 200)
        } catch { Issue.record("\(error)") }
        #expect(try LocalTime.parse("2019-02-11T09:30") == Date(timeIntervalSince1970: 1_549_877_400))
        #expect(try LocalTime.parse("2019-06-11 09:30") == Date(timeIntervalSince1970: 1_560_241_800), "BST")
    }
}
