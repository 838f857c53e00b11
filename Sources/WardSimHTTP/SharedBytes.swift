public import Foundation

/// An immutable body that many responses send without copying (static assets).
///
/// libmicrohttpd copies a `.bytes` body into every response; an asset served thousands of
/// times a second is better handed over by pointer. Each response retains the buffer
/// until libmicrohttpd has sent it and calls back, so a reload of the assets can never
/// free bytes a slow client is still reading.
public final class SharedBytes: @unchecked Sendable {
    // Immutable after init: the buffer is written once here and only read afterwards.
    let buffer: UnsafeMutableRawBufferPointer

    public init(_ data: Data) {
        buffer = .allocate(byteCount: max(1, data.count), alignment: 1)
        data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
        count = data.count
    }

    /// The number of bytes (the buffer is never empty, even for an empty body).
    public let count: Int

    /// A copy of the bytes (tests and logs).
    public var data: Data { Data(bytes: buffer.baseAddress!, count: count) }

    deinit { buffer.deallocate() }
}
