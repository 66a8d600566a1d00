import Foundation
import Testing
@testable import SaferDomain

@Suite("Setting a council up")
struct CouncilSetUpTests {
    func problems(_ change: CouncilSetUp, council: Council? = nil, district: Area? = nil) -> [String] {
        do { _ = try change.applied(to: council, district: district); return [] } catch let error as ValidationError { return error.messages } catch { return ["\(error)"] }
    }

    let anytown = CouncilSetUp(name: " Anytown & District ", onsCode: "e07000999", population: "64,069", populationYear: "2021", households: "28000",
                               policeForce: "Avon and Somerset", lsoaPrefix: "Anytown")

    @Test func aFirstSetUpGivesTheCouncilAndItsDistrict() throws {
        let (council, district) = try anytown.applied(to: nil, district: nil)
        #expect(council == Council(name: "Anytown & District", onsCode: "E07000999", populationYear: 2021, policeForce: "avon-and-somerset",
                                   policeUKMatch: .lsoaNamePrefix("Anytown")))
        #expect(district == Area(key: "anytown-district", name: "Anytown & District", kind: .district, population: 64_069, residentialProperties: 28_000))
    }

    @Test func aFirstSetUpNeedsANameACodeAndAMatchRule() {
        let messages = problems(CouncilSetUp(population: "100"))
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("Give the council's name") })
        #expect(messages.contains { $0.contains("Give the council's ONS code") })
        #expect(messages.contains { $0.contains("--lsoa-prefix") && $0.contains("--lsoa-lookup") })
    }

    @Test func everyBadValueIsNamedAtOnce() {
        let bad = CouncilSetUp(name: "  ", onsCode: "E05000999", population: "1e300", populationYear: "21", households: "-5",
                               policeForce: "Avon & Somerset", lsoaPrefix: String(repeating: "x", count: 5_000))
        let messages = problems(bad)
        for expected in ["The name (--name) is empty", "The ONS code (--ons-code) 'E05000999' is not a local authority's ONS code",
                         "The population (--population) '1e300' is not a whole number above 0", "The population year (--population-year) '21' is not a year",
                         "The number of households (--households) '-5' is not a whole number above 0",
                         "The police force (--police-force) 'Avon & Somerset' is not a police force",
                         "The LSOA-name prefix (--lsoa-prefix) is longer than 200 characters"] {
            #expect(messages.contains { $0.hasPrefix(expected) }, "\(expected) in \(messages)")
        }
        #expect(problems(CouncilSetUp(name: "A", onsCode: "E07000001", population: "9999999999", lsoaPrefix: "A")).count == 1, "ten digits is no population")
        #expect(problems(CouncilSetUp(name: "A", onsCode: "E07000001", lsoaPrefix: "A", matchByLookup: true)).count == 1, "one match rule")
    }

    @Test func aLaterSetUpChangesOnlyWhatItNames() throws {
        let (council, district) = try anytown.applied(to: nil, district: nil)
        let (changed, changedDistrict) = try CouncilSetUp(households: "28,500", matchByLookup: true).applied(to: council, district: district)
        #expect(changed.name == council.name && changed.onsCode == council.onsCode && changed.populationYear == 2021 && changed.policeForce == "avon-and-somerset")
        #expect(changed.policeUKMatch == .lsoaLookup)
        #expect(changedDistrict.key == "anytown-district" && changedDistrict.population == 64_069 && changedDistrict.residentialProperties == 28_500)
        let renamed = try CouncilSetUp(name: "Anytown").applied(to: changed, district: changedDistrict)
        #expect(renamed.district.key == "anytown-district", "a renamed district keeps its key, so its figures stay its own")
        #expect(renamed.district.name == "Anytown")
    }

    @Test func anExistingDistrictIsKeptWhenTheCouncilIsFirstSetUp() throws {
        let demo = Area(key: "north-warwickshire", name: "North Warwickshire", kind: .district, population: 64_069, residentialProperties: 25_800)
        let (_, district) = try CouncilSetUp(name: "North Warwickshire", onsCode: "E07000218", lsoaPrefix: "North Warwickshire").applied(to: nil, district: demo)
        #expect(district == demo)
    }

    @Test func keysAreMadeFromNames() {
        #expect(CouncilSetUp.key(for: "North Warwickshire") == "north-warwickshire")
        #expect(CouncilSetUp.key(for: "Ynys Môn / Isle of Anglesey") == "ynys-mon-isle-of-anglesey")
        #expect(CouncilSetUp.key(for: "???") == "district")
    }

    @Test func theMatchRuleBecomesTheImportFilter() {
        #expect(PoliceUKMatch.lsoaNamePrefix("Anytown").filter(lookupCodes: []) == .lsoaNamePrefix("Anytown"))
        #expect(PoliceUKMatch.lsoaLookup.filter(lookupCodes: ["E01000001"]) == .lsoaCodes(["E01000001"]))
        #expect(PoliceUKAreaFilter.lsoaCodes(["E01000001", "E01000002"]).description == "the 2 LSOAs of the lookup")
    }
}
