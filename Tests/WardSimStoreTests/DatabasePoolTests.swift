import Foundation
import Testing

@testable import WardSimStore

@Suite("Database pool and backup")
struct DatabasePoolTests {
    @Test func concurrentWritersAndReadersNeverSeeBusy() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("w.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE hits (n INTEGER)") }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    for step in 0..<25 {
                        try? pool.writeTransaction {
                            try $0.execute("INSERT INTO hits VALUES (?)", [index * 100 + step])
                        }
                        _ = try? pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM hits") }
                    }
                }
            }
        }
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM hits") } == 200)
    }

    @Test func backupWhileWritingGivesAConsistentCopy() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("w.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE hits (n INTEGER NOT NULL)") }
        let writer = Task.detached {
            for step in 0..<300 { try? pool.writeTransaction { try $0.execute("INSERT INTO hits VALUES (?)", [step]) } }
        }
        let copy = directory.path("copy.sqlite")
        try pool.backup(to: copy)
        await writer.value
        let restored = try Database(path: copy, readOnly: true)
        #expect(try restored.scalar(String.self, "PRAGMA integrity_check") == "ok")
        let count = try #require(try restored.scalar(Int.self, "SELECT count(*) FROM hits"))
        #expect(count >= 0 && count <= 300)
        #expect(
            try restored.scalar(Int.self, "SELECT count(*) FROM schema_migrations") == Migrator.wardSim.latestVersion)
    }
}
