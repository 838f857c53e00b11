import Foundation
import WardSimHTTP

/// A real OpenAI-compatible upstream on 127.0.0.1 (WardSimHTTP's server, port 0) that
/// plays a script and can misbehave on demand: slow, silent, cut short, endless,
/// erroring, or answering garbage.
///
/// Every request is recorded (headers and exact body bytes) for assertions, and every
/// event stream it opened is kept so a test can check that the client hung up.
final class ScriptedUpstream: @unchecked Sendable {
    // `lock` protects `requests` and `streams`; `server` is immutable after init.
    private let lock = NSLock()
    private var requests: [Request] = []
    private var streams: [EventStream] = []
    private var server: HTTPServer!

    /// One step of a streamed reply.
    enum Step: Sendable {
        /// A chunk with `choices[0].delta.content`.
        case delta(String)
        /// A chunk with only `reasoning_content`, which clients must ignore.
        case reasoning(String)
        /// A chunk with `finish_reason` and an empty delta.
        case finish(String)
        /// A usage-only chunk: `choices: []`.
        case usage(prompt: Int, completion: Int)
        /// Any `data:` payload as written.
        case data(String)
        /// A named event.
        case event(String, data: String)
        /// A keep-alive comment.
        case comment
        /// `data: [DONE]`.
        case done
        case pause(Duration)
        /// A delta every `interval`, until the client goes away.
        case forever(interval: Duration)
    }

    /// What the server does with a request.
    typealias Script = @Sendable (Request, ScriptedUpstream) async -> Response

    init(threads: Int = 2, _ script: @escaping Script) throws {
        var router = Router()
        let handler: Handler = .async { [unowned self] request in
            lock.withLock { requests.append(request) }
            return await script(request, self)
        }
        router.add(.post, "/v1/chat/completions", handler)
        router.add(.post, "/other/v1/chat/completions", handler)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = threads
        configuration.shutdownGracePeriod = 1
        server = HTTPServer(configuration: configuration, router: router, logger: NullLogger())
        try server.start()
    }

    /// A server that streams `steps` to every request.
    convenience init(threads: Int = 2, steps: [Step]) throws {
        try self.init(threads: threads) { _, upstream in upstream.streaming(steps) }
    }

    /// Stopping waits for in-flight requests (up to the grace period); do it on a
    /// thread of its own so a test ending never blocks the cooperative pool that the
    /// other tests' timings depend on.
    deinit {
        let server = self.server!
        Thread { server.stop() }.start()
    }

    var port: UInt16 { server.port }
    var baseURL: String { "http://127.0.0.1:\(server.port)" }
    var received: [Request] { lock.withLock { requests } }
    var openConnections: Int { server.openConnections }
    var openedStreams: [EventStream] { lock.withLock { streams } }

    /// Stops listening (later connections are refused).
    func stop() { server.stop() }

    // MARK: - Responses

    /// An event-stream response that plays `steps` from a task.
    func streaming(_ steps: [Step]) -> Response {
        let stream = EventStream()
        lock.withLock { streams.append(stream) }
        Task {
            for step in steps {
                if stream.isCancelled { break }
                switch step {
                case .delta(let text): stream.send(data: Self.chunk(delta: ["content": text]))
                case .reasoning(let text): stream.send(data: Self.chunk(delta: ["reasoning_content": text]))
                case .finish(let reason): stream.send(data: Self.chunk(delta: [:], finish: reason))
                case .usage(let prompt, let completion):
                    stream.send(
                        data: Self.json([
                            "id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [],
                            "usage": [
                                "prompt_tokens": prompt, "completion_tokens": completion,
                                "total_tokens": prompt + completion,
                            ],
                        ]))
                case .data(let payload): stream.send(data: payload)
                case .event(let name, let payload): stream.send(event: name, data: payload)
                case .comment: stream.sendComment("keep-alive")
                case .done: stream.send(data: "[DONE]")
                case .pause(let duration): try? await Task.sleep(for: duration)
                case .forever(let interval):
                    while !stream.isCancelled {
                        stream.send(data: Self.chunk(delta: ["content": "la "]))
                        try? await Task.sleep(for: interval)
                    }
                }
            }
            stream.finish()
        }
        return .eventStream(stream)
    }

    /// A plain response with a status and body.
    static func plain(
        _ status: Int, _ body: String, contentType: String = "application/json", headers: [(String, String)] = []
    ) -> Response {
        var fields = HTTPHeaders(headers)
        fields.set("Content-Type", contentType)
        return Response(status: status, headers: fields, body: .bytes(Data(body.utf8)))
    }

    static func chunk(delta: [String: Any], finish: String? = nil) -> String {
        json([
            "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "test",
            "choices": [["index": 0, "delta": delta, "finish_reason": finish as Any? ?? NSNull()]],
        ])
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A normal reply: "Hello", " there", finish, usage, [DONE].
    static let normalSteps: [Step] = [
        .delta("Hello"), .delta(" there"), .finish("stop"), .usage(prompt: 12, completion: 2), .done,
    ]
}
