import Foundation

/// Turns the body of a successful chat-completions response into `ChatStreamEvent`s.
///
/// Handles what real servers send: `data:` chunks with `choices[0].delta.content`,
/// `finish_reason`, a usage chunk with empty `choices`, `[DONE]`, error objects before
/// or mid-stream (as `data: {"error":…}`, `event: error`, or llama.cpp's `error:` line),
/// `reasoning_content` (ignored), keep-alive comments, and a plain JSON reply from a
/// server that ignored `stream: true`.
///
/// Fed chunk by chunk; `finish()` at the end of the body says whether the reply was
/// complete. Events go to `emit` as they are decoded, so the text that came before an
/// error in the same chunk still reaches the caller. Every failure is an `LLMError`.
struct ChatStreamDecoder {
    /// How the body is framed, decided from `Content-Type`, or from the first
    /// non-space byte when the type says neither.
    enum Framing { case undecided, events, json }

    /// A body this large without a single event is not an event stream.
    static let garbageLimit = 64 << 10
    /// The largest plain JSON reply accepted.
    static let jsonLimit = 8 << 20

    private(set) var framing: Framing
    private var parser = ServerSentEventParser()
    private var json = Data()
    /// `[DONE]` arrived: the reply is complete and the rest of the body is ignored.
    private(set) var isDone = false
    private var sawFinish = false
    private var sawAnyChunk = false
    private let upstream: String
    private let redact: @Sendable (String) -> String
    private let jsonDecoder = JSONDecoder()

    init(contentType: String?, upstream: String, redact: @escaping @Sendable (String) -> String = { $0 }) {
        let type = contentType?.lowercased() ?? ""
        framing = type.contains("event-stream") ? .events : type.contains("json") ? .json : .undecided
        self.upstream = upstream
        self.redact = redact
    }

    /// Consumes one chunk of the body.
    mutating func push(_ chunk: Data, emit: (ChatStreamEvent) -> Void) throws(LLMError) {
        guard !isDone else { return }
        if framing == .undecided {
            guard let first = chunk.first(where: { !Self.isSpace($0) }) else {
                json.append(chunk)  // only whitespace so far; keep it in case this is JSON
                return
            }
            framing = first == UInt8(ascii: "{") ? .json : .events
            if framing == .events && !json.isEmpty {
                _ = parser.push(json)
                json.removeAll()
            }
        }
        switch framing {
        case .json:
            json.append(chunk)
            if json.count > Self.jsonLimit {
                throw failure(.malformedStream, "the JSON reply is larger than \(Self.jsonLimit) bytes")
            }
        case .events, .undecided:
            for event in parser.push(chunk) {
                try handle(event, emit: emit)
                if isDone { break }
            }
            if parser.eventsDispatched == 0 && parser.bytesConsumed > Self.garbageLimit {
                throw failure(
                    .malformedStream, "\(parser.bytesConsumed) bytes without a single event: not an event stream")
            }
        }
    }

    /// The body ended. Emits the last events, or throws when the reply is incomplete.
    mutating func finish(emit: (ChatStreamEvent) -> Void) throws(LLMError) {
        guard !isDone else { return }
        switch framing {
        case .json:
            try decodePlainReply(emit: emit)
        case .undecided:
            throw failure(.malformedStream, "the response body is empty")
        case .events:
            for event in parser.finish() where !isDone {
                try handle(event, emit: emit)
            }
            if isDone || sawFinish { return }
            if !sawAnyChunk {
                throw failure(.malformedStream, "the body is not an event stream of chat chunks")
            }
            throw failure(
                .malformedStream, "the stream ended before a finish_reason or [DONE]: the reply is incomplete")
        }
    }

    // MARK: - Events

    private mutating func handle(_ event: ServerSentEvent, emit: (ChatStreamEvent) -> Void) throws(LLMError) {
        let data = event.data
        if data == "[DONE]"
            || (data.hasSuffix(" ") || data.hasPrefix(" ")) && data.trimmingCharacters(in: .whitespaces) == "[DONE]"
        {
            isDone = true
            return
        }
        if event.event == "error" {
            throw upstreamError(from: Data(data.utf8))
        }
        let payload: CompletionPayload
        do {
            payload = try jsonDecoder.decode(CompletionPayload.self, from: Data(data.utf8))
        } catch {
            throw failure(.malformedStream, "an event's data is not a chat chunk: \(Self.excerpt(data))")
        }
        if let error = payload.error { throw upstreamError(error) }
        sawAnyChunk = true
        if let choice = payload.firstChoice {
            if let text = choice.delta?.content ?? choice.message?.content, !text.isEmpty {
                emit(.text(text))
            }
            if let reason = choice.finishReason, !reason.isEmpty {
                sawFinish = true
                emit(.finish(FinishReason(rawValue: reason)))
            }
        }
        if let usage = Self.usage(from: payload) { emit(.usage(usage)) }
    }

    private mutating func decodePlainReply(emit: (ChatStreamEvent) -> Void) throws(LLMError) {
        let payload: CompletionPayload
        do {
            payload = try jsonDecoder.decode(CompletionPayload.self, from: json)
        } catch {
            let text = String(decoding: json.prefix(300), as: UTF8.self)
            throw failure(.malformedStream, "the reply is not chat-completions JSON: \(Self.excerpt(text))")
        }
        if let error = payload.error { throw upstreamError(error) }
        guard let choice = payload.firstChoice else {
            throw failure(.malformedStream, "the JSON reply has no choices")
        }
        if let text = choice.message?.content ?? choice.delta?.content, !text.isEmpty { emit(.text(text)) }
        if let reason = choice.finishReason, !reason.isEmpty { emit(.finish(FinishReason(rawValue: reason))) }
        if let usage = Self.usage(from: payload) { emit(.usage(usage)) }
        isDone = true
    }

    private static func usage(from payload: CompletionPayload) -> ChatUsage? {
        guard var usage = payload.usage else { return nil }
        if usage.cachedPromptTokens == nil { usage.cachedPromptTokens = payload.timings?.cacheN }
        return usage
    }

    // MARK: - Errors

    /// The data of an `error` event: either `{"error": {...}}` or the object itself.
    private func upstreamError(from data: Data) -> LLMError {
        struct Wrapped: Decodable { var error: UpstreamErrorPayload }
        if let wrapped = try? jsonDecoder.decode(Wrapped.self, from: data) { return upstreamError(wrapped.error) }
        if let bare = try? jsonDecoder.decode(UpstreamErrorPayload.self, from: data) { return upstreamError(bare) }
        return failure(.upstream, Self.excerpt(String(decoding: data, as: UTF8.self)))
    }

    private func upstreamError(_ payload: UpstreamErrorPayload) -> LLMError {
        var error = failure(.upstream, Self.excerpt(payload.message))
        error.upstreamType = payload.type.map { redact(Self.excerpt($0)) }
        error.upstreamCode = payload.code.map { redact(Self.excerpt($0)) }
        return error
    }

    private func failure(_ kind: LLMError.Kind, _ message: String) -> LLMError {
        LLMError(kind, redact(message), upstream: upstream)
    }

    /// At most 200 characters on one line, control characters removed, for messages.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let cleaned = String(
            text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
