import Foundation
import SaferDomain

/// Every SQL repository over one database: what the web layer and the CLI are given.
public struct Storage: Sendable {
    public let database: SaferDatabase
    public let users: any UserRepository
    public let organisations: any OrganisationRepository
    public let sessions: any SessionRepository
    public let apiTokens: any APITokenRepository
    public let loginAttempts: any LoginAttemptRepository
    public let auditLog: any AuditLogRepository
    public let indicators: any IndicatorRepository
    public let areas: any AreaRepository
    public let figures: any FigureRepository
    public let plans: any PlanRepository
    public let policeCrimes: any PoliceCrimeRepository
    public let flyTips: any FlyTipRepository
    public let publicReports: any PublicReportRepository
    public let enforcement: any EnforcementRepository
    public let cctv: any CCTVRepository
    public let pspos: any PSPORepository
    public let funding: any FundingRepository
    public let settings: any SettingsRepository
    public let meetings: any MeetingRepository
    public let retention: any RetentionRepository
    public let dataVersions: any DataVersionRepository

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.users = SQLUserRepository(database: database, clock: clock, ids: ids)
        self.organisations = SQLOrganisationRepository(database: database, clock: clock, ids: ids)
        self.sessions = SQLSessionRepository(database: database)
        self.apiTokens = SQLAPITokenRepository(database: database, clock: clock, ids: ids)
        self.loginAttempts = SQLLoginAttemptRepository(database: database)
        self.auditLog = SQLAuditLogRepository(database: database)
        self.indicators = SQLIndicatorRepository(database: database, clock: clock, ids: ids)
        self.areas = SQLAreaRepository(database: database, clock: clock, ids: ids)
        self.figures = SQLFigureRepository(database: database, clock: clock, ids: ids)
        self.plans = SQLPlanRepository(database: database, clock: clock, ids: ids)
        self.policeCrimes = SQLPoliceCrimeRepository(database: database)
        self.flyTips = SQLFlyTipRepository(database: database, clock: clock, ids: ids)
        self.publicReports = SQLPublicReportRepository(database: database, clock: clock, ids: ids)
        self.enforcement = SQLEnforcementRepository(database: database, clock: clock, ids: ids)
        self.cctv = SQLCCTVRepository(database: database, clock: clock, ids: ids)
        self.pspos = SQLPSPORepository(database: database, clock: clock, ids: ids)
        self.funding = SQLFundingRepository(database: database, clock: clock, ids: ids)
        self.settings = SQLSettingsRepository(database: database, clock: clock, ids: ids)
        self.meetings = SQLMeetingRepository(database: database, clock: clock, ids: ids)
        self.retention = SQLRetentionRepository(database: database, clock: clock, ids: ids)
        self.dataVersions = SQLDataVersionRepository(database: database)
    }
}
