import Foundation

/// Which incidents to list.
public struct FlyTipFilter: Sendable, Hashable {
    /// Reported on one of these days; every day when nil.
    public var range: DayRange?
    /// Any of these statuses; every status when empty.
    public var statuses: [FlyTipStatus]
    public var limit: Int?
    public var offset: Int

    public init(range: DayRange? = nil, statuses: [FlyTipStatus] = [], limit: Int? = nil, offset: Int = 0) {
        self.range = range
        self.statuses = statuses
        self.limit = limit
        self.offset = offset
    }
}

/// A photo of a fly-tip or of a public report, checked by content to be a JPEG or PNG.
public struct Photo: Sendable, Hashable, Identifiable {
    /// What the photo belongs to.
    public enum Owner: String, Sendable, Hashable, Codable { case flyTip = "fly-tip", publicReport = "public-report" }

    public var id: String
    public var owner: Owner
    public var ownerID: String
    public var kind: PhotoKind
    public var data: Data
    public var addedAt: Date

    /// The largest photo accepted, in bytes: a phone's full-size JPEG fits.
    public static let maximumBytes = 8 * 1024 * 1024

    public init(id: String, owner: Owner, ownerID: String, kind: PhotoKind, data: Data, addedAt: Date) {
        self.id = id
        self.owner = owner
        self.ownerID = ownerID
        self.kind = kind
        self.data = data
        self.addedAt = addedAt
    }

    /// A photo from uploaded bytes, refused with a message unless it is a JPEG or PNG within the size limit.
    public static func checked(id: String, owner: Owner, ownerID: String, data: Data, addedAt: Date) throws -> Photo {
        if data.count > maximumBytes {
            throw ValidationError("The photo is \(data.count / 1_048_576) MB: the limit is \(maximumBytes / 1_048_576) MB. Take it at a lower resolution.", field: "photo")
        }
        guard let kind = PhotoKind.sniff(data) else {
            throw ValidationError("The photo is not a JPEG or PNG image: take it with the phone's camera or save it as JPEG.", field: "photo")
        }
        return Photo(id: id, owner: owner, ownerID: ownerID, kind: kind, data: data, addedAt: addedAt)
    }
}

/// Fly-tipping incidents and their photos. Every change is written to the audit log in the same transaction.
public protocol FlyTipRepository: Sendable {
    /// Adds an incident with its photos. When one with the same client id exists, returns that
    /// one and adds nothing: a phone retrying an upload never makes a duplicate.
    func add(_ flyTip: FlyTip, photos: [Photo], by actor: Actor) async throws -> (flyTip: FlyTip, created: Bool)
    /// Adds incidents without photos in one transaction (a council's history): each, in order,
    /// is stored, or when its client id is already stored (or came earlier in the list) the
    /// stored one is returned. Every incident stored is audited.
    func addAll(_ flyTips: [FlyTip], by actor: Actor) async throws -> [(flyTip: FlyTip, created: Bool)]
    /// Changes an incident, recording what changed.
    func update(_ flyTip: FlyTip, by actor: Actor) async throws
    /// The incident with this id.
    func find(id: String) async throws -> FlyTip?
    /// The incident a device recorded with this client id.
    func find(clientID: String) async throws -> FlyTip?
    /// The incident with this reference (e.g. "FT-7K3M9Q").
    func find(reference: String) async throws -> FlyTip?
    /// Incidents matching the filter, newest report first.
    func list(_ filter: FlyTipFilter) async throws -> [FlyTip]
    /// The number of incidents matching the filter (its limit and offset ignored).
    func count(_ filter: FlyTipFilter) async throws -> Int
    /// Adds a photo to an incident or public report.
    func addPhoto(_ photo: Photo, by actor: Actor) async throws
    /// The photos of an incident or public report, without their bytes' order mattering: oldest first.
    func photos(owner: Photo.Owner, ownerID: String) async throws -> [Photo]
    /// One photo.
    func photo(id: String) async throws -> Photo?
    /// Every location named on an incident, with the mean position of its incidents: Safer's
    /// own gazetteer, for placing an incident that has no position.
    func places() async throws -> [GazetteerPlace]
}

/// A named location from the incidents: "Packington Lane, Coleshill", placed at the mean of
/// the positions recorded there.
public struct GazetteerPlace: Sendable, Hashable, Codable {
    public let name: String
    public let easting: Double
    public let northing: Double
    public let incidents: Int

    public init(name: String, easting: Double, northing: Double, incidents: Int) {
        self.name = name
        self.easting = easting
        self.northing = northing
        self.incidents = incidents
    }

    /// The places whose name contains every word typed (any case), most incidents first; at most `limit`.
    public static func search(_ places: [GazetteerPlace], for text: String, limit: Int = 10) -> [GazetteerPlace] {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return [] }
        return places.filter { place in let name = place.name.lowercased(); return words.allSatisfy(name.contains) }
            .sorted { ($1.incidents, $0.name) < ($0.incidents, $1.name) }
            .prefix(limit).map { $0 }
    }
}
