import Foundation
import SQLKit
import SaferDomain

/// Fly-tipping incidents and photos in SQL.
public struct SQLFlyTipRepository: FlyTipRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    // MARK: - Rows

    struct Row: Decodable {
        let id: String, reference: String, clientId: String?
        let latitude: Double, longitude: Double, easting: Double, northing: Double
        let location: String, landType: String, wasteTypes: String, size: String, hazards: String
        let source: String, status: String, reportedAt: Int64, inspectedAt: Int64?, clearedAt: Int64?
        let duplicateOf: String?, costPence: Int64?, notes: String, recordedBy: String, recordedAt: Int64

        /// The columns by name, so rows decode without converting every key from snake case on
        /// every row (measured: a third of the hot-spot ranking's time went on that).
        enum CodingKeys: String, CodingKey {
            case id, reference, clientId = "client_id", latitude, longitude, easting, northing, location, landType = "land_type"
            case wasteTypes = "waste_types", size, hazards, source, status, reportedAt = "reported_at", inspectedAt = "inspected_at"
            case clearedAt = "cleared_at", duplicateOf = "duplicate_of", costPence = "cost_pence", notes, recordedBy = "recorded_by"
            case recordedAt = "recorded_at"
        }
    }

    struct PhotoRow: Decodable {
        let id: String, owner: String, ownerId: String, kind: String, data: Data, addedAt: Int64
    }

    static func flyTip(_ row: Row) throws -> FlyTip {
        let stored = StoredRow(table: "fly_tips", id: row.id)
        return FlyTip(id: row.id, reference: row.reference, clientID: row.clientId,
                      position: WGS84Point(latitude: row.latitude, longitude: row.longitude),
                      gridPoint: NationalGridPoint(easting: row.easting, northing: row.northing),
                      location: row.location, landType: try stored.value(row.landType, "land_type"),
                      wasteTypes: try stored.list(row.wasteTypes, "waste_types"),
                      size: try stored.value(row.size, "size"), hazards: try stored.list(row.hazards, "hazards"),
                      source: try stored.value(row.source, "source"), status: try stored.value(row.status, "status"), reportedAt: Date(storedMillis: row.reportedAt),
                      inspectedAt: row.inspectedAt.map(Date.init(storedMillis:)), clearedAt: row.clearedAt.map(Date.init(storedMillis:)),
                      duplicateOf: row.duplicateOf, enteredCost: row.costPence.map { Money(pence: Int($0)) }, notes: row.notes,
                      recordedBy: row.recordedBy, recordedAt: Date(storedMillis: row.recordedAt))
    }

    static func photo(_ row: PhotoRow) throws -> Photo {
        let stored = StoredRow(table: "photos", id: row.id)
        return Photo(id: row.id, owner: try stored.value(row.owner, "owner"), ownerID: row.ownerId, kind: try stored.value(row.kind, "kind"),
                     data: row.data, addedAt: Date(storedMillis: row.addedAt))
    }

    // MARK: - Incidents

    public func add(_ flyTip: FlyTip, photos: [Photo], by actor: Actor) async throws -> (flyTip: FlyTip, created: Bool) {
        do {
            return try await database.transaction { db in
                if let clientID = flyTip.clientID, let existing = try await Self.fetch(db, column: "client_id", value: clientID) {
                    return (existing, false)
                }
                let stored = try await Self.insert(db, flyTip, audit: audit, by: actor)
                for photo in photos { try await Self.insertPhoto(db, photo, audit: audit, by: actor) }
                return (stored, true)
            }
        } catch {
            // Two nodes may race on the same client id: the loser finds the winner's incident.
            if let clientID = flyTip.clientID, let existing = try? await Self.fetch(database.sql, column: "client_id", value: clientID) {
                return (existing, false)
            }
            throw error
        }
    }

    /// Inserts an incident, giving it a fresh reference if its own is taken (references are
    /// short, so two ids can rarely share one).
    static func insert(_ db: any SQLDatabase, _ flyTip: FlyTip, audit: AuditWriter, by actor: Actor) async throws -> FlyTip {
        var flyTip = flyTip
        flyTip.reference = try await unusedReference(db, table: "fly_tips", prefix: "FT", id: flyTip.id, first: flyTip.reference)
        if let duplicateOf = flyTip.duplicateOf, try await fetch(db, column: "id", value: duplicateOf) == nil {
            throw DomainError.notFound(entity: "fly-tip", id: duplicateOf)
        }
        try await insertRows(db, [flyTip])
        try await audit.record(db, by: actor, before: nil as FlyTip?, after: flyTip)
        return flyTip
    }

    /// The columns of a `fly_tips` row, in `insertRows`' order.
    static let columns = ["id", "reference", "client_id", "latitude", "longitude", "easting", "northing", "location", "land_type",
                          "waste_types", "size", "hazards", "source", "status", "reported_at", "inspected_at", "cleared_at",
                          "duplicate_of", "cost_pence", "notes", "recorded_by", "recorded_at"]

    /// Inserts rows 100 to a statement (22 values each).
    static func insertRows(_ db: any SQLDatabase, _ flyTips: some Collection<FlyTip>) async throws {
        var rest = flyTips[...]
        while !rest.isEmpty {
            let insert = db.insert(into: "fly_tips").columns(columns)
            for flyTip in rest.prefix(100) {
                insert.values(SQLBind(flyTip.id), SQLBind(flyTip.reference), SQLBind(flyTip.clientID), SQLBind(flyTip.position.latitude),
                              SQLBind(flyTip.position.longitude), SQLBind(flyTip.gridPoint.easting), SQLBind(flyTip.gridPoint.northing),
                              SQLBind(flyTip.location), SQLBind(flyTip.landType.rawValue), SQLBind(joined(flyTip.wasteTypes.map(\.rawValue))),
                              SQLBind(flyTip.size.rawValue), SQLBind(joined(flyTip.hazards.map(\.rawValue))), SQLBind(flyTip.source.rawValue),
                              SQLBind(flyTip.status.rawValue), SQLBind(flyTip.reportedAt.storedMillis), SQLBind(flyTip.inspectedAt?.storedMillis),
                              SQLBind(flyTip.clearedAt?.storedMillis), SQLBind(flyTip.duplicateOf), SQLBind(flyTip.enteredCost.map { Int64($0.pence) }),
                              SQLBind(flyTip.notes), SQLBind(flyTip.recordedBy), SQLBind(flyTip.recordedAt.storedMillis))
            }
            try await insert.run()
            rest = rest.dropFirst(100)
        }
    }

    public func addAll(_ flyTips: [FlyTip], by actor: Actor) async throws -> [(flyTip: FlyTip, created: Bool)] {
        try await database.transaction { db in
            // What is already stored: incidents by client id, and references in use.
            var stored: [String: FlyTip] = [:]
            var references = Set<String>()
            for start in stride(from: 0, to: flyTips.count, by: 500) {
                let chunk = flyTips[start..<min(start + 500, flyTips.count)]
                let clientIDs = chunk.compactMap(\.clientID)
                if !clientIDs.isEmpty {
                    let found = try await db.select().column("*").from("fly_tips").where("client_id", .in, SQLBind.group(clientIDs))
                        .all(decoding: Row.self).map(Self.flyTip)
                    for flyTip in found { if let clientID = flyTip.clientID { stored[clientID] = flyTip } }
                }
                let taken = try await db.select().column("reference").from("fly_tips").where("reference", .in, SQLBind.group(chunk.map(\.reference)))
                    .all(decodingColumn: "reference", as: String.self)
                references.formUnion(taken)
            }
            var results: [(flyTip: FlyTip, created: Bool)] = []
            var pending: [FlyTip] = []
            func flush() async throws {
                try await Self.insertRows(db, pending)
                try await AuditWriter.insert(audit.created(pending, by: actor), into: db)
                pending.removeAll()
            }
            for flyTip in flyTips {
                if let clientID = flyTip.clientID, let existing = stored[clientID] {
                    results.append((existing, false))
                    continue
                }
                if flyTip.duplicateOf != nil || references.contains(flyTip.reference) {
                    // Rare: a duplicate (its original must exist) or a reference taken: one at a time, after those before it.
                    try await flush()
                    let inserted = try await Self.insert(db, flyTip, audit: audit, by: actor)
                    results.append((inserted, true))
                    references.insert(inserted.reference)
                    if let clientID = flyTip.clientID { stored[clientID] = inserted }
                    continue
                }
                pending.append(flyTip)
                results.append((flyTip, true))
                references.insert(flyTip.reference)
                if let clientID = flyTip.clientID { stored[clientID] = flyTip }
                if pending.count >= 500 { try await flush() }
            }
            try await flush()
            return results
        }
    }

    public func update(_ flyTip: FlyTip, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.fetch(db, column: "id", value: flyTip.id) else { throw DomainError.notFound(entity: "fly-tip", id: flyTip.id) }
            try await Self.update(db, before: before, after: flyTip, audit: audit, by: actor)
        }
    }

    static func update(_ db: any SQLDatabase, before: FlyTip, after flyTip: FlyTip, audit: AuditWriter, by actor: Actor) async throws {
        if before.reference != flyTip.reference || before.clientID != flyTip.clientID {
            throw ValidationError("An incident's reference and client id never change.")
        }
        if let duplicateOf = flyTip.duplicateOf, duplicateOf != before.duplicateOf, try await fetch(db, column: "id", value: duplicateOf) == nil {
            throw DomainError.notFound(entity: "fly-tip", id: duplicateOf)
        }
        try await db.update("fly_tips")
            .set("latitude", to: flyTip.position.latitude).set("longitude", to: flyTip.position.longitude)
            .set("easting", to: flyTip.gridPoint.easting).set("northing", to: flyTip.gridPoint.northing)
            .set("location", to: flyTip.location).set("land_type", to: flyTip.landType.rawValue)
            .set("waste_types", to: joined(flyTip.wasteTypes.map(\.rawValue))).set("size", to: flyTip.size.rawValue)
            .set("hazards", to: joined(flyTip.hazards.map(\.rawValue))).set("source", to: flyTip.source.rawValue)
            .set("status", to: flyTip.status.rawValue).set("reported_at", to: flyTip.reportedAt.storedMillis)
            .set("inspected_at", to: SQLBind(flyTip.inspectedAt?.storedMillis)).set("cleared_at", to: SQLBind(flyTip.clearedAt?.storedMillis))
            .set("duplicate_of", to: SQLBind(flyTip.duplicateOf)).set("cost_pence", to: SQLBind(flyTip.enteredCost.map { Int64($0.pence) }))
            .set("notes", to: flyTip.notes)
            .where("id", .equal, flyTip.id).run()
        try await audit.record(db, by: actor, before: before, after: flyTip)
    }

    public func find(id: String) async throws -> FlyTip? { try await Self.fetch(database.sql, column: "id", value: id) }

    public func find(clientID: String) async throws -> FlyTip? { try await Self.fetch(database.sql, column: "client_id", value: clientID) }

    public func find(reference: String) async throws -> FlyTip? {
        try await Self.fetch(database.sql, column: "reference", value: reference.uppercased().trimmingCharacters(in: .whitespaces))
    }

    static func fetch(_ db: any SQLDatabase, column: String, value: String) async throws -> FlyTip? {
        try await db.select().column("*").from("fly_tips").where(SQLIdentifier(column), .equal, SQLBind(value))
            .first(decoding: Row.self).map(Self.flyTip)
    }

    struct PlaceRow: Decodable { let name: String, easting: Double, northing: Double, incidents: Int64 }

    public func places() async throws -> [GazetteerPlace] {
        try await database.sql.select().column(SQLAlias(SQLColumn("location"), as: SQLIdentifier("name")))
            .column(SQLAlias(SQLFunction("AVG", args: SQLColumn("easting")), as: SQLIdentifier("easting")))
            .column(SQLAlias(SQLFunction("AVG", args: SQLColumn("northing")), as: SQLIdentifier("northing")))
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("incidents")))
            .from("fly_tips").groupBy("location")
            .all(decoding: PlaceRow.self)
            .map { GazetteerPlace(name: $0.name, easting: $0.easting, northing: $0.northing, incidents: Int($0.incidents)) }
    }

    public func list(_ filter: FlyTipFilter) async throws -> [FlyTip] {
        let query = database.sql.select().column("*").from("fly_tips")
        Self.apply(filter, to: query)
        query.orderBy("reported_at", .descending).orderBy("id")
        if let limit = filter.limit { query.limit(limit).offset(filter.offset) }
        return try await query.all(decoding: Row.self).map(Self.flyTip)
    }

    public func count(_ filter: FlyTipFilter) async throws -> Int {
        let query = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("fly_tips")
        Self.apply(filter, to: query)
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
    }

    static func apply(_ filter: FlyTipFilter, to query: SQLSelectBuilder) {
        if let range = filter.range {
            query.where("reported_at", .greaterThanOrEqual, range.start.storedMillis).where("reported_at", .lessThan, range.end.storedMillis)
        }
        if !filter.statuses.isEmpty { query.where("status", .in, filter.statuses.map(\.rawValue)) }
    }

    // MARK: - Photos

    public func addPhoto(_ photo: Photo, by actor: Actor) async throws {
        try await database.transaction { db in try await Self.insertPhoto(db, photo, audit: audit, by: actor) }
    }

    static func insertPhoto(_ db: any SQLDatabase, _ photo: Photo, audit: AuditWriter, by actor: Actor) async throws {
        try await db.insert(into: "photos")
            .columns("id", "owner", "owner_id", "kind", "data", "added_at")
            .values(SQLBind(photo.id), SQLBind(photo.owner.rawValue), SQLBind(photo.ownerID), SQLBind(photo.kind.rawValue),
                    SQLBind(photo.data), SQLBind(photo.addedAt.storedMillis))
            .run()
        try await audit.record(db, by: actor, before: nil as Photo?, after: photo)
    }

    public func photos(owner: Photo.Owner, ownerID: String) async throws -> [Photo] {
        try await database.sql.select().column("*").from("photos").where("owner", .equal, owner.rawValue).where("owner_id", .equal, ownerID)
            .orderBy("added_at").orderBy("id")
            .all(decoding: PhotoRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.photo)
    }

    public func photo(id: String) async throws -> Photo? {
        try await database.sql.select().column("*").from("photos").where("id", .equal, id)
            .first(decoding: PhotoRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.photo)
    }

    static func joined(_ values: [String]) -> String { values.joined(separator: ";") }

    /// `first`, or when a table already uses it (references are short, so two ids can rarely
    /// share one), the next reference made from the id.
    static func unusedReference(_ db: any SQLDatabase, table: String, prefix: String, id: String, first: String) async throws -> String {
        var reference = first, attempt = 0
        while try await db.select().column("id").from(table).where("reference", .equal, reference).first() != nil {
            attempt += 1
            reference = ReferenceCode.make(prefix: prefix, from: "\(id)#\(attempt)")
        }
        return reference
    }
}
