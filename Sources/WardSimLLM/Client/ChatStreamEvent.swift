/// What a streaming chat call yields, in order: text deltas as they arrive, then the
/// finish reason, then usage (when the server reports it).
public enum ChatStreamEvent: Sendable, Hashable {
    /// The next piece of the reply (`choices[0].delta.content`); never empty.
    case text(String)
    /// Why generation stopped.
    case finish(FinishReason)
    /// Token counts, from the last chunk or a usage-only chunk with empty `choices`.
    case usage(ChatUsage)
}
