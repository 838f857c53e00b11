/// Why the model stopped: the `finish_reason` of the last choice chunk.
///
/// A struct so that server-specific reasons (`eos`, `abort`) pass through unchanged.
public struct FinishReason: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A natural end or a stop sequence.
    public static let stop = FinishReason(rawValue: "stop")
    /// `max_tokens` reached: the reply is cut short.
    public static let length = FinishReason(rawValue: "length")
    public static let contentFilter = FinishReason(rawValue: "content_filter")
    public static let toolCalls = FinishReason(rawValue: "tool_calls")
}
