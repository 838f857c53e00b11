import Foundation

/// Where the server writes one JSON line per request.
///
/// The line holds time, method, route pattern, status, duration and request id, and
/// never bodies, query strings, cookies or headers, which may carry passwords or tokens.
public protocol RequestLogger: Sendable {
    func log(_ line: String)
}

/// Writes lines to standard error in batches from a background thread.
///
/// One `write` per request costs as much as the rest of a small request; batching every
/// 50 ms keeps the log complete to within that window and off the request path.
/// `flush()` (called at shutdown) writes whatever is pending.
public final class StandardErrorLogger: RequestLogger, @unchecked Sendable {
    // `lock` protects `pending`.
    private let lock = NSLock()
    private var pending: [UInt8] = []
    private let interval: Double

    public init(flushInterval: Double = 0.05) {
        interval = flushInterval
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: self.interval)
                self.flush()
            }
        }
        thread.name = "wardsim-log"
        thread.start()
    }

    public func log(_ line: String) {
        lock.withLock {
            pending.append(contentsOf: line.utf8)
            pending.append(0x0A)
        }
    }

    /// Writes everything logged so far.
    public func flush() {
        let bytes: [UInt8] = lock.withLock {
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
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
    /// One line, keys in a fixed order: cheap to build and easy to grep.
    static func make(request: Request, status: Int, seconds: Double) -> String {
        let route = request.route.isEmpty ? "unmatched" : request.route
        let milliseconds = (seconds * 1_000_000).rounded() / 1000
        // Appended into one buffer: a chain of `+` allocated a string per piece.
        var line = #"{"time":"#
        line.reserveCapacity(192)
        line += JSONText.quoted(timestamp())
        line += #","method":"#
        line += JSONText.quoted(request.method.rawValue)
        line += #","route":"#
        line += JSONText.quoted(route)
        line += #","status":"#
        line += String(status)
        line += #","durationMs":"#
        line += String(milliseconds)
        line += #","requestId":"#
        line += JSONText.quoted(request.id)
        line += #","remote":"#
        line += JSONText.quoted(request.remoteAddress)
        line += "}"
        return line
    }

    /// UTC time with milliseconds, ISO 8601.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let millis = Int(now.tv_nsec / 1_000_000)
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : String(millis)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milliText)Z"
    }
}
