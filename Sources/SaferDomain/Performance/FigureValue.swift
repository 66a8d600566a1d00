import Foundation

/// One month's figure for an indicator: a number, not available yet (TBC), or not reported.
///
/// These are three different things and are never confused with 0:
/// - `.number`: the source supplied a figure (which may be 0).
/// - `.tbc`: the month is past but the source has not supplied it ("TBC" in the pack; road
///   casualties lag a quarter). Never counted as 0.
/// - `.notReported`: nothing is known, usually because the month is in the future.
///
/// Encoded as a JSON number, the string `"TBC"`, or `null` for not reported.
public enum FigureValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A reported figure. Counts are whole numbers held exactly in a `Double`; rates and
    /// percentages may have fractions.
    case number(Double)
    /// The month is past but the figure is not available yet ("TBC").
    case tbc
    /// Nothing reported for the month (future, or never supplied).
    case notReported

    /// A whole-number figure, e.g. `.count(107)`.
    public static func count(_ value: Int) -> FigureValue { .number(Double(value)) }

    /// Reads a figure as typed in a form or a CSV cell: a number (thousands separators
    /// allowed, e.g. `1,417`), `TBC` (also `n/a`, case-insensitive) for not available, or a
    /// blank for not reported. Anything else throws `FigureError.notAFigure`.
    public init(parsing text: String) throws(FigureError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            self = .notReported
            return
        }
        switch trimmed.lowercased() {
        case "tbc", "n/a", "na": self = .tbc
        default:
            let plain = trimmed.replacingOccurrences(of: ",", with: "")
            guard let value = Double(plain), value.isFinite,
                  plain.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" })
            else { throw .notAFigure(text) }
            self = .number(value)
        }
    }

    /// The number, or nil when the month is TBC or not reported.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Whether the month has a number.
    public var isNumber: Bool { number != nil }

    /// The figure for a table cell: `1,417`, `TBC`, or an empty string for not reported
    /// (a blank, never 0).
    public var displayText: String {
        switch self {
        case .number(let value): DisplayFormat.number(value)
        case .tbc: "TBC"
        case .notReported: ""
        }
    }

    /// The same as `displayText`.
    public var description: String { displayText }

    /// Decodes a number, `"TBC"` or `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .notReported
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            let text = try container.decode(String.self)
            guard text.uppercased() == "TBC" else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not a figure: use a number, \"TBC\" or null"
                )
            }
            self = .tbc
        }
    }

    /// Encodes a number, `"TBC"` or `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .tbc: try container.encode("TBC")
        case .notReported: try container.encodeNil()
        }
    }
}
