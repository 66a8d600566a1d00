import Foundation

/// A location name as a crew or the public wrote it ("Oldbury Rd, Hartshill"), with the key its
/// spelling variants share ("oldbury road").
public struct LocationName: Sendable, Hashable {
    /// The name as written, trimmed, with runs of spaces made one: what a display may show.
    public let written: String
    /// The normalised street part: lower case, no punctuation, abbreviations spelt out, trailing
    /// locality and qualifier dropped ("oldbury road"). Empty when the name has no letters or digits.
    public let key: String
    /// What was dropped from the key after the street: a locality or a qualifier such as
    /// "Hartshill" or "near Hoar Park"; nil when nothing was.
    public let qualifier: String?

    /// The key with its spaces removed, so that "Blind Pit Lane" and "Blindpit Lane" merge when
    /// names are grouped; rankings group by this.
    public var matchKey: String { key.replacingOccurrences(of: " ", with: "") }
}
