/// Competencies, mastery levels and learning paths: the `Curriculum/` folder as values.
public struct Curriculum: Sendable, Equatable {
    public var competencies: [Competency]
    public var levels: [MasteryLevel]
    public var model: MasteryModelParameters
    public var paths: [LearningPath]

    public init(
        competencies: [Competency], levels: [MasteryLevel], model: MasteryModelParameters, paths: [LearningPath]
    ) {
        self.competencies = competencies
        self.levels = levels.sorted { $0.minMastery < $1.minMastery }
        self.model = model
        self.paths = paths
    }

    public func competency(_ id: String) -> Competency? { competencies.first { $0.id == id } }

    /// The highest level whose thresholds `mastery` and `evidence` both meet.
    public func level(mastery: Double, evidence: Double) -> MasteryLevel? {
        levels.last { mastery >= $0.minMastery && evidence >= $0.minEvidence }
    }
}
