import Foundation
import SQLKit

/// Every schema step, in order. Append only.
public enum Migrations {
    public static let all: [Migration] = [
        Migration(1, "accounts", apply: accounts),
        Migration(2, "audit-log", apply: auditLog),
        Migration(3, "performance", apply: performance),
        Migration(4, "police-uk", apply: policeUK),
        Migration(5, "plans", apply: plans),
        Migration(6, "fly-tipping", apply: flyTipping),
        Migration(7, "police-uk-by-month", apply: policeUKByMonth),
        Migration(8, "meetings", apply: meetings),
        Migration(9, "login-throttle", apply: loginThrottle),
        Migration(10, "data-versions", apply: dataVersions),
        Migration(11, "area-populations", apply: areaPopulations),
    ]

    /// The tables the performance reports read: a write to any of them bumps the
    /// `performance` data version (in the writing transaction), so a node's cached report
    /// inputs are used only while nothing they were built from has changed, on any node.
    /// police.uk rows bump it through `police_imports`, written once per month imported, not
    /// per row.
    static let performanceTables = ["themes", "areas", "lsoa_lookup", "indicators", "indicator_crime_types", "figures",
                                    "supplied_totals", "police_imports"]

    static func dataVersions(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "data_versions")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "data_versions").columns("name", "version").values(SQLBind("performance"), SQLBind(0)).run()
        switch engine {
        case .sqlite:
            for table in performanceTables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await db.raw("""
                        CREATE TRIGGER \(unsafeRaw: "version_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                        BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'performance'; END
                        """).run()
                }
            }
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION bump_performance_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'performance'; RETURN NULL; END $$
                """).run()
            for table in performanceTables {
                try await db.raw("""
                    CREATE TRIGGER \(unsafeRaw: "version_\(table)") AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(ident: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_performance_version()
                    """).run()
            }
        }
    }

    /// Population and households per area and year (a census or mid-year estimate), for rates
    /// over the period they cover. Read by the performance reports, so a write bumps their
    /// data version as the other performance tables do.
    static func areaPopulations(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "area_populations")
            .column("area_key", type: .text, .notNull, .references("areas", "key"))
            .column("year", type: .int, .notNull)
            .column("population", type: .bigint)
            .column("households", type: .bigint)
            .primaryKey("area_key", "year")
            .run()
        switch engine {
        case .sqlite:
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER \(unsafeRaw: "version_area_populations_\(event.lowercased())") AFTER \(unsafeRaw: event) ON area_populations
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'performance'; END
                    """).run()
            }
        case .postgres:
            try await db.raw("""
                CREATE TRIGGER version_area_populations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_populations
                FOR EACH STATEMENT EXECUTE FUNCTION bump_performance_version()
                """).run()
        }
    }

    static func accounts(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "organisations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("name_key", type: .text, .notNull, .unique)
            .column("kind", type: .text, .notNull)
            .run()
        try await db.create(table: "users")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("email", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("organisation_id", type: .text, .references("organisations", "id"))
            .column("password_hash", type: .text, .notNull)
            .column("disabled", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id"))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await db.create(table: "api_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id"))
            .column("name", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("created_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .column("revoked", type: .bigint, .notNull)
            .run()
        try await db.create(table: "login_failures")
            .column("key", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "login_failures_key").on("login_failures").column("key").column("at").run()
    }

    /// One row per throttle key, locked while an attempt is counted (replaces the failure log,
    /// which parallel attempts could all read before any was written).
    static func loginThrottle(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "login_throttle")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("attempts", type: .bigint, .notNull)
            .column("window_start", type: .bigint, .notNull)
            .column("next_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.drop(table: "login_failures").run()
    }

    static func auditLog(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "audit_log")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("actor_user_id", type: .text)
            .column("actor_label", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("entity_id", type: .text, .notNull)
            .column("changes", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_at").on("audit_log").column("at").run()
        try await db.create(index: "audit_log_entity").on("audit_log").column("entity").column("entity_id").run()
        // The log is append-only for everyone, including a careless SQL session.
        switch engine {
        case .sqlite:
            for event in ["UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END
                    """).run()
            }
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log cannot be changed'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }
}
