import ArgumentParser
import Foundation
import SaferApp
import SaferDomain

/// `safer area ...`: the district, its beats and wards, from the command line (audited as the command line).
struct AreaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "area", abstract: "Add, change, list and remove the district, its police beats and wards.",
                                                    subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an area, or change the one with the key.",
            discussion: "The district comes first (there is one); beats and wards belong to it. Example: safer area add --kind district --key anytown --name 'Anytown District' --population 64069 --households 28000")
        @OptionGroup var database: DatabaseOption
        @Option(help: "district, beat or ward.") var kind: String
        @Option(help: "A stable key: lower-case letters and digits joined by hyphens, e.g. north-warwickshire.") var key: String
        @Option(help: "The name as reports print it.") var name: String
        @Option(help: "Residents, for rates per 1,000 people (a whole number above 0).") var population: String?
        @Option(help: "Residential properties, for rates per 1,000 properties (a whole number above 0).") var households: String?

        func run() async throws {
            guard let kind = Area.Kind(rawValue: kind.lowercased()) else {
                throw ArgumentParser.ValidationError("--kind \(kind.quoted()) is not a kind of area: use district, beat or ward.")
            }
            func count(_ text: String?, _ option: String) throws -> Int? {
                guard let text else { return nil }
                guard let value = CouncilSetUp.wholeCount(text) else {
                    throw ArgumentParser.ValidationError("\(option) \(text.quoted()) is not a whole number above 0, e.g. 64069.")
                }
                return value
            }
            let population = try count(population, "--population"), households = try count(households, "--households")
            try await withServices(try database.configuration()) { services in
                let area = try await AreaService(services: services).save(key: key, name: name, kind: kind, population: population,
                                                                          households: households, by: .cli())
                say("Saved the \(area.kind.rawValue) \(area.name) (\(area.key)).")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an area nothing refers to.",
            discussion: "An area with figures, LSOA lookup rows, beats or wards under it, or an uploaded outline is kept, and the message says what still uses it.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "The area's key (see safer area list).") var key: String

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                try await AreaService(services: services).remove(key: key, by: .cli())
                say("Removed \(key).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the areas: the district, then beats and wards.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                say(["kind", "key", "name", "population", "households"].joined(separator: "\t"))
                for area in try await AreaService(services: services).list() {
                    say([area.kind.rawValue, area.key, area.name, area.population.map(String.init) ?? "", area.residentialProperties.map(String.init) ?? ""]
                        .joined(separator: "\t"))
                }
            }
        }
    }
}

/// `safer import areas FILE.csv`: the district, beats and wards from a CSV file.
struct ImportAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Add or change the district, beats and wards from a CSV file (columns kind,key,name,population,households).",
        discussion: "Every row is checked first; a problem anywhere stores nothing. Example row: beat,hartshill,Hartshill,4200,")
    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String

    func run() async throws {
        let text = try readText(file)
        try await withServices(try database.configuration()) { services in
            let count = try await BadData.checking { try await AreaService(services: services).importFile(text, by: .cli()) }
            say("Saved \(count) area\(count == 1 ? "" : "s").")
        }
    }
}

/// `safer import boundaries FILE.geojson`: the beats' outlines, which together are the council's boundary.
struct ImportBoundariesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boundaries",
        abstract: "Replace the beats' outlines from a GeoJSON FeatureCollection (WGS84), matched to the beats by key or name.")
    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("The GeoJSON file.", valueName: "file")) var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SaferDomain.ValidationError("Cannot read \(file): check the path and that the file exists.")
        }
        try await withServices(try database.configuration()) { services in
            let count = try await BadData.checking { try await AreaService(services: services).importBoundaries(data, by: .cli()) }
            say("The beats' outlines now cover \(count) beat\(count == 1 ? "" : "s").")
        }
    }
}
