/// Anything that answers chat requests: one upstream (`ChatCompletionsClient`), several
/// (`UpstreamPool`), or a fake in the application's tests.
///
/// The patient voice depends on this protocol only, so it can be tested without a
/// network and pointed at one server or many without change.
public protocol ChatCompleting: Sendable {
    /// Streams the reply. The stream throws `LLMError` (and only that); cancelling the
    /// consuming task or dropping the stream aborts the upstream call.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error>

    /// The whole reply with timings; throws `LLMError`.
    func complete(_ request: ChatRequest) async throws -> ChatResult
}

extension ChatCompleting {
    public func complete(_ request: ChatRequest) async throws -> ChatResult {
        let clock = ContinuousClock()
        let start = clock.now
        var text = ""
        var finish: FinishReason?
        var usage: ChatUsage?
        var firstToken: Duration?
        do {
            for try await event in stream(request) {
                switch event {
                case .text(let piece):
                    if firstToken == nil { firstToken = clock.now - start }
                    text += piece
                case .finish(let reason): finish = reason
                case .usage(let value): usage = value
                }
            }
        } catch let error as LLMError {
            throw error
        } catch {
            throw LLMError(.malformedStream, "unexpected error: \(error)")
        }
        // A cancelled consumer sees the stream end early rather than throw.
        if Task.isCancelled { throw LLMError(.cancelled, "the caller cancelled the request") }
        return ChatResult(
            text: text, finishReason: finish, usage: usage, timeToFirstToken: firstToken, totalTime: clock.now - start)
    }
}
