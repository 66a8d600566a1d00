import Foundation
import SaferDomain
import Testing

/// Figures from the seed pack (Safer Communities Sub-Committee, 12 March 2019), as inputs
/// for the tests. Expected outputs live in the tests themselves.
enum SeedFigures {
    /// April 2018 to December 2018 ("2018/19 to Q3"), the months of the pack's monthly table.
    static let april2018 = month("2018-04")
    static let december2018 = month("2018-12")

    /// Months in tests are literals that are known to be valid.
    static func month(_ text: String) -> Month {
        do { return try Month(parsing: text) } catch { fatalError(error.description) }
    }

    // MARK: - Monthly table 2018/19, April to December

    /// Violence against the person & sexual offences, Apr–Dec 2018: total to date 1,207.
    static let violenceAgainstThePerson2018 = [107, 114, 156, 169, 116, 113, 149, 124, 159]

    /// Total ASB incidents, Apr–Dec 2018: total to date 1,237.
    static let antiSocialBehaviour2018 = [140, 155, 130, 168, 156, 120, 138, 103, 127]

    /// Violence with injury, Apr–Dec 2018. The PDF extraction garbled July ("28") and
    /// November ("4"); 58 and 44 are the values that make the pack's own quarterly figures
    /// (133, 135, 139) and total to date (407) add up.
    static let violenceWithInjury2018 = [30, 39, 64, 58, 39, 38, 52, 44, 43]

    /// Violence with injury with the domestic-abuse flag, Apr–Dec 2018: quarters 48, 45, 43; 136 to date.
    static let domesticAbuseFlag2018 = [12, 16, 20, 22, 10, 13, 17, 11, 15]

    /// Theft from vehicle, Apr–Dec 2018: total to date 310.
    static let theftFromVehicle2018 = [24, 43, 33, 23, 46, 34, 42, 35, 30]

    /// Theft of vehicle, Apr–Dec 2018: total to date 151.
    static let theftOfVehicle2018 = [7, 15, 14, 20, 22, 25, 21, 17, 10]

    /// Burglary business & community, Apr–Dec 2018; September garbled as "80", 8 makes the
    /// pack's total to date of 145.
    static let burglaryBusiness2018 = [14, 11, 19, 14, 30, 8, 18, 14, 17]

    /// Burglary residential dwelling, Apr–Dec 2018; October garbled as "56", 26 makes the
    /// pack's total to date of 202.
    static let burglaryDwelling2018 = [19, 11, 12, 15, 20, 32, 26, 28, 39]

    /// Criminal damage & arson, Apr–Dec 2018: total to date 353.
    static let criminalDamage2018 = [34, 53, 37, 40, 47, 36, 29, 35, 42]

    /// People killed or seriously injured on the roads, Apr–Nov 2018 (December TBC). The
    /// extraction garbled some cells; these add up to the pack's total of 40.
    static let roadCasualtiesAprilToNovember2018 = [4, 4, 9, 7, 2, 8, 3, 3]

    // MARK: - Baseline table (2017/18 baseline → last 12 months to December 2018)

    /// One row of the pack's CSP local indicator table.
    struct BaselineRow: Sendable, CustomTestStringConvertible {
        let indicator: String
        let baseline: Int
        let lastTwelveMonths: Int
        let expectedChange: String
        let expectedStatus: RAGStatus
        let polarity: Polarity
        /// The seed's April–December 2018 figures where the monthly table has them.
        let aprilToDecember2018: [Int]?

        var testDescription: String { indicator }

        /// January–December 2018 adding up to `lastTwelveMonths`: the seed's April–December
        /// where known, with January–March holding the rest; otherwise the total spread as
        /// evenly as whole numbers allow. The seed gives only the 12-month totals, so the
        /// split is invented, but the sum is the seed's.
        var monthsOf2018: [Int] {
            if let known = aprilToDecember2018 {
                return SeedFigures.spread(lastTwelveMonths - known.reduce(0, +), over: 3) + known
            }
            return SeedFigures.spread(lastTwelveMonths, over: 12)
        }
    }

    static let baselineRows: [BaselineRow] = [
        .init(indicator: "Violence against the person & sexual offences", baseline: 1_417, lastTwelveMonths: 1_482,
              expectedChange: "+4.6%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: violenceAgainstThePerson2018),
        .init(indicator: "Violence with injury", baseline: 485, lastTwelveMonths: 519,
              expectedChange: "+7.0%", expectedStatus: .red, polarity: .fewerIsBetter, aprilToDecember2018: violenceWithInjury2018),
        .init(indicator: "Violence with injury (domestic abuse flag)", baseline: 152, lastTwelveMonths: 156,
              expectedChange: "+2.6%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: domesticAbuseFlag2018),
        .init(indicator: "Violence without injury", baseline: 756, lastTwelveMonths: 817,
              expectedChange: "+8.1%", expectedStatus: .red, polarity: .fewerIsBetter, aprilToDecember2018: nil),
        .init(indicator: "Burglary residential – dwelling", baseline: 271, lastTwelveMonths: 269,
              expectedChange: "-0.7%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: burglaryDwelling2018),
        .init(indicator: "Theft from vehicle", baseline: 393, lastTwelveMonths: 420,
              expectedChange: "+6.9%", expectedStatus: .red, polarity: .fewerIsBetter, aprilToDecember2018: theftFromVehicle2018),
        .init(indicator: "Burglary business & community", baseline: 216, lastTwelveMonths: 185,
              expectedChange: "-14.4%", expectedStatus: .green, polarity: .fewerIsBetter, aprilToDecember2018: burglaryBusiness2018),
        .init(indicator: "Theft of vehicle", baseline: 208, lastTwelveMonths: 212,
              expectedChange: "+1.9%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: theftOfVehicle2018),
        // Hate crime: more is better (the target is more reporting); +2.0% is Amber either way.
        .init(indicator: "Hate offences & crimed incidents", baseline: 51, lastTwelveMonths: 52,
              expectedChange: "+2.0%", expectedStatus: .amber, polarity: .moreIsBetter, aprilToDecember2018: nil),
        .init(indicator: "Business crime", baseline: 670, lastTwelveMonths: 455,
              expectedChange: "-32.1%", expectedStatus: .green, polarity: .fewerIsBetter, aprilToDecember2018: nil),
        .init(indicator: "Anti-social behaviour incidents", baseline: 1_699, lastTwelveMonths: 1_559,
              expectedChange: "-8.2%", expectedStatus: .green, polarity: .fewerIsBetter, aprilToDecember2018: antiSocialBehaviour2018),
        .init(indicator: "Arson (deliberate small fires)", baseline: 49, lastTwelveMonths: 50,
              expectedChange: "+2.0%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: nil),
        .init(indicator: "Criminal damage & arson", baseline: 479, lastTwelveMonths: 461,
              expectedChange: "-3.8%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: criminalDamage2018),
        .init(indicator: "Total recorded crime", baseline: 4_567, lastTwelveMonths: 4_626,
              expectedChange: "+1.3%", expectedStatus: .amber, polarity: .fewerIsBetter, aprilToDecember2018: nil),
    ]

    /// `total` split into `count` whole numbers differing by at most 1 (larger ones first).
    static func spread(_ total: Int, over count: Int) -> [Int] {
        (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
    }

    // MARK: - Anti-social behaviour, a consistent two-year series

    /// Total ASB incidents April 2017 to December 2018, consistent with every ASB figure in
    /// the pack. The pack gives 2017/18 only as a total (1,699), but its other figures fix
    /// the split: last 12 months to Dec 2018 is 1,559 and Apr–Dec 2018 is 1,237, so Jan–Mar
    /// 2018 is 322; then Apr–Dec 2017 is 1,699 − 322 = 1,377, and 1,237 ÷ 1,377 − 1 is the
    /// pack's −10.2%. Within those sums the months are spread evenly (invented).
    static var antiSocialBehaviourSeries: MonthlySeries {
        let aprilToDecember2017 = spread(1_377, over: 9)
        let januaryToMarch2018 = spread(322, over: 3)
        return MonthlySeries(
            startingAt: month("2017-04"),
            counts: aprilToDecember2017 + januaryToMarch2018 + antiSocialBehaviour2018
        )
    }

    // MARK: - Police beat comparison, Q3 2018/19 against Q3 2017/18

    /// The pack's beat table: (beat, total recorded crime 2017/18, 2018/19, vehicle crime
    /// 2017/18, 2018/19, ASB 2017/18, 2018/19) for October to December.
    static let beatTable: [(String, Int, Int, Int, Int, Int, Int)] = [
        ("Arley and Whitacre", 88, 88, 9, 10, 29, 22),
        ("Atherstone Central (1)", 13, 10, 0, 0, 8, 4),
        ("Atherstone Central (2)", 23, 25, 6, 1, 8, 7),
        ("Atherstone Central (Town)", 82, 116, 3, 6, 34, 37),
        ("Atherstone North", 61, 47, 8, 7, 26, 16),
        ("Atherstone North (Town)", 14, 19, 0, 0, 1, 3),
        ("Atherstone South and Mancetter", 44, 71, 5, 4, 19, 27),
        ("Atherstone South and Mancetter (Town)", 9, 9, 1, 1, 2, 11),
        ("Baddesley and Grendon", 40, 57, 8, 11, 13, 21),
        ("Coleshill North", 88, 74, 23, 17, 13, 13),
        ("Coleshill South", 29, 42, 4, 7, 9, 11),
        ("Coleshill South (Town)", 30, 47, 9, 4, 12, 23),
        ("Curdworth", 100, 126, 8, 27, 16, 17),
        ("Dordon", 94, 90, 16, 20, 18, 22),
        ("Fillongley", 147, 124, 47, 31, 14, 24),
        ("Hartshill", 74, 50, 14, 5, 32, 23),
        ("Hurley and Wood End", 38, 85, 7, 14, 30, 25),
        ("Kingsbury", 40, 52, 6, 6, 26, 8),
        ("Newton Regis and Warton", 29, 28, 6, 3, 9, 14),
        ("Polesworth East", 43, 31, 4, 3, 15, 26),
        ("Polesworth West", 36, 28, 5, 4, 8, 10),
        ("Water Orton", 33, 42, 7, 16, 10, 4),
    ]

    /// The beat table as comparison cells.
    static var beatCells: [BeatComparison.Cell] {
        beatTable.flatMap { row in
            [
                BeatComparison.Cell(beat: row.0, category: .totalRecordedCrime, lastYear: row.1, thisYear: row.2),
                BeatComparison.Cell(beat: row.0, category: .vehicleCrime, lastYear: row.3, thisYear: row.4),
                BeatComparison.Cell(beat: row.0, category: .antiSocialBehaviour, lastYear: row.5, thisYear: row.6),
            ]
        }
    }

    /// 2018/19-Q3.
    static let quarter3 = Quarter(containing: month("2018-12"))
}
