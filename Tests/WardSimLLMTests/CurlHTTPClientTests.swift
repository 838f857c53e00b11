import Foundation
import Testing
import WardSimHTTP

@testable import WardSimLLM

@Suite("CurlHTTPClient")
struct CurlHTTPClientTests {
    private func server(_ handler: Handler) throws -> HTTPServer {
        var router = Router()
        router.add(.post, "/echo", handler)
        router.add(.get, "/big", handler)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.shutdownGracePeriod = 1
        let server = HTTPServer(configuration: configuration, router: router, logger: NullLogger())
        try server.start()
        return server
    }

    @Test func postsTheBodyAndDeliversHeadThenBody() async throws {
        let server = try server(
            .sync { request in
                var response = Response.text(
                    "got \(request.body.count) bytes: \(String(decoding: request.body, as: UTF8.self))")
                response.headers.set("X-Seen-Header", request.headers["X-Test"] ?? "none")
                return response
            })
        defer { server.stop() }
        let request = HTTPRequest(
            url: "http://127.0.0.1:\(server.port)/echo", headers: [HTTPField(name: "X-Test", value: "yes")],
            body: Data("hé\0llo".utf8))
        var events: [HTTPStreamEvent] = []
        for try await event in CurlHTTPClient.shared.stream(request) { events.append(event) }
        guard case .head(let head) = events.first else { Issue.record("no head first"); return }
        #expect(head.status == 200)
        #expect(head.value(for: "x-seen-header") == "yes")
        let body = events.dropFirst().reduce(into: Data()) { data, event in
            if case .body(let chunk) = event { data.append(chunk) }
        }
        #expect(String(decoding: body, as: UTF8.self) == "got 7 bytes: hé\0llo")
    }

    @Test func largeBodiesArriveInChunksAndWhole() async throws {
        var bytes = Data(repeating: 0x61, count: 3_000_000)
        for index in stride(from: 0, to: bytes.count, by: 4093) { bytes[index] = UInt8(truncatingIfNeeded: index) }
        let payload = bytes
        let server = try server(.sync { _ in Response(status: 200, body: .bytes(payload)) })
        defer { server.stop() }
        let (head, body) = try await CurlHTTPClient.shared.send(
            HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/big"))
        #expect(head.status == 200)
        #expect(body == payload)
    }

    @Test func errorStatusesAreHeadsNotErrors() async throws {
        let server = try server(.sync { _ in throw HTTPError(418, "teapot") })
        defer { server.stop() }
        let (head, body) = try await CurlHTTPClient.shared.send(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/echo"))
        #expect(head.status == 418)
        #expect(String(decoding: body, as: UTF8.self).contains("teapot"))
    }

    @Test func shuttingAPrivateClientDownEndsItsTransfers() async throws {
        let peer = try RawPeer([.write(RawPeer.eventStreamHead)])
        var client: CurlHTTPClient? = CurlHTTPClient()
        let stream = client!.stream(HTTPRequest(url: peer.baseURL + "/x", body: Data("{}".utf8)))
        let task = Task { () -> LLMError? in
            do {
                for try await _ in stream {}
                return nil
            } catch {
                return error as? LLMError
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        client = nil
        let error = await task.value
        #expect(error?.kind == .cancelled)
        #expect(await eventually { peer.clientHangUps == 1 })
    }

    @Test func curlsOwnMessageNamesTheProblem() async throws {
        let error = await llmError {
            _ = try await CurlHTTPClient.shared.send(HTTPRequest(url: "http://no-such-host.invalid/x"))
        }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("no-such-host.invalid") == true, "\(error?.message ?? "")")
    }

    @Test func headerLineBreaksAreRefused() async {
        let request = HTTPRequest(
            url: "http://127.0.0.1:9/x", headers: [HTTPField(name: "X-A", value: "1\r\nX-Injected: yes")])
        let error = await llmError { _ = try await CurlHTTPClient.shared.send(request) }
        #expect(error?.message.contains("line break") == true)
    }

    @Test func descriptionHidesHeaderValues() {
        let request = HTTPRequest(url: "http://h/x", headers: [HTTPField(name: "Authorization", value: "Bearer sk-1")])
        #expect(!"\(request)".contains("sk-1"))
        #expect("\(request)".contains("Authorization"))
    }
}
