public import Foundation

/// One line of the audit log: who did what to whom, when, and from where.
///
/// Never holds a password or a token: callers describe changes in words ("role
/// trainee → instructor", "password changed").
public struct AuditEntry: Sendable, Equatable {
    /// Assigned on insert; increases with time, so it doubles as a paging cursor.
    public var id: Int64
    public var at: Date
    /// The acting user, nil for the command line or an anonymous caller.
    public var actorID: Int64?
    /// The actor as a person reads it: a username, `cli:<os user>`, `anonymous`.
    public var actor: String
    /// A dotted verb such as `user.create` or `login.failed`.
    public var action: String
    /// What the action was done to, e.g. `user:12 (ana)`.
    public var target: String
    public var detail: String
    /// The client's IP address, or `local` for the command line.
    public var remote: String

    public init(
        id: Int64 = 0, at: Date, actorID: Int64?, actor: String, action: String, target: String = "",
        detail: String = "", remote: String = ""
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
        self.remote = remote
    }
}

/// Appends to and pages through `audit_log`. There is no update and no delete.
public struct AuditLogRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Appends `entry` (its `id` is ignored) and returns it with the assigned id.
    @discardableResult
    public func append(_ entry: AuditEntry) throws -> AuditEntry {
        try db.execute(
            "INSERT INTO audit_log (at, actor_id, actor, action, target, detail, remote) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                Timestamp.text(entry.at), entry.actorID, entry.actor, entry.action, entry.target, entry.detail,
                entry.remote,
            ])
        var stored = entry
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Up to `limit` entries older than the entry `before` (newest first); from the
    /// newest when `before` is nil. Keyset paging: stable while new entries arrive.
    public func page(before: Int64?, limit: Int) throws -> [AuditEntry] {
        try db.rows(
            """
            SELECT id, at, actor_id, actor, action, target, detail, remote FROM audit_log
            WHERE id < ? ORDER BY id DESC LIMIT ?
            """, [before ?? Int64.max, limit]
        ).map { row in
            AuditEntry(
                id: try row.require("id"), at: try Timestamp.date(row.require("at", as: String.self)),
                actorID: row["actor_id"], actor: try row.require("actor"), action: try row.require("action"),
                target: try row.require("target"), detail: try row.require("detail"), remote: try row.require("remote"))
        }
    }

    public func count() throws -> Int {
        try db.scalar(Int.self, "SELECT COUNT(*) FROM audit_log") ?? 0
    }
}
