import Foundation
import SQLKit
import SaferDomain

/// Allocations and spend in SQL, amounts in whole pence.
public struct SQLFundingRepository: FundingRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct AllocationRow: Decodable { let id: String, financialYear: String, amountPence: Int, description: String }
    struct SpendRow: Decodable { let id: String, day: String, category: String, amountPence: Int, supplier: String, note: String }

    public func addAllocation(_ allocation: Allocation, by actor: Actor) async throws {
        guard allocation.amount.pence > 0 else { throw ValidationError("The allocation must be more than £0.00.", field: "amount") }
        try await database.transaction { db in
            try await db.insert(into: "allocations").columns("id", "financial_year", "amount_pence", "description")
                .values(SQLBind(allocation.id), SQLBind(allocation.financialYear.description), SQLBind(allocation.amount.pence), SQLBind(allocation.description)).run()
            try await audit.record(db, by: actor, before: nil as Allocation?, after: allocation)
        }
    }

    public func addSpend(_ item: SpendItem, by actor: Actor) async throws {
        try item.validate()
        try await database.transaction { db in
            try await db.insert(into: "spend_items").columns("id", "day", "category", "amount_pence", "supplier", "note")
                .values(SQLBind(item.id), SQLBind(item.date.description), SQLBind(item.category), SQLBind(item.amount.pence),
                        SQLBind(item.supplier), SQLBind(item.note)).run()
            try await audit.record(db, by: actor, before: nil as SpendItem?, after: item)
        }
    }

    public func allocations() async throws -> [Allocation] {
        try await database.sql.select().column("*").from("allocations").orderBy("financial_year").orderBy("id")
            .all(decoding: AllocationRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                let year = try StoredRow(table: "allocations", id: row.id).parsed(row.financialYear, "financial_year") { try? FinancialYear(parsing: $0) }
                return Allocation(id: row.id, financialYear: year, amount: Money(pence: row.amountPence), description: row.description)
            }
    }

    public func spend() async throws -> [SpendItem] {
        try await database.sql.select().column("*").from("spend_items").orderBy("day", .descending).orderBy("id")
            .all(decoding: SpendRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                let day = try StoredRow(table: "spend_items", id: row.id).parsed(row.day, "day", CalendarDay.init)
                return SpendItem(id: row.id, date: day, category: row.category, amount: Money(pence: row.amountPence), supplier: row.supplier, note: row.note)
            }
    }
}
