public import Foundation

/// The body of `POST /v1/chat/completions`.
///
/// Sampling parameters are not optional: servers disagree about defaults (llama-server's
/// temperature is 0.8, OpenAI's 1.0, some read a missing seed as "random"), so a reply
/// would depend on which server answered. Sending all four makes a turn reproducible on
/// any server that honours them.
///
/// `encoded()` is byte-stable: the same request always gives the same bytes (sorted
/// keys, no escaped slashes). Servers that cache prompts (llama-server's `cache_prompt`,
/// vLLM's prefix cache, OpenAI's automatic caching) match on the prompt's prefix, so a
/// caller that keeps the persona and earlier turns unchanged gets them reused.
public struct ChatRequest: Codable, Sendable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double
    public var topP: Double
    public var maxTokens: Int
    public var seed: Int
    /// Asks for Server-Sent Events. `ChatCompletionsClient` still understands a plain
    /// JSON reply from a server that ignores it.
    public var stream: Bool
    /// Asks for a final usage chunk (`stream_options: {include_usage: true}`). Some
    /// older servers reject unknown fields, hence the switch.
    public var includeUsage: Bool
    /// Sequences that end the reply, e.g. a role marker the model might start to invent.
    public var stop: [String]?

    public init(
        model: String, messages: [ChatMessage], temperature: Double, topP: Double, maxTokens: Int, seed: Int,
        stream: Bool = true, includeUsage: Bool = true, stop: [String]? = nil
    ) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.stream = stream
        self.includeUsage = includeUsage
        self.stop = stop
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed, stream, stop
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case streamOptions = "stream_options"
    }

    struct StreamOptions: Codable, Hashable {
        var includeUsage: Bool
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        messages = try container.decode([ChatMessage].self, forKey: .messages)
        temperature = try container.decode(Double.self, forKey: .temperature)
        topP = try container.decode(Double.self, forKey: .topP)
        maxTokens = try container.decode(Int.self, forKey: .maxTokens)
        seed = try container.decode(Int.self, forKey: .seed)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream) ?? false
        includeUsage = try container.decodeIfPresent(StreamOptions.self, forKey: .streamOptions)?.includeUsage ?? false
        stop = try container.decodeIfPresent([String].self, forKey: .stop)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(topP, forKey: .topP)
        try container.encode(maxTokens, forKey: .maxTokens)
        try container.encode(seed, forKey: .seed)
        try container.encode(stream, forKey: .stream)
        // stream_options is only valid alongside stream: true (OpenAI rejects it otherwise).
        if stream && includeUsage { try container.encode(StreamOptions(includeUsage: true), forKey: .streamOptions) }
        try container.encodeIfPresent(stop, forKey: .stop)
    }

    /// The JSON body, byte-identical for equal requests.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
