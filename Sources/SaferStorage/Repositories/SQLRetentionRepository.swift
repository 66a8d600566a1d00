import Foundation
import SQLKit
import SaferDomain

/// Personal data past its retention period, found and removed in SQL.
public struct SQLRetentionRepository: RetentionRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct ReportRow: Decodable { let id: String, reference: String, receivedAt: Int64 }
    struct CaseRow: Decodable { let id: String, reference: String, closed: String, suspects: Int64 }

    public func candidates(contactsBefore: Date, suspectsBefore: CalendarDay) async throws -> PurgeCandidates {
        let db = database.sql
        let reports = try await db.select().columns("id", "reference", "received_at").from("public_reports")
            .where("received_at", .lessThan, SQLBind(contactsBefore.storedMillis))
            .where { $0.where("contact_name", .isNot, SQLLiteral.null).orWhere("contact_email", .isNot, SQLLiteral.null)
                .orWhere("contact_phone", .isNot, SQLLiteral.null) }
            .orderBy("received_at").orderBy("id")
            .all(decoding: ReportRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        // `closed` is YYYY-MM-DD, so text order is date order.
        let cases = try await db.select().column(SQLColumn("id", table: "c")).column(SQLColumn("reference", table: "c"))
            .column(SQLColumn("closed", table: "c")).column(SQLAlias(SQLFunction("COUNT", args: SQLColumn("id", table: "s")), as: SQLIdentifier("suspects")))
            .from(SQLAlias(SQLIdentifier("enforcement_cases"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("suspects"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                  on: SQLColumn("case_id", table: "s"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("closed", table: "c"), .isNot, SQLLiteral.null)
            .where(SQLColumn("closed", table: "c"), .lessThan, SQLBind(suspectsBefore.description))
            .groupBy(SQLColumn("id", table: "c")).groupBy(SQLColumn("reference", table: "c")).groupBy(SQLColumn("closed", table: "c"))
            .orderBy(SQLColumn("closed", table: "c")).orderBy(SQLColumn("id", table: "c"))
            .all(decoding: CaseRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return PurgeCandidates(
            reports: reports.map { .init(id: $0.id, reference: $0.reference, receivedAt: Date(storedMillis: $0.receivedAt)) },
            cases: try cases.map { .init(id: $0.id, reference: $0.reference, closed: try CalendarDay(parsing: $0.closed), suspects: Int($0.suspects)) })
    }

    public func purge(_ candidates: PurgeCandidates, record: PurgeRecord, contactsBefore: Date, suspectsBefore: CalendarDay, by actor: Actor) async throws {
        guard !candidates.isEmpty else { return }
        try await database.transaction { db in
            // Only what still matches inside the transaction: a case reopened since the listing keeps its suspects.
            for chunk in candidates.reports.map(\.id).chunks(of: 500) {
                try await db.update("public_reports").set("contact_name", to: SQLLiteral.null).set("contact_email", to: SQLLiteral.null)
                    .set("contact_phone", to: SQLLiteral.null)
                    .where("id", .in, chunk).where("received_at", .lessThan, SQLBind(contactsBefore.storedMillis))
                    .run()
            }
            for chunk in candidates.cases.map(\.id).chunks(of: 500) {
                let closed = try await db.select().column("id").from("enforcement_cases").where("id", .in, chunk)
                    .where("closed", .isNot, SQLLiteral.null).where("closed", .lessThan, SQLBind(suspectsBefore.description))
                    .all(decodingColumn: "id", as: String.self)
                guard !closed.isEmpty else { continue }
                try await db.delete(from: "suspects").where("case_id", .in, closed).run()
            }
            try await audit.record(db, by: actor, before: nil as PurgeRecord?, after: record)
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements (bound parameters stay
    /// well under SQLite's and PostgreSQL's limits).
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
