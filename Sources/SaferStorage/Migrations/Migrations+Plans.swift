import Foundation
import SQLKit

extension Migrations {
    /// Plans, their items and quarterly updates.
    static func plans(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        // Filled in with the plans feature.
    }
}
