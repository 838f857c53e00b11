import Foundation
import FoundationNetworking
import WardSimHTTP

/// A bare `HTTPServer` on an ephemeral loopback port, with a URLSession client.
final class TestServer: @unchecked Sendable {
    // Immutable after init.
    let server: HTTPServer
    let logger = MemoryLogger()

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, routes: (inout Router) -> Void) throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configure(&configuration)
        var router = Router()
        routes(&router)
        server = HTTPServer(configuration: configuration, router: router, logger: logger)
        try server.start()
    }

    deinit { server.stop() }

    var port: UInt16 { server.port }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> (Int, [String: String], Data) {
        try await send("GET", path, body: nil, headers: headers)
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String] = [:]) async throws -> (
        Int, [String: String], Data
    ) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var out: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            out[String(describing: key).lowercased()] = String(describing: value)
        }
        return (http.statusCode, out, data)
    }
}
