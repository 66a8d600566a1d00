import Foundation
import SaferDomain
import ZIPFoundation

/// police.uk's downloads as people have them: plain street-level CSVs, the zip archive the
/// download page produces (folders `YYYY-MM/` holding `YYYY-MM-<force>-street.csv`, with
/// `-outcomes.csv` and `-stop-and-search.csv` beside them), or a folder of either.
///
/// Street-level files are imported; outcomes and stop-and-search files are skipped with a
/// message (Safer counts crimes, and an outcome is not a crime). Entries of an archive are
/// written one at a time to a temporary folder, so the import streams them as it streams a CSV.
public struct PoliceUKDownloads: Sendable {
    /// The street-level files to import, in month order.
    public let csvPaths: [String]
    /// What was skipped, and why, for the person importing.
    public let notes: [String]
    /// The temporary folder holding extracted files; `remove()` deletes it.
    let scratch: URL?
    /// The archives found inside folders, each with its own extracted files.
    let inners: [PoliceUKDownloads]

    /// Expands each path: a zip's street-level entries, a folder's files (recursively), a CSV as it is.
    public static func expand(_ paths: [String]) throws -> PoliceUKDownloads {
        var csvs: [String] = [], notes: [String] = []
        var scratch: URL?
        var inners: [PoliceUKDownloads] = []   // archives inside folders: their extracted files live until `remove()`
        func workspace() throws -> URL {
            if let scratch { return scratch }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("safer-police-uk-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            scratch = url
            return url
        }
        do {
            for path in paths {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                if !exists || !FileManager.default.isReadableFile(atPath: path) {
                    csvs.append(path)   // the importer names a missing or unreadable file as it always has
                } else if isDirectory.boolValue {
                    let files = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
                    for file in files where file.lowercased().hasSuffix(".csv") || file.lowercased().hasSuffix(".zip") {
                        let inner = try expand([(path as NSString).appendingPathComponent(file)])
                        csvs += inner.csvPaths
                        notes += inner.notes
                        inners.append(inner)
                    }
                    if files.isEmpty { notes.append("\(path) holds no files.") }
                } else if try isZip(path) {
                    let name = (path as NSString).lastPathComponent
                    let archive: Archive
                    do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
                        throw ValidationError("\(name) is not a zip archive that can be read (\(error)).")
                    }
                    var skipped: [String: Int] = [:], street = 0
                    let entries = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
                    for entry in entries {
                        let file = (entry.path as NSString).lastPathComponent
                        switch kind(of: file) {
                        case .street:
                            let target = try workspace().appendingPathComponent(UUID().uuidString).appendingPathComponent(file)
                            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                            _ = try archive.extract(entry, to: target)
                            csvs.append(target.path)
                            street += 1
                        case .skipped(let what): skipped[what, default: 0] += 1
                        case .other: skipped["other files", default: 0] += 1
                        }
                    }
                    if entries.isEmpty { throw ValidationError("\(name) is an empty zip archive.") }
                    for (what, count) in skipped.sorted(by: { $0.key < $1.key }) {
                        notes.append("Skipped \(count) \(what) in \(name): Safer imports street-level crime files only.")
                    }
                    if street == 0 {
                        throw ValidationError("\(name) holds no street-level files (YYYY-MM-<force>-street.csv): choose \"Include crime data\" on police.uk's download page.")
                    }
                } else {
                    csvs.append(path)
                }
            }
        } catch {
            if let scratch { try? FileManager.default.removeItem(at: scratch) }
            inners.forEach { $0.remove() }
            throw error
        }
        return PoliceUKDownloads(csvPaths: csvs, notes: notes, scratch: scratch, inners: inners)
    }

    /// Deletes what was extracted.
    public func remove() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
        inners.forEach { $0.remove() }
    }

    enum Kind { case street, skipped(String), other }

    static func kind(of file: String) -> Kind {
        let lower = file.lowercased()
        if lower.hasSuffix("-street.csv") { return .street }
        if lower.hasSuffix("-outcomes.csv") { return .skipped("outcomes files") }
        if lower.hasSuffix("-stop-and-search.csv") { return .skipped("stop-and-search files") }
        return .other
    }

    /// Whether a file starts with a zip's local-file signature ("PK\u{3}\u{4}").
    static func isZip(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }
}
