import Foundation
import SQLKit
import SaferDomain

/// Data versions in SQL: one row per group, bumped by triggers (migration 10).
public struct SQLDataVersionRepository: DataVersionRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    public func version(_ name: String) async throws -> Int64 {
        try await database.sql.select().column("version").from("data_versions").where("name", .equal, name)
            .first(decodingColumn: "version", as: Int64.self) ?? 0
    }
}
