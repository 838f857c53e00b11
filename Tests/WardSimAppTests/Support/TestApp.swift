import Foundation
import FoundationNetworking
import WardSimHTTP
@testable import WardSimApp

/// A real WardSim server on an ephemeral loopback port with its own temporary database,
/// for tests that talk HTTP to it.
final class TestApp: @unchecked Sendable {
    // Immutable after init; `cookieLock` protects `cookies`.
    let app: WardSimApplication
    let server: HTTPServer
    let directory: URL
    let logger = MemoryLogger()
    private let cookieLock = NSLock()
    private var cookies: [String: String] = [:]

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.databasePath = directory.appendingPathComponent("wardsim.sqlite").path
        configuration.scenariosPath = Self.repositoryRoot.appendingPathComponent("Scenarios").path
        configuration.curriculumPath = Self.repositoryRoot.appendingPathComponent("Curriculum").path
        configuration.assetsPath = Self.repositoryRoot.appendingPathComponent("WebAssets").path
        configure(&configuration)
        app = try WardSimApplication(configuration: configuration)
        server = try app.makeServer(logger: logger)
        try server.start()
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var baseURL: String { "http://127.0.0.1:\(server.port)" }

    /// A response as tests see it.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends a request; `json` is serialised as the body. Cookies set by the server are
    /// kept and sent back, like a browser.
    @discardableResult
    func request(
        _ method: String, _ path: String, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let cookieHeader = cookieLock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { request.setValue(cookieHeader, forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var replyHeaders: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            replyHeaders[String(describing: key)] = String(describing: value)
        }
        if let setCookie = replyHeaders.first(where: { $0.key.lowercased() == "set-cookie" })?.value {
            let pair = setCookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 {
                cookieLock.withLock {
                    let value = String(pair[1])
                    if value.isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = value }
                }
            }
        }
        return Reply(status: http.statusCode, headers: replyHeaders, body: data)
    }

    /// Forgets cookies (signs the client out locally).
    func clearCookies() { cookieLock.withLock { cookies.removeAll() } }
}
