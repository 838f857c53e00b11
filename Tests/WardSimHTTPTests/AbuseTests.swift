import Foundation
import Testing

@testable import WardSimHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile and broken clients: the server must stay up and keep serving everyone else.
@Suite("HTTP abuse")
struct AbuseTests {
    struct Body: Codable { var text: String }

    static func makeServer(timeout: Int = 30, perIP: Int = 2048) throws -> TestServer {
        try TestServer(configure: {
            $0.connectionTimeout = timeout
            $0.perIPConnectionLimit = perIP
            $0.maxBodyBytes = 4096
        }) { router in
            router.add(.get, "/ping", .sync { _ in .text("pong") })
            router.add(.get, "/echo/{value}", .sync { request in .text(request.parameter("value")) })
            router.add(.post, "/json", .sync { request in .json(try request.decode(Body.self)) })
        }
    }

    static func stillServes(_ server: TestServer) throws -> Bool {
        try RawHTTP.send("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port).body == "pong"
    }

    /// Opens a TCP connection and returns its descriptor (caller closes).
    static func openSocket(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return fd
    }

    @Test func slowClientsAreTimedOutWhileOthersAreServed() throws {
        let server = try Self.makeServer(timeout: 1)
        var sockets: [Int32] = []
        for _ in 0..<20 {
            let fd = Self.openSocket(server.port)
            _ = "GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: ".withCString {
                send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL))
            }
            sockets.append(fd)
        }
        #expect(try Self.stillServes(server))
        // After the timeout the server has closed every trickling connection.
        Thread.sleep(forTimeInterval: 2.5)
        for fd in sockets {
            var byte: UInt8 = 0
            var tv = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            #expect(recv(fd, &byte, 1, 0) <= 0)
            close(fd)
        }
        #expect(try Self.stillServes(server))
    }

    @Test func oneAddressCannotTakeEveryConnection() throws {
        let server = try Self.makeServer(perIP: 16)
        let sockets = (0..<64).map { _ in Self.openSocket(server.port) }
        // Over the per-IP limit the server refuses new connections rather than queueing them.
        let refused = try? RawHTTP.send(
            "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port, timeout: 2)
        #expect(refused?.body != "pong")
        sockets.forEach { close($0) }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try Self.stillServes(server))
    }

    @Test func oversizeHeadersAreRefused() throws {
        let server = try Self.makeServer()
        let huge = String(repeating: "a", count: 200_000)
        let reply = try RawHTTP.send("GET /ping HTTP/1.1\r\nHost: x\r\nX-Huge: \(huge)\r\n\r\n", port: server.port)
        #expect(reply.status != 200)
        #expect(try Self.stillServes(server))
    }

    @Test(arguments: [
        "POST /json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n",
        "POST /json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{\"te\r\n",
        "POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "GET /ping HTTP/9.9\r\nHost: x\r\n\r\n",
        "GARBAGE\r\n\r\n",
    ])
    func malformedRequestsDoNotHurtTheServer(request: String) throws {
        let server = try Self.makeServer()
        let reply = try RawHTTP.send(request, port: server.port, timeout: 2)
        #expect(reply.status != 200)
        #expect(try Self.stillServes(server))
    }

    @Test func invalidUTF8AndNULBytesGetClearErrors() throws {
        let server = try Self.makeServer()
        let path = try RawHTTP.send(
            "GET /echo/%ff%fe%00x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(path.status == 200 || path.status == 400 || path.status == 404)
        var body = Data(#"{"text":""#.utf8)
        body.append(contentsOf: [0xFF, 0xFE, 0x00])
        body.append(Data(#""}"#.utf8))
        var request = Data(
            "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
                .utf8)
        request.append(body)
        let reply = try RawHTTP.send(request, port: server.port)
        #expect(reply.status == 400)
        #expect(reply.body.contains("Malformed JSON"))
        #expect(try Self.stillServes(server))
    }
}
