/// Token counts for one call, from the server's `usage` object.
public struct ChatUsage: Sendable, Hashable, Decodable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    /// Prompt tokens the server took from its cache, when it says
    /// (`usage.prompt_tokens_details.cached_tokens`); shows whether resending the same
    /// prefix each turn pays off.
    public var cachedPromptTokens: Int?

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int? = nil, cachedPromptTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens ?? promptTokens + completionTokens
        self.cachedPromptTokens = cachedPromptTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
        case details = "prompt_tokens_details"
    }

    struct Details: Decodable {
        var cachedTokens: Int?
        enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let prompt = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
        let completion = try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
        self.init(
            promptTokens: prompt, completionTokens: completion,
            totalTokens: try container.decodeIfPresent(Int.self, forKey: .totalTokens),
            cachedPromptTokens: try? container.decodeIfPresent(Details.self, forKey: .details)?.cachedTokens)
    }
}
