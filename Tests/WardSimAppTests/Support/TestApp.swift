import Foundation
import WardSimCore
import WardSimHTTP
import WardSimSecurity

@testable import WardSimApp

/// A real WardSim server on an ephemeral loopback port with its own temporary database,
/// for tests that talk HTTP to it.
final class TestApp: @unchecked Sendable {
    // Immutable after init (the client and clock lock their own state).
    let app: WardSimApplication
    let server: HTTPServer
    let directory: URL
    let logger = MemoryLogger()
    let clock = ManualClock()
    /// The default browser; `newClient()` makes more.
    let client: TestClient
    /// False when the caller handed in the folder (to restart on the same database).
    private let ownsDirectory: Bool

    /// A password that passes the policy; tests use it unless they test passwords.
    static let password = "correct horse battery staple"

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `hashing` defaults to libsodium's minimum limits so that tests about HTTP
    /// behaviour do not each spend ~80 ms per password; tests about hashing itself pass
    /// `.interactive`, the production setting (see `HashingTests`). `directory` reuses a
    /// folder (and the database in it) that the caller owns and removes, so a test can stop
    /// one server and start another on the same data.
    init(
        hashing: PasswordHasher.Limits = .minimum, directory existing: URL? = nil,
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) throws {
        ownsDirectory = existing == nil
        directory =
            existing
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.databasePath = directory.appendingPathComponent("wardsim.sqlite").path
        configuration.scenariosPath = Self.repositoryRoot.appendingPathComponent("Scenarios").path
        configuration.curriculumPath = Self.repositoryRoot.appendingPathComponent("Curriculum").path
        configuration.assetsPath = Self.repositoryRoot.appendingPathComponent("WebAssets").path
        configure(&configuration)
        app = try WardSimApplication(
            configuration: configuration, clock: clock.wallClock, hasher: PasswordHasher(limits: hashing))
        server = try app.makeServer(logger: logger)
        try server.start()
        client = TestClient(baseURL: "http://127.0.0.1:\(server.port)")
    }

    deinit {
        server.stop()
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }

    var baseURL: String { client.baseURL }

    typealias Reply = TestClient.Reply

    /// Sends a request as the default client (see `TestClient.request`).
    @discardableResult
    func request(
        _ method: String, _ path: String, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:],
        csrf: Bool = true
    ) async throws -> Reply {
        try await client.request(method, path, json: json, body: body, headers: headers, csrf: csrf)
    }

    /// Forgets the default client's cookies (signs it out locally).
    func clearCookies() { client.clearCookies() }

    /// A fresh browser with no cookies.
    func newClient() -> TestClient { TestClient(baseURL: baseURL) }

    // MARK: - Accounts without HTTP (each costs one argon2id hash)

    /// Creates an account directly through the account service.
    @discardableResult
    func createUser(
        _ username: String, role: Role, cohort: String? = nil, displayName: String? = nil,
        password: String = TestApp.password
    ) throws -> UserView {
        try app.accounts.create(
            AccountService.NewAccount(
                username: username, displayName: displayName ?? username.capitalized, role: role.rawValue,
                cohort: cohort,
                password: password),
            by: AuditActor(id: nil, name: "test", remote: "local"))
    }

    @discardableResult
    func createCohort(_ name: String) throws -> CohortService.CohortView {
        try app.cohorts.create(name: name, by: AuditActor(id: nil, name: "test", remote: "local"))
    }

    /// A new browser signed in as a new user with `role`.
    func signedInClient(_ username: String, role: Role, cohort: String? = nil) async throws -> TestClient {
        try createUser(username, role: role, cohort: cohort)
        let client = newClient()
        let reply = try await client.signIn(username)
        precondition(reply.status == 200, "sign-in failed: \(reply.status) \(reply.text)")
        return client
    }

    /// Every byte of the database, WAL and shared-memory files included.
    func databaseBytes() throws -> Data {
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            let path = app.configuration.databasePath + suffix
            if let data = FileManager.default.contents(atPath: path) { bytes.append(data) }
        }
        return bytes
    }
}
