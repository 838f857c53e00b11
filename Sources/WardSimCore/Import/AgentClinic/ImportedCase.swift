/// The outcome of importing one AgentClinic case: the draft file, whether it validates,
/// what was imported and what an author still has to do.
public struct ImportedCase: Sendable {
    /// 1-based line number in the JSONL file.
    public var number: Int
    public var id: String
    /// The draft's file text, when one could be built.
    public var text: String?
    /// The validated draft; nil when the line could not be read or the draft is invalid.
    public var scenario: Scenario?
    public var problems: [ValidationProblem] = []
    /// What was imported, e.g. "12 facts, 2 exam items, 3 investigations, 4 vital signs".
    public var imported: String = ""
    /// What an author has to add or check for this case in particular, beyond
    /// `AgentClinicImporter.authorTasks`.
    public var needsAuthor: [String] = []

    public var isValid: Bool { scenario != nil }
    public var fileName: String { id + ".json" }
}
