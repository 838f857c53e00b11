import Foundation
import WardSimLLM

/// Sends one batch of statements to an LRS and reports what came back.
///
/// A protocol so the push logic (batching, retry, ledger) is tested against a real local
/// receiver and against scripted failures alike; `CurlStatementTransport` is the real one.
protocol StatementTransport: Sendable {
    /// POSTs `body` to `url`. Throws `HTTPPost.TransportError` when no HTTP answer came.
    func post(url: String, headers: [(name: String, value: String)], body: Data) throws -> HTTPPost.Reply
}

/// The production transport: libcurl via WardSimLLM's `HTTPPost`.
struct CurlStatementTransport: StatementTransport {
    var timeoutSeconds = 60.0

    func post(url: String, headers: [(name: String, value: String)], body: Data) throws -> HTTPPost.Reply {
        try HTTPPost.send(url: url, headers: headers, body: body, timeoutSeconds: timeoutSeconds)
    }
}
