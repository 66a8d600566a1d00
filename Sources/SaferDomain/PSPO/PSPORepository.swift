import Foundation

/// Public Spaces Protection Orders. Every change is audited in the same transaction.
public protocol PSPORepository: Sendable {
    /// Adds an order.
    func add(_ order: PublicSpacesProtectionOrder, by actor: Actor) async throws
    /// Adds a variation to an order.
    func addVariation(orderID: String, _ variation: PublicSpacesProtectionOrder.Variation, by actor: Actor) async throws
    /// Every order, newest first.
    func list() async throws -> [PublicSpacesProtectionOrder]
}

extension PublicSpacesProtectionOrder: Auditable {
    public static let auditEntity = "pspo"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["name": name, "roads": roads.joined(separator: "; "), "start": start.description, "expiry": expiry.description,
         "articles": String(articles.count), "exceptions": exceptions.joined(separator: " | "),
         "variations": variations.map { "\($0.date): \($0.text)" }.joined(separator: " | "),
         "polygon": polygon.map { String(format: "%.6f %.6f", $0.latitude, $0.longitude) }.joined(separator: ", ")]
    }
}
