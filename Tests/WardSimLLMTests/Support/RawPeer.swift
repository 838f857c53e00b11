import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP peer on 127.0.0.1 that reads one HTTP request per connection and then writes
/// exactly the bytes, pauses and hang-ups a test scripts.
///
/// For the misbehaviour a correct HTTP server cannot produce: replies that are not HTTP
/// at all, a connection dropped in the middle of a chunk, a UTF-8 character split across
/// two TCP writes with a pause between.
final class RawPeer: @unchecked Sendable {
    // Immutable after init, except `hangUps`, which `Counter`'s lock protects.
    private let listener: Int32
    private let counter = Counter()
    let port: UInt16
    private let script: [Action]

    enum Action: Sendable {
        case write([UInt8])
        case pause(Duration)
        /// Close the socket; with `reset`, abortively (RST instead of FIN).
        case close(reset: Bool)
    }

    init(_ script: [Action]) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [listener, script, counter] in RawPeer.serve(listener, script, counter) }
        thread.start()
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A chunked HTTP/1.1 response head for an event stream.
    static let eventStreamHead = Array(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)

    /// One HTTP chunk carrying `bytes`.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
    }

    static func chunk(_ text: String) -> [UInt8] { chunk(Array(text.utf8)) }

    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// How many connections the client closed after the script ran.
    var clientHangUps: Int { counter.lock.withLock { counter.value } }

    final class Counter: @unchecked Sendable {
        // `lock` protects `value`.
        let lock = NSLock()
        var value = 0
    }

    private static func serve(_ listener: Int32, _ script: [Action], _ counter: Counter) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { return }
            Thread { handle(connection, script, counter) }.start()
        }
    }

    private static func handle(_ connection: Int32, _ script: [Action], _ counter: Counter) {
        readRequest(connection)
        var closed = false
        for action in script {
            switch action {
            case .write(let bytes):
                _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            case .pause(let duration):
                let (seconds, attoseconds) = duration.components
                usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
            case .close(let reset):
                if reset {
                    var lingering = linger(l_onoff: 1, l_linger: 0)
                    setsockopt(connection, SOL_SOCKET, SO_LINGER, &lingering, socklen_t(MemoryLayout<linger>.size))
                }
                close(connection)
                closed = true
            }
            if closed { return }
        }
        // Keep the connection until the client goes away.
        var byte: UInt8 = 0
        while recv(connection, &byte, 1, 0) > 0 {}
        counter.lock.withLock { counter.value += 1 }
        close(connection)
    }

    /// Reads the request head and a Content-Length body.
    private static func readRequest(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received += buffer[..<count]
            guard let end = received.firstRange(of: [13, 10, 13, 10]) else { continue }
            let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if received.count - end.upperBound >= length { return }
        }
    }
}
