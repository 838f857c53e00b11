/// Something that phrases the patient's reply: the scripted voice, or a language model.
///
/// A voice never decides what the patient knows: it receives the retrieval already made
/// and (for a model) the prompt already built, and returns text as a stream of chunks.
/// `PatientEngine` checks the text before anyone sees it.
public protocol PatientVoice: Sendable {
    /// Recorded with every reply, so a transcript says which voice spoke.
    var kind: VoiceKind { get }

    /// The reply to `request`, in chunks. Throwing (timeout, connection, malformed
    /// stream) makes the engine fall back to the scripted voice for the turn.
    func speak(_ request: VoiceRequest) -> AsyncThrowingStream<String, any Error>
}

/// Which voice produced a reply.
public enum VoiceKind: String, Codable, Sendable, CaseIterable {
    case scripted, llm
}

/// Everything a voice may use for one reply.
public struct VoiceRequest: Sendable {
    public var scenario: Scenario
    public var question: String
    public var retrieval: Retrieval
    /// The interview so far (oldest first), not including this turn.
    public var transcript: [ConversationTurn]
    /// The chat messages for a language model (`LLMPromptBuilder`); empty for the scripted voice.
    public var messages: [ChatMessage]
    /// 0 for the first try, 1 for the one regeneration after a refused reply.
    public var attempt: Int

    public init(
        scenario: Scenario, question: String, retrieval: Retrieval, transcript: [ConversationTurn],
        messages: [ChatMessage] = [], attempt: Int = 0
    ) {
        self.scenario = scenario
        self.question = question
        self.retrieval = retrieval
        self.transcript = transcript
        self.messages = messages
        self.attempt = attempt
    }
}

extension PatientVoice {
    /// The whole reply, chunks joined.
    public func reply(to request: VoiceRequest) async throws -> String {
        var text = ""
        for try await chunk in speak(request) { text += chunk }
        return text
    }
}
