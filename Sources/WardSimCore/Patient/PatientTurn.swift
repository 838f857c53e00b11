/// One answered utterance: what was retrieved, what was said, by which voice.
///
/// The app records `question` and the reply event from this; everything grading needs
/// (fact ids, intents) comes from `retrieval`, never from the voice.
public struct PatientTurn: Sendable, Equatable {
    public var question: String
    public var retrieval: Retrieval
    public var reply: String
    public var voice: VoiceKind
    /// True when a model was asked but its replies were refused or it failed, so the
    /// scripted voice answered instead.
    public var fellBack: Bool
    /// A note for the trainee when the model failed (not when it was merely refused).
    public var notice: String?
    /// What the guards refused on the way (empty for a first-time pass or a scripted reply).
    public var refusals: [GuardFinding]

    public init(
        question: String, retrieval: Retrieval, reply: String, voice: VoiceKind, fellBack: Bool,
        notice: String? = nil, refusals: [GuardFinding] = []
    ) {
        self.question = question
        self.retrieval = retrieval
        self.reply = reply
        self.voice = voice
        self.fellBack = fellBack
        self.notice = notice
        self.refusals = refusals
    }

    /// This turn as part of a transcript.
    public var conversationTurn: ConversationTurn {
        ConversationTurn(
            question: question, reply: reply, factIDs: retrieval.factIDs, intents: retrieval.intents,
            subject: retrieval.subject)
    }
}
