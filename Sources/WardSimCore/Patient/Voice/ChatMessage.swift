/// One message of an OpenAI-compatible chat: the shape `LLMPromptBuilder` produces and
/// the LLM client sends.
public struct ChatMessage: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}
