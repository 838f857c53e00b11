import Foundation
import Testing

@testable import WardSimStore

@Suite("Migrations")
struct MigratorTests {
    @Test func freshDatabaseGetsEveryMigration() throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("w.sqlite"))
        let version = try pool.read { try Migrator.wardSim.appliedVersion($0) }
        #expect(version == Migrator.wardSim.latestVersion)
        let tables = try pool.read { db in
            try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
                $0["name", as: String.self]
            }
        }
        for table in ["users", "sessions", "encounters", "encounter_events", "audit_log", "scenario_versions"] {
            #expect(tables.contains(table))
        }
    }

    @Test func migratingTwiceChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("w.sqlite")
        _ = try DatabasePool(path: path)
        _ = try DatabasePool(path: path)
        let db = try Database(path: path)
        #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migrations") == Migrator.wardSim.latestVersion)
    }

    @Test func appliesOnlyNewMigrationsInOrder() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("m.sqlite"))
        let first = Migrator([.init(version: 1, name: "one", sql: "CREATE TABLE a (x)")])
        try first.migrate(db)
        let second = Migrator([
            .init(version: 1, name: "one", sql: "CREATE TABLE a (x)"),
            .init(version: 2, name: "two", sql: "CREATE TABLE b (y)"),
        ])
        try second.migrate(db)
        #expect(try second.appliedVersion(db) == 2)
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("m.sqlite"))
        let broken = Migrator([.init(version: 1, name: "broken", sql: "CREATE TABLE a (x); CREATE TABLE a (x)")])
        #expect(throws: DatabaseError.self) { try broken.migrate(db) }
        #expect(try broken.appliedVersion(db) == 0)
        #expect(try db.scalar(Int.self, "SELECT count(*) FROM sqlite_master WHERE name = 'a'") == 0)
    }

    @Test func newerDatabaseThanTheBinaryIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("w.sqlite")
        _ = try DatabasePool(path: path)
        let db = try Database(path: path)
        try db.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", [999, "from the future"])
        #expect {
            try DatabasePool(path: path)
        } throws: { error in
            String(describing: error).contains("newer than this wardsim understands")
        }
    }
}
