import Foundation

/// A committee that meets and receives reports, e.g. the Safer Communities Sub-Committee of the
/// Community and Environment Board. Its members and contact make the pack's front sheet.
public struct Committee: Sendable, Hashable, Codable, Identifiable {
    /// A member and the role they hold on the committee ("Chair", "Vice-Chair", or none).
    public struct Member: Sendable, Hashable, Codable {
        public var name: String
        public var role: String?
        public init(name: String, role: String? = nil) { self.name = name; self.role = role }
    }

    /// Democratic Services: who to ask about the meeting.
    public struct Contact: Sendable, Hashable, Codable {
        public var name: String
        public var telephone: String
        public var email: String
        public init(name: String, telephone: String, email: String) { self.name = name; self.telephone = telephone; self.email = email }
    }

    public var id: String
    public var name: String
    /// The body the committee reports to, e.g. "Community and Environment Board"; nil for a full committee.
    public var parent: String?
    /// The council, as the pack names it: "North Warwickshire Borough Council".
    public var council: String
    public var members: [Member]
    /// Who receives the pack for information, e.g. "the other Members of the Council".
    public var forInformation: String
    public var contact: Contact

    public init(id: String, name: String, parent: String? = nil, council: String, members: [Member], forInformation: String, contact: Contact) {
        self.id = id
        self.name = name
        self.parent = parent
        self.council = council
        self.members = members
        self.forInformation = forInformation
        self.contact = contact
    }

    /// The member in the chair, if one is named.
    public var chair: Member? { members.first { $0.role?.lowercased() == "chair" || $0.role?.lowercased() == "chairman" } }

    /// Checks the name, the council, the members and the contact.
    public func validate() throws {
        var problems = ValidationProblems()
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the committee a name, e.g. Safer Communities Sub-Committee.", field: "name") }
        if council.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the council's name, as the front sheet prints it.", field: "council") }
        if members.isEmpty { problems.add("List the committee's members, one a line (add \"— Chair\" after the chair's name).", field: "members") }
        if members.contains(where: { $0.name.trimmingCharacters(in: .whitespaces).isEmpty }) { problems.add("A member has no name.", field: "members") }
        if contact.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the contact for enquiries, e.g. Democratic Services.", field: "contactName") }
        try problems.throwIfAny()
    }

    /// Reads members written one a line, a role after a dash: "Reilly — Chair".
    public static func members(parsing text: String) -> [Member] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            for separator in [" — ", " – ", " - "] {
                if let range = trimmed.range(of: separator) {
                    let role = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    return Member(name: trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces), role: role.isEmpty ? nil : role)
                }
            }
            return Member(name: trimmed)
        }
    }

    /// Members one a line, the inverse of `members(parsing:)`.
    public static func membersText(_ members: [Member]) -> String {
        members.map { member in member.role.map { "\(member.name) — \($0)" } ?? member.name }.joined(separator: "\n")
    }
}
