public import Foundation

/// One trainee's standing in one competency: the estimate, the level it earns, and how it got there.
public struct CompetencyProgress: Codable, Sendable, Equatable, Identifiable {
    /// The estimate after one graded encounter.
    public struct Point: Codable, Sendable, Equatable {
        public var encounterId: String
        public var scenarioId: String
        public var at: Date
        /// The encounter's score for this competency.
        public var score: Double
        public var mastery: Double
        public var evidence: Double
    }

    /// The competency id.
    public var id: String
    public var estimate: MasteryEstimate
    /// The level both thresholds allow (`Curriculum.level(mastery:evidence:)`).
    public var levelId: String?
    public var levelName: String?
    /// Oldest first.
    public var history: [Point]

    public var mastery: Double { estimate.mastery }
    public var evidence: Double { estimate.evidence }
}
