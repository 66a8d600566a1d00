import Foundation
import Testing
import SaferDomain

/// police.uk rows become indicator figures by the crime types each indicator maps.
@Suite("police.uk counts for indicators")
struct PoliceUKIndicatorCountsTests {
    static let sep = Month("2018-09")!, oct = Month("2018-10")!

    static func count(_ month: Month, _ type: String, _ n: Int, beat: String? = nil) -> CrimeCount {
        CrimeCount(month: month, crimeType: type, beatKey: beat, count: n)
    }

    @Test func eachIndicatorSumsItsMappedTypesAndImportedMonthsWithoutRowsAreZero() {
        let vehicle = Indicator(key: "vehicle-crime", name: "Vehicle crime", source: .policeUK, crimeTypes: ["Vehicle crime", "Bicycle theft"])
        let partner = Indicator(key: "business-crime", name: "Business crime")
        let rows = [Self.count(Self.sep, "Vehicle crime", 30), Self.count(Self.sep, "Bicycle theft", 4), Self.count(Self.sep, "Burglary", 9)]
        let series = PoliceUKIndicatorCounts.series(for: [vehicle, partner], counts: rows, months: [Self.sep, Self.oct])
        #expect(series.keys.sorted() == ["vehicle-crime"])
        #expect(series["vehicle-crime"]?[Self.sep] == .count(34) && series["vehicle-crime"]?[Self.oct] == .count(0))
    }

    @Test func beatsCountTheirCategorysTypesAndUnmappedRowsAreLeftOut() {
        let asb = Indicator(key: BeatCategory.antiSocialBehaviour.rawValue, name: "ASB", source: .policeUK, crimeTypes: ["Anti-social behaviour"])
        let rows = [Self.count(Self.sep, "Anti-social behaviour", 12, beat: "hartshill"), Self.count(Self.sep, "Anti-social behaviour", 5, beat: CrimeCount.unmappedBeat),
                    Self.count(Self.oct, "Vehicle crime", 3, beat: "hartshill")]
        let beats = PoliceUKIndicatorCounts.beatSeries(catalogue: [asb], counts: rows, months: [Self.sep, Self.oct])
        #expect(beats[.antiSocialBehaviour]?.keys.sorted() == ["hartshill"])
        #expect(beats[.antiSocialBehaviour]?["hartshill"]?[Self.sep] == .count(12) && beats[.antiSocialBehaviour]?["hartshill"]?[Self.oct] == .count(0))
        #expect(beats[.vehicleCrime] == nil, "a category whose indicator maps no types is left out")
    }
}

@Suite("police.uk month keys")
struct PoliceUKMonthKeyTests {
    @Test func aMonthIsKeyedYYYYMMAndItsRowsAreOneRangeOfIds() {
        let may = PoliceUKMonthKey(Month("2018-05")!)
        #expect(may.value == 201_805 && may.month == Month("2018-05")!)
        #expect(may.firstID == 201_805_000_000_000 && may.lastID == 201_805_999_999_999)
        #expect(PoliceUKMonthKey(stored: 201_813) == nil && PoliceUKMonthKey(stored: 201_800) == nil && PoliceUKMonthKey(stored: -201_805) == nil)
        #expect(PoliceUKMonthKey(stored: 201_805) == may && PoliceUKMonthKey(Month("2018-06")!) > may)
    }
}
