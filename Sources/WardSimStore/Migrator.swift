/// Applies numbered schema migrations in order, each in its own transaction.
///
/// Applied migrations are recorded in `schema_migrations`. A database that has a
/// migration this binary does not know was written by a newer WardSim and is refused,
/// rather than risk writing to a schema we do not understand.
public struct Migrator: Sendable {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }
    }

    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        precondition(
            migrations.map(\.version) == Array(1...migrations.count), "migrations must be numbered 1…n in order")
        self.migrations = migrations
    }

    /// The newest schema version this binary knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings `db` up to date. Throws when the database is newer than this binary.
    public func migrate(_ db: Database) throws {
        try db.executeScript(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """)
        let current = try appliedVersion(db)
        if current > latestVersion {
            throw DatabaseError(
                resultCode: .SQLITE_ERROR,
                message:
                    "the database \(db.path) has schema version \(current), newer than this wardsim understands "
                    + "(up to \(latestVersion)); run a newer wardsim or restore a backup")
        }
        for migration in migrations where migration.version > current {
            try db.transaction {
                try db.executeScript(migration.sql)
                try db.execute(
                    "INSERT INTO schema_migrations(version, name) VALUES (?, ?)", [migration.version, migration.name])
            }
        }
    }

    /// The highest migration recorded in `db`.
    public func appliedVersion(_ db: Database) throws -> Int {
        try db.scalar(Int.self, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0
    }
}
