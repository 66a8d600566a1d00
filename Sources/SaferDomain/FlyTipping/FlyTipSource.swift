import Foundation

/// Who told the council about a fly-tip.
public enum FlyTipSource: String, Sendable, Hashable, Codable, CaseIterable {
    case crew, `public`, partner, cctv

    /// The words on pages and in files.
    public var label: String {
        switch self {
        case .crew: "Field crew"
        case .public: "Member of the public"
        case .partner: "Partner"
        case .cctv: "CCTV"
        }
    }

    /// A source from its key, or a message listing the allowed ones.
    public static func parse(_ text: String) throws -> FlyTipSource {
        if let source = FlyTipSource(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) { return source }
        throw ValidationError("'\(text)' is not a source: use crew, public, partner or cctv.", field: "source")
    }
}
