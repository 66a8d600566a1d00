import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports
import SaferStorage
import SaferWeb

/// `safer report counts --from YYYY-MM --to YYYY-MM [--by ...] [--format ...]`: police.uk crime
/// counts grouped by month, crime type, beat and/or LSOA.
struct ReportCountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counts",
        abstract: "Count imported police.uk crimes by month, crime type, beat and/or LSOA.",
        discussion: """
        Months are YYYY-MM, both included. Crime types are police.uk's labels. Beats come from the LSOA lookup; \
        LSOAs not in it (and rows without an LSOA) count under "(unmapped)". CSV has a header naming the grouping \
        columns (month, crime_type, beat, lsoa and lsoa_name) and count. Months in the range that were never \
        imported are named on standard error: they have no rows, which is not the same as zero crimes.
        """)

    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("First month, YYYY-MM.", valueName: "YYYY-MM")) var from: String
    @Option(help: ArgumentHelp("Last month, YYYY-MM (included).", valueName: "YYYY-MM")) var to: String
    @Option(help: ArgumentHelp("Comma-separated groupings: month, crime-type, beat, lsoa.", valueName: "list"))
    var by: String = "month,crime-type"
    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        _ = try parsed()
    }

    /// The options as domain values, or a usage error naming what is wrong.
    private func parsed() throws -> (from: Month, to: Month, by: [CrimeCountGrouping]) {
        let first: Month, last: Month
        do { first = try Month(parsing: from) } catch { throw ArgumentParser.ValidationError("--from: \(error)") }
        do { last = try Month(parsing: to) } catch { throw ArgumentParser.ValidationError("--to: \(error)") }
        guard first <= last else { throw ArgumentParser.ValidationError("--from \(first) is after --to \(last): put the earlier month first.") }
        let groupings: [CrimeCountGrouping]
        do { groupings = try CrimeCountGrouping.parseList(by) } catch { throw ArgumentParser.ValidationError("--by: \(error)") }
        return (first, last, groupings)
    }

    func run() async throws {
        let (first, last, groupings) = try parsed()
        let (counts, imported) = try await withServices(try database.configuration()) { services in
            let repository = SQLPoliceCrimeRepository(database: services.storage.database)
            return (try await repository.counts(from: first, to: last, by: groupings),
                    Set(try await repository.importedMonths().map(\.month)))
        }

        let missing = (first...last).filter { !imported.contains($0) }
        if !missing.isEmpty {
            FileHandle.standardError.write(Data("Not imported (no data, not zero): \(CountsOutput.describe(missing)).\n".utf8))
        }
        let report = CountsOutput(from: first, to: last, groupings: groupings, counts: counts)
        if output.format == .table {
            say(report.table())
        } else {
            try output.write(report.reportTable(), json: report.document())
        }
    }
}

/// The rendered forms of a counts report.
struct CountsOutput {
    let from: Month, to: Month
    let groupings: [CrimeCountGrouping]
    let counts: [CrimeCount]

    /// Column headers and cell texts, one column per grouping (LSOA adds its name) then count.
    private var columns: [String] {
        groupings.flatMap { grouping -> [String] in
            switch grouping {
            case .month: ["month"]
            case .crimeType: ["crime_type"]
            case .beat: ["beat"]
            case .lsoa: ["lsoa", "lsoa_name"]
            }
        } + ["count"]
    }

    private func cells(_ count: CrimeCount, grouped: Bool) -> [String] {
        groupings.flatMap { grouping -> [String] in
            switch grouping {
            case .month: [count.month?.description ?? ""]
            case .crimeType: [count.crimeType ?? ""]
            case .beat: [count.beatName ?? CrimeCount.unmappedBeat]
            case .lsoa: [count.lsoaCode ?? "(none)", count.lsoaName ?? ""]
            }
        } + [grouped ? PoliceUKBadRow.grouped(count.count) : String(count.count)]
    }

    /// A plain aligned table with a total line.
    func table() -> String {
        let header = columns
        let rows = counts.map { cells($0, grouped: true) }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let total = PoliceUKBadRow.grouped(counts.reduce(0) { $0 + $1.count })
        widths[widths.count - 1] = max(widths[widths.count - 1], total.count)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == cells.count - 1 ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        if !groupings.isEmpty {
            lines.append(line(Array(repeating: "", count: header.count - 2) + ["total", total]))
        }
        return lines.joined(separator: "\n")
    }

    /// The counts as a report table, for CSV (header: the grouping columns and count) and XLSX.
    func reportTable() -> ReportTable {
        let headers = columns
        return ReportTable(
            title: "police.uk crimes \(from) to \(to)",
            columns: headers.enumerated().map { ReportTable.Column($0.element, $0.offset == headers.count - 1 ? .number : .text) },
            rows: counts.map { count in
                ReportTable.Row(cells: cells(count, grouped: false).dropLast().map { ReportTable.Cell($0) } + [.count(Double(count.count))])
            })
    }

    /// One count in JSON: the grouping values asked for, and the count.
    struct JSONRow: Encodable {
        var month: String?, crime_type: String?, beat: String?, beat_key: String?, lsoa: String?, lsoa_name: String?
        var count: Int
    }

    /// `{"from", "to", "by", "counts": [{...grouping values..., "count"}]}`.
    struct JSONDocument: Encodable {
        let from: String, to: String, by: [String], counts: [JSONRow]
    }

    func document() -> JSONDocument {
        let wanted = Set(groupings)
        let rows = counts.map { count in
            JSONRow(month: count.month?.description, crime_type: count.crimeType,
                    beat: wanted.contains(.beat) ? count.beatName ?? CrimeCount.unmappedBeat : nil, beat_key: count.beatKey,
                    lsoa: count.lsoaCode, lsoa_name: count.lsoaName, count: count.count)
        }
        return JSONDocument(from: from.description, to: to.description, by: groupings.map(\.rawValue), counts: rows)
    }

    /// "2017-05 to 2017-09, 2019-01" from a list of months.
    static func describe(_ months: [Month]) -> String {
        var runs: [(Month, Month)] = []
        for month in months {
            if let last = runs.last, last.1.next == month { runs[runs.count - 1].1 = month } else { runs.append((month, month)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0) to \($0.1)" }.joined(separator: ", ")
    }
}
