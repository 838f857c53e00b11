/// Collects an export's bytes into chunks and hands each full chunk on, so memory holds
/// one chunk however many rows are written.
///
/// The destination (`flush`) is a file, an HTTP response stream or, in tests, an array
/// that records each call: a test can see that output leaves in pieces while rows are
/// still being produced, which is what "streaming" means here.
///
/// ```swift
/// let output = ChunkedOutput(chunkSize: 64 << 10) { chunk in try file.write(contentsOf: chunk) }
/// try output.write("a,b\r\n")
/// try output.finish()
/// ```
final class ChunkedOutput {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let flush: ([UInt8]) throws -> Void
    /// Bytes handed to `flush` so far.
    private(set) var bytesWritten = 0

    init(chunkSize: Int = 64 << 10, flush: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.flush = flush
        buffer.reserveCapacity(self.chunkSize + 1024)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { try drain() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try drain() }
    }

    /// Hands on whatever is buffered.
    func finish() throws {
        if !buffer.isEmpty { try drain() }
    }

    private func drain() throws {
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        bytesWritten += chunk.count
        try flush(chunk)
    }
}

@available(*, unavailable, message: "An export writes from one thread.")
extension ChunkedOutput: Sendable {}
