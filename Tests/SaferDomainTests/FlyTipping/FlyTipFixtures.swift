import Foundation
@testable import SaferDomain

/// Small builders for fly-tipping tests: times in UK local time, places in North Warwickshire.
enum FlyTipFixtures {
    /// An instant written "2019-02-11 09:30" in UK time.
    static func time(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    static func range(_ from: String, _ to: String) -> DayRange { try! DayRange(first: day(from), last: day(to)) }

    /// Oldbury Road, Hartshill.
    static let hartshill = WGS84Point(latitude: 52.5465, longitude: -1.5235)

    /// A valid incident; change what the test is about.
    static func flyTip(id: String = "t1", at reported: String = "2019-02-11 09:30", land: LandType = .highway,
                       size: FlyTipSize = .smallVanLoad, waste: [WasteType] = [.otherHousehold], status: FlyTipStatus = .reported,
                       position: WGS84Point = hartshill, cleared: String? = nil, cost: Money? = nil) -> FlyTip {
        FlyTip(id: id, reference: ReferenceCode.make(prefix: "FT", from: id), position: position, gridPoint: NationalGrid.gridPoint(from: position),
               location: "Oldbury Road, Hartshill", landType: land, wasteTypes: waste, size: size, source: .crew, status: status,
               reportedAt: time(reported), clearedAt: cleared.map(time), enteredCost: cost, recordedBy: "crew@example.org",
               recordedAt: time(reported))
    }

    static let now = time("2019-03-12 12:00")
}
