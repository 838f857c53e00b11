import Foundation

/// Talks to one OpenAI-compatible server: `POST {base}/v1/chat/completions` with
/// `stream: true`, parsed as it arrives.
///
/// ```swift
/// let client = ChatCompletionsClient(
///     endpoint: try UpstreamEndpoint("http://127.0.0.1:8080"),
///     apiKey: APIKey(environment: "WARDSIM_LLM_API_KEY"),
///     timeouts: LLMTimeouts(firstToken: .seconds(10), total: .seconds(30)))
/// for try await event in client.stream(request) {
///     if case .text(let piece) = event { send(piece) }
/// }
/// ```
///
/// Every failure is an `LLMError` whose message never contains the API key. Each call
/// is reported to the `LLMMetricsRecorder`, when one is given.
public struct ChatCompletionsClient: ChatCompleting {
    public let endpoint: UpstreamEndpoint
    public let timeouts: LLMTimeouts
    private let apiKey: APIKey?
    private let metrics: (any LLMMetricsRecorder)?
    private let http: CurlHTTPClient

    /// The largest error body kept for `LLMError.bodyExcerpt` (the rest is not read).
    static let errorBodyLimit = 8 << 10
    /// How long the rest of a response may take to arrive after `[DONE]`, read and
    /// discarded so the connection can be reused. The caller does not wait for it.
    static let drainGrace: Duration = .milliseconds(250)

    public init(
        endpoint: UpstreamEndpoint, apiKey: APIKey? = nil, timeouts: LLMTimeouts = LLMTimeouts(),
        metrics: (any LLMMetricsRecorder)? = nil, http: CurlHTTPClient = .shared
    ) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.metrics = metrics
        self.http = http
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<ChatStreamEvent, any Error>.makeStream()
        let task = Task { await run(request, into: continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The HTTP request for `request`: the exact bytes and headers sent.
    func httpRequest(for request: ChatRequest) throws(LLMError) -> HTTPRequest {
        let body: Data
        do {
            body = try request.encoded()
        } catch {
            throw LLMError(.malformedStream, "cannot encode the request: \(error)", upstream: endpoint.label)
        }
        var headers = [
            HTTPField(name: "Content-Type", value: "application/json"),
            HTTPField(
                name: "Accept", value: request.stream ? "text/event-stream, application/json" : "application/json"),
        ]
        if let apiKey { headers.append(HTTPField(name: "Authorization", value: apiKey.authorizationValue)) }
        return HTTPRequest(
            method: "POST", url: endpoint.chatCompletionsURL, headers: headers, body: body, timeouts: timeouts)
    }

    // MARK: - One call

    private func run(
        _ request: ChatRequest, into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
    ) async {
        let clock = ContinuousClock()
        let start = clock.now
        var firstToken: Duration?
        var usage: ChatUsage?
        var finished = false
        let outcome: LLMError?
        do {
            try await receive(request) { event in
                switch event {
                case .text: if firstToken == nil { firstToken = clock.now - start }
                case .finish: finished = true
                case .usage(let value): usage = value
                }
                continuation.yield(event)
            }
            outcome = nil
        } catch {
            // A caller that stops listening once it has the finish reason got its whole
            // reply: that is a success, not a cancellation, for the metrics.
            outcome = error.kind == .cancelled && finished ? nil : error
        }
        metrics?.recordCall(
            LLMCallRecord(
                upstream: endpoint.label, error: outcome, duration: clock.now - start, timeToFirstToken: firstToken,
                usage: usage))
        if let outcome {
            continuation.finish(throwing: outcome)
        } else {
            continuation.finish()
        }
    }

    /// Sends the request and feeds every decoded event to `yield`; throws `LLMError`.
    private func receive(_ request: ChatRequest, yield: (ChatStreamEvent) -> Void) async throws(LLMError) {
        let redact: @Sendable (String) -> String = { [apiKey] text in apiKey?.redact(text) ?? text }
        let httpRequest = try httpRequest(for: request)
        var head: HTTPResponseHead?
        var decoder: ChatStreamDecoder?
        var errorBody = Data()
        let (events, transfer) = http.start(httpRequest, redacting: redact)
        do {
            receiving: for try await event in events {
                switch event {
                case .head(let value):
                    head = value
                    if (200..<300).contains(value.status) {
                        decoder = ChatStreamDecoder(
                            contentType: value.value(for: "Content-Type"), upstream: endpoint.label, redact: redact)
                    }
                case .body(let chunk):
                    if var current = decoder {
                        defer { decoder = current }
                        try current.push(chunk, emit: yield)
                        if current.isDone {
                            transfer.drain(for: Self.drainGrace)
                            break receiving
                        }
                    } else {
                        errorBody.append(chunk.prefix(Self.errorBodyLimit - errorBody.count))
                        if errorBody.count >= Self.errorBodyLimit { break receiving }
                    }
                }
            }
        } catch let error as LLMError {
            throw error
        } catch {
            throw LLMError(.connection, redact("\(error)"), upstream: endpoint.label)
        }
        if Task.isCancelled { throw LLMError(.cancelled, "the caller cancelled the request", upstream: endpoint.label) }
        guard let head else {
            throw LLMError(.malformedStream, "the server sent no response", upstream: endpoint.label)
        }
        guard var decoder else { throw httpError(head, body: errorBody, redact: redact) }
        try decoder.finish(emit: yield)
    }

    /// An `.http` error with a short, key-free excerpt of the body: the server's own
    /// `error.message` when the body is an OpenAI error object, else its first characters.
    private func httpError(_ head: HTTPResponseHead, body: Data, redact: (String) -> String) -> LLMError {
        struct Wrapped: Decodable { var error: UpstreamErrorPayload }
        let excerpt: String
        if let wrapped = try? JSONDecoder().decode(Wrapped.self, from: body) {
            excerpt = ChatStreamDecoder.excerpt(wrapped.error.message)
        } else {
            excerpt = ChatStreamDecoder.excerpt(String(decoding: body.prefix(400), as: UTF8.self))
        }
        return LLMError(
            .http(status: head.status), "the server answered HTTP \(head.status)", upstream: endpoint.label,
            bodyExcerpt: redact(excerpt), retryAfter: head.retryAfter)
    }
}
