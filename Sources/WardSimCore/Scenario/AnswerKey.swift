/// The answer key the grader scores against. Never shown before the debrief, never
/// sent to an LLM.
public struct AnswerKey: Codable, Sendable, Equatable {
    public var diagnoses: [Diagnosis]
    public var differentials: [Differential]
    public var criticalFindings: [TermItem]
    /// Fact ids that are red flags.
    public var redFlags: [String]
    public var aiDecisions: [ExpectedDecision]
    public var management: [TermItem]

    public struct Diagnosis: Codable, Sendable, Equatable {
        public var name: String
        public var synonyms: [String]
        public var icd10: String
    }

    public struct Differential: Codable, Sendable, Equatable {
        public var name: String
        public var synonyms: [String]
    }

    /// Something the trainee should write, recognised by any of `terms`.
    public struct TermItem: Codable, Sendable, Equatable {
        public var id: String
        public var description: String
        public var terms: [String]
    }

    public struct ExpectedDecision: Codable, Sendable, Equatable {
        public var recommendationId: String
        public var decision: Decision
        public var flaws: [FlawType]
    }

    /// The expected decision for a recommendation.
    public func expected(for recommendationID: String) -> ExpectedDecision? {
        aiDecisions.first { $0.recommendationId == recommendationID }
    }
}
