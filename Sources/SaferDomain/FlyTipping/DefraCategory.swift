import Foundation

/// One of Defra's fly-tipping lists (land type, waste type, size): a closed set of labels that
/// the incident return counts by. Labels are kept exactly as the return prints them.
public protocol DefraCategory: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String, AllCases: RandomAccessCollection {
    /// What the list is called in messages, e.g. "land type".
    static var listName: String { get }
    /// The label on Defra's return, e.g. "Footpath / Bridleway".
    var label: String { get }
}

extension DefraCategory {
    /// The category with this label or key, ignoring case, spacing and punctuation, so that
    /// "footpath/bridleway", "Footpath / Bridleway" and "footpath-bridleway" all match.
    public init?(label: String) {
        // Most files give the label exactly: found without folding (a county's history has 100,000 rows).
        if let exact = Self.allCases.first(where: { $0.label == label || $0.rawValue == label }) {
            self = exact
            return
        }
        let wanted = Self.folded(label)
        guard !wanted.isEmpty, let match = Self.allCases.first(where: { Self.folded($0.label) == wanted || Self.folded($0.rawValue) == wanted }) else { return nil }
        self = match
    }

    /// The category with this label, or a message listing the labels that are allowed.
    public static func parse(_ text: String) throws -> Self {
        if let value = Self(label: text) { return value }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw ValidationError("A \(listName) is needed: one of \(allCases.map(\.label).joined(separator: ", ")).") }
        throw ValidationError("'\(trimmed)' is not a \(listName) on Defra's list: use one of \(allCases.map(\.label).joined(separator: ", ")).")
    }

    private static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
