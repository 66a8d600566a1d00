import Foundation

/// Money set aside for tackling fly-tipping in a financial year (e.g. £37,710 one-off for 2018/19).
public struct Allocation: Sendable, Hashable, Identifiable {
    public var id: String
    public var financialYear: FinancialYear
    public var amount: Money
    public var description: String

    public init(id: String, financialYear: FinancialYear, amount: Money, description: String) {
        self.id = id
        self.financialYear = financialYear
        self.amount = amount
        self.description = description
    }
}

/// Money spent against the allocations.
public struct SpendItem: Sendable, Hashable, Identifiable {
    /// The seed's categories; others are allowed (any text), these are offered first.
    public static let usualCategories = ["Equipment", "Publicity", "CCTV", "Investigations", "Staffing"]

    public var id: String
    public var date: CalendarDay
    public var category: String
    public var amount: Money
    public var supplier: String
    public var note: String

    public init(id: String, date: CalendarDay, category: String, amount: Money, supplier: String = "", note: String = "") {
        self.id = id
        self.date = date
        self.category = category
        self.amount = amount
        self.supplier = supplier
        self.note = note
    }

    /// Checks a category and a positive amount.
    public func validate() throws {
        var problems = ValidationProblems()
        if category.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the spend a category, e.g. Equipment.", field: "category") }
        if amount.pence <= 0 { problems.add("The amount must be more than £0.00 (record a refund as a note on the item it refunds).", field: "amount") }
        try problems.throwIfAny()
    }
}

/// A financial year's money: allocated, spent, left, and spent by category.
public struct FundingSummary: Sendable {
    public let financialYear: FinancialYear
    public let allocated: Money
    public let spent: Money
    /// Largest first, then by name.
    public let byCategory: [(category: String, amount: Money)]

    public init(financialYear: FinancialYear, allocations: [Allocation], spend: [SpendItem]) {
        self.financialYear = financialYear
        allocated = allocations.filter { $0.financialYear == financialYear }.map(\.amount).reduce(.zero, +)
        let items = spend.filter { $0.date.calendarMonth.financialYear == financialYear }
        spent = items.map(\.amount).reduce(.zero, +)
        byCategory = Dictionary(grouping: items, by: \.category).map { ($0.key, $0.value.map(\.amount).reduce(.zero, +)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// What is left (negative when overspent).
    public var balance: Money { allocated - spent }
}

/// Allocations and spend. Every change is audited in the same transaction.
public protocol FundingRepository: Sendable {
    /// Adds an allocation.
    func addAllocation(_ allocation: Allocation, by actor: Actor) async throws
    /// Adds a spend item.
    func addSpend(_ item: SpendItem, by actor: Actor) async throws
    /// Every allocation.
    func allocations() async throws -> [Allocation]
    /// Every spend item, newest first.
    func spend() async throws -> [SpendItem]
}

extension Allocation: Auditable {
    public static let auditEntity = "allocation"
    public var auditID: String { id }
    public var auditFields: [String: String] { ["financialYear": financialYear.description, "amount": amount.plain, "description": description] }
}

extension SpendItem: Auditable {
    public static let auditEntity = "spend"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["date": date.description, "category": category, "amount": amount.plain, "supplier": supplier, "note": note]
    }
}
