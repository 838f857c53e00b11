import Foundation
import Testing

/// A database file (and its folder) made read-only, served by the real `wardsim` binary.
///
/// Root ignores file permissions, so when the tests run as root the server runs as the
/// unprivileged `nobody` (through `setpriv`), which is what a service account sees.
@Suite("Read-only database")
struct ReadOnlyDatabaseTests {
    static let nobody: UInt32 = 65534
    static var asRoot: Bool { geteuid() == 0 }

    /// The `wardsim` executable built beside these tests.
    static var binary: URL {
        if let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("wardsim"),
            FileManager.default.isExecutableFile(atPath: beside.path)
        {
            return beside
        }
        return TestApp.repositoryRoot.appendingPathComponent(".build/debug/wardsim")
    }

    /// A running `wardsim serve` child process.
    final class Child: @unchecked Sendable {
        // Set once in init; the output buffer is guarded by `lock`.
        let process = Process()
        private let lock = NSLock()
        private var output = Data()
        private(set) var port: Int = 0

        init(database: String, timeout: TimeInterval = 60) throws {
            let (binary, root) = try ReadOnlyDatabaseTests.readableCopy()
            var arguments = [
                binary.path, "serve", "--port", "0", "--db", database,
                "--scenarios", root.appendingPathComponent("Scenarios").path,
                "--curriculum", root.appendingPathComponent("Curriculum").path,
                "--assets", root.appendingPathComponent("WebAssets").path,
            ]
            if ReadOnlyDatabaseTests.asRoot {
                arguments = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
            }
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = pipe
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.output.append(chunk) }
            }
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline, process.isRunning {
                if let port = Self.port(in: text) {
                    self.port = port
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.waitUntilExit()
            Thread.sleep(forTimeInterval: 0.1)
        }

        var text: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
        var isRunning: Bool { process.isRunning }

        static func port(in text: String) -> Int? {
            guard let range = text.range(of: "serving on http://127.0.0.1:") else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        func kill() {
            if process.isRunning {
                Foundation.kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
    }

    /// The binary and the shipped content where the server's user can read them. As root
    /// the server runs as `nobody`, who may not be able to enter the checkout (a clone in a
    /// `mktemp -d` folder is mode 0700): then they are copied, once, into a readable folder.
    static func readableCopy() throws -> (binary: URL, content: URL) {
        guard asRoot else { return (binary, TestApp.repositoryRoot) }
        return try copyLock.withLock {
            if let folder = copied { return (folder.appendingPathComponent("wardsim"), folder) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-ro-content-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["Scenarios", "Curriculum", "WebAssets"] {
                try FileManager.default.copyItem(
                    at: TestApp.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            try FileManager.default.copyItem(at: binary, to: folder.appendingPathComponent("wardsim"))
            let readable = Process()
            readable.executableURL = URL(fileURLWithPath: "/bin/chmod")
            readable.arguments = ["-R", "a+rX", folder.path]
            try readable.run()
            readable.waitUntilExit()
            copied = folder
            return (folder.appendingPathComponent("wardsim"), folder)
        }
    }
    private static let copyLock = NSLock()
    nonisolated(unsafe) private static var copied: URL?  // guarded by `copyLock`

    /// A folder the server's user owns, holding a database with a trainee, a submitted
    /// encounter and an open one, and a signed-in browser's session for it.
    static func preparedDatabase() async throws -> (
        folder: URL, database: String, session: String, csrf: String,
        submitted: String, open: String
    ) {
        let app = try TestApp()
        let trainee = try await app.signedInClient("cleo", role: .trainee)
        let (submitted, open) = try await StorageFaultTests.playedEncounters(trainee)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("wardsim.sqlite").path
        try app.app.database.backup(to: database)
        if asRoot {
            for path in [folder.path, database] {
                try FileManager.default.setAttributes(
                    [.ownerAccountID: nobody, .groupOwnerAccountID: nobody], ofItemAtPath: path)
            }
        }
        return (
            folder, database, try #require(trainee.sessionCookie), try #require(trainee.csrfToken), submitted, open
        )
    }

    static func chmod(_ mode: Int, _ paths: [String]) throws {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }

    @Test func aReadOnlyDatabaseServesReadsRefusesWritesAndRecovers() async throws {
        let prepared = try await Self.preparedDatabase()
        defer { try? FileManager.default.removeItem(at: prepared.folder) }
        let files = ["", "-wal", "-shm"].map { prepared.database + $0 }

        // First a writable run that the power cut ends: the -wal and -shm files stay.
        let writable = try Child(database: prepared.database)
        #expect(writable.isRunning, "\(writable.text)")
        writable.kill()

        try Self.chmod(0o444, files)
        try Self.chmod(0o555, [prepared.folder.path])
        let server = try Child(database: prepared.database)
        defer { server.stop() }
        #expect(server.isRunning, "\(server.text)")
        #expect(server.text.contains("is read-only for this user"), "\(server.text)")
        let browser = TestClient(baseURL: "http://127.0.0.1:\(server.port)")
        browser.storeCookie("wardsim_session", prepared.session)
        browser.csrfToken = prepared.csrf

        #expect(try await browser.request("GET", "/healthz").status == 200)
        #expect(try await browser.request("GET", "/api/encounters/\(prepared.submitted)/debrief").status == 200)
        #expect(try await browser.request("GET", "/api/encounters/\(prepared.open)").status == 200)
        #expect(try await browser.request("GET", "/api/scenarios").status == 200)
        StorageFaultTests.expectStorageUnavailable(
            try await browser.request(
                "POST", "/api/encounters/\(prepared.open)/messages", json: ["text": "Any allergies?"]))
        StorageFaultTests.expectStorageUnavailable(
            try await browser.request("POST", "/api/encounters", json: ["scenarioId": StorageFaultTests.scenario]))
        StorageFaultTests.expectStorageUnavailable(
            try await TestClient(baseURL: browser.baseURL).signIn("cleo"))

        // Writable again: the next write succeeds without a restart.
        try Self.chmod(0o755, [prepared.folder.path])
        try Self.chmod(0o644, files)
        let reply = try await browser.request(
            "POST", "/api/encounters/\(prepared.open)/messages", json: ["text": "Any allergies?"])
        #expect(reply.status == 200, "\(reply.text)")
    }

    @Test func aReadOnlyDatabaseWithoutItsLogFilesRefusesToStartAndSaysWhy() async throws {
        let prepared = try await Self.preparedDatabase()
        defer { try? FileManager.default.removeItem(at: prepared.folder) }
        // A clean copy (no -wal, no -shm) in a read-only folder: SQLite cannot open a WAL
        // database there at all, so the server must refuse to start and say why.
        try Self.chmod(0o444, [prepared.database])
        try Self.chmod(0o555, [prepared.folder.path])
        defer { try? Self.chmod(0o755, [prepared.folder.path]) }
        let server = try Child(database: prepared.database)
        defer { server.stop() }
        #expect(!server.isRunning)
        #expect(server.process.terminationStatus != 0)
        #expect(server.text.contains("cannot start"), "\(server.text)")
        #expect(server.text.contains("is read-only and SQLite cannot create its write-ahead log"), "\(server.text)")
        #expect(server.text.contains("make the file and its folder writable"), "\(server.text)")
    }
}
