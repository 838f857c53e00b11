import Foundation
import Testing

@testable import WardSimStore

@Suite("Database and statements")
struct DatabaseTests {
    @Test func connectionSettingsAreApplied() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        #expect(try db.scalar(String.self, "PRAGMA journal_mode") == "wal")
        #expect(try db.scalar(Int.self, "PRAGMA foreign_keys") == 1)
        #expect(try db.scalar(Int.self, "PRAGMA synchronous") == 2)  // FULL
    }

    @Test func bindsValuesOfEveryType() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let text = "Robert'); DROP TABLE t;--"
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [42, 2.5, text, Data([0, 1, 2]), String?.none])
        let row = try #require(try db.row("SELECT * FROM t"))
        #expect(row["i", as: Int.self] == 42)
        #expect(row["r", as: Double.self] == 2.5)
        #expect(row["s", as: String.self] == text)
        #expect(row["b", as: Data.self] == Data([0, 1, 2]))
        #expect(row.values[4] == .null)
        #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 1)
    }

    @Test func errorsCarrySQLitesMessageAndCode() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        try db.execute("CREATE TABLE u (name TEXT UNIQUE)")
        try db.execute("INSERT INTO u VALUES (?)", ["a"])
        do {
            try db.execute("INSERT INTO u VALUES (?)", ["a"])
            Issue.record("expected a constraint error")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_CONSTRAINT_UNIQUE)
            switch error.resultCode {
            case .SQLITE_CONSTRAINT: break
            default: Issue.record("primary code should match SQLITE_CONSTRAINT")
            }
            #expect(error.message.contains("UNIQUE constraint failed: u.name"))
            #expect(error.sql == "INSERT INTO u VALUES (?)")
        }
        #expect(throws: DatabaseError.self) { try db.execute("SELEKT 1") }
    }

    @Test func argumentCountMismatchIsRefused() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        #expect(throws: DatabaseError.self) { try db.execute("SELECT ?", []) }
    }

    @Test func transactionsRollBackWhenTheBodyThrows() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 0)
        try db.transaction { try db.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 1)
    }

    @Test func foreignKeysAreEnforced() throws {
        let directory = try TemporaryDirectory()
        let db = try Database(path: directory.path("a.sqlite"))
        try db.executeScript("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))")
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO c VALUES (?)", [99]) }
    }

    @Test func openingAFileThatIsNotADatabaseFailsClearly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junk.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            try Database(path: path)
        } throws: { error in
            (error as? DatabaseError)?.resultCode == .SQLITE_NOTADB
        }
    }
}
