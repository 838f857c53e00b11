/// Why the output guard or the grounding check refused a reply.
///
/// Kept with the turn (not shown to the trainee) so authors and operators can see what
/// a model tried to say.
public struct GuardFinding: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Spoke as something other than the patient ("As an AI…", "Doctor:").
        case roleBreak = "role-break"
        /// Named the diagnosis, a differential, an ICD-10 code, a key finding or a plan term.
        case keyTerm = "key-term"
        /// Quoted an examination or investigation result.
        case resultText = "result-text"
        /// Quoted the AI recommendation or the debrief.
        case recommendationText = "recommendation-text"
        /// Said what a fact not yet asked about says.
        case undisclosedFact = "undisclosed-fact"
        /// Nothing left once stage directions and markers were removed.
        case empty
        /// Added a number the permitted text does not hold.
        case number
        /// Added a duration or time the permitted text does not hold.
        case duration
        /// Named a drug the permitted text does not.
        case drug
        /// Named a disease or diagnosis the permitted text does not.
        case diagnosis
        /// Reported a body finding or symptom the permitted text does not.
        case finding
    }

    public var kind: Kind
    /// The offending word or phrase.
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }
}
