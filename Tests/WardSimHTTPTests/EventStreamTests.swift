import Foundation
import Testing

@testable import WardSimHTTP

@Suite("Server-Sent Events")
struct EventStreamTests {
    @Test func formatsMultiLineDataAsSeveralDataLines() {
        let stream = EventStream()
        stream.send(event: "reply", data: "one\ntwo", id: "7")
        stream.finish()
        var buffer = [UInt8](repeating: 0, count: 256)
        let result = buffer.withUnsafeMutableBufferPointer { pointer in
            stream.read(into: pointer.baseAddress!, max: 256, park: {}, wake: {})
        }
        guard case .bytes(let count) = result else {
            Issue.record("expected bytes")
            return
        }
        #expect(String(decoding: buffer[0..<count], as: UTF8.self) == "event: reply\nid: 7\ndata: one\ndata: two\n\n")
    }

    @Test func streamsEventsAsTheyAreProducedWithoutHoldingAThread() async throws {
        let server = try TestServer { router in
            router.add(
                .get, "/events",
                .sync { _ in
                    let stream = EventStream()
                    // The producer runs on its own thread so the test does not depend on
                    // the cooperative pool, which parallel CPU-bound tests may saturate.
                    Thread.detachNewThread {
                        for index in 1...3 {
                            Thread.sleep(forTimeInterval: 0.04)
                            stream.send(event: "token", data: "part \(index)")
                        }
                        stream.send(event: "done", data: "{}")
                        stream.finish()
                    }
                    return .eventStream(stream)
                })
            router.add(.get, "/ping", .sync { _ in .text("pong") })
        }
        // Four open streams on a two-thread server: pings must still be answered.
        async let first = RawStream.read(path: "/events", port: server.port)
        async let second = RawStream.read(path: "/events", port: server.port)
        async let third = RawStream.read(path: "/events", port: server.port)
        async let fourth = RawStream.read(path: "/events", port: server.port)
        try await Task.sleep(for: .milliseconds(20))
        let (ping, _, _) = try await server.get("/ping")
        #expect(ping == 200)
        for body in try await [first, second, third, fourth] {
            #expect(body.contains("text/event-stream"))
            #expect(body.contains("data: part 1") && body.contains("data: part 3"))
            #expect(body.contains("event: done"))
        }
    }
}

/// Reads a whole chunked SSE response over a raw socket.
enum RawStream {
    static func read(path: String, port: UInt16) async throws -> String {
        // Blocking socket reads run on a Dispatch thread, never on the cooperative pool
        // (whose two threads the server's stream producers need).
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let reply = try RawHTTP.send(
                            "GET \(path) HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n",
                            port: port, timeout: 30)
                        return reply.raw.lowercased().contains("text/event-stream") ? reply.raw : ""
                    })
            }
        }
    }
}
