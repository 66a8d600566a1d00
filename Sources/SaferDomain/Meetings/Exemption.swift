import Foundation

/// Exempt information: a report or appendix withheld from the public under a paragraph of Part 1
/// of Schedule 12A to the Local Government Act 1972, with the public-interest reason (the test
/// applies to every paragraph, 1–7). The public pack shows its title and the notice; the full text
/// goes only to signed-in members and officers.
public struct Exemption: Sendable, Hashable, Codable {
    /// The paragraph of Part 1 of Schedule 12A, 1 to 7.
    public let paragraph: Int
    /// Why the public interest in withholding the information outweighs that in disclosing it.
    public let publicInterest: String

    /// The paragraphs of Part 1 of Schedule 12A, as the Act describes them.
    public static let paragraphs = [
        "Information relating to any individual.",
        "Information which is likely to reveal the identity of an individual.",
        "Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
        "Information relating to any consultations or negotiations in connection with any labour relations matter between the authority and its employees.",
        "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
        "Information which reveals that the authority proposes to give a notice, order or direction under any enactment.",
        "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
    ]

    /// Checks the paragraph and the reason; `field` names the form field a message belongs to.
    public init(paragraph: Int, publicInterest: String, field: String = "exemptParagraph") throws {
        var problems = ValidationProblems()
        if !(1...Self.paragraphs.count).contains(paragraph) {
            problems.add("Paragraph \(paragraph) is not in Part 1 of Schedule 12A to the Local Government Act 1972: choose one of paragraphs 1 to 7 (1 and 2 for individuals, 7 for crime).", field: field)
        }
        let reason = publicInterest.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            problems.add("Say why the public interest in keeping it exempt outweighs the public interest in disclosing it.", field: "publicInterest")
        }
        try problems.throwIfAny()
        self.paragraph = paragraph
        self.publicInterest = String(reason.prefix(2_000))
    }

    /// Reads a paragraph typed in a form ("7"); blank means not exempt.
    public static func parse(paragraph text: String, publicInterest: String, field: String = "exemptParagraph") throws -> Exemption? {
        let typed = text.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return nil }
        guard let number = Int(typed, in: -1_000_000...1_000_000) else {
            throw ValidationError("'\(typed.quoted())' is not a paragraph of Schedule 12A: choose one of paragraphs 1 to 7.", field: field)
        }
        return try Exemption(paragraph: number, publicInterest: publicInterest, field: field)
    }

    /// "Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local Government Act 1972".
    public var notice: String {
        "Not for publication by virtue of paragraph \(paragraph) of Part 1 of Schedule 12A to the Local Government Act 1972"
    }

    /// The line that marks an appendix exempt when it is its first paragraph.
    public var appendixLine: String { "\(Self.appendixPrefix) \(paragraph): \(publicInterest)" }
    static let appendixPrefix = "Exempt under paragraph"

    /// Reads an appendix's first paragraph as its exemption, or nil when it is not one.
    static func exemption(fromAppendixLine text: String, appendix: String) throws -> Exemption? {
        guard text.hasPrefix(appendixPrefix) else { return nil }
        let rest = text.dropFirst(appendixPrefix.count)
        guard let colon = rest.firstIndex(of: ":") else {
            throw ValidationError("Appendix \"\(appendix.quoted())\": write the exemption as \"\(appendixPrefix) 7: why the public interest in withholding it outweighs disclosing it\".", field: "appendices")
        }
        return try parse(paragraph: String(rest[..<colon]), publicInterest: String(rest[rest.index(after: colon)...]), field: "appendices")
    }
}
