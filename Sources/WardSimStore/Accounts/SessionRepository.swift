public import Foundation
public import WardSimCore

/// One signed-in browser, keyed by the digest of its session token.
public struct SessionRecord: Sendable, Equatable {
    /// `TokenDigest.hex(token)`: the token itself is never stored.
    public var tokenHash: String
    public var userID: Int64
    public var createdAt: Date
    public var lastSeenAt: Date

    public init(tokenHash: String, userID: Int64, createdAt: Date, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// Reads and writes `sessions`.
///
/// Times are Unix seconds (REAL) because they are compared on every request.
public struct SessionRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func insert(_ session: SessionRecord) throws {
        try db.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
            [
                session.tokenHash, session.userID, session.createdAt.timeIntervalSince1970,
                session.lastSeenAt.timeIntervalSince1970,
            ])
    }

    /// The session with `tokenHash` and its user, in one query (this runs on every
    /// signed-in request).
    public func find(tokenHash: String) throws -> (session: SessionRecord, user: User)? {
        guard
            let row = try db.row(
                """
                SELECT s.token_hash, s.user_id, s.created_at AS session_created, s.last_seen_at,
                       \(UserRepository.columns("u"))
                FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?
                """, [tokenHash])
        else { return nil }
        let session = SessionRecord(
            tokenHash: try row.require("token_hash"), userID: try row.require("user_id"),
            createdAt: Date(timeIntervalSince1970: try row.require("session_created")),
            lastSeenAt: Date(timeIntervalSince1970: try row.require("last_seen_at")))
        return (session, try User(row: row))
    }

    /// Records activity, which pushes the idle deadline back.
    public func touch(tokenHash: String, at now: Date) throws {
        try db.execute(
            "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [now.timeIntervalSince1970, tokenHash])
    }

    public func delete(tokenHash: String) throws {
        try db.execute("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
    }

    /// Ends every session of a user (disabled, password changed), except the one keyed
    /// `keeping` (the session making the change, when people change their own password).
    /// Returns how many ended.
    @discardableResult
    public func deleteAll(userID: Int64, keeping: String? = nil) throws -> Int {
        try db.execute("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?", [userID, keeping])
        return db.changes
    }

    /// Removes sessions idle since before `lastSeenBefore` or created before `createdBefore`.
    @discardableResult
    public func deleteExpired(lastSeenBefore: Date, createdBefore: Date) throws -> Int {
        try db.execute(
            "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
            [lastSeenBefore.timeIntervalSince1970, createdBefore.timeIntervalSince1970])
        return db.changes
    }

    public func count(userID: Int64) throws -> Int {
        try db.scalar(Int.self, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", [userID]) ?? 0
    }
}
