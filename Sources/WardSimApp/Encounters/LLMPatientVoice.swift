import WardSimCore
import WardSimLLM

/// The patient voiced by an OpenAI-compatible model, behind Core's `PatientVoice`.
///
/// It receives the prompt that `LLMPromptBuilder` built (persona, this turn's facts, a
/// short history) and nothing else; `PatientEngine` guards what comes back and falls back
/// to the scripted voice when this throws. Sampling settings are always explicit, and the
/// seed is fixed, so a turn is as reproducible as the server allows.
struct LLMPatientVoice: PatientVoice {
    let upstreams: any ChatCompleting
    let model: String
    var temperature = 0.6
    var topP = 0.9
    var maxTokens = 160
    var seed = 7

    var kind: VoiceKind { .llm }

    func speak(_ request: VoiceRequest) -> AsyncThrowingStream<String, any Error> {
        let chat = ChatRequest(
            model: model,
            messages: request.messages.map { message in
                WardSimLLM.ChatMessage(role: Self.role(message.role), content: message.content)
            },
            temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed + request.attempt)
        let events = upstreams.stream(chat)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        if case .text(let text) = event { continuation.yield(text) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func role(_ role: WardSimCore.ChatMessage.Role) -> WardSimLLM.ChatMessage.Role {
        switch role {
        case .system: .system
        case .user: .user
        case .assistant: .assistant
        }
    }
}
