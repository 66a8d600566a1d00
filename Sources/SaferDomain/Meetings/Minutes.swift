import Foundation

/// A member's declaration of interest in an agenda item, as the minutes record it.
public struct Declaration: Sendable, Hashable, Codable {
    /// "Councillor Jarvis".
    public let member: String
    /// The agenda item's number.
    public let item: Int
    /// "Non-pecuniary interest as a member of Atherstone Town Council".
    public let interest: String

    public init(member: String, item: Int, interest: String) {
        self.member = member
        self.item = item
        self.interest = interest
    }

    /// "Councillor Jarvis, item 6: Non-pecuniary interest as a member of Atherstone Town Council".
    public var line: String { "\(member), item \(item): \(interest)" }

    /// Reads one declaration a line, written as `line` writes it; blank lines are skipped.
    public static func parse(_ text: String) throws -> [Declaration] {
        var declarations: [Declaration] = [], problems = ValidationProblems()
        for (index, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let comma = line.range(of: ", item ", options: .caseInsensitive),
                  let colon = line[comma.upperBound...].firstIndex(of: ":"),
                  let item = Int(String(line[comma.upperBound..<colon]).trimmingCharacters(in: .whitespaces), in: 1...9_999) else {
                problems.add("Declaration line \(index + 1) (\"\(line.quoted())\"): write it as \"Councillor Jarvis, item 6: non-pecuniary interest as a member of Atherstone Town Council\".", field: "declarations")
                continue
            }
            let member = line[..<comma.lowerBound].trimmingCharacters(in: .whitespaces)
            let interest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if member.isEmpty || interest.isEmpty {
                problems.add("Declaration line \(index + 1): give the member and the interest, e.g. \"Councillor Jarvis, item 6: non-pecuniary interest\".", field: "declarations")
                continue
            }
            declarations.append(Declaration(member: String(member.prefix(200)), item: item, interest: String(interest.prefix(1_000))))
        }
        try problems.throwIfAny()
        return declarations
    }
}

/// What the committee resolved on a minute: lettered a, b, c when there are several, with the
/// vote when one was taken.
public struct Resolution: Sendable, Hashable {
    public struct Votes: Sendable, Hashable {
        public let inFavour: Int
        public let against: Int
        public let abstaining: Int
        public init(inFavour: Int, against: Int, abstaining: Int) { self.inFavour = inFavour; self.against = against; self.abstaining = abstaining }
    }
    public let letter: String?
    public let text: String
    public let votes: Votes?
    public init(letter: String?, text: String, votes: Votes?) { self.letter = letter; self.text = text; self.votes = votes }
}

extension Meeting.Minutes.Item {
    /// The resolutions written after a "Resolved:" paragraph, one a paragraph, as the seed prints
    /// them: "That …", optionally lettered "a", "a)" or "(a)", and ending with the vote
    /// "(For 7, Against 2, Abstained 1)" when one was taken.
    public var resolutions: [Resolution] {
        let paragraphs = ReportText.paragraphs(text)
        guard let start = paragraphs.firstIndex(where: Self.isResolvedHeading) else { return [] }
        return paragraphs[(start + 1)...].map(Self.resolution)
    }

    static func isResolvedHeading(_ paragraph: String) -> Bool {
        let word = paragraph.trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespaces)).lowercased()
        return word == "resolved" || word == "recommended"
    }

    static func resolution(_ paragraph: String) -> Resolution {
        var text = paragraph.trimmingCharacters(in: .whitespaces)
        var letter: String?
        // "(a)", "a)" or "a " (before a capital) ahead of the words.
        let c = Array(text)
        func isLetter(_ character: Character) -> Bool { ("a"..."z").contains(character) }
        if c.count > 3, c[0] == "(", isLetter(c[1]), c[2] == ")" {
            letter = String(c[1]); text = String(c[3...]).trimmingCharacters(in: .whitespaces)
        } else if c.count > 2, isLetter(c[0]), c[1] == ")" || (c[1] == " " && c[2].isUppercase) {
            letter = String(c[0]); text = String(c[2...]).trimmingCharacters(in: .whitespaces)
        }
        var votes: Resolution.Votes?
        if let open = text.range(of: "(For ", options: [.backwards, .caseInsensitive]), text.hasSuffix(")") || text.hasSuffix(").") {
            let inside = text[open.lowerBound...].trimmingCharacters(in: CharacterSet(charactersIn: "().")).lowercased()
            var counts: [String: Int] = [:]
            for part in inside.split(separator: ",") {
                let words = part.split(separator: " ")
                if words.count == 2, let n = Int(String(words[1]), in: 0...9_999) { counts[String(words[0])] = n }
            }
            if let inFavour = counts["for"], let against = counts["against"] {
                votes = .init(inFavour: inFavour, against: against, abstaining: counts["abstained"] ?? counts["abstaining"] ?? counts["abstentions"] ?? 0)
                text = text[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            }
        }
        return Resolution(letter: letter, text: text, votes: votes)
    }
}
