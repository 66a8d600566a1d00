import Foundation

/// Instants are stored as whole milliseconds since 1970 (UTC) in a BIGINT column, so both
/// engines store, compare and sort them alike.
extension Date {
    /// Milliseconds since 1970, as stored.
    var storedMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The instant a stored value stands for.
    init(storedMillis: Int64) { self.init(timeIntervalSince1970: Double(storedMillis) / 1000) }
}
