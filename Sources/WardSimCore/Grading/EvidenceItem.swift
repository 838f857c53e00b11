/// One observation behind a score: something done, missed, or costed.
///
/// The debrief lists these under each competency, so a trainee can see exactly which
/// question, test or finding earned or lost the marks.
public struct EvidenceItem: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Done, and it counts.
        case met
        /// Expected and not done.
        case missed
        /// Done, and it costs a little (an unneeded test, a flaw named wrongly).
        case penalty
        /// Context that does not change the score.
        case note
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
