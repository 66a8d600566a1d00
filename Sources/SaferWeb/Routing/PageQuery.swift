import Foundation
import Hummingbird

/// A page's query string as an HTML form sends it (`application/x-www-form-urlencoded`): `+` is
/// a space and `%XX` a byte, so "crime:Anti-social+behaviour" reads as the form's value. Every page
/// reads its query through this, so all decode alike (Hummingbird's own leaves `+` as it is).
struct PageQuery: Sendable {
    private let values: [(name: String, value: String)]

    init(_ query: String?) {
        values = (query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value given for `name`.
    func get(_ name: String) -> String? { values.first { $0.name == name }?.value }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The query string, decoded as a form's (see `PageQuery`).
    var query: PageQuery { PageQuery(uri.query) }
}
