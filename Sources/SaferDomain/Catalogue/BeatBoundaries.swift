import Foundation

/// Police beats' outlines, for the maps: uploaded as GeoJSON (the force or the council's GIS
/// exports them), matched to the beats in the area list by key or name.
public struct BeatBoundary: Sendable, Hashable, Codable {
    /// The beat's area key.
    public var beatKey: String
    public var name: String
    /// One or more outer rings of (latitude, longitude) corners.
    public var rings: [[WGS84Point]]

    public init(beatKey: String, name: String, rings: [[WGS84Point]]) {
        self.beatKey = beatKey
        self.name = name
        self.rings = rings
    }
}

public enum BeatBoundaryFile {
    /// Reads a GeoJSON FeatureCollection of Polygon or MultiPolygon features (longitude, latitude
    /// in WGS84, as RFC 7946 says) whose `name`, `beat`, `key` or `NAME` property names a beat.
    /// Every feature must match a beat and every point lie in Great Britain; problems are
    /// listed together, naming the feature.
    public static func parse(_ data: Data, beats: [Area]) throws -> [BeatBoundary] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["type"] as? String == "FeatureCollection", let features = object["features"] as? [[String: Any]] else {
            throw ValidationError("The file is not a GeoJSON FeatureCollection: export the beats layer as GeoJSON (WGS84) and upload that.")
        }
        func fold(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        let byName = Dictionary(beats.flatMap { [(fold($0.key), $0), (fold($0.name), $0)] }, uniquingKeysWith: { first, _ in first })
        var problems = ValidationProblems()
        var boundaries: [String: BeatBoundary] = [:]
        for (index, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let label = ["name", "beat", "key", "NAME", "Name"].lazy.compactMap { properties[$0] as? String }.first ?? ""
            guard let beat = byName[fold(label)] else {
                problems.add("Feature \(index + 1) ('\(label)') names no beat in the area list: use the beat's key or name.", field: "file")
                continue
            }
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            var polygons: [[[[Double]]]] = []
            switch geometry["type"] as? String {
            case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
            case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
            default:
                problems.add("Feature \(index + 1) (\(beat.name)) is not a Polygon or MultiPolygon.", field: "file")
                continue
            }
            let rings = polygons.compactMap(\.first).map { ring in ring.compactMap { $0.count >= 2 ? WGS84Point(latitude: $0[1], longitude: $0[0]) : nil } }
            if rings.isEmpty || rings.contains(where: { $0.count < 4 }) {
                problems.add("Feature \(index + 1) (\(beat.name)) has an outline of fewer than four positions.", field: "file")
                continue
            }
            if rings.joined().contains(where: { !NationalGrid.isInGreatBritain($0) }) {
                problems.add("Feature \(index + 1) (\(beat.name)) has points outside Great Britain: is it WGS84 longitude, latitude? (National Grid files must be converted first.)", field: "file")
                continue
            }
            boundaries[beat.key, default: BeatBoundary(beatKey: beat.key, name: beat.name, rings: [])].rings += rings
        }
        if features.isEmpty { problems.add("The file has no features.", field: "file") }
        try problems.throwIfAny()
        return boundaries.values.sorted { $0.name < $1.name }
    }
}
