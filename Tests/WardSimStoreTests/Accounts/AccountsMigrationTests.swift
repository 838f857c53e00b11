import Foundation
import Testing
import WardSimStore

@Suite("Accounts migration (version 2)")
struct AccountsMigrationTests {
    @Test func freshDatabaseReachesVersion2() throws {
        let database = try TemporaryDatabase()
        let version = try database.pool.read { db in try Migrator.wardSim.appliedVersion(db) }
        #expect(version == Migrator.wardSim.latestVersion)
        #expect(version >= 2)
        let columns = try database.pool.read { db throws in
            try db.rows("SELECT name FROM pragma_table_info('sessions')").compactMap { $0["name", as: String.self] }
        }
        #expect(!columns.contains("csrf_token"), "no stored CSRF secret")
    }

    @Test func upgradesAVersion1DatabaseAndDropsItsSessions() throws {
        let v1 = Migrator(Array(Migrator.wardSim.migrations.prefix(1)))
        let database = try TemporaryDatabase(migrator: v1)
        try database.pool.write { db throws in
            try db.execute(
                """
                INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at)
                VALUES ('ana', 'Ana', 'admin', '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                """)
            try db.execute("INSERT INTO sessions VALUES ('h', 1, 'csrf', 1, 1)")
            try db.execute("INSERT INTO login_throttle VALUES ('k', 3, 0)")
        }
        let upgraded = try DatabasePool(path: database.path)
        try upgraded.read { db throws in
            #expect(try db.scalar(Int.self, "SELECT COUNT(*) FROM sessions") == 0)
            #expect(try UserRepository(db).find(username: "ANA")?.displayName == "Ana")
            #expect(try LoginThrottleRepository(db).find(key: "k")?.failures == 3)
        }
    }
}
