import Foundation
import SaferDomain

/// Reference conversions computed once outside Swift (Fixtures/make_reference.py), read from
/// `Fixtures/` beside this file.
enum GeographyFixtures {
    /// A position and its National Grid easting/northing by the reference implementation.
    struct ReferencePoint: Sendable {
        let name: String
        let position: WGS84Point
        let grid: NationalGridPoint
    }

    /// The rows of a `name,latitude,longitude,easting,northing` file.
    static func referencePoints(_ name: String) throws -> [ReferencePoint] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        guard lines.first == "name,latitude,longitude,easting,northing" else { throw FixtureError.badHeader(name) }
        // The names hold no commas or quotes (make_reference.py writes them), so a plain split is a CSV parser here.
        return try lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 5, let lat = Double(fields[1]), let lon = Double(fields[2]), let e = Double(fields[3]), let n = Double(fields[4]) else {
                throw FixtureError.badLine(String(line))
            }
            return ReferencePoint(name: String(fields[0]), position: WGS84Point(latitude: lat, longitude: lon), grid: NationalGridPoint(easting: e, northing: n))
        }
    }

    enum FixtureError: Error {
        case badHeader(String)
        case badLine(String)
    }
}
