import Foundation
import SaferDomain

/// Puts a meeting, its committee, its reports and their rendered blocks together as a `Pack`:
/// the agenda in the seed's order and numbering, report paragraphs numbered 1, 1.1, 4.2.1, the
/// implications as the last section, appendices lettered per report.
public struct PackAssembler {
    let meeting: Meeting
    let committee: Committee
    let reports: [OfficerReport]
    let rendered: [BlockReference: PackBlock]
    let status: String
    let audience: Pack.Audience
    let mattersArising: [Pack.MatterArising]

    /// `blocks` must hold every block the reports use (as `PackService` renders them). For
    /// everyone, exempt reports and appendices keep their titles and notices and lose their text
    /// (and the blocks only they use); for members they keep both.
    public init(meeting: Meeting, committee: Committee, reports: [OfficerReport], blocks: [BlockReference: PackBlock], status: String,
                audience: Pack.Audience = .everyone, mattersArising: [Pack.MatterArising] = []) {
        self.audience = audience
        self.mattersArising = mattersArising
        self.meeting = meeting
        self.committee = committee
        self.reports = reports.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        self.rendered = blocks
        self.status = status
    }

    /// The pack; throws when a report holds a block that was not rendered or cannot be read.
    public func pack() throws -> Pack {
        var blocks: [PackBlock] = []
        var indexes: [BlockReference: Int] = [:]
        func index(_ reference: BlockReference) throws -> Int {
            if let known = indexes[reference] { return known }
            guard let block = rendered[reference] else { throw ValidationError("\(reference) was not rendered.") }
            blocks.append(block)
            indexes[reference] = blocks.count - 1
            return blocks.count - 1
        }
        func runs(_ text: String) throws -> [Pack.Run] {
            try BlockText(parsing: text).segments.map { segment in
                switch segment {
                case .text(let text): .text(text)
                case .block(let reference): .block(try index(reference))
                }
            }
        }
        /// Whether a paragraph is a table, chart or list standing alone (not numbered).
        func standsAlone(_ text: String) throws -> Bool { try BlockText(parsing: text).soleBlock.map { $0.kind.shape != .inline } ?? false }
        func paragraph(_ text: String, number: String?) throws -> Pack.Content {
            if try standsAlone(text), let sole = try BlockText(parsing: text).soleBlock { return .block(try index(sole)) }
            return .paragraph(number: number, runs: try runs(text))
        }
        /// Paragraphs numbered prefix.1, prefix.2…, blocks standing alone left unnumbered.
        func numbered(_ paragraphs: [String], prefix: String, from start: Int = 0) throws -> (content: [Pack.Content], count: Int) {
            var content: [Pack.Content] = [], count = start
            for text in paragraphs {
                if try standsAlone(text) { content.append(try paragraph(text, number: nil)); continue }
                count += 1
                content.append(try paragraph(text, number: "\(prefix).\(count)"))
            }
            return (content, count)
        }

        var packReports: [Pack.Report] = []
        for (position, report) in reports.enumerated() {
            let item = Meeting.firstReportItem + position
            let anchor = "item-\(item)"
            if let exemption = report.exemption, audience == .everyone {
                let appendices = report.appendices.enumerated().map { offset, appendix in
                    let letter = OfficerReport.appendixLetter(offset)
                    return Pack.Appendix(letter: letter, title: appendix.title, content: [], anchor: "\(anchor)-appendix-\(letter.lowercased())",
                                         exemption: exemption.notice)
                }
                packReports.append(Pack.Report(itemNumber: item, anchor: anchor, title: report.title, reportOf: report.reportOf, recommendations: [],
                                               sections: [], backgroundPapers: "", contact: contactLine(report), appendices: appendices,
                                               exemption: exemption.notice))
                continue
            }
            var sections = [
                Pack.Section(number: "1", heading: "Summary", content: try numbered([report.summary], prefix: "1").content),
                Pack.Section(number: "2", heading: "Consultation", content: try numbered(report.consultation, prefix: "2").content),
                Pack.Section(number: "3", heading: "Background", content: try numbered(report.background, prefix: "3").content),
            ]
            for section in report.body {
                let number = "\(sections.count + 1)"
                var content: [Pack.Content] = [], count = 0
                for part in section.parts {
                    switch part {
                    case .paragraph(let text):
                        let result = try numbered([text], prefix: number, from: count)
                        content += result.content
                        count = result.count
                    case .subsection(let heading, let paragraphs):
                        count += 1
                        content.append(.subheading(number: "\(number).\(count)", text: heading))
                        content += try numbered(paragraphs, prefix: "\(number).\(count)").content
                    }
                }
                sections.append(Pack.Section(number: number, heading: section.heading, content: content))
            }
            let implicationsNumber = "\(sections.count + 1)"
            var implications: [Pack.Content] = []
            for (offset, kind) in OfficerReport.Implication.allCases.enumerated() {
                let number = "\(implicationsNumber).\(offset + 1)"
                implications.append(.subheading(number: number, text: kind.title))
                implications += try numbered(report.implications[kind] ?? [], prefix: number).content
            }
            sections.append(Pack.Section(number: implicationsNumber, heading: "Report Implications", content: implications))
            let recommendations = try report.recommendations.enumerated().map { offset, text in
                Pack.Recommendation(letter: report.recommendations.count > 1 ? OfficerReport.recommendationLetter(offset) : nil, runs: try runs(text))
            }
            let appendices = try report.appendices.enumerated().map { offset, appendix in
                let letter = OfficerReport.appendixLetter(offset)
                let exemption = appendix.exemption ?? report.exemption
                let withheld = exemption != nil && audience == .everyone
                return Pack.Appendix(letter: letter, title: appendix.title,
                                     content: withheld ? [] : try appendix.paragraphs.map { try paragraph($0, number: nil) },
                                     anchor: "\(anchor)-appendix-\(letter.lowercased())", exemption: exemption?.notice)
            }
            packReports.append(Pack.Report(itemNumber: item, anchor: anchor, title: report.title, reportOf: report.reportOf,
                                           recommendations: recommendations, sections: sections, backgroundPapers: report.backgroundPapers,
                                           contact: contactLine(report), appendices: appendices, exemption: report.exemption?.notice))
        }
        return Pack(council: committee.council, committee: committee.name, meetingID: meeting.id, meetingDate: meeting.date,
                    meetingDateLabel: "\(meeting.date.weekdayName) \(meeting.date.label)", status: status, cutOff: meeting.cutOff,
                    frontSheet: frontSheet(), agenda: agenda(), minutes: meeting.previousMinutes, reports: packReports, blocks: blocks,
                    mattersArising: mattersArising.isEmpty ? nil : mattersArising)
    }

    func contactLine(_ report: OfficerReport) -> String {
        let officer = report.contactOfficer.trimmingCharacters(in: .whitespaces)
        guard !officer.isEmpty else { return "" }
        let telephone = report.telephone.trimmingCharacters(in: .whitespaces)
        return "The Contact Officer for this report is \(officer)" + (telephone.isEmpty ? "." : " (\(telephone)).")
    }

    func frontSheet() -> Pack.FrontSheet {
        let names = committee.members.map(\.name)
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") : names.joined()
        let contact = committee.contact
        var enquiries = "For general enquiries please contact \(contact.name)"
        if !contact.telephone.isEmpty { enquiries += " on \(contact.telephone)" }
        if !contact.email.isEmpty { enquiries += (contact.telephone.isEmpty ? " by" : " or via") + " e-mail: \(contact.email)" }
        return Pack.FrontSheet(
            to: "The Chairman and Members of the \(committee.name)", members: "Councillors \(list)",
            forInformation: "For the information of \(committee.forInformation)", enquiries: enquiries + ".",
            meets: "The \(committee.name) will meet in \(meeting.venue) on \(meeting.date.weekdayName) \(meeting.date.label) at \(meeting.time.label).",
            signedBy: meeting.signedBy,
            notices: Pack.FrontSheet.standardNotices + (meeting.latePublication.map { [$0.notice] } ?? []))
    }

    func agenda() -> [Pack.AgendaItem] {
        var items = Meeting.StandardItem.allCases.map { standard -> Pack.AgendaItem in
            switch standard {
            case .minutes:
                let title = meeting.previousMinutes.map { "Minutes of the meeting of the \(committee.name) held on \($0.heldOn.label) (copy herewith)" }
                return Pack.AgendaItem(number: standard.rawValue, title: title ?? standard.title, anchor: meeting.previousMinutes == nil ? "agenda-minutes" : "minutes")
            case .publicParticipation:
                return Pack.AgendaItem(number: standard.rawValue, title: standard.title,
                                       text: meeting.publicParticipation.isEmpty ? nil : meeting.publicParticipation, anchor: "agenda-public-participation")
            default:
                return Pack.AgendaItem(number: standard.rawValue, title: standard.title, anchor: "agenda-\(standard.rawValue)")
            }
        }
        for (position, report) in reports.enumerated() {
            let number = Meeting.firstReportItem + position
            items.append(Pack.AgendaItem(number: number, title: report.title, reportOf: report.reportOf,
                                         summary: report.agendaSummary(readsExemptInformation: audience == .members),
                                         contact: contactLine(report), anchor: "item-\(number)"))
        }
        return items
    }
}
