public import Foundation

/// A one-time link for creating the first administrator.
public struct SetupToken: Sendable, Equatable {
    /// `TokenDigest.hex(token)`; the token itself is only ever printed, never stored.
    public var tokenHash: String
    public var createdAt: Date
    public var usedAt: Date?
}

/// Reads and writes `setup_tokens`.
public struct SetupTokenRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func insert(tokenHash: String, at now: Date) throws {
        try db.execute(
            "INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)", [tokenHash, Timestamp.text(now)])
    }

    public func find(tokenHash: String) throws -> SetupToken? {
        guard
            let row = try db.row(
                "SELECT token_hash, created_at, used_at FROM setup_tokens WHERE token_hash = ?", [tokenHash])
        else { return nil }
        return SetupToken(
            tokenHash: try row.require("token_hash"),
            createdAt: try Timestamp.date(row.require("created_at", as: String.self)),
            usedAt: try Timestamp.date(row["used_at", as: String.self]))
    }

    /// Burns the token. False when it was already used or does not exist, so two
    /// racing requests cannot both use one link.
    public func markUsed(tokenHash: String, at now: Date) throws -> Bool {
        try db.execute(
            "UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
            [Timestamp.text(now), tokenHash])
        return db.changes == 1
    }

    /// Forgets unused tokens, so that only the newest printed link works.
    public func deleteUnused() throws {
        try db.execute("DELETE FROM setup_tokens WHERE used_at IS NULL")
    }
}
