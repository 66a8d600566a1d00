import Foundation
import Testing
@testable import SaferDomain

@Suite("Population by year for rates")
struct RateDenominatorTests {
    let area = Area(key: "anytown", name: "Anytown", kind: .district, population: 50_000, residentialProperties: 20_000)
    func period(_ first: String, _ last: String) throws -> Period { try Period(first: try Month(parsing: first), last: try Month(parsing: last)) }

    @Test func aPeriodCountsInTheYearHoldingMostOfItsMonths() throws {
        #expect(RateDenominator.year(of: try period("2018-04", "2019-03")) == 2018)
        #expect(RateDenominator.year(of: try period("2018-07", "2019-06")) == 2019, "six and six: the later year")
        #expect(RateDenominator.year(of: try period("2019-01", "2019-12")) == 2019)
    }

    @Test func theLatestFigureAtOrBeforeThePeriodsYearIsUsed() throws {
        let rows = [AreaPopulation(areaKey: "anytown", year: 2011, population: 61_860, households: 26_000),
                    AreaPopulation(areaKey: "anytown", year: 2021, population: 65_000, households: nil),
                    AreaPopulation(areaKey: "elsewhere", year: 2018, population: 1, households: 1)]
        let y2018 = try period("2018-04", "2019-03"), y2022 = try period("2022-04", "2023-03")
        #expect(RateDenominator.forPeriod(y2018, base: .population, area: area, populations: rows) == .known(61_860, year: 2011))
        #expect(RateDenominator.forPeriod(y2022, base: .population, area: area, populations: rows) == .known(65_000, year: 2021))
        #expect(RateDenominator.forPeriod(y2022, base: .residentialProperties, area: area, populations: rows) == .known(26_000, year: 2011),
                "homes from the latest year that has them")
    }

    @Test func aMissingFigureIsMissingNeverZeroAndSaysWhy() throws {
        let later = [AreaPopulation(areaKey: "anytown", year: 2021, population: 65_000, households: nil)]
        #expect(RateDenominator.forPeriod(try period("2018-04", "2019-03"), base: .population, area: area, populations: later)
                == .missing("No population for Anytown is recorded for 2018 or before (the earliest is 2021)."))
        let bare = Area(key: "anytown", name: "Anytown", kind: .district)
        #expect(RateDenominator.forPeriod(try period("2018-04", "2019-03"), base: .residentialProperties, area: bare, populations: [])
                == .missing("No number of homes is recorded for Anytown: add it with safer setup or on Admin → Areas."))
        let zero = [AreaPopulation(areaKey: "anytown", year: 2018, population: 0, households: nil)]
        #expect(RateDenominator.forPeriod(try period("2018-04", "2019-03"), base: .population, area: bare, populations: zero)
                == .missing("No population is recorded for Anytown: add it with safer setup or on Admin → Areas."))
        #expect(RateDenominator.forPeriod(try period("2018-04", "2019-03"), base: .population, area: area, populations: []) == .known(50_000, year: nil),
                "an area without dated figures uses its own")
    }
}
