import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// The registers' figures that the pages, the API, the command line and the committee pack share:
/// enforcement over a period and money against the fly-tipping allocation.
public struct RegisterService: Sendable {
    let enforcement: any EnforcementRepository
    let funding: any FundingRepository

    /// A service with only what it uses.
    public init(enforcement: any EnforcementRepository, funding: any FundingRepository) {
        self.enforcement = enforcement
        self.funding = funding
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(enforcement: services.storage.enforcement, funding: services.storage.funding)
    }

    /// Enforcement actions dated in a range, and the cases under investigation at its end.
    public func enforcementSummary(_ range: DayRange) async throws -> EnforcementSummary {
        EnforcementSummary(cases: try await enforcement.list(), actions: try await enforcement.allActions(), range: range)
    }

    /// A financial year's allocation and spend, counting spend up to `through` when given (a pack's cut-off).
    public func funding(_ year: FinancialYear, through: CalendarDay? = nil) async throws -> (summary: FundingSummary, spend: [SpendItem]) {
        let spend = try await funding.spend().filter { item in item.date.calendarMonth.financialYear == year && (through.map { item.date <= $0 } ?? true) }
        return (FundingSummary(financialYear: year, allocations: try await funding.allocations(), spend: spend), spend)
    }
}
