import Foundation
import SQLKit
import SaferDomain

/// Public reports, their triage and the per-client submission log in SQL.
public struct SQLPublicReportRepository: PublicReportRepository {
    let database: SaferDatabase
    let audit: AuditWriter
    let clock: any SaferClock

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
        self.clock = clock
    }

    struct Row: Decodable {
        let id: String, reference: String, receivedAt: Int64
        let latitude: Double?, longitude: Double?, easting: Double?, northing: Double?
        let place: String, wasteTypes: String, size: String, landType: String, description: String
        let contactName: String?, contactEmail: String?, contactPhone: String?
        let status: String, incidentId: String?, rejectionReason: String?, decidedBy: String?, decidedAt: Int64?
    }

    static func report(_ row: Row) throws -> PublicReport {
        let stored = StoredRow(table: "public_reports", id: row.id)
        let size: FlyTipSize = try stored.value(row.size, "size"), landType: LandType = try stored.value(row.landType, "land_type")
        let status: PublicReport.Status = try stored.value(row.status, "status")
        var position: WGS84Point?, grid: NationalGridPoint?
        if let latitude = row.latitude, let longitude = row.longitude { position = WGS84Point(latitude: latitude, longitude: longitude) }
        if let easting = row.easting, let northing = row.northing { grid = NationalGridPoint(easting: easting, northing: northing) }
        let contact = PublicReport.Contact(name: row.contactName ?? "", email: row.contactEmail ?? "", phone: row.contactPhone ?? "")
        return PublicReport(id: row.id, reference: row.reference, receivedAt: Date(storedMillis: row.receivedAt), position: position,
                            gridPoint: grid, place: row.place,
                            wasteTypes: try stored.list(row.wasteTypes, "waste_types"),
                            size: size, landType: landType, description: row.description, contact: contact.isEmpty ? nil : contact,
                            status: status, incidentID: row.incidentId, rejectionReason: row.rejectionReason,
                            decidedBy: row.decidedBy, decidedAt: row.decidedAt.map(Date.init(storedMillis:)))
    }

    public func add(_ report: PublicReport, photo: Photo?, clientKey: String, by actor: Actor) async throws {
        try await database.transaction { db in
            var report = report
            report.reference = try await SQLFlyTipRepository.unusedReference(db, table: "public_reports", prefix: "TIP", id: report.id, first: report.reference)
            try await db.insert(into: "public_reports")
                .columns("id", "reference", "received_at", "latitude", "longitude", "easting", "northing", "place", "waste_types",
                         "size", "land_type", "description", "contact_name", "contact_email", "contact_phone", "status")
                .values(SQLBind(report.id), SQLBind(report.reference), SQLBind(report.receivedAt.storedMillis),
                        SQLBind(report.position?.latitude), SQLBind(report.position?.longitude), SQLBind(report.gridPoint?.easting),
                        SQLBind(report.gridPoint?.northing), SQLBind(report.place), SQLBind(report.wasteTypes.map(\.rawValue).joined(separator: ";")),
                        SQLBind(report.size.rawValue), SQLBind(report.landType.rawValue), SQLBind(report.description),
                        SQLBind(report.contact?.name), SQLBind(report.contact?.email), SQLBind(report.contact?.phone),
                        SQLBind(report.status.rawValue))
                .run()
            try await db.insert(into: "public_report_submissions").columns("client_key", "at")
                .values(SQLBind(clientKey), SQLBind(report.receivedAt.storedMillis)).run()
            try await audit.record(db, by: actor, before: nil as PublicReport?, after: report)
            if let photo { try await SQLFlyTipRepository.insertPhoto(db, photo, audit: audit, by: actor) }
        }
    }

    public func submissions(clientKey: String, since: Date) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("public_report_submissions")
            .where("client_key", .equal, clientKey).where("at", .greaterThanOrEqual, since.storedMillis)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func find(id: String) async throws -> PublicReport? { try await Self.fetch(database.sql, id: id) }

    static func fetch(_ db: any SQLDatabase, id: String) async throws -> PublicReport? {
        try await db.select().column("*").from("public_reports").where("id", .equal, id)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.report)
    }

    public func list(status: PublicReport.Status?) async throws -> [PublicReport] {
        let query = database.sql.select().column("*").from("public_reports")
        if let status { query.where("status", .equal, status.rawValue) }
        return try await query.orderBy("received_at", .descending).orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.report)
    }

    /// The report, or an error saying there is none.
    static func existing(_ db: any SQLDatabase, id: String) async throws -> PublicReport {
        guard let report = try await fetch(db, id: id) else { throw DomainError.notFound(entity: "public report", id: id) }
        return report
    }

    func decide(_ db: any SQLDatabase, before: PublicReport, after: PublicReport, by actor: Actor) async throws {
        try await db.update("public_reports")
            .set("status", to: after.status.rawValue).set("incident_id", to: SQLBind(after.incidentID))
            .set("rejection_reason", to: SQLBind(after.rejectionReason)).set("decided_by", to: SQLBind(after.decidedBy))
            .set("decided_at", to: SQLBind(after.decidedAt?.storedMillis))
            .where("id", .equal, after.id).run()
        try await audit.record(db, by: actor, before: before, after: after)
    }

    public func accept(reportID: String, as flyTip: FlyTip, by actor: Actor) async throws -> FlyTip {
        try await database.transaction { db in
            let before = try await Self.existing(db, id: reportID)
            try before.checkPending()
            let stored = try await SQLFlyTipRepository.insert(db, flyTip, audit: audit, by: actor)
            // The report's photos go with it to the incident.
            for photo in try await photos(db, owner: .publicReport, ownerID: reportID) {
                var copy = photo
                copy.id = photo.id + "-incident"
                copy.owner = .flyTip
                copy.ownerID = stored.id
                try await SQLFlyTipRepository.insertPhoto(db, copy, audit: audit, by: actor)
            }
            try await decide(db, before: before, after: try before.accepted(as: stored.id, by: actor, at: clock.now()), by: actor)
            return stored
        }
    }

    public func merge(reportID: String, into flyTipID: String, by actor: Actor) async throws {
        try await database.transaction { db in
            let before = try await Self.existing(db, id: reportID)
            guard let incident = try await SQLFlyTipRepository.fetch(db, column: "id", value: flyTipID) else {
                throw DomainError.notFound(entity: "fly-tip", id: flyTipID)
            }
            let decision = try before.merged(into: incident, by: actor, at: clock.now())
            try await SQLFlyTipRepository.update(db, before: incident, after: decision.incident, audit: audit, by: actor)
            try await decide(db, before: before, after: decision.report, by: actor)
        }
    }

    public func reject(reportID: String, reason: String, by actor: Actor) async throws {
        try await database.transaction { db in
            let before = try await Self.existing(db, id: reportID)
            try await decide(db, before: before, after: try before.rejected(reason: reason, by: actor, at: clock.now()), by: actor)
        }
    }

    public func deleteContact(reportID: String, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.fetch(db, id: reportID) else { throw DomainError.notFound(entity: "public report", id: reportID) }
            try await db.update("public_reports").set("contact_name", to: SQLBind(String?.none))
                .set("contact_email", to: SQLBind(String?.none)).set("contact_phone", to: SQLBind(String?.none))
                .where("id", .equal, reportID).run()
            var after = before
            after.contact = nil
            try await audit.record(db, by: actor, before: before, after: after)
        }
    }

    func photos(_ db: any SQLDatabase, owner: Photo.Owner, ownerID: String) async throws -> [Photo] {
        try await db.select().column("*").from("photos").where("owner", .equal, owner.rawValue).where("owner_id", .equal, ownerID)
            .orderBy("added_at").orderBy("id")
            .all(decoding: SQLFlyTipRepository.PhotoRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(SQLFlyTipRepository.photo)
    }
}
