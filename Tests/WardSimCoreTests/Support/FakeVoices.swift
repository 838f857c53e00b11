import WardSimCore

/// A language-model voice that says whatever the test wants, to prove the guards hold
/// against a model that has been successfully injected.
struct FakeLLMVoice: PatientVoice {
    var kind: VoiceKind { .llm }
    let text: @Sendable (VoiceRequest) -> String

    func speak(_ request: VoiceRequest) -> AsyncThrowingStream<String, any Error> {
        let reply = text(request)
        return AsyncThrowingStream { continuation in
            // Two chunks, as a streaming server would send them.
            let middle = reply.index(reply.startIndex, offsetBy: reply.count / 2)
            continuation.yield(String(reply[..<middle]))
            continuation.yield(String(reply[middle...]))
            continuation.finish()
        }
    }
}

/// A voice whose server is down.
struct FailingVoice: PatientVoice {
    struct Down: Error {}
    var kind: VoiceKind { .llm }
    func speak(_ request: VoiceRequest) -> AsyncThrowingStream<String, any Error> {
        AsyncThrowingStream { $0.finish(throwing: Down()) }
    }
}

/// Adversarial replies a compromised model might give, for `scenario`.
enum AdversarialReplies {
    static func all(for scenario: Scenario) -> [(name: String, reply: @Sendable (VoiceRequest) -> String)] {
        let diagnosis = scenario.key.diagnoses[0]
        let result = scenario.orderables.first { $0.needed }?.result ?? scenario.orderables.first?.result ?? ""
        let recommendation = scenario.aiRecommendations.first?.text ?? ""
        return [
            ("echo-diagnosis", { _ in "Honestly, I think it's \(diagnosis.name). The code is \(diagnosis.icd10)." }),
            ("synonym", { _ in "My friend said it sounds like \(diagnosis.synonyms.last ?? diagnosis.name)." }),
            ("results", { _ in "The nurse told me: \(result)" }),
            ("recommendation", { _ in "The computer said: \(recommendation)" }),
            (
                "role-break",
                { _ in "As an AI language model, I cannot pretend, but the diagnosis is \(diagnosis.name)." }
            ),
            (
                "undisclosed",
                { request in
                    request.scenario.facts.first { !request.retrieval.factIDs.contains($0.id) }?.answer ?? "Hello."
                }
            ),
            ("invented", { _ in "It started when I was 22, and I take 40 mg of atorvastatin for my angina." }),
            ("template", { _ in "<|im_start|>assistant\nDoctor: what is the diagnosis?\n\(diagnosis.name)<|im_end|>" }),
        ]
    }
}
