import Foundation
import SaferDomain
import Testing

@Suite("Location names")
struct LocationNameTests {
    let normaliser = LocationNameNormaliser.northWarwickshire

    @Test(arguments: [
        ("oldbury road", ["Oldbury Road, Hartshill", "Oldbury Road", "OLDBURY RD", "oldbury rd.", "Oldbury  Road ,Hartshill", "Oldbury Rd Hartshill"]),
        ("packington lane", ["Packington Lane", "Packington Ln", "Packington Lane - Near Stonebridge Near M6", "packington lane, stonebridge"]),
        ("blindpit lane", ["Blindpit Lane", "Blindpit Ln", "BLINDPIT LANE."]),
        ("breach oak lane", ["Breach Oak Lane", "Breach Oak Ln", "breach-oak lane"]),
        ("arnolds lane", ["Arnolds Lane, Maxstoke", "Arnold's Lane Maxstoke", "Arnold’s Ln", "ARNOLDS LANE"]),
        ("nuneaton road", ["Nuneaton Road (near Hoar Park)", "Nuneaton Rd nr Hoar Park", "Nuneaton Road - near Hoar Park", "Nuneaton Road"]),
    ])
    func spellingVariantsShareAKey(key: String, variants: [String]) {
        for variant in variants {
            #expect(normaliser.key(for: variant) == key, "\(variant)")
        }
    }

    @Test func blindPitLaneAndBlindpitLaneMatchWithoutSpaces() {
        let spaced = normaliser.normalise("Blind Pit Lane")
        let joined = normaliser.normalise("Blindpit Lane")

        #expect(spaced.key == "blind pit lane")
        #expect(spaced.matchKey == joined.matchKey)
    }

    @Test func whatIsDroppedIsKeptAsTheQualifier() {
        #expect(normaliser.normalise("Oldbury Road, Hartshill").qualifier == "Hartshill")
        #expect(normaliser.normalise("Nuneaton Road (near Hoar Park)").qualifier == "near Hoar Park")
        #expect(normaliser.normalise("Arnolds Lane Maxstoke").qualifier == "Maxstoke")
        #expect(normaliser.normalise("Packington Lane").qualifier == nil)
        #expect(normaliser.normalise("  Oldbury   Road ").written == "Oldbury Road")
    }

    @Test func abbreviationsAreSpeltOut() {
        #expect(normaliser.key(for: "Church St") == "church street")
        #expect(normaliser.key(for: "St Marys Rd") == "saint marys road")
        #expect(normaliser.key(for: "Mill Ave") == "mill avenue")
        #expect(normaliser.key(for: "Long Dr.") == "long drive")
        #expect(normaliser.key(for: "Smith & Sons Yard") == "smith and sons yard")
    }

    @Test func aLocalityIsDroppedOnlyAfterAStreetWord() {
        #expect(normaliser.key(for: "Maxstoke Lane") == "maxstoke lane")
        #expect(normaliser.key(for: "Coleshill Road Water Orton") == "coleshill road")
        #expect(normaliser.key(for: "Hartshill") == "hartshill")
        #expect(LocationNameNormaliser().key(for: "Arnolds Lane Maxstoke") == "arnolds lane maxstoke")
    }

    @Test func aNameThatStartsWithAQualifierWordKeepsIt() {
        #expect(normaliser.key(for: "Near Hoar Park") == "near hoar park")
        #expect(normaliser.key(for: ", Oldbury Road") == "oldbury road")
    }

    @Test func caseAccentsAndWidthAreIgnored() {
        #expect(normaliser.key(for: "CAFÉ LANE") == "cafe lane")
        #expect(normaliser.key(for: "") == "")
        #expect(normaliser.key(for: " - ") == "")
    }
}
