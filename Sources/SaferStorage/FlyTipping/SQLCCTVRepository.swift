import Foundation
import SQLKit
import SaferDomain

/// The CCTV register in SQL.
public struct SQLCCTVRepository: CCTVRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct CameraRow: Decodable { let id: String, assetId: String, model: String, mobileData: Int }
    struct StatusRow: Decodable { let cameraId: String, position: Int, status: String, fromDay: String, note: String }
    struct DeploymentRow: Decodable {
        let id: String, cameraId: String, location: String, latitude: Double, longitude: Double
        let fromDay: String, toDay: String?, reason: String, signage: Int, dpiaDay: String?, selfAssessmentDay: String?
    }
    struct ShareRow: Decodable { let id: String, cameraId: String, sharedWith: String, day: String, reference: String, note: String }

    public func addCamera(_ camera: Camera, by actor: Actor) async throws {
        try camera.validate()
        try await database.transaction { db in
            if try await db.select().column("id").from("cameras").where("asset_id", .equal, camera.assetID).first() != nil {
                throw DomainError.conflict("A camera with the asset number \(camera.assetID) is already on the register.")
            }
            try await db.insert(into: "cameras").columns("id", "asset_id", "model", "mobile_data")
                .values(SQLBind(camera.id), SQLBind(camera.assetID), SQLBind(camera.model), SQLBind(camera.mobileData ? 1 : 0)).run()
            for (position, change) in camera.history.enumerated() { try await Self.insert(db, change, cameraID: camera.id, position: position) }
            try await audit.record(db, by: actor, before: nil as Camera?, after: camera)
        }
    }

    static func insert(_ db: any SQLDatabase, _ change: Camera.StatusChange, cameraID: String, position: Int) async throws {
        try await db.insert(into: "camera_statuses").columns("camera_id", "position", "status", "from_day", "note")
            .values(SQLBind(cameraID), SQLBind(position), SQLBind(change.status.rawValue), SQLBind(change.from.description), SQLBind(change.note)).run()
    }

    public func changeStatus(cameraID: String, to change: Camera.StatusChange, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.cameras(db, id: cameraID).first else { throw DomainError.notFound(entity: "camera", id: cameraID) }
            if let last = before.history.last, change.from < last.from {
                throw ValidationError("The camera's status is recorded from \(last.from.label): a new status starts on or after that day.", field: "from")
            }
            try await Self.insert(db, change, cameraID: cameraID, position: before.history.count)
            var after = before
            after.history.append(change)
            try await audit.record(db, by: actor, before: before, after: after)
        }
    }

    public func cameras() async throws -> [Camera] { try await Self.cameras(database.sql, id: nil) }

    static func cameras(_ db: any SQLDatabase, id: String?) async throws -> [Camera] {
        let query = db.select().column("*").from("cameras")
        if let id { query.where("id", .equal, id) }
        let rows = try await query.orderBy("asset_id").all(decoding: CameraRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let statuses = db.select().column("*").from("camera_statuses").orderBy("camera_id").orderBy("position")
        if let id { statuses.where("camera_id", .equal, id) }
        let history = Dictionary(grouping: try await statuses.all(decoding: StatusRow.self, keyDecodingStrategy: .convertFromSnakeCase), by: \.cameraId)
        return try rows.map { row in
            let stored = StoredRow(table: "camera_statuses", id: row.id)
            return Camera(id: row.id, assetID: row.assetId, model: row.model, mobileData: row.mobileData != 0,
                          history: try (history[row.id] ?? []).map { status in
                              Camera.StatusChange(status: try stored.value(status.status, "status"),
                                                  from: try stored.parsed(status.fromDay, "from_day", CalendarDay.init), note: status.note)
                          })
        }
    }

    public func addDeployment(_ deployment: Deployment, by actor: Actor) async throws {
        try deployment.validate()
        try await database.transaction { db in
            guard try await Self.cameras(db, id: deployment.cameraID).first != nil else { throw DomainError.notFound(entity: "camera", id: deployment.cameraID) }
            try await db.insert(into: "camera_deployments")
                .columns("id", "camera_id", "location", "latitude", "longitude", "easting", "northing", "from_day", "to_day", "reason",
                         "signage", "dpia_day", "self_assessment_day")
                .values(SQLBind(deployment.id), SQLBind(deployment.cameraID), SQLBind(deployment.location), SQLBind(deployment.position.latitude),
                        SQLBind(deployment.position.longitude), SQLBind(deployment.gridPoint.easting), SQLBind(deployment.gridPoint.northing),
                        SQLBind(deployment.from.description), SQLBind(deployment.to?.description), SQLBind(deployment.reason),
                        SQLBind(deployment.signage ? 1 : 0), SQLBind(deployment.dpiaDate?.description), SQLBind(deployment.selfAssessmentDate?.description))
                .run()
            try await audit.record(db, by: actor, before: nil as Deployment?, after: deployment)
        }
    }

    public func updateDeployment(_ deployment: Deployment, by actor: Actor) async throws {
        try deployment.validate()
        try await database.transaction { db in
            guard let before = try await Self.deployments(db, id: deployment.id).first else { throw DomainError.notFound(entity: "deployment", id: deployment.id) }
            try await db.update("camera_deployments")
                .set("location", to: deployment.location).set("latitude", to: deployment.position.latitude).set("longitude", to: deployment.position.longitude)
                .set("easting", to: deployment.gridPoint.easting).set("northing", to: deployment.gridPoint.northing)
                .set("from_day", to: deployment.from.description).set("to_day", to: SQLBind(deployment.to?.description))
                .set("reason", to: deployment.reason).set("signage", to: deployment.signage ? 1 : 0)
                .set("dpia_day", to: SQLBind(deployment.dpiaDate?.description)).set("self_assessment_day", to: SQLBind(deployment.selfAssessmentDate?.description))
                .where("id", .equal, deployment.id).run()
            try await audit.record(db, by: actor, before: before, after: deployment)
        }
    }

    public func deployments() async throws -> [Deployment] { try await Self.deployments(database.sql, id: nil) }

    static func deployments(_ db: any SQLDatabase, id: String?) async throws -> [Deployment] {
        let query = db.select().column("*").from("camera_deployments")
        if let id { query.where("id", .equal, id) }
        return try await query.orderBy("from_day", .descending).orderBy("id")
            .all(decoding: DeploymentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                let stored = StoredRow(table: "camera_deployments", id: row.id)
                return Deployment(id: row.id, cameraID: row.cameraId, location: row.location,
                                  position: WGS84Point(latitude: row.latitude, longitude: row.longitude),
                                  from: try stored.parsed(row.fromDay, "from_day", CalendarDay.init),
                                  to: try stored.parsed(row.toDay, "to_day", CalendarDay.init), reason: row.reason, signage: row.signage != 0,
                                  dpiaDate: try stored.parsed(row.dpiaDay, "dpia_day", CalendarDay.init),
                                  selfAssessmentDate: try stored.parsed(row.selfAssessmentDay, "self_assessment_day", CalendarDay.init))
            }
    }

    public func addFootageShare(_ share: FootageShare, by actor: Actor) async throws {
        guard !share.reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Give the reference the footage was shared under (crime or case number).", field: "reference")
        }
        try await database.transaction { db in
            guard try await Self.cameras(db, id: share.cameraID).first != nil else { throw DomainError.notFound(entity: "camera", id: share.cameraID) }
            try await db.insert(into: "footage_shares").columns("id", "camera_id", "shared_with", "day", "reference", "note")
                .values(SQLBind(share.id), SQLBind(share.cameraID), SQLBind(share.sharedWith.rawValue), SQLBind(share.date.description),
                        SQLBind(share.reference), SQLBind(share.note)).run()
            try await audit.record(db, by: actor, before: nil as FootageShare?, after: share)
        }
    }

    public func footageShares() async throws -> [FootageShare] {
        try await database.sql.select().column("*").from("footage_shares").orderBy("day", .descending).orderBy("id")
            .all(decoding: ShareRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                let stored = StoredRow(table: "footage_shares", id: row.id)
                return FootageShare(id: row.id, cameraID: row.cameraId, sharedWith: try stored.value(row.sharedWith, "shared_with"),
                                    date: try stored.parsed(row.day, "day", CalendarDay.init), reference: row.reference, note: row.note)
            }
    }
}
