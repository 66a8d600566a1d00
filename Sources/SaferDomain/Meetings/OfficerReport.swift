import Foundation

/// An officer's report to a meeting, in the standard shape of the council's reports: summary,
/// recommendations, consultation, background, the body in numbered sections, the implications,
/// background papers, the contact officer and lettered appendices. Any paragraph may carry live
/// data blocks (`{{fly-tips.count from=2018-04-01 to=2018-12-31}}`).
public struct OfficerReport: Sendable, Hashable, Codable, Identifiable {
    /// A numbered section of the body: paragraphs and subsections in the order written.
    public struct Section: Sendable, Hashable, Codable {
        public enum Part: Sendable, Hashable, Codable {
            case paragraph(String)
            case subsection(heading: String, paragraphs: [String])
        }
        public var heading: String
        public var parts: [Part]
        public init(heading: String, parts: [Part]) { self.heading = heading; self.parts = parts }
    }

    /// An appendix: its title and its paragraphs, usually one block each.
    public struct Appendix: Sendable, Hashable, Codable {
        public var title: String
        public var paragraphs: [String]
        /// Set when the appendix is exempt information; the public sees its title and the notice.
        public var exemption: Exemption?
        public init(title: String, paragraphs: [String], exemption: Exemption? = nil) {
            self.title = title
            self.paragraphs = paragraphs
            self.exemption = exemption
        }
    }

    /// The implications every report states, in the order the council prints them.
    public enum Implication: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
        case financial, saferCommunities, legal, environment, health, risk, equality, priorities

        public var title: String {
            switch self {
            case .financial: "Finance and Value for Money Implications"
            case .saferCommunities: "Safer Communities Implications"
            case .legal: "Legal, Data Protection and Human Rights Implications"
            case .environment: "Environment and Sustainability Implications"
            case .health: "Health and Wellbeing Implications"
            case .risk: "Risk Management Implications"
            case .equality: "Equality Implications"
            case .priorities: "Links to Council's Priorities"
            }
        }
    }

    public var id: String
    public var meetingID: String
    /// The report's place among the meeting's reports (0 first); its agenda number follows the standard items.
    public var position: Int
    public var title: String
    /// "Report of the Chief Executive".
    public var reportOf: String
    public var summary: String
    /// Lettered a, b, c when more than one.
    public var recommendations: [String]
    public var consultation: [String]
    public var background: [String]
    public var body: [Section]
    public var implications: [Implication: [String]]
    /// "None" is typed, never assumed.
    public var backgroundPapers: String
    public var contactOfficer: String
    public var telephone: String
    public var appendices: [Appendix]
    /// Set when the whole report is exempt information; the public sees its title and the notice.
    public var exemption: Exemption?

    public init(id: String, meetingID: String, position: Int, title: String, reportOf: String, summary: String, recommendations: [String],
                consultation: [String], background: [String], body: [Section], implications: [Implication: [String]],
                backgroundPapers: String, contactOfficer: String, telephone: String, appendices: [Appendix], exemption: Exemption? = nil) {
        self.id = id
        self.meetingID = meetingID
        self.position = position
        self.title = title
        self.reportOf = reportOf
        self.summary = summary
        self.recommendations = recommendations
        self.consultation = consultation
        self.background = background
        self.body = body
        self.implications = implications
        self.backgroundPapers = backgroundPapers
        self.contactOfficer = contactOfficer
        self.telephone = telephone
        self.appendices = appendices
        self.exemption = exemption
    }

    /// The summary an agenda gives: for an exempt report, its notice, followed by the summary
    /// only for readers of exempt information.
    public func agendaSummary(readsExemptInformation: Bool) -> String {
        guard let exemption else { return summary }
        return readsExemptInformation ? "\(exemption.notice). \(summary)" : "\(exemption.notice)."
    }

    /// Whether any of the report is withheld from the public.
    public var hasExemptInformation: Bool { exemption != nil || appendices.contains { $0.exemption != nil } }

    /// The agenda item number: the seed's first report is item 6.
    public var itemNumber: Int { Meeting.firstReportItem + position }

    /// The letter of the n-th appendix (0 → A): A…Z, then AA, AB…
    public static func appendixLetter(_ index: Int) -> String {
        var letters = "", n = index + 1
        while n > 0 { let r = (n - 1) % 26; letters = String(UnicodeScalar(UInt8(65 + r))) + letters; n = (n - 1) / 26 }
        return letters
    }

    /// The letter of the n-th recommendation (0 → a).
    public static func recommendationLetter(_ index: Int) -> String { appendixLetter(index).lowercased() }

    /// Every paragraph that may hold blocks, with where it is (for messages).
    public var paragraphs: [(place: String, text: String)] {
        var all: [(String, String)] = [("Summary", summary)]
        all += recommendations.map { ("Recommendations", $0) }
        all += consultation.map { ("Consultation", $0) } + background.map { ("Background", $0) }
        for section in body {
            for part in section.parts {
                switch part {
                case .paragraph(let text): all.append((section.heading, text))
                case .subsection(let heading, let paragraphs): all += paragraphs.map { (heading, $0) }
                }
            }
        }
        for kind in Implication.allCases { all += (implications[kind] ?? []).map { (kind.title, $0) } }
        for (index, appendix) in appendices.enumerated() {
            all += appendix.paragraphs.map { ("Appendix \(Self.appendixLetter(index))", $0) }
        }
        return all
    }

    /// Checks what must be right to save a draft: a title, whose report, and blocks that Safer knows.
    public func validate() throws {
        var problems = ValidationProblems()
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the report a title.", field: "title") }
        if reportOf.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Say whose report it is, e.g. Report of the Chief Executive.", field: "reportOf") }
        for (place, text) in paragraphs {
            do { _ = try BlockText(parsing: text) } catch {
                problems.add("\(place): \(error.description)", field: "body")
            }
        }
        for (index, appendix) in appendices.enumerated() where appendix.title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add("Appendix \(Self.appendixLetter(index)) has no title.", field: "appendices")
        }
        try problems.throwIfAny()
    }

    /// The sections that must be written before the report can be published, named; empty when it can be.
    /// "None" counts as written: it has to be typed.
    public var missingForPublication: [String] {
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        func blank(_ texts: [String]) -> Bool { texts.allSatisfy { blank($0) } }
        var missing: [String] = []
        if blank(summary) { missing.append("Summary") }
        if blank(recommendations) { missing.append("Recommendations") }
        if blank(consultation) { missing.append("Consultation") }
        if blank(background) { missing.append("Background") }
        for kind in Implication.allCases where blank(implications[kind] ?? []) { missing.append(kind.title) }
        if blank(backgroundPapers) { missing.append("Background papers (type \"None\" if there are none)") }
        if blank(contactOfficer) { missing.append("Contact officer") }
        if blank(telephone) { missing.append("Contact officer's telephone") }
        return missing
    }
}
