import Foundation
import WardSimHTTP

/// A real OpenAI-compatible upstream on 127.0.0.1 (WardSimHTTP's server, port 0) that
/// plays a script and misbehaves on demand, for driving the app's LLM voice end to end.
/// A trimmed copy of the one in `WardSimLLMTests` (test targets cannot share code).
///
/// Every request body is kept, so a test can prove what the model was (never) told.
final class ScriptedUpstream: @unchecked Sendable {
    // `lock` protects `requests`; `server` is immutable after init.
    private let lock = NSLock()
    private var requests: [Request] = []
    private var server: HTTPServer!

    /// One step of a streamed reply.
    enum Step: Sendable {
        /// A chunk with `choices[0].delta.content`.
        case delta(String)
        /// A chunk with `finish_reason` and an empty delta.
        case finish(String)
        /// Any `data:` payload as written.
        case data(String)
        /// `data: [DONE]`.
        case done
        case pause(Duration)
    }

    /// What the server does with a request.
    typealias Script = @Sendable (Request, ScriptedUpstream) async -> Response

    init(_ script: @escaping Script) throws {
        var router = Router()
        router.add(
            .post, "/v1/chat/completions",
            .async { [unowned self] request in
                lock.withLock { requests.append(request) }
                return await script(request, self)
            })
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.shutdownGracePeriod = 1
        server = HTTPServer(configuration: configuration, router: router, logger: NullLogger())
        try server.start()
    }

    /// Stopping waits for in-flight requests (up to the grace period): on a thread of its
    /// own, so a test ending never blocks the cooperative pool.
    deinit {
        let server = self.server!
        Thread { server.stop() }.start()
    }

    var baseURL: String { "http://127.0.0.1:\(server.port)" }

    /// The bodies of every request received, as text.
    var receivedBodies: [String] { lock.withLock { requests.map { String(decoding: $0.body, as: UTF8.self) } } }

    /// The chat messages' contents of every request received, joined per request.
    var receivedPrompts: [String] {
        receivedBodies.map { body in
            let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
            let messages = object?["messages"] as? [[String: Any]] ?? []
            return messages.compactMap { $0["content"] as? String }.joined(separator: "\n")
        }
    }

    // MARK: - Responses

    /// An event-stream response that plays `steps` from a task.
    func streaming(_ steps: [Step]) -> Response {
        let stream = EventStream()
        Task {
            for step in steps {
                if stream.isCancelled { break }
                switch step {
                case .delta(let text): stream.send(data: Self.chunk(delta: ["content": text]))
                case .finish(let reason): stream.send(data: Self.chunk(delta: [:], finish: reason))
                case .data(let payload): stream.send(data: payload)
                case .done: stream.send(data: "[DONE]")
                case .pause(let duration): try? await Task.sleep(for: duration)
                }
            }
            stream.finish()
        }
        return .eventStream(stream)
    }

    /// A normal streamed reply of `text`, in two chunks.
    func reply(_ text: String) -> Response {
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        return streaming([
            .delta(String(text[..<middle])), .delta(String(text[middle...])), .finish("stop"), .done,
        ])
    }

    /// A plain response with a status and body.
    static func plain(_ status: Int, _ body: String, contentType: String = "application/json") -> Response {
        var fields = HTTPHeaders()
        fields.set("Content-Type", contentType)
        return Response(status: status, headers: fields, body: .bytes(Data(body.utf8)))
    }

    /// The facts the prompt gave for this turn: the `- ` lines of the last message. A
    /// model that repeats them is perfectly grounded.
    static func facts(in request: Request) -> [String] {
        let object = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
        let last = (object?["messages"] as? [[String: Any]])?.last?["content"] as? String ?? ""
        return last.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    static func chunk(delta: [String: Any], finish: String? = nil) -> String {
        let object: [String: Any] = [
            "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "test",
            "choices": [["index": 0, "delta": delta, "finish_reason": finish as Any? ?? NSNull()]],
        ]
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
