/// One thing the patient knows and will say when asked about it.
///
/// Retrieval matches a trainee's question against `topics` (and `subject`/`aspect` for
/// follow-ups); the voice then says `answer` or a variant. Grading counts `critical`
/// facts elicited and missed.
public struct Fact: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var topics: [String]
    public var subject: String?
    public var aspect: Aspect?
    public var answer: String
    public var variants: [String]?
    public var critical: Bool
    public var redFlag: Bool

    /// The SOCRATES aspect of a symptom that a fact answers.
    public enum Aspect: String, Codable, Sendable, CaseIterable {
        case onset, character, location, radiation, duration, severity, timing, relieving, aggravating, associated
    }

    public init(
        id: String, topics: [String], subject: String? = nil, aspect: Aspect? = nil, answer: String,
        variants: [String]? = nil, critical: Bool = false, redFlag: Bool = false
    ) {
        self.id = id
        self.topics = topics
        self.subject = subject
        self.aspect = aspect
        self.answer = answer
        self.variants = variants
        self.critical = critical
        self.redFlag = redFlag
    }
}
