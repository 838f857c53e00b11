import Foundation
import Testing

@testable import WardSimHTTP

@Suite("HTTP server on a live socket")
struct HTTPServerTests {
    struct Echo: Codable { var name: String; var count: Int }

    static func makeServer(maxBody: Int = 1024, gate: Gate = Gate()) throws -> TestServer {
        try TestServer(configure: { $0.maxBodyBytes = maxBody }) { router in
            router.add(.get, "/hello/{name}", .sync { request in .text("hello \(request.parameter("name"))") })
            router.add(
                .post, "/echo",
                .sync { request in
                    let echo = try request.decode(Echo.self)
                    return .json(echo)
                })
            router.add(
                .get, "/gated",
                .async { _ in
                    await gate.wait()
                    return .text("released")
                })
            router.add(.get, "/boom", .sync { _ in throw CocoaError(.fileNoSuchFile) })
            router.add(
                .get, "/slow",
                .async { _ in
                    try await Task.sleep(for: .milliseconds(200))
                    return .text("done")
                })
        }
    }

    @Test func routesWithParameters() async throws {
        let server = try Self.makeServer()
        let (status, _, body) = try await server.get("/hello/ward")
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == "hello ward")
    }

    @Test func notFoundAndMethodNotAllowed() async throws {
        let server = try Self.makeServer()
        let (missing, _, missingBody) = try await server.get("/nope")
        #expect(missing == 404)
        #expect(String(decoding: missingBody, as: UTF8.self).contains("\"status\":404"))
        let (wrong, headers, _) = try await server.send("DELETE", "/hello/x", body: nil)
        #expect(wrong == 405)
        #expect(headers["allow"] == "GET, HEAD")
    }

    @Test func headAnswersWithoutABody() throws {
        let server = try Self.makeServer()
        let reply = try RawHTTP.send(
            "HEAD /hello/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(reply.status == 200)
        #expect(reply.body.isEmpty)
    }

    @Test func decodesJSONAndExplainsMalformedBodies() async throws {
        let server = try Self.makeServer()
        let json = ["Content-Type": "application/json"]
        let (ok, _, body) = try await server.send(
            "POST", "/echo", body: Data(#"{"name":"a","count":2}"#.utf8), headers: json)
        #expect(ok == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"count":2,"name":"a"}"#)

        let (bad, _, badBody) = try await server.send("POST", "/echo", body: Data(#"{"name":"a","#.utf8), headers: json)
        #expect(bad == 400)
        #expect(String(decoding: badBody, as: UTF8.self).contains("Malformed JSON"))

        let (wrongType, _, wrongBody) = try await server.send(
            "POST", "/echo", body: Data(#"{"name":"a","count":"two"}"#.utf8), headers: json)
        #expect(wrongType == 400)
        #expect(String(decoding: wrongBody, as: UTF8.self).contains("$.count: expected a number"))

        let (missing, _, missingBody) = try await server.send(
            "POST", "/echo", body: Data(#"{"name":"a"}"#.utf8), headers: json)
        #expect(missing == 400)
        #expect(String(decoding: missingBody, as: UTF8.self).contains("$.count: required field is missing"))
    }

    @Test func declaredOversizeBodyGets413AndTheServerStaysUp() async throws {
        let server = try Self.makeServer(maxBody: 1024)
        let reply = try RawHTTP.send(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{",
            port: server.port)
        #expect(reply.status == 413)
        // Any path answers 413: the length is checked before routing.
        let other = try RawHTTP.send(
            "POST /no/such/path HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n", port: server.port)
        #expect(other.status == 413)
        let (status, _, _) = try await server.get("/hello/still-here")
        #expect(status == 200)
    }

    @Test func chunkedBodyPastTheCapIsCutOff() async throws {
        let server = try Self.makeServer(maxBody: 1024)
        let chunk = String(repeating: "x", count: 1000)
        let hex = String(chunk.utf8.count, radix: 16)
        let request =
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
            + "\(hex)\r\n\(chunk)\r\n\(hex)\r\n\(chunk)\r\n0\r\n\r\n"
        let reply = try RawHTTP.send(request, port: server.port)
        #expect(reply.status != 200)
        let (status, _, _) = try await server.get("/hello/alive")
        #expect(status == 200)
    }

    @Test func unexpectedErrorsBecomeOpaque500s() async throws {
        let server = try Self.makeServer()
        let (status, headers, body) = try await server.get("/boom")
        #expect(status == 500)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("Something went wrong"))
        #expect(!text.contains("fileNoSuchFile") && !text.contains("CocoaError"))
        #expect(headers["x-request-id"] != nil)
    }

    @Test func asyncHandlersDoNotBlockOtherRequests() async throws {
        // Three handlers park on a gate that opens only after a quick request has been
        // answered. On a two-thread server this can only finish if parked handlers hold
        // no server thread; otherwise the quick request times out.
        let gate = Gate()
        let server = try Self.makeServer(gate: gate)
        async let a = server.get("/gated")
        async let b = server.get("/gated")
        async let c = server.get("/gated")
        await gate.waitForWaiters(3)
        let (quick, _, _) = try await server.get("/hello/fast")
        #expect(quick == 200)
        gate.open()
        let results = try await [a.0, b.0, c.0]
        #expect(results == [200, 200, 200])
    }

    @Test func logsOneJSONLinePerRequestWithoutQueryOrBody() async throws {
        let server = try Self.makeServer()
        _ = try await server.send(
            "POST", "/echo?token=secret123", body: Data(#"{"name":"password123","count":1}"#.utf8),
            headers: ["Content-Type": "application/json"])
        let lines = server.logger.lines
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["route"] as? String == "/echo")
        #expect(object?["status"] as? Int == 200)
        #expect(object?["requestId"] as? String != nil)
        #expect(!line.contains("secret123") && !line.contains("password123"))
    }

    @Test func gracefulStopFinishesInFlightRequests() async throws {
        let server = try Self.makeServer()
        let port = server.port
        async let slow = server.get("/slow")
        try await Task.sleep(for: .milliseconds(50))
        let stopper = Task.detached { server.server.stop() }
        while !server.server.isDraining { try await Task.sleep(for: .milliseconds(5)) }
        // While the slow request finishes, a new one is told to come back.
        let turnedAway = try RawHTTP.send("GET /hello/x HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        #expect(turnedAway.status == 503)
        #expect(turnedAway.raw.lowercased().contains("connection: close"))
        let (status, _, body) = try await slow
        await stopper.value
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == "done")
        // No longer accepting.
        #expect(throws: (any Error).self) { try RawHTTP.send("GET /hello/x HTTP/1.1\r\nHost: x\r\n\r\n", port: port) }
    }
}

/// Parks async handlers until the test opens it.
final class Gate: @unchecked Sendable {
    // `lock` protects `isOpen` and `waiters`.
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock { () -> Bool in
                if isOpen { return true }
                waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func waitForWaiters(_ count: Int) async {
        while lock.withLock({ waiters.count }) < count { try? await Task.sleep(for: .milliseconds(5)) }
    }

    func open() {
        let toResume = lock.withLock {
            isOpen = true
            defer { waiters.removeAll() }
            return waiters
        }
        toResume.forEach { $0.resume() }
    }
}
