import Foundation

/// Where the server writes one JSON line per request.
///
/// The line holds time, method, route pattern, status, duration and request id, and
/// never bodies, query strings, cookies or headers, which may carry passwords or tokens.
public protocol RequestLogger: Sendable {
    func log(_ line: String)
    /// Records one request; a logger may format it later, off the request's thread.
    func logAccess(_ record: AccessRecord)
}

extension RequestLogger {
    public func logAccess(_ record: AccessRecord) { log(record.line) }
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
    public func logAccess(_ record: AccessRecord) {}
}
