/// What an author sees in the editor's "try a question" box: which facts the retriever
/// would disclose for a question, and what the scripted voice would say.
///
/// Retrieval alone decides what a patient discloses (see `Retriever`), so trying
/// questions against a draft is how an author checks that the topics of each fact are
/// worded the way trainees will ask. Earlier questions may be given so follow-ups such
/// as "how long has that been going on?" resolve as they would in an encounter.
///
/// ```swift
/// let trial = QuestionTrial(scenario: draft)
/// trial.run("any chest pain?", after: ["hello"]).factIDs   // ["pain-site"]
/// ```
public struct QuestionTrial: Sendable {
    /// The outcome for one question.
    public struct Outcome: Sendable, Equatable {
        public var question: String
        /// Facts disclosed, in scenario order.
        public var factIDs: [String]
        /// The kinds of utterance recognised, most significant first.
        public var intents: [Intent]
        public var subject: String?
        /// The offline voice's reply (an LLM voice would phrase the same facts).
        public var reply: String
    }

    public let scenario: Scenario
    private let retriever: Retriever
    private let voice = ScriptedVoice()

    public init(scenario: Scenario) {
        self.scenario = scenario
        self.retriever = Retriever(scenario: scenario)
    }

    /// Asks `question` after `previous` questions (oldest first), as one interview would.
    public func run(_ question: String, after previous: [String] = []) -> Outcome {
        var transcript: [ConversationTurn] = []
        for earlier in previous {
            let outcome = ask(earlier, transcript: transcript)
            transcript.append(
                ConversationTurn(
                    question: earlier, reply: outcome.reply, factIDs: outcome.factIDs, intents: outcome.intents,
                    subject: outcome.subject))
        }
        return ask(question, transcript: transcript)
    }

    private func ask(_ question: String, transcript: [ConversationTurn]) -> Outcome {
        let retrieval = retriever.retrieve(question, context: RetrievalContext(transcript: transcript))
        let reply = voice.text(
            for: VoiceRequest(scenario: scenario, question: question, retrieval: retrieval, transcript: transcript))
        return Outcome(
            question: question, factIDs: retrieval.factIDs, intents: retrieval.intents, subject: retrieval.subject,
            reply: reply)
    }
}
