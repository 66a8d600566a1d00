import Foundation
import SaferDomain

/// A stored row holds a value this version of Safer cannot read: a waste type, status or kind
/// it does not know (written by a newer version, or edited by hand). Reads fail naming the
/// table, the row and the value, rather than leaving the row out, so a count can never shrink
/// without a word.
public struct StoredValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let id: String
    public let column: String
    public let value: String

    public init(table: String, id: String, column: String, value: String) {
        self.table = table
        self.id = id
        self.column = column
        self.value = value
    }

    public var description: String {
        "The \(table) row '\(id)' holds '\(value)' in \(column), which this version of Safer does not know: "
            + "correct the row, or run the version of Safer that wrote it."
    }
}

/// Reads stored enum values of one row, naming the row when one does not parse.
struct StoredRow {
    let table: String
    let id: String

    /// The value of `column` as `T`, or a `StoredValueError`.
    func value<T: RawRepresentable>(_ raw: String, _ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw StoredValueError(table: table, id: id, column: column, value: raw) }
        return value
    }

    /// The value of a nullable `column`: nil for NULL, else as `T`.
    func optional<T: RawRepresentable>(_ raw: String?, _ column: String, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        try raw.map { try value($0, column) }
    }

    /// A value read by `parse` (a financial year, a quarter, a day), or a `StoredValueError`.
    func parsed<T>(_ raw: String, _ column: String, _ parse: (String) -> T?) throws -> T {
        guard let value = parse(raw) else { throw StoredValueError(table: table, id: id, column: column, value: raw) }
        return value
    }

    /// A nullable value read by `parse`: nil for NULL.
    func parsed<T>(_ raw: String?, _ column: String, _ parse: (String) -> T?) throws -> T? {
        try raw.map { try parsed($0, column, parse) }
    }

    /// A `;`-separated list of values of `column`, each as `T`.
    func list<T: RawRepresentable>(_ raw: String, _ column: String, as type: T.Type = T.self) throws -> [T] where T.RawValue == String {
        try raw.split(separator: ";").map { try value(String($0), column) }
    }
}
