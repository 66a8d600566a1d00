import ArgumentParser
import Foundation
import SaferApp
import SaferDomain

/// `safer setup`: the council Safer serves, from flags or, on a terminal, by asking.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Set the council up: its name, ONS code, population, police force and how police.uk rows are matched to it.",
        discussion: """
            The first set-up needs --name, --ons-code and a match rule (--lsoa-prefix or --lsoa-lookup); on a terminal it asks \
            for what is missing. On a set-up database it shows what is set and changes only what is named. Example: \
            safer setup --name Anytown --ons-code E07000999 --population 64069 --population-year 2021 --households 28000 \
            --police-force warwickshire --lsoa-prefix Anytown
            """)
    @OptionGroup var database: DatabaseOption
    @Option(help: "The district's name as reports print it, e.g. \"North Warwickshire\".") var name: String?
    @Option(help: "The local authority's ONS code, e.g. E07000218.") var onsCode: String?
    @Option(help: "Residents, for rates per 1,000 people.") var population: String?
    @Option(help: "The year the population and households are for, e.g. 2021.") var populationYear: String?
    @Option(help: "Residential properties, for rates per 1,000 properties.") var households: String?
    @Option(help: "The police force as police.uk names it, e.g. warwickshire.") var policeForce: String?
    @Option(help: ArgumentHelp("Match police.uk rows whose LSOA name starts with this, e.g. \"North Warwickshire\".", valueName: "prefix")) var lsoaPrefix: String?
    @Option(help: ArgumentHelp("Match police.uk rows by the LSOA codes of this lookup (CSV: lsoa_code,lsoa_name,beat,ward), which replaces the stored one.", valueName: "file"))
    var lsoaLookup: String?

    func validate() throws {
        if lsoaPrefix != nil && lsoaLookup != nil {
            throw ArgumentParser.ValidationError("Give --lsoa-prefix or --lsoa-lookup, not both: police.uk rows are matched one way.")
        }
    }

    func run() async throws {
        var change = CouncilSetUp(name: name, onsCode: onsCode, population: population, populationYear: populationYear, households: households,
                                  policeForce: policeForce, lsoaPrefix: lsoaPrefix)
        var lookup: [LSOAMapping]?
        if let lsoaLookup { lookup = try await BadData.checking { try LSOALookupFile.parse(try readText(lsoaLookup)) } }
        try await withServices(try database.configuration()) { services in
            let setUp = SetUpService(services: services)
            let council = try await setUp.council()
            if council == nil && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 { change = ask(for: change, lookup: lookup != nil) }
            if let council, change.isEmpty && lookup == nil {
                show(council, try await AreaService(services: services).list(kind: .district).first)
                return
            }
            let result = try await setUp.setUp(change, lookup: lookup, by: .cli())
            say(council == nil ? "Set up \(result.council.name)." : "Changed the set-up of \(result.council.name).")
            if let rows = result.lookupRows { say("The LSOA lookup now holds \(rows) rows.") }
            show(result.council, result.district)
        }
    }

    /// The set-up as a table of what is set.
    private func show(_ council: Council, _ district: Area?) {
        let rows: [(String, String?)] = [
            ("Name", council.name), ("ONS code", council.onsCode), ("District key", district?.key),
            ("Population", district?.population.map(DisplayFormat.count)), ("Population year", council.populationYear.map(String.init)),
            ("Households", district?.residentialProperties.map(DisplayFormat.count)), ("Police force", council.policeForce),
            ("police.uk rows", council.policeUKMatch.description),
        ]
        for (label, value) in rows { say("\(label):\t\(value ?? "(not set)")") }
    }

    /// Asks on the terminal for what the flags left out of a first set-up (Enter skips an optional value).
    private func ask(for change: CouncilSetUp, lookup: Bool) -> CouncilSetUp {
        var change = change
        func prompt(_ question: String, _ value: inout String?, required: Bool, default fallback: String? = nil) {
            guard value == nil else { return }
            while true {
                let hint = fallback.map { " (Enter for \($0))" } ?? (required ? "" : " (Enter to skip)")
                print("\(question)\(hint): ", terminator: "")
                guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { return }
                if !answer.isEmpty { value = answer; return }
                if let fallback { value = fallback; return }
                if !required { return }
            }
        }
        prompt("The district's name, e.g. North Warwickshire", &change.name, required: true)
        prompt("Its ONS code, e.g. E07000218", &change.onsCode, required: true)
        prompt("Population", &change.population, required: false)
        prompt("The year of that population figure", &change.populationYear, required: false)
        prompt("Households (residential properties)", &change.households, required: false)
        prompt("Police force as police.uk names it, e.g. warwickshire", &change.policeForce, required: false)
        if !lookup {
            prompt("police.uk rows are kept when their LSOA name starts with", &change.lsoaPrefix, required: true, default: change.name)
        }
        return change
    }
}
