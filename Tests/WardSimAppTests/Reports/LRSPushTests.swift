import Foundation
import Testing
import WardSimHTTP
import WardSimStore

@testable import WardSimApp

/// The push blocks its thread while libcurl works (as in the CLI), so each test runs it
/// off the cooperative pool (`offPool`), which delivers the replies.
@Suite("LRS push")
struct LRSPushTests {
    /// A push of the test database's statements into `receiver`, with the database ledger.
    static func push(
        _ database: ExportTestDatabase, to url: String, batchSize: Int = 4, credentials: LRSCredentials? = nil,
        transport: any StatementTransport = CurlStatementTransport(), sleeps: Box<[Double]> = Box([])
    ) async throws -> LRSPush.Summary {
        try await offPool {
            try pushNow(
                database, to: url, batchSize: batchSize, credentials: credentials, transport: transport, sleeps: sleeps
            ).summary
        }
    }

    static func pushNow(
        _ database: ExportTestDatabase, to url: String, batchSize: Int, credentials: LRSCredentials?,
        transport: any StatementTransport, sleeps: Box<[Double]>
    ) throws -> LRSPush {
        let pool = database.pool
        let ledger = LRSLedger(
            sentIDs: { ids, endpoint in
                try pool.read { try StatementLedgerRepository($0).sentIDs(among: ids, endpoint: endpoint) }
            },
            record: { ids, endpoint in
                try pool.writeTransaction { try StatementLedgerRepository($0).record(ids, endpoint: endpoint) }
            })
        let push = LRSPush(
            lrsURL: url, credentials: credentials, transport: transport, ledger: ledger,
            policy: LRSPush.Policy(batchSize: batchSize, maxAttempts: 4, initialDelay: 0.01, maxDelay: 0.05),
            sleep: { sleeps.value.append($0) })
        let exporter = ReportExporter(curriculum: database.curriculum)
        try pool.read { db in
            try exporter.forEachStatement(ExportRequest(format: .xapi, baseURL: "https://wardsim.test"), in: db) {
                try push.add($0)
            }
        }
        try push.finish()
        return push
    }

    final class Box<T>: @unchecked Sendable {
        // Written by one push thread at a time, read after it finished.
        var value: T
        init(_ value: T) { self.value = value }
    }

    @Test func retriesA503AndDeliversEveryStatementOnceWithTheVersionHeader() async throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver(failures: [503])
        let sleeps = Box<[Double]>([])
        let summary = try await Self.push(
            database, to: receiver.url, credentials: LRSCredentials(user: "wardsim", password: "s3cret pass"),
            sleeps: sleeps)
        let ids = receiver.statementIDs
        #expect(ids.count == 13)
        #expect(Set(ids).count == ids.count, "no statement was delivered twice")
        #expect(summary.sent == 13 && summary.retries == 1)
        #expect(sleeps.value.count == 1, "one back-off after the 503")
        // The failed attempt and its retry carried the same batch.
        #expect(receiver.batchSizes.prefix(2) == [4, 4])
        for headers in receiver.requestHeaders {
            #expect(headers["X-Experience-API-Version"] == "1.0.3")
            #expect(headers["Content-Type"] == "application/json")
            #expect(headers["Authorization"] == "Basic " + Data("wardsim:s3cret pass".utf8).base64EncodedString())
        }
    }

    @Test func aSecondPushSendsNothingAlreadyAcknowledged() async throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver()
        _ = try await Self.push(database, to: receiver.url)
        #expect(receiver.statementIDs.count == 13)
        let again = try await Self.push(database, to: receiver.url)
        #expect(again.sent == 0 && again.alreadySent == 13)
        #expect(receiver.statementIDs.count == 13)

        // New work goes out on the next push, and only it.
        try ReportFixtures.encounter(
            database.pool, "e6", user: database.ids["cy"]!, scenario: database.ids["chest"]!,
            started: "2026-03-05T09:00:00Z", overall: 0.9, scores: [("history-taking", 0.9)])
        let third = try await Self.push(database, to: receiver.url)
        #expect(third.sent == 2)
        #expect(Set(receiver.statementIDs).count == receiver.statementIDs.count)
    }

    @Test func anInterruptedPushResumesWithoutResending() async throws {
        let database = try ExportTestDatabase()
        // Every attempt at the third batch fails: the push stops after two batches.
        let receiver = try LRSReceiver()
        struct Flaky: StatementTransport {
            struct Reset: Error {}
            let real = CurlStatementTransport()
            let calls = Counter()
            func post(url: String, headers: [(name: String, value: String)], body: Data) throws
                -> StatementTransportReply
            {
                if calls.next() >= 3 { throw Reset() }
                return try real.post(url: url, headers: headers, body: body)
            }
        }
        await #expect(throws: LRSPush.Failure.self) {
            _ = try await Self.push(database, to: receiver.url, transport: Flaky())
        }
        #expect(receiver.statementIDs.count == 8)
        let resumed = try await Self.push(database, to: receiver.url)
        #expect(resumed.alreadySent == 8 && resumed.sent == 5)
        #expect(Set(receiver.statementIDs).count == 13 && receiver.statementIDs.count == 13)
    }

    @Test func aRefusalStopsAtOnceAndNamesTheCause() async throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver(failures: [401])
        await #expect {
            _ = try await Self.push(database, to: receiver.url)
        } throws: { error in
            String(describing: error).contains("HTTP 401") && String(describing: error).contains("WARDSIM_LRS_USER")
        }
        #expect(receiver.batchSizes.count == 1, "a 401 is not retried")
    }

    @Test func credentialsComeOnlyFromTheEnvironmentAndNeverPrint() throws {
        #expect(try LRSCredentials.fromEnvironment([:]) == nil)
        let credentials = try #require(
            try LRSCredentials.fromEnvironment(["WARDSIM_LRS_USER": "u", "WARDSIM_LRS_PASSWORD": "hunter2-long"]))
        #expect(!String(describing: credentials).contains("hunter2"))
        #expect(throws: CommandFailure.self) { try LRSCredentials.fromEnvironment(["WARDSIM_LRS_USER": "u"]) }
        #expect(
            !ExportCommand.configuration.options.contains { $0.name.contains("password") || $0.name.contains("user") })
    }

    @Test func theExportCommandPushesToTheLRS() async throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver()
        let path = database.directory.appendingPathComponent("w.sqlite").path
        let url = receiver.url
        let code = try await offPool {
            CommandRunner.run(
                WardSimCommand.self,
                arguments: [
                    "export", "--db", path, "--format", "xapi", "--lrs-url", url, "--batch", "5", "--quiet",
                    "--curriculum", ExportTestDatabase.curriculumPath,
                ])
        }
        #expect(code == 0)
        #expect(receiver.statementIDs.count == 13 && receiver.batchSizes == [5, 5, 3])
        #expect(
            CommandRunner.run(
                WardSimCommand.self,
                arguments: ["export", "--db", path, "--format", "csv", "--lrs-url", receiver.url]) == 2)
    }
}

/// A thread-safe call counter.
final class Counter: @unchecked Sendable {
    // `lock` protects `count`.
    private let lock = NSLock()
    private var count = 0
    func next() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
}
