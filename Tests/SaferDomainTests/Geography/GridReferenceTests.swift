import Testing
@testable import SaferDomain

/// Grid references as council staff type them (issue 13.4): the centre of the square named.
@Suite("OS grid references")
struct GridReferenceTests {
    @Test(arguments: [
        // SP is 400 km E, 200 km N; 4+4 digits name a 10 m square, placed at its centre.
        ("SP 2856 9637", 428_565.0, 296_375.0),
        ("SP28569637", 428_565, 296_375),
        ("sp 28 96", 428_500, 296_500),            // a 1 km square
        ("SP 28565 96375", 428_565.5, 296_375.5),  // 1 m
        ("TQ 30 80", 530_500, 180_500),            // London: TQ is 500 km E, 100 km N
        ("NT 25 73", 325_500, 673_500),            // Edinburgh: NT is 300 km E, 600 km N
        ("HU", 450_000, 1_150_000),                // Shetland's 100 km square, no digits
        ("SV 0 0", 5_000, 5_000),                  // the grid's origin square
    ])
    func aReferenceIsTheCentreOfItsSquare(text: String, easting: Double, northing: Double) throws {
        let point = try GridReference.parse(text)
        #expect(point.easting == easting && point.northing == northing, "\(text)")
    }

    @Test(arguments: ["", "S", "SP 285 963 1", "SP 28A6 9637", "SI 10 10", "12 34", "SP 123456 123456", "ZZ 10 10", "SP 2856 9637 ¾"])
    func aMalformedReferenceSaysWhatToType(text: String) {
        #expect { try GridReference.parse(text) } throws: { error in
            "\(error)".contains("e.g. SP 2856 9637")
        }
    }

    @Test func aPointReadsBackAsATenFigureReference() throws {
        #expect(GridReference.text(NationalGridPoint(easting: 428_565.7, northing: 296_375.2)) == "SP 28565 96375")
        #expect(GridReference.text(NationalGridPoint(easting: 325_000, northing: 673_000)) == "NT 25000 73000")
        #expect(GridReference.text(NationalGridPoint(easting: 800_000, northing: 0)) == nil)
        for text in ["SP 28565 96375", "NT 25000 73000", "HP 61234 16543", "SV 01234 05678"] {
            let point = try GridReference.parse(text)
            #expect(GridReference.text(NationalGridPoint(easting: point.easting.rounded(.down), northing: point.northing.rounded(.down))) == text)
        }
    }
}
