import Foundation
import Testing
@testable import SaferDomain

@Suite("Beat outlines")
struct BeatBoundaryTests {
    static let beats = [Area(key: "atherstone-north-and-hartshill", name: "Atherstone North and Hartshill", kind: .beat),
                        Area(key: "curdworth", name: "Curdworth", kind: .beat)]

    static func feature(_ name: String, _ geometry: String) -> String {
        #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":\#(geometry)}"#
    }
    static let square = #"{"type":"Polygon","coordinates":[[[-1.55,52.55],[-1.50,52.55],[-1.50,52.58],[-1.55,52.58],[-1.55,52.55]]]}"#

    @Test func outlinesAreMatchedToBeatsByNameOrKeyInLongitudeLatitudeOrder() throws {
        let multi = #"{"type":"MultiPolygon","coordinates":[[[[-1.75,52.52],[-1.72,52.52],[-1.72,52.54],[-1.75,52.52]]],[[[-1.70,52.50],[-1.69,52.50],[-1.69,52.51],[-1.70,52.50]]]]}"#
        let text = #"{"type":"FeatureCollection","features":[\#(Self.feature("ATHERSTONE NORTH AND HARTSHILL", Self.square)),\#(Self.feature("curdworth", multi))]}"#
        let boundaries = try BeatBoundaryFile.parse(Data(text.utf8), beats: Self.beats)
        #expect(boundaries.map(\.beatKey) == ["atherstone-north-and-hartshill", "curdworth"])
        #expect(boundaries[0].rings[0][0] == WGS84Point(latitude: 52.55, longitude: -1.55))
        #expect(boundaries[1].rings.count == 2)
    }

    @Test func everyProblemIsNamedAndNothingIsAcceptedHalfway() {
        let swapped = #"{"type":"Polygon","coordinates":[[[52.55,-1.55],[52.55,-1.50],[52.58,-1.50],[52.55,-1.55]]]}"#
        let text = #"{"type":"FeatureCollection","features":[\#(Self.feature("Nowhere", Self.square)),\#(Self.feature("Curdworth", swapped)),\#(Self.feature("Curdworth", #"{"type":"Point","coordinates":[-1.5,52.5]}"#))]}"#
        do {
            _ = try BeatBoundaryFile.parse(Data(text.utf8), beats: Self.beats)
            Issue.record("accepted")
        } catch let error as ValidationError {
            #expect(error.messages.count == 3)
            #expect(error.messages[0].contains("'Nowhere') names no beat"))
            #expect(error.messages[1].contains("outside Great Britain"))
            #expect(error.messages[2].contains("not a Polygon or MultiPolygon"))
        } catch { Issue.record("\(error)") }
        #expect(throws: ValidationError.self) { try BeatBoundaryFile.parse(Data("not json".utf8), beats: Self.beats) }
    }
}
