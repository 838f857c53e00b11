import Foundation

/// Writes lines to standard error in batches from a background thread.
///
/// One `write` per request costs as much as the rest of a small request; batching every
/// 50 ms keeps the log complete to within that window and off the request path. Access
/// records are kept as they are and formatted into their lines here too, so a request
/// pays only for appending a record. `flush()` (called at shutdown) writes whatever is
/// pending, in the order it was logged.
public final class StandardErrorLogger: RequestLogger, @unchecked Sendable {
    // `lock` protects `pending`.
    private let lock = NSLock()
    private var pending: [Entry] = []
    private let interval: Double

    private enum Entry {
        case line(String)
        case access(AccessRecord)
    }

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
        lock.withLock { pending.append(.line(line)) }
    }

    public func logAccess(_ record: AccessRecord) {
        lock.withLock { pending.append(.access(record)) }
    }

    /// Writes everything logged so far.
    public func flush() {
        let entries: [Entry] = lock.withLock {
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 180)
        for entry in entries {
            switch entry {
            case .line(let line): bytes.append(contentsOf: line.utf8)
            case .access(let record): bytes.append(contentsOf: record.line.utf8)
            }
            bytes.append(0x0A)
        }
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
