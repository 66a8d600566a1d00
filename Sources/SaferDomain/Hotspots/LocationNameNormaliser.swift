import Foundation

/// Turns location names into keys so that variants merge when hot spots are counted.
///
/// The rules, in order:
/// 1. Case, accents and character width are ignored.
/// 2. A **qualifier** is cut off and kept out of the key: everything from the first comma,
///    semicolon, opening bracket, spaced dash (" - ") or the word "near"/"nr"/"opposite"/"opp"
///    that follows at least one word. "Oldbury Road, Hartshill", "Nuneaton Road (near Hoar Park)"
///    and "Packington Lane - Near Stonebridge Near M6" key as "oldbury road", "nuneaton road" and
///    "packington lane", as the council's own reports name them; the spatial clusters are the tool
///    for telling apart sites along one road.
/// 3. Apostrophes vanish ("Arnold's" = "Arnolds"), "&" reads "and", any other punctuation is a space.
/// 4. Abbreviations are spelt out word by word: Rd road, Ln lane, St street (but "saint" as the
///    first of several words: "St Marys Road"), Ave/Av avenue, Dr drive, Cl close, Cres crescent,
///    Ct court, Gdns gardens, Pl place, Sq square, Terr/Ter terrace.
/// 5. A **known locality** at the end ("Arnolds Lane Maxstoke") is dropped when what is left still
///    ends with a street word (road, lane, …), so "Maxstoke Lane" stays "maxstoke lane".
public struct LocationNameNormaliser: Sendable {
    /// Localities that may trail a street name without a comma, as normalised word lists,
    /// longest first so that "Water Orton" is tried before "Orton".
    private let localities: [[String]]

    /// Makes a normaliser that also drops the given localities when they trail a street name.
    public init(knownLocalities: [String] = []) {
        let words = knownLocalities.map { Self.words(of: Self.fold($0)) }.filter { !$0.isEmpty }
        localities = Array(Set(words)).sorted { $0.count != $1.count ? $0.count > $1.count : $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    /// A normaliser for North Warwickshire: the towns, villages and hamlets named in the
    /// partnership's papers, dropped when they trail a street name.
    public static let northWarwickshire = LocationNameNormaliser(knownLocalities: northWarwickshireLocalities)

    /// North Warwickshire's towns, villages and hamlets.
    public static let northWarwickshireLocalities = [
        "Alvecote", "Ansley", "Ansley Common", "Arley", "Astley", "Atherstone", "Austrey", "Baddesley Ensor",
        "Baxterley", "Birchmoor", "Caldecote", "Coleshill", "Corley", "Curdworth", "Dordon", "Fillongley",
        "Freasley", "Galley Common", "Grendon", "Hartshill", "Hurley", "Kingsbury", "Lea Marston", "Mancetter",
        "Maxstoke", "Middleton", "Nether Whitacre", "New Arley", "Newton Regis", "Old Arley", "Over Whitacre",
        "Piccadilly", "Polesworth", "Ridge Lane", "Seckington", "Shustoke", "Shuttington", "Stonebridge",
        "Warton", "Water Orton", "Wishaw", "Wood End",
    ]

    /// The name's key and the part dropped from it.
    public func normalise(_ name: String) -> LocationName {
        let written = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let (street, qualifier) = Self.splitQualifier(written)
        var words = Self.expand(Self.words(of: Self.fold(street)))
        var dropped = qualifier
        if let locality = trailingLocality(of: words) {
            let kept = words.count - locality.count
            let writtenWords = street.split(whereSeparator: \.isWhitespace)
            // Keep the locality as written for the qualifier when the words line up one to one.
            let localityText = writtenWords.count == words.count
                ? writtenWords.suffix(locality.count).joined(separator: " ")
                : locality.joined(separator: " ")
            dropped = [localityText, qualifier].compactMap { $0 }.joined(separator: ", ")
            words.removeLast(words.count - kept)
        }
        return LocationName(written: written, key: words.joined(separator: " "), qualifier: dropped)
    }

    /// The key alone.
    public func key(for name: String) -> String { normalise(name).key }

    // MARK: - Rules

    private static let qualifierWords: Set<String> = ["near", "nr", "opposite", "opp"]

    private static let abbreviations: [String: String] = [
        "rd": "road", "ln": "lane", "st": "street", "ave": "avenue", "av": "avenue", "dr": "drive",
        "cl": "close", "cres": "crescent", "ct": "court", "gdns": "gardens", "pl": "place", "sq": "square",
        "terr": "terrace", "ter": "terrace",
    ]

    private static let streetWords: Set<String> = [
        "road", "lane", "street", "avenue", "drive", "close", "crescent", "court", "gardens", "place", "square",
        "terrace", "way", "hill", "green", "row", "walk", "grove", "mews", "rise", "end", "common", "bank",
        "parade", "view", "park", "track", "bypass", "island", "layby",
    ]

    /// Splits "Street, qualifier" at the first qualifier mark that follows some text.
    private static func splitQualifier(_ text: String) -> (street: String, qualifier: String?) {
        var cut: String.Index?
        var qualifierStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "," || character == ";" || character == "(" {
                cut = index
                qualifierStart = text.index(after: index)
            } else if character == " " {
                let rest = text[text.index(after: index)...]
                if let dash = rest.first, "-–—".contains(dash), rest.dropFirst().first == " " {
                    cut = index
                    qualifierStart = rest.index(rest.startIndex, offsetBy: 2)
                } else {
                    let word = rest.prefix { !$0.isWhitespace }
                    let bare = fold(String(word)).filter { $0.isLetter }
                    if qualifierWords.contains(bare), !word.isEmpty, rest.count > word.count {
                        cut = index
                        qualifierStart = rest.startIndex
                    }
                }
            }
            if let cutAt = cut, let from = qualifierStart {
                let street = text[..<cutAt].trimmingCharacters(in: .whitespaces)
                if !words(of: fold(street)).isEmpty {
                    let qualifier = text[from...]
                        .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",;()-–—")))
                    return (street, qualifier.isEmpty ? nil : qualifier)
                }
                cut = nil
                qualifierStart = nil
            }
            index = text.index(after: index)
        }
        return (text, nil)
    }

    private static let british = Locale(identifier: "en_GB")

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: british).lowercased()
    }

    /// Words of folded text: apostrophes vanish, "&" is "and", other punctuation separates.
    private static func words(of folded: String) -> [String] {
        var cleaned = ""
        cleaned.unicodeScalars.reserveCapacity(folded.unicodeScalars.count)
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}":
                continue
            case "&":
                cleaned.unicodeScalars.append(contentsOf: " and ".unicodeScalars)
            default:
                if CharacterSet.alphanumerics.contains(scalar) {
                    cleaned.unicodeScalars.append(scalar)
                } else {
                    cleaned.unicodeScalars.append(" ")
                }
            }
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    private static func expand(_ words: [String]) -> [String] {
        words.enumerated().map { position, word in
            if word == "st", position == 0, words.count > 1 { return "saint" }
            return abbreviations[word] ?? word
        }
    }

    /// The known locality the words end with, when dropping it leaves a street name.
    private func trailingLocality(of words: [String]) -> [String]? {
        for locality in localities where locality.count < words.count && words.suffix(locality.count).elementsEqual(locality) {
            let rest = words.dropLast(locality.count)
            if let last = rest.last, Self.streetWords.contains(last) { return locality }
        }
        return nil
    }
}
