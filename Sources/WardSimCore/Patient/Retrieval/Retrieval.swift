/// What a trainee's utterance asked about, decided deterministically before any voice speaks.
///
/// This is what the encounter records and the grader sees: which facts were disclosed,
/// and what kind of utterance it was. The voice only phrases it.
public struct Retrieval: Codable, Sendable, Equatable {
    /// Facts asked about, in scenario order.
    public var factIDs: [String]
    /// Every intent found in the utterance, in a fixed priority order (see `intent`).
    public var intents: [Intent]
    /// The subject of the facts retrieved (for follow-ups such as "how long has that been going on?").
    public var subject: String?

    public init(factIDs: [String], intents: [Intent], subject: String?) {
        self.factIDs = factIDs
        self.intents = intents
        self.subject = subject
    }

    /// The intent the voice answers: a fact question when facts were found, otherwise the
    /// most specific non-fact intent.
    public var intent: Intent { intents.first ?? .unknown }

    /// Whether the retriever found any fact to disclose.
    public var hasFacts: Bool { !factIDs.isEmpty }
}
