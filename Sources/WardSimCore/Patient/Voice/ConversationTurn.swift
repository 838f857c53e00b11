/// One exchange of the interview: what the trainee said and what the patient replied.
///
/// The transcript is a list of these, folded from the encounter's events. Retrieval
/// context, variant rotation and the LLM's history window are all derived from it.
public struct ConversationTurn: Codable, Sendable, Equatable {
    public var question: String
    public var reply: String
    public var factIDs: [String]
    public var intents: [Intent]
    public var subject: String?

    public init(question: String, reply: String, factIDs: [String], intents: [Intent], subject: String?) {
        self.question = question
        self.reply = reply
        self.factIDs = factIDs
        self.intents = intents
        self.subject = subject
    }
}
