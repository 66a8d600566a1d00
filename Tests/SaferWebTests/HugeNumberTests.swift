import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// Numbers from outside that are valid JSON or form text but too large for a whole number once
/// stopped the server ("Double value cannot be converted to Int"). Each is now a clear 422, or
/// is answered as the nearest sensible request, and the server keeps serving.
@Suite("Huge numbers")
struct HugeNumberTests {
    static func incident(easting: String, northing: String, gps: Bool = false) -> String {
        let position = gps ? #""latitude":52.5465,"longitude":-1.5235,"# : ""
        return #"{\#(position)"easting":\#(easting),"northing":\#(northing),"location":"Coleshill Road, Hartshill","landType":"highway","wasteTypes":["tyres"],"size":"car-boot-or-less"}"#
    }

    @Test func hugeCoordinatesFromACrewAreRefusedAndTheServerStaysUp() async throws {
        try await WebHarness.run { harness, client in
            let headers = FlyTippingTests.json(try await harness.apiToken(.field))
            for body in [Self.incident(easting: "1e300", northing: "294000"), Self.incident(easting: "-1e300", northing: "294000"),
                         Self.incident(easting: "433000", northing: "1.7976931348623157e308"), Self.incident(easting: "1e300", northing: "1e300", gps: true),
                         Self.incident(easting: "9300000000000000000", northing: "294000")] {
                let response = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(try APITests.problem(response).detail.contains("outside the National Grid"))
            }
            #expect(try await harness.services.storage.flyTips.count(FlyTipFilter()) == 0)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func hugeHotspotSettingsAreRefusedOnThePageAndTheAPI() async throws {
        try await WebHarness.run { harness, client in
            let headers: HTTPFields = [.authorization: "Bearer \(try await harness.apiToken(.officer))"]
            for query in ["gi?cell=1e300", "gi?cell=1e-300", "gi?cell=-1", "clusters?eps=1e300", "clusters?minPoints=-5", "map?cell=1e300",
                          "map?eps=1e-300", "ranking?limit=0"] {
                let response = try await client.execute(uri: "/api/v1/hotspots/\(query)", method: .get, headers: headers)
                #expect(response.status == .unprocessableContent, "\(query)")
            }
            let browser = try await harness.session(.officer)
            for query in ["cell=1e300", "eps=1e300", "minPoints=99999999999999999999", "limit=9223372036854775807", "eps=nan"] {
                let page = try await client.execute(uri: "/hotspots?\(query)", method: .get, headers: browser.headers)
                #expect(page.status == .unprocessableContent, "\(query): \(page.status)")
            }
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func hugePageNumbersAndOffsetsAnswerAnEmptyPage() async throws {
        try await WebHarness.run { harness, client in
            let officer = try await harness.session(.officer), admin = try await harness.session(.admin)
            for page in ["9223372036854775807", "-9223372036854775808", "99999999999999999999999"] {
                let response = try await client.execute(uri: "/fly-tipping/incidents?page=\(page)", method: .get, headers: officer.headers)
                #expect(response.status == .ok, "page \(page)")
            }
            let audit = try await client.execute(uri: "/admin/audit?offset=9223372036854775807", method: .get, headers: admin.headers)
            #expect(audit.status == .ok)
        }
    }

    /// The period before a range starting on 0001-01-01 was built with try! on year 0.
    @Test func periodsAtTheEndsOfTheCalendarAreAnswered() async throws {
        try await WebHarness.run { harness, client in
            let browser = try await harness.session(.officer)
            for query in ["from=0001-01-01&to=0001-03-31", "from=0001-01&to=9999-12", "from=9999-12-01&to=9999-12-31"] {
                #expect(try await client.execute(uri: "/hotspots?\(query)", method: .get, headers: browser.headers).status == .ok, "\(query)")
                #expect(try await client.execute(uri: "/fly-tipping?\(query)", method: .get, headers: browser.headers).status == .ok, "\(query)")
            }
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func aCouncilAreaOutsideTheGridIsRefusedAndNothingChanges() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            var fields = [("_csrf", admin.csrf), ("councilName", "North Warwickshire"), ("minEasting", "-1e300"), ("maxEasting", "1e300"),
                          ("minNorthing", "280000"), ("maxNorthing", "310000")]
            fields += FlyTipSize.allCases.filter { !$0.costEnteredPerIncident }.map { ("cost-\($0.rawValue)", "10") }
            let refused = try await client.execute(uri: "/admin/fly-tipping", method: .post, headers: admin.formHeaders(), body: formBody(fields))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("must lie on the National Grid"))
            #expect(try await FlyTipService(services: harness.services).settings().councilArea == FlyTipSettings.northWarwickshire, "nothing changed")
            #expect(try await client.execute(uri: "/admin/fly-tipping", method: .get, headers: admin.headers).status == .ok)
        }
    }
}
