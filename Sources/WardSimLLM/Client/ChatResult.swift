/// A whole reply, collected by `ChatCompleting.complete(_:)`.
public struct ChatResult: Sendable, Hashable {
    /// The concatenated text deltas.
    public var text: String
    /// Nil when the server ended with `[DONE]` but never gave a reason.
    public var finishReason: FinishReason?
    public var usage: ChatUsage?
    /// From the call to the first text delta; nil when the reply had no text.
    public var timeToFirstToken: Duration?
    /// From the call to the end of the stream.
    public var totalTime: Duration

    public init(
        text: String, finishReason: FinishReason?, usage: ChatUsage?, timeToFirstToken: Duration?, totalTime: Duration
    ) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.timeToFirstToken = timeToFirstToken
        self.totalTime = totalTime
    }
}
