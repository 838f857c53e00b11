import Foundation
import Testing

@testable import WardSimStore

/// Write transactions that arrive together share one commit, but each still succeeds or
/// fails alone and returns only once it is durable. Threads, not tasks: the callers block.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    /// Runs `body(i)` on `count` threads at once and waits for all of them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        group.wait()
    }

    /// Waits (up to 10 s) until `condition` holds.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() && Date() < deadline { usleep(1000) }
        return condition()
    }

    @Test func transactionsQueuedBehindACommitShareTheNext() throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("g.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE hits (n INTEGER NOT NULL)") }
        let before = pool.groupCommit.committed
        let release = DispatchSemaphore(value: 0)
        let results = Results()

        // Hold the writer, so the first transaction's leader waits for it and the other
        // five queue behind that leader.
        let holder = Thread { try? pool.write { _ in release.wait() } }
        holder.start()
        #expect(Self.eventually { pool.isWriterBusy })
        let group = DispatchGroup()
        func submit(_ index: Int) {
            group.enter()
            Thread.detachNewThread {
                results.add(
                    index,
                    Result {
                        try pool.writeTransaction { db in
                            try db.execute("INSERT INTO hits VALUES (?)", [index])
                            return index * 10
                        }
                    })
                group.leave()
            }
        }
        submit(0)
        #expect(Self.eventually { pool.groupCommit.isLeading && pool.groupCommit.waiting == 0 })
        for index in 1..<6 { submit(index) }
        #expect(Self.eventually { pool.groupCommit.waiting == 5 })
        release.signal()
        group.wait()

        #expect(results.values.sorted() == [0, 10, 20, 30, 40, 50])
        #expect(pool.groupCommit.committed - before == 2, "the first alone, then the five that queued together")
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM hits") } == 6)
    }

    @Test func aFailingTransactionIsRolledBackAloneAndTheOthersCommit() throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("g.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE hits (n INTEGER NOT NULL UNIQUE)") }
        let results = Results()
        Self.onThreads(24) { index in
            let outcome = Result {
                try pool.writeTransaction { db -> Int in
                    try db.execute("INSERT INTO hits VALUES (?)", [index * 2])
                    try db.execute("INSERT INTO hits VALUES (?)", [index * 2 + 1])
                    if index % 3 == 0 { throw Refused() }
                    return index
                }
            }
            results.add(index, outcome)
        }
        let stored = try pool.read { db in
            try db.rows("SELECT n FROM hits ORDER BY n").map { try $0.require("n") as Int }
        }
        let committed = (0..<24).filter { $0 % 3 != 0 }
        #expect(stored == committed.flatMap { [$0 * 2, $0 * 2 + 1] }, "refused units leave no row behind")
        #expect(results.values.sorted() == committed)
        #expect(results.failures == 8)
        #expect(try pool.read { try $0.scalar(String.self, "PRAGMA integrity_check") } == "ok")
    }

    @Test func aFullDiskFailsEveryTransactionItTouchesAndSavesNothingOfThem() throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("g.sqlite"))
        try pool.write { db in
            try db.execute("CREATE TABLE blobs (b BLOB NOT NULL)")
            let pages = try #require(try db.scalar(Int.self, "PRAGMA page_count"))
            try db.execute("PRAGMA max_page_count = \(pages + 2)")
        }
        let results = Results()
        Self.onThreads(8) { index in
            results.add(
                index,
                Result {
                    try pool.writeTransaction { db -> Int in
                        try db.execute("INSERT INTO blobs VALUES (zeroblob(65536))")
                        return index
                    }
                })
        }
        #expect(results.failures == 8)
        #expect(results.errors.allSatisfy { ($0 as? DatabaseError)?.isStorageUnavailable == true })
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM blobs") } == 0)

        try pool.write { try $0.execute("PRAGMA max_page_count = 1000000") }
        #expect(try pool.writeTransaction { db in try db.execute("INSERT INTO blobs VALUES (zeroblob(10))") } == ())
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM blobs") } == 1)
    }
}

/// Outcomes gathered from many threads.
final class Results: @unchecked Sendable {
    // `lock` protects `outcomes`.
    private let lock = NSLock()
    private var outcomes: [Int: Result<Int, any Error>] = [:]

    func add(_ index: Int, _ outcome: Result<Int, any Error>) { lock.withLock { outcomes[index] = outcome } }

    var values: [Int] { lock.withLock { outcomes.values.compactMap { try? $0.get() } } }
    var errors: [any Error] {
        lock.withLock {
            outcomes.values.compactMap {
                if case .failure(let error) = $0 { return error }
                return nil
            }
        }
    }
    var failures: Int { errors.count }
}
