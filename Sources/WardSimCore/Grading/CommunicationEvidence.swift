/// The communication behaviours seen in the interview, read from the recorded intents.
public struct CommunicationEvidence: Codable, Sendable, Equatable {
    /// The first utterance that showed each behaviour (nil when it never happened).
    public var greeting: String?
    public var openQuestion: String?
    public var empathy: String?
    public var checkedUnderstanding: String?
    public var explanation: String?

    static func evaluate(_ state: EncounterState) -> CommunicationEvidence {
        func first(_ intent: Intent) -> String? { state.transcript.first { $0.intents.contains(intent) }?.question }
        return CommunicationEvidence(
            greeting: first(.greeting), openQuestion: first(.openQuestion), empathy: first(.empathy),
            checkedUnderstanding: first(.checkingUnderstanding), explanation: first(.explanation))
    }

    /// The four graded behaviours, each worth a quarter.
    public var score: Double {
        Double([greeting, openQuestion, empathy, checkedUnderstanding].compactMap { $0 }.count) / 4
    }
}
