import Foundation

/// A streamed response body that a producer writes to while the server sends it:
/// Server-Sent Events (`send`), or raw bytes for other chunked bodies (`write`, used by
/// CSV exports).
///
/// The producer (any thread or task) calls `send` and finally `finish`; the server
/// drains the buffer from libmicrohttpd's content-reader callback. When the buffer is
/// empty the server parks the connection (suspends it) and the next `send` wakes it,
/// so a slow LLM never ties up one of the server's few threads. A producer that can
/// outrun the network calls `waitForSpace(below:)` between writes, so the buffer (and
/// memory) stays bounded however long the body is.
public final class EventStream: @unchecked Sendable {
    // `lock` protects every stored var below.
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var readOffset = 0
    private var finished = false
    private var cancelled = false
    private var failed = false
    private var wake: (@Sendable () -> Void)?
    private var spaceWaiter: DispatchSemaphore?

    public init() {}

    /// Sends one event. Multi-line data becomes several `data:` lines, as the spec requires.
    public func send(event: String? = nil, data: String, id: String? = nil) {
        var text = ""
        if let event { text += "event: \(event)\n" }
        if let id { text += "id: \(id)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        text += "\n"
        append(Array(text.utf8))
    }

    /// Sends a comment line, which keeps proxies from timing the stream out.
    public func sendComment(_ comment: String) {
        append(Array(": \(comment)\n\n".utf8))
    }

    /// Sends raw bytes, for a chunked body that is not Server-Sent Events.
    public func write(_ bytes: [UInt8]) {
        append(bytes)
    }

    /// Blocks the calling thread until fewer than `limit` bytes wait to be sent, or the
    /// stream has ended (finished, failed, or the client went away).
    ///
    /// For producers on their own thread only: it blocks, so never call it from a server
    /// thread or a Swift concurrency task.
    public func waitForSpace(below limit: Int) {
        while true {
            let semaphore: DispatchSemaphore? = lock.withLock {
                if buffer.count - readOffset < limit || finished || cancelled || failed { return nil }
                let semaphore = DispatchSemaphore(value: 0)
                spaceWaiter = semaphore
                return semaphore
            }
            guard let semaphore else { return }
            semaphore.wait()
        }
    }

    /// Ends the stream abnormally: the connection is closed without the final chunk, so
    /// the client sees an incomplete body instead of a truncated one that looks whole.
    public func fail() {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            failed = true
            spaceWaiter?.signal()
            spaceWaiter = nil
            defer { wake = nil }
            return wake
        }
        toWake?()
    }

    /// Ends the stream once everything sent so far has been delivered.
    public func finish() {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            finished = true
            spaceWaiter?.signal()
            spaceWaiter = nil
            defer { wake = nil }
            return wake
        }
        toWake?()
    }

    /// True once the client went away; producers should stop early.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// True once `finish` was called.
    public var isFinished: Bool { lock.withLock { finished } }

    private func append(_ bytes: [UInt8]) {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            guard !finished, !cancelled else { return nil }
            buffer.append(contentsOf: bytes)
            defer { wake = nil }
            return wake
        }
        toWake?()
    }

    // MARK: - Server side

    enum ReadResult: Equatable {
        case bytes(Int)
        case wouldBlock
        case end
        case failed
    }

    /// Copies up to `max` bytes into `destination`. When there is nothing to send yet,
    /// calls `park` under the lock (the server suspends the connection there) and
    /// remembers `wake` to be called by the next write.
    func read(
        into destination: UnsafeMutablePointer<UInt8>, max: Int,
        park: () -> Void, wake: @escaping @Sendable () -> Void
    ) -> ReadResult {
        lock.lock()
        defer { lock.unlock() }
        if failed { return .failed }
        let available = buffer.count - readOffset
        if available > 0 {
            let count = min(available, max)
            buffer.withUnsafeBufferPointer { source in
                destination.update(from: source.baseAddress! + readOffset, count: count)
            }
            readOffset += count
            if readOffset == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                readOffset = 0
            } else if readOffset >= 64 << 10, readOffset * 2 >= buffer.count {
                // A producer that keeps the buffer topped up never lets it empty: drop
                // the sent prefix so the buffer does not grow with the body.
                buffer.removeFirst(readOffset)
                readOffset = 0
            }
            spaceWaiter?.signal()
            spaceWaiter = nil
            return .bytes(count)
        }
        if finished || cancelled { return .end }
        park()
        self.wake = wake
        return .wouldBlock
    }

    /// Called by the server when the connection closes, whatever the reason.
    func cancel() {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            cancelled = true
            spaceWaiter?.signal()
            spaceWaiter = nil
            defer { wake = nil }
            return wake
        }
        toWake?()
    }
}
