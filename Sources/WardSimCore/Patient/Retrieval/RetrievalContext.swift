/// What retrieval needs to remember between turns: the subject and facts last talked about.
///
/// Derived from the transcript rather than stored, so a resumed encounter retrieves
/// exactly as the original would have.
public struct RetrievalContext: Sendable, Equatable {
    /// The `Fact.subject` of the most recent turn that disclosed a fact.
    public var lastSubject: String?
    /// The facts of the most recent turn that disclosed any.
    public var lastFactIDs: [String]

    public init(lastSubject: String? = nil, lastFactIDs: [String] = []) {
        self.lastSubject = lastSubject
        self.lastFactIDs = lastFactIDs
    }

    /// The context after `turns` (oldest first).
    public init(transcript turns: [ConversationTurn]) {
        self.lastSubject = turns.last { $0.subject != nil }?.subject
        self.lastFactIDs = turns.last { !$0.factIDs.isEmpty }?.factIDs ?? []
    }

    /// The context after `retrieval`.
    public func advanced(by retrieval: Retrieval) -> RetrievalContext {
        RetrievalContext(
            lastSubject: retrieval.subject ?? lastSubject,
            lastFactIDs: retrieval.factIDs.isEmpty ? lastFactIDs : retrieval.factIDs)
    }
}
