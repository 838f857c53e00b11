import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sends bytes exactly as given over a TCP socket and reads the answer: for requests a
/// well-behaved client library would refuse or rewrite (`..` in paths, bad chunking).
enum RawHTTP {
    struct Reply {
        let raw: String
        var status: Int {
            let parts = raw.split(separator: " ", maxSplits: 2)
            return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        }
        var body: String {
            guard let range = raw.range(of: "\r\n\r\n") else { return "" }
            return String(raw[range.upperBound...])
        }
        func header(_ name: String) -> String? {
            for line in raw.components(separatedBy: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == name.lowercased() {
                    return pair[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    /// Connects to 127.0.0.1:`port`, writes `request`, reads until the peer closes or
    /// `timeout` passes.
    static func send(_ request: String, port: UInt16, timeout: Double = 5) throws -> Reply {
        try send(Data(request.utf8), port: port, timeout: timeout)
    }

    static func send(_ request: Data, port: UInt16, timeout: Double = 5) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(buffer, count: count)
            if let text = String(data: received, encoding: .utf8), Self.isComplete(text) { break }
        }
        return Reply(raw: String(decoding: received, as: UTF8.self))
    }

    /// True once a Content-Length response has its whole body.
    static func isComplete(_ text: String) -> Bool {
        guard let range = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<range.lowerBound].lowercased()
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return text[range.upperBound...].utf8.count >= length
    }
}
