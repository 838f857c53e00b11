import Foundation
import Testing
import WardSimHTTP
import WardSimLLM
import WardSimStore

@testable import WardSimApp

@Suite("LRS push")
struct LRSPushTests {
    /// A push of the test database's statements into `receiver`, with the database ledger.
    static func push(
        _ database: ExportTestDatabase, to url: String, batchSize: Int = 4, credentials: LRSCredentials? = nil,
        transport: any StatementTransport = CurlStatementTransport(timeoutSeconds: 10), sleeps: Box<[Double]> = Box([])
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
        // Used from the test's own thread only.
        var value: T
        init(_ value: T) { self.value = value }
    }

    @Test func retriesA503AndDeliversEveryStatementOnceWithTheVersionHeader() throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver(failures: [503])
        let sleeps = Box<[Double]>([])
        let push = try Self.push(
            database, to: receiver.url, credentials: LRSCredentials(user: "wardsim", password: "s3cret pass"),
            sleeps: sleeps)
        let ids = receiver.statementIDs
        #expect(ids.count == 13)
        #expect(Set(ids).count == ids.count, "no statement was delivered twice")
        #expect(push.summary.sent == 13 && push.summary.retries == 1)
        #expect(sleeps.value.count == 1, "one back-off after the 503")
        // The failed attempt and its retry carried the same batch.
        #expect(receiver.batchSizes.prefix(2) == [4, 4])
        for headers in receiver.requestHeaders {
            #expect(headers["X-Experience-API-Version"] == "1.0.3")
            #expect(headers["Content-Type"] == "application/json")
            #expect(headers["Authorization"] == "Basic " + Data("wardsim:s3cret pass".utf8).base64EncodedString())
        }
    }

    @Test func aSecondPushSendsNothingAlreadyAcknowledged() throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver()
        _ = try Self.push(database, to: receiver.url)
        #expect(receiver.statementIDs.count == 13)
        let again = try Self.push(database, to: receiver.url)
        #expect(again.summary.sent == 0 && again.summary.alreadySent == 13)
        #expect(receiver.statementIDs.count == 13)

        // New work goes out on the next push, and only it.
        try ReportFixtures.encounter(
            database.pool, "e6", user: database.ids["cy"]!, scenario: database.ids["chest"]!,
            started: "2026-03-05T09:00:00Z", overall: 0.9, scores: [("history-taking", 0.9)])
        let third = try Self.push(database, to: receiver.url)
        #expect(third.summary.sent == 2)
        #expect(Set(receiver.statementIDs).count == receiver.statementIDs.count)
    }

    @Test func anInterruptedPushResumesWithoutResending() throws {
        let database = try ExportTestDatabase()
        // Every attempt at the third batch fails: the push stops after two batches.
        let receiver = try LRSReceiver()
        struct Flaky: StatementTransport {
            let real = CurlStatementTransport(timeoutSeconds: 10)
            let calls = Counter()
            func post(url: String, headers: [(name: String, value: String)], body: Data) throws -> HTTPPost.Reply {
                if calls.next() >= 3 { throw HTTPPost.TransportError(description: "connection reset") }
                return try real.post(url: url, headers: headers, body: body)
            }
        }
        #expect(throws: LRSPush.Failure.self) { _ = try Self.push(database, to: receiver.url, transport: Flaky()) }
        #expect(receiver.statementIDs.count == 8)
        let resumed = try Self.push(database, to: receiver.url)
        #expect(resumed.summary.alreadySent == 8 && resumed.summary.sent == 5)
        #expect(Set(receiver.statementIDs).count == 13 && receiver.statementIDs.count == 13)
    }

    @Test func aRefusalStopsAtOnceAndNamesTheCause() throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver(failures: [401])
        #expect {
            _ = try Self.push(database, to: receiver.url)
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

    @Test func theExportCommandPushesToTheLRS() throws {
        let database = try ExportTestDatabase()
        let receiver = try LRSReceiver()
        let path = database.directory.appendingPathComponent("w.sqlite").path
        let code = CommandRunner.run(
            WardSimCommand.self,
            arguments: [
                "export", "--db", path, "--format", "xapi", "--lrs-url", receiver.url, "--batch", "5", "--quiet",
                "--curriculum", ExportTestDatabase.curriculumPath,
            ])
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
