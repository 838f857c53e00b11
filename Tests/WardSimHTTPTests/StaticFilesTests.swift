import Foundation
import Testing

@testable import WardSimHTTP

@Suite("Static files")
struct StaticFilesTests {
    /// A temporary asset folder with a secret file beside it and a symlink pointing out.
    static func makeAssets() throws -> (URL, StaticFiles) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        let root = base.appendingPathComponent("web")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("js"), withIntermediateDirectories: true)
        try Data("<!doctype html><title>WardSim</title>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("export const x = 1;".utf8).write(to: root.appendingPathComponent("js/app.js"))
        try Data("body{}".utf8).write(to: root.appendingPathComponent("app.css"))
        try Data("top secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("leak.txt"), withDestinationURL: base.appendingPathComponent("secret.txt"))
        return (base, try StaticFiles(root: root))
    }

    static func serve(_ files: StaticFiles) throws -> TestServer {
        try TestServer { router in
            router.add(
                .get, "/assets/{path...}",
                .sync { request in
                    files.response(for: request.parameter("path"), request: request) ?? .text("missing", status: 404)
                })
            router.add(
                .get, "/",
                .sync { request in files.response(for: "", request: request) ?? .text("missing", status: 404) })
        }
    }

    @Test func servesWithMimeTypesAndStrongETags() async throws {
        let (base, files) = try Self.makeAssets()
        defer { try? FileManager.default.removeItem(at: base) }
        let server = try Self.serve(files)
        let (status, headers, body) = try await server.get("/assets/js/app.js")
        #expect(status == 200)
        #expect(headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(String(decoding: body, as: UTF8.self) == "export const x = 1;")
        let etag = try #require(headers["etag"])
        #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
        #expect(headers["cache-control"]?.contains("max-age") == true)
        let (css, cssHeaders, _) = try await server.get("/assets/app.css")
        #expect(css == 200 && cssHeaders["content-type"] == "text/css; charset=utf-8")
    }

    /// Assets are sent by pointer from one shared buffer: many clients at once must each
    /// get every byte, and an empty file an empty body.
    @Test func sharedBuffersReachConcurrentClientsWhole() async throws {
        let (base, _) = try Self.makeAssets()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("web")
        var generator = SystemRandomNumberGenerator()
        let large = Data((0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try large.write(to: root.appendingPathComponent("large.bin"))
        try Data().write(to: root.appendingPathComponent("empty.txt"))
        let server = try Self.serve(try StaticFiles(root: root))
        let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try await server.get("/assets/large.bin").2 } }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        #expect(bodies.count == 8 && bodies.allSatisfy { $0 == large })
        let (status, headers, body) = try await server.get("/assets/empty.txt")
        #expect(status == 200 && body.isEmpty && headers["content-length"] == "0")
    }

    @Test func ifNoneMatchGets304() throws {
        let (base, files) = try Self.makeAssets()
        defer { try? FileManager.default.removeItem(at: base) }
        let server = try Self.serve(files)
        let first = try RawHTTP.send(
            "GET /assets/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        let etag = try #require(first.header("ETag"))
        let second = try RawHTTP.send(
            "GET /assets/app.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\nConnection: close\r\n\r\n",
            port: server.port)
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
    }

    @Test func rootServesIndexHTML() async throws {
        let (base, files) = try Self.makeAssets()
        defer { try? FileManager.default.removeItem(at: base) }
        let server = try Self.serve(files)
        let (status, headers, body) = try await server.get("/")
        #expect(status == 200)
        #expect(headers["content-type"] == "text/html; charset=utf-8")
        #expect(String(decoding: body, as: UTF8.self).contains("<title>WardSim</title>"))
    }

    @Test(arguments: [
        "/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
        "/assets//etc/passwd", "/assets/..%2fsecret.txt", "/assets/leak.txt", "/assets/js/../../secret.txt",
        "/assets/..%5csecret.txt",
    ])
    func neverServesFilesOutsideTheFolder(path: String) throws {
        let (base, files) = try Self.makeAssets()
        defer { try? FileManager.default.removeItem(at: base) }
        let server = try Self.serve(files)
        let reply = try RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(reply.status != 200)
        #expect(!reply.raw.contains("top secret"))
        #expect(!reply.raw.contains("root:"))
    }
}
