/// The patient: retrieve, then voice, then guard.
///
/// 1. `Retriever` decides which facts the utterance asks about (recorded; graded).
/// 2. If a language-model voice is configured and facts were found, `LLMPromptBuilder`
///    builds the prompt and the model phrases the reply; otherwise `ScriptedVoice` does.
/// 3. `OutputGuard` strips markers and stage directions and refuses leaks;
///    `GroundingCheck` refuses clinical content the facts do not hold.
/// 4. A refused model reply is regenerated once; a second refusal, or any error from the
///    model, falls back to the scripted voice. The turn is always answered.
///
/// ```swift
/// let engine = PatientEngine(scenario: scenario, llm: myLLMVoice)
/// let turn = await engine.respond(to: "Any chest pain?", transcript: state.transcript)
/// ```
public struct PatientEngine: Sendable {
    public let scenario: Scenario
    public let retriever: Retriever
    public let promptBuilder: LLMPromptBuilder
    let llm: (any PatientVoice)?
    let scripted = ScriptedVoice()
    let outputGuard: OutputGuard
    let grounding = GroundingCheck()
    let disclosureIndex: DisclosureIndex

    /// Message shown to the trainee when the model could not be reached.
    public static let fallbackNotice = "The patient's AI voice is unavailable; this reply comes from the script."
    /// Message shown to the trainee when the model's replies were refused twice (out of
    /// character, leaking, or adding clinical content the case does not hold).
    public static let refusedNotice =
        "The patient's AI voice gave a reply that could not be used; this reply comes from the script."

    public init(scenario: Scenario, llm: (any PatientVoice)? = nil, historyWindow: Int = 6) {
        self.scenario = scenario
        self.retriever = Retriever(scenario: scenario)
        self.promptBuilder = LLMPromptBuilder(scenario: scenario, historyWindow: historyWindow)
        self.llm = llm
        self.outputGuard = OutputGuard(scenario: scenario)
        self.disclosureIndex = DisclosureIndex(scenario: scenario)
    }

    /// What the patient may say once `disclosedFactIDs` are disclosed.
    public func disclosure(of disclosedFactIDs: Set<String>) -> Disclosure {
        Disclosure(index: disclosureIndex, disclosedFactIDs: disclosedFactIDs)
    }

    /// The patient's reply to `question`, given the interview so far.
    public func respond(to question: String, transcript: [ConversationTurn]) async -> PatientTurn {
        let retrieval = retriever.retrieve(question, context: RetrievalContext(transcript: transcript))
        var request = VoiceRequest(scenario: scenario, question: question, retrieval: retrieval, transcript: transcript)

        guard let llm,
            case .llm(let messages) = promptBuilder.decision(
                question: question, retrieval: retrieval, transcript: transcript)
        else {
            return scriptedTurn(request, fellBack: false)
        }
        let disclosed = Set(transcript.flatMap(\.factIDs)).union(retrieval.factIDs)
        let disclosure = disclosure(of: disclosed)
        request.messages = messages
        var refusals: [GuardFinding] = []
        for attempt in 0..<2 {
            request.attempt = attempt
            let raw: String
            do {
                raw = try await llm.reply(to: request)
            } catch {
                return scriptedTurn(
                    request, fellBack: true, notice: Self.fallbackNotice, refusals: refusals)
            }
            switch check(raw, disclosure: disclosure) {
            case .accepted(let clean):
                return PatientTurn(
                    question: question, retrieval: retrieval, reply: clean, voice: llm.kind, fellBack: false,
                    refusals: refusals)
            case .refused(let findings):
                refusals += findings
            }
        }
        return scriptedTurn(
            request, fellBack: true, notice: Self.refusedNotice, refusals: refusals)
    }

    /// The same turn as a stream: the checked reply in sentence chunks, then the turn.
    ///
    /// The reply is checked whole before the first chunk is sent, so nothing refused is
    /// ever shown; replies are short, so the delay is the model's generation time.
    public func stream(_ question: String, transcript: [ConversationTurn]) -> AsyncStream<StreamEvent> {
        AsyncStream { continuation in
            let task = Task {
                let turn = await respond(to: question, transcript: transcript)
                for (i, chunk) in ScriptedVoice.sentences(turn.reply).enumerated() {
                    continuation.yield(.chunk(i == 0 ? chunk : " " + chunk))
                }
                continuation.yield(.finished(turn))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// What `stream` yields.
    public enum StreamEvent: Sendable, Equatable {
        case chunk(String)
        case finished(PatientTurn)
    }

    /// Both guards on `reply`: cleaned text if it passes.
    public func check(_ reply: String, disclosure: Disclosure) -> OutputGuard.Verdict {
        switch outputGuard.review(reply, disclosure: disclosure) {
        case .refused(let findings): return .refused(findings)
        case .accepted(let clean):
            let violations = grounding.violations(in: clean, disclosure: disclosure)
            return violations.isEmpty ? .accepted(clean) : .refused(violations)
        }
    }

    private func scriptedTurn(
        _ request: VoiceRequest, fellBack: Bool, notice: String? = nil,
        refusals: [GuardFinding] = []
    ) -> PatientTurn {
        let text = scripted.text(for: request)
        // The scripted voice says only authored text, so the guards' review could never
        // change what it says (a refused script was said as written anyway; the shipped
        // scenarios are tested against the guards). It is only cleaned of anything an
        // author left in brackets; reviewing it too was most of a scripted turn's CPU.
        // Text that cleans to nothing is said as written.
        let clean = outputGuard.clean(text)
        let reply = clean.contains(where: \.isLetter) ? clean : text
        return PatientTurn(
            question: request.question, retrieval: request.retrieval, reply: reply, voice: .scripted,
            fellBack: fellBack, notice: notice, refusals: refusals)
    }
}
