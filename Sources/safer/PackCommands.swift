import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports

/// `safer meeting list`.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Committee meetings and their packs.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List meetings, latest first: date, committee, status, reports and the id to use with `safer pack`.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let packs = PackService(services: services)
                let meetings = try await packs.meetingList()
                if meetings.isEmpty { say("No meetings yet. Add a committee and a meeting on the Meetings page."); return }
                for (meeting, committee) in meetings {
                    let reports = try await packs.reports(meetingID: meeting.id).count
                    let versions = try await packs.publications(meetingID: meeting.id).count
                    say("\(meeting.date)  \(committee?.name ?? "(no committee)")  \(meeting.status.label)\(versions > 1 ? " (\(versions) versions)" : "")  \(reports) report\(reports == 1 ? "" : "s")  id \(meeting.id)")
                }
            }
        }
    }
}

/// `safer pack build|publish`.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pack", abstract: "Build or publish a meeting's committee pack.", subcommands: [Build.self, Publish.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a meeting's pack from today's data (the published files are kept as they were).")
        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("The meeting's date or id (see `safer meeting list`).", valueName: "YYYY-MM-DD|ID")) var meeting: String
        @Option(help: ArgumentHelp("html, docx, xlsx, pdf, json or zip.", valueName: "format")) var format: String = "html"
        @Option(help: ArgumentHelp("File to write; - for standard output.", valueName: "FILE")) var output: String

        func run() async throws {
            let format = try PackFormat(parsing: self.format)
            try await withServices(try database.configuration()) { services in
                let packs = PackService(services: services)
                let found = try await packs.meeting(meeting)
                let file = try await packs.render(try await packs.build(meetingID: found.id), as: format)
                try write(file.bytes, to: output)
                if output != "-" { say("Wrote \(output) (\(file.bytes.count) bytes, SHA-256 \(file.sha256)).") }
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish (freeze) a meeting's pack in every format; a second publication is a correction and needs --reason.")
        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("The meeting's date or id.", valueName: "YYYY-MM-DD|ID")) var meeting: String
        @Option(help: ArgumentHelp("Why a correction is published (what was wrong).", valueName: "text")) var reason: String = ""
        @Option(help: ArgumentHelp("Why the papers are published after their deadline (five clear working days before the meeting).", valueName: "text"))
        var urgency: String = ""

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let packs = PackService(services: services)
                let found = try await packs.meeting(meeting)
                let publication = try await packs.publish(meetingID: found.id, reason: reason, urgency: urgency, by: .cli())
                say("Published version \(publication.version) of the \(found.date) pack:")
                for file in publication.files { say("  \(file.name)  \(file.size) bytes  sha256 \(file.sha256)") }
                if !publication.changes.isEmpty {
                    say("Figures changed since version \(publication.version - 1):")
                    for change in publication.changes { say("  \(change)") }
                }
            }
        }
    }
}

/// Writes bytes to a file, or to standard output for "-".
func write(_ data: Data, to path: String) throws {
    if path == "-" { FileHandle.standardOutput.write(data); return }
    do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        throw ValidationError("Cannot write \(path): \(error.localizedDescription.trimmingCharacters(in: CharacterSet(charactersIn: "."))). Check the folder exists and you may write to it.")
    }
}
