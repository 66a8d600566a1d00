import Foundation
import SaferDomain

extension HotspotMap {
    /// The map as one GeoJSON FeatureCollection (RFC 7946: longitude, latitude), each feature
    /// with a `layer` property (incident, cluster, gi, camera, pspo, beat) for styling and filtering,
    /// and the National Grid coordinates where a GIS wants them.
    public func geoJSON() throws -> Data {
        func position(_ point: NationalGridPoint) -> [Double] {
            let p = NationalGrid.wgs84(from: point)
            return [(p.longitude * 1e7).rounded() / 1e7, (p.latitude * 1e7).rounded() / 1e7]
        }
        func ring(_ points: [NationalGridPoint]) -> [[Double]] {
            let positions = points.map(position)
            return positions.first.map { positions.last == $0 ? positions : positions + [$0] } ?? []
        }
        var features: [[String: Any]] = []
        func add(_ geometry: [String: Any], _ properties: [String: Any]) {
            features.append(["type": "Feature", "geometry": geometry, "properties": properties])
        }
        for beat in beats where beat.outline.count >= 3 {
            add(["type": "Polygon", "coordinates": [ring(beat.outline)]], ["layer": "beat", "name": beat.name])
        }
        for area in areas where area.outline.count >= 3 {
            add(["type": "Polygon", "coordinates": [ring(area.outline)]], ["layer": "pspo", "name": area.name])
        }
        for cell in cells {
            let e = cell.extent
            let corners = [NationalGridPoint(easting: e.minEasting, northing: e.minNorthing), NationalGridPoint(easting: e.maxEasting, northing: e.minNorthing),
                           NationalGridPoint(easting: e.maxEasting, northing: e.maxNorthing), NationalGridPoint(easting: e.minEasting, northing: e.maxNorthing)]
            add(["type": "Polygon", "coordinates": [ring(corners)]], ["layer": "gi", "level": cell.level, "label": cell.label])
        }
        for cluster in clusters {
            add(["type": "Point", "coordinates": position(cluster.centroid)],
                ["layer": "cluster", "id": cluster.id, "count": cluster.count, "radius": (cluster.radius * 10).rounded() / 10, "road": cluster.road,
                 "easting": cluster.centroid.easting, "northing": cluster.centroid.northing])
        }
        for incident in incidents {
            add(["type": "Point", "coordinates": position(incident.point)],
                ["layer": "incident", "id": incident.id, "open": incident.open, "location": incident.label,
                 "easting": (incident.point.easting * 10).rounded() / 10, "northing": (incident.point.northing * 10).rounded() / 10])
        }
        for camera in cameras {
            add(["type": "Point", "coordinates": position(camera.point)], ["layer": "camera", "asset": camera.asset, "location": camera.location])
        }
        return try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "name": title, "features": features], options: [.sortedKeys])
    }
}
