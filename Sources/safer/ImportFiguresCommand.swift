import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferWeb

/// `safer import figures FILE.csv`: monthly figures from a partner, all or nothing.
struct ImportFiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Import monthly figures from a CSV file (columns indicator,area,month,value).",
        discussion: """
        area may be left out or blank for the district; value is a number, TBC (not available yet), \
        \(FigureEntry.clearWord) (remove the stored figure) or blank (leave the month as it is). The whole file is \
        checked first: if any line is wrong, every problem is listed with its line and nothing is stored. Each figure \
        added, changed or removed is listed; removing stored figures needs --confirm-removals. Every change is audited.
        """)
    @OptionGroup var database: DatabaseOption
    @Flag(help: "List what would change and store nothing.") var dryRun = false
    @Flag(help: "Allow the file to remove stored figures (rows whose value is '\(FigureEntry.clearWord)').") var confirmRemovals = false
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String

    func run() async throws {
        let text = try readText(file)
        try await withServices(try database.configuration()) { services in
            let performance = PerformanceService(services: services)
            let district = try await performance.district().key
            let (figures, changes) = try await BadData.checking {
                let figures = try FigureFile.parse(text, districtKey: district)
                return (figures, try await performance.figureChanges(figures))
            }
            say("Read \(figures.count) figures from \(file): \(changes.summary)\(dryRun ? " (dry run: nothing stored)" : "").")
            for (word, list) in [("added", changes.added), ("changed", changes.changed), ("removed", changes.removed)] {
                for change in list {
                    say("  \(word) \(change.indicatorKey) \(change.areaKey) \(change.month): \(Self.text(change.before)) → \(Self.text(change.after))")
                }
            }
            guard !dryRun else { return }
            _ = try await performance.store(figures, previewed: changes.fingerprint, removalsConfirmed: confirmRemovals, by: .cli())
            say("\(changes.added.count + changes.changed.count + changes.removed.count) changed.")
        }
    }

    static func text(_ value: FigureValue) -> String { value == .notReported ? "(none)" : value.storedText }
}

/// `safer import lsoa-lookup FILE.csv`: which beat (and ward) each LSOA is in.
struct ImportLSOALookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsoa-lookup",
        abstract: "Replace the LSOA → beat (and ward) lookup from a CSV file (columns lsoa_code,lsoa_name,beat,ward).")
    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String

    func run() async throws {
        let text = try readText(file)
        let rows = try await BadData.checking { try LSOALookupFile.parse(text) }
        try await withServices(try database.configuration()) { services in
            let count = try await services.storage.areas.replaceLookup(rows, by: .cli())
            say("The LSOA lookup now holds \(count) rows.")
        }
    }
}

/// A text file, or a message naming it.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw SaferDomain.ValidationError("Cannot read \(path): check the path and that the file exists.")
    }
    do { return try UploadedText.decode(data, name: path) } catch { throw BadData(error) }
}

/// Bad data in a file the command was given, as opposed to bad usage: exit code 1.
struct BadData: Error, CustomStringConvertible {
    let underlying: any Error
    init(_ underlying: any Error) { self.underlying = underlying }
    var description: String { String(describing: underlying) }

    /// Runs `body`, reporting the problems it finds in a file's content as bad data.
    static func checking<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as SaferDomain.ValidationError { throw BadData(error) } catch let error as FigureError { throw BadData(error) }
    }
}

/// `safer indicator list` and `safer indicator add`.
struct IndicatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "indicator", abstract: "The indicator catalogue.",
                                                    subcommands: [List.self, Add.self, Template.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List indicators in table order.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                say(["key", "name", "polarity", "threshold", "kind", "source", "crime types"].joined(separator: "\t"))
                for indicator in try await services.storage.indicators.list() {
                    say([indicator.key, indicator.name, indicator.polarity.key, DisplayFormat.number(indicator.thresholdPercent, decimals: 1) + "%",
                         indicator.kind.rawValue, indicator.source.rawValue, indicator.crimeTypes.joined(separator: "; ")].joined(separator: "\t"))
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an indicator to the catalogue.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Stable kebab-case key, e.g. theft-from-vehicle.") var key: String
        @Option(help: "The name in tables.") var name: String
        @Option(help: "fewer-is-better (default) or more-is-better.") var polarity: String = "fewer-is-better"
        @Option(help: "Percentage either side of the baseline that is Amber (default 5).") var threshold: Double = 5
        @Option(help: "Theme key, e.g. violent-crime.") var theme: String?
        @Option(help: "police.uk crime types counted for it, separated by ';' (makes its source police-uk).") var crimeTypes: String?
        @Option(help: "Show a rate per 1,000 in the baseline table: population or residential-properties.") var rateBase: String?

        func run() async throws {
            let types = (crimeTypes ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let base = try rateBase.map { text in
                guard let base = Indicator.RateBase(rawValue: text) else {
                    throw ArgumentParser.ValidationError("--rate-base '\(text.quoted())' is not a rate base: use population or residential-properties.")
                }
                return base
            }
            let indicator = Indicator(key: key, name: name, themeKey: theme, polarity: try Polarity(parsing: polarity),
                                      thresholdPercent: threshold, source: types.isEmpty ? .partner : .policeUK, crimeTypes: types,
                                      position: 1_000, rateBase: base)
            try await withServices(try database.configuration()) { services in
                try await services.storage.indicators.create(indicator, by: .cli())
                say("Added \(indicator.key).")
            }
        }
    }

    /// `safer indicator template list|apply`: starter catalogues a council applies, then edits.
    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Starter catalogues of themes and indicators.", subcommands: [TemplateList.self, Apply.self])
    }

    struct TemplateList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the templates: key, size and what they hold.")

        func run() throws {
            for template in try IndicatorTemplate.all() {
                say("\(template.key)\t\(template.indicators.count) indicators in \(template.themes.count) themes\t\(template.description)")
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a template's themes and indicators to the catalogue.",
            discussion: "Those already in the catalogue (by key) are left as they are, so applying twice adds nothing. Example: safer indicator template apply community-safety")
        @OptionGroup var database: DatabaseOption
        @Argument(help: ArgumentHelp("The template's key (see safer indicator template list).", valueName: "template")) var template: String

        func run() async throws {
            let template = try IndicatorTemplate.named(template)
            try await withServices(try database.configuration()) { services in
                say(try await IndicatorTemplateService(services: services).apply(template, by: .cli()).sentence)
            }
        }
    }
}
