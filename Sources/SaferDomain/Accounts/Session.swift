import Foundation

/// A signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
/// database cannot be used to sign in; every node reads the same table.
public struct Session: Sendable, Hashable {
    public var tokenHash: String
    public var userID: String
    /// The form token this session's pages carry (CSRF protection).
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A bearer token for the JSON API, e.g. a field crew's phone. Stored hashed; shown once.
public struct APIToken: Sendable, Hashable {
    public var id: String
    public var userID: String
    public var name: String
    public var tokenHash: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revoked: Bool

    public init(id: String, userID: String, name: String, tokenHash: String, createdAt: Date,
                lastUsedAt: Date? = nil, revoked: Bool = false) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revoked = revoked
    }
}
