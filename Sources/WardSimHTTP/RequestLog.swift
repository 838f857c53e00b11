import Foundation

/// Where the server writes one JSON line per request.
///
/// The line holds time, method, route pattern, status, duration and request id, and
/// never bodies, query strings, cookies or headers, which may carry passwords or tokens.
public protocol RequestLogger: Sendable {
    func log(_ line: String)
}

/// Writes each line to standard error.
public struct StandardErrorLogger: RequestLogger {
    public init() {}
    public func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Keeps lines in memory; for tests that check what was (and was not) logged.
public final class MemoryLogger: RequestLogger, @unchecked Sendable {
    // `lock` protects `lines`.
    private let lock = NSLock()
    private var stored: [String] = []
    public init() {}
    public func log(_ line: String) { lock.withLock { stored.append(line) } }
    public var lines: [String] { lock.withLock { stored } }
}

/// Discards everything (benchmarks).
public struct NullLogger: RequestLogger {
    public init() {}
    public func log(_ line: String) {}
}

enum AccessLogLine {
    static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func make(request: Request, status: Int, seconds: Double) -> String {
        let object: [String: Any] = [
            "time": Date().formatted(timeStyle),
            "method": request.method.rawValue,
            "route": request.route.isEmpty ? "unmatched" : request.route,
            "status": status,
            "durationMs": (seconds * 1_000_000).rounded() / 1000,
            "requestId": request.id,
            "remote": request.remoteAddress,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
