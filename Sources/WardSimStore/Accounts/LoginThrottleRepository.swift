public import Foundation

/// Recent sign-in failures for one key (an account digest or an IP address).
public struct ThrottleRecord: Sendable, Equatable {
    public var key: String
    public var failures: Int
    /// No attempt is considered before this moment.
    public var lockedUntil: Date
    public var lastFailureAt: Date

    public init(key: String, failures: Int, lockedUntil: Date, lastFailureAt: Date) {
        self.key = key
        self.failures = failures
        self.lockedUntil = lockedUntil
        self.lastFailureAt = lastFailureAt
    }
}

/// Reads and writes `login_throttle`.
public struct LoginThrottleRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func find(key: String) throws -> ThrottleRecord? {
        guard
            let row = try db.row(
                "SELECT key, failures, locked_until, last_failure_at FROM login_throttle WHERE key = ?", [key])
        else { return nil }
        return ThrottleRecord(
            key: try row.require("key"), failures: try row.require("failures"),
            lockedUntil: Date(timeIntervalSince1970: try row.require("locked_until")),
            lastFailureAt: Date(timeIntervalSince1970: try row.require("last_failure_at")))
    }

    /// Inserts or replaces the record for its key.
    public func save(_ record: ThrottleRecord) throws {
        try db.execute(
            """
            INSERT INTO login_throttle (key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
                failures = excluded.failures, locked_until = excluded.locked_until,
                last_failure_at = excluded.last_failure_at
            """,
            [
                record.key, record.failures, record.lockedUntil.timeIntervalSince1970,
                record.lastFailureAt.timeIntervalSince1970,
            ])
    }

    public func delete(key: String) throws {
        try db.execute("DELETE FROM login_throttle WHERE key = ?", [key])
    }

    /// Forgets keys whose last failure is older than `before`.
    public func prune(lastFailureBefore before: Date) throws {
        try db.execute(
            "DELETE FROM login_throttle WHERE last_failure_at < ? AND locked_until < ?",
            [before.timeIntervalSince1970, before.timeIntervalSince1970])
    }
}
