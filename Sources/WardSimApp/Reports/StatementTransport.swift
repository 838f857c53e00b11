import Foundation
import WardSimLLM

/// What an LRS answered to one batch.
struct StatementTransportReply: Sendable, Equatable {
    var status: Int
    /// `Retry-After` in seconds, when the server gave a number.
    var retryAfterSeconds: Double?
    var body: Data
}

/// Sends one batch of statements to an LRS and reports what came back.
///
/// A protocol so the push logic (batching, retry, ledger) is tested against a real local
/// receiver and against scripted failures alike; `CurlStatementTransport` is the real one.
/// Synchronous, because the push runs inside a SQLite row loop on its own thread.
protocol StatementTransport: Sendable {
    /// POSTs `body` to `url`. Throws when no HTTP answer came (refused, timed out …).
    func post(url: String, headers: [(name: String, value: String)], body: Data) throws -> StatementTransportReply
}

/// The production transport: WardSimLLM's libcurl client (`CurlHTTPClient`), which
/// drives transfers on its own loop thread with explicit connect, stall and total
/// limits, http/https only and no redirects.
///
/// The caller's thread waits for the reply. Call it from a thread of your own (the CLI's
/// main thread, a test's worker thread), never from a Swift concurrency task: the reply
/// is read by a task on the cooperative pool.
struct CurlStatementTransport: StatementTransport {
    var timeouts = LLMTimeouts(
        connect: .seconds(10), firstToken: .seconds(60), stall: .seconds(30), total: .seconds(120))
    var client = CurlHTTPClient.shared

    func post(url: String, headers: [(name: String, value: String)], body: Data) throws -> StatementTransportReply {
        let request = HTTPRequest(
            method: "POST", url: url, headers: headers.map { HTTPField(name: $0.name, value: $0.value) }, body: body,
            timeouts: timeouts)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let client = self.client
        Task.detached {
            do {
                let (head, data) = try await client.send(request, limit: 1 << 20)
                outcome.set(
                    .success(
                        StatementTransportReply(
                            status: head.status, retryAfterSeconds: head.retryAfter.map { Self.seconds($0) },
                            body: data)))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The reply handed from the task to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        // `lock` protects `result`; the semaphore orders set-before-get.
        private let lock = NSLock()
        private var result: Result<StatementTransportReply, any Error> = .failure(CancellationError())
        func set(_ value: Result<StatementTransportReply, any Error>) { lock.withLock { result = value } }
        func get() throws -> StatementTransportReply { try lock.withLock { try result.get() } }
    }
}
