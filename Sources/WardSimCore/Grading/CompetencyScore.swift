/// One competency's score in one encounter, with the reasons.
public struct CompetencyScore: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// In [0, 1].
    public var score: Double
    /// The rubric weight used for the overall score.
    public var weight: Double
    /// Sentences a trainee can act on: what earned the score and what to do next time.
    public var explanation: String
    public var evidence: [EvidenceItem]

    public init(id: String, name: String, score: Double, weight: Double, explanation: String, evidence: [EvidenceItem])
    {
        self.id = id
        self.name = name
        self.score = min(1, max(0, score))
        self.weight = weight
        self.explanation = explanation
        self.evidence = evidence
    }
}
