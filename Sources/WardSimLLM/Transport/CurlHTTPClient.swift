public import Foundation

/// An HTTP client on libcurl whose responses arrive as an `AsyncThrowingStream`.
///
/// Each request gets its own easy handle; all of a client's transfers are driven by one
/// dedicated thread (see `CurlEventLoop`), so awaiting a slow upstream never blocks a
/// Swift concurrency thread. Cancelling the consuming task, or dropping the stream,
/// aborts the transfer at once and closes the connection, which tells a llama-server to
/// stop generating.
///
/// ```swift
/// for try await event in CurlHTTPClient.shared.stream(request) {
///     switch event {
///     case .head(let head): print(head.status)
///     case .body(let chunk): parser.push(chunk)
///     }
/// }
/// ```
///
/// Failures are thrown as `LLMError`, carrying curl's own message (`curl_easy_strerror`
/// plus `CURLOPT_ERRORBUFFER`). A status of 400 or more is not an error at this level:
/// it arrives as a `head` like any other.
public final class CurlHTTPClient: Sendable {
    /// The process-wide client: one loop thread, one connection cache.
    public static let shared = CurlHTTPClient()

    private let loop = CurlEventLoop()

    /// A client with its own loop thread (started at the first request) and connection
    /// cache. Most code should use `shared`.
    public init() {}

    deinit { loop.shutdown() }

    /// Runs `curl_global_init` now if it has not run yet. Optional: the first client
    /// does it anyway, but libcurl prefers it before other threads exist.
    @discardableResult
    public static func initializeGlobally() -> Bool { CurlGlobal.ensure() }

    /// Starts `request` and streams its response.
    ///
    /// - Parameter redacting: text removed from every error message (pass the API key's
    ///   `redact`), in case a server or proxy echoes request headers back.
    public func stream(
        _ request: HTTPRequest, redacting redact: @escaping @Sendable (String) -> String = { $0 }
    ) -> AsyncThrowingStream<HTTPStreamEvent, any Error> {
        start(request, redacting: redact).stream
    }

    /// `stream`, plus the transfer itself so that a consumer that has read all it needs
    /// can let the rest drain (`CurlTransfer.drain(for:)`) rather than abort.
    func start(
        _ request: HTTPRequest, redacting redact: @escaping @Sendable (String) -> String
    ) -> (stream: AsyncThrowingStream<HTTPStreamEvent, any Error>, transfer: CurlTransfer) {
        let (stream, continuation) = AsyncThrowingStream<HTTPStreamEvent, any Error>.makeStream()
        let transfer = CurlTransfer(id: loop.makeID(), request: request, continuation: continuation, redact: redact)
        let id = transfer.id
        continuation.onTermination = { [loop] termination in
            if case .cancelled = termination { loop.cancel(id) }
        }
        loop.submit(transfer)
        return (stream, transfer)
    }

    /// Sends `request` and collects the whole response (at most `limit` body bytes;
    /// the transfer is abandoned past that).
    public func send(_ request: HTTPRequest, limit: Int = 16 << 20) async throws -> (HTTPResponseHead, Data) {
        var head = HTTPResponseHead(status: 0)
        var body = Data()
        for try await event in stream(request) {
            switch event {
            case .head(let value): head = value
            case .body(let chunk):
                body.append(chunk)
                if body.count > limit {
                    throw LLMError(.malformedStream, "the response is larger than \(limit) bytes")
                }
            }
        }
        try Task.checkCancellation()
        return (head, body)
    }
}
