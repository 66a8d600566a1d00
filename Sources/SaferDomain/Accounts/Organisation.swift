import Foundation

/// A partner body: the council, the police, the county, fire and rescue, a parish council.
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    /// The kinds of body in the partnership.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case council, police, county, fire, parish, other

        /// The name people read.
        public var label: String {
            switch self {
            case .council: "Borough council"
            case .police: "Police"
            case .county: "County council"
            case .fire: "Fire and rescue"
            case .parish: "Parish or town council"
            case .other: "Other partner"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind

    public init(id: String, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    /// Checks a name and kind typed into a form or a command.
    public static func validated(id: String, name: String, kind: String) throws -> Organisation {
        var problems = ValidationProblems()
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { problems.add("Enter the organisation's name.", field: "name") }
        if trimmed.count > 200 { problems.add("The name is longer than 200 characters: shorten it.", field: "name") }
        let parsedKind = Kind(rawValue: kind)
        if parsedKind == nil {
            problems.add("'\(kind)' is not a kind of organisation: use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).", field: "kind")
        }
        try problems.throwIfAny()
        guard let parsedKind else { throw ValidationError("Choose the kind of organisation.", field: "kind") }   // recorded above; never reached
        return Organisation(id: id, name: trimmed, kind: parsedKind)
    }
}
