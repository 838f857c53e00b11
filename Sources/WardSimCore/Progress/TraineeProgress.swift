public import Foundation

/// A graded, submitted encounter: the input to progress.
public struct GradedEncounter: Sendable, Equatable {
    public var encounterId: String
    public var submittedAt: Date
    public var report: GradeReport

    public init(encounterId: String, submittedAt: Date, report: GradeReport) {
        self.encounterId = encounterId
        self.submittedAt = submittedAt
        self.report = report
    }
}

/// Everything WardSim knows about one trainee's progress, folded from their graded encounters.
///
/// Like grades, progress is computed, not stored: rebuilding it from the same graded
/// encounters gives the same mastery, levels and history.
///
/// ```swift
/// let progress = TraineeProgress.build(userId: id, encounters: graded, curriculum: curriculum)
/// progress.competency("history-taking")?.levelName   // "Advanced beginner"
/// ```
public struct TraineeProgress: Codable, Sendable, Equatable {
    public var userId: String
    /// One entry per competency graded at least once, in curriculum order.
    public var competencies: [CompetencyProgress]
    public var automationBias: AutomationBiasSummary
    /// Scenario ids with at least one submitted encounter, sorted.
    public var completedScenarioIds: [String]
    public var encounterCount: Int

    public init(userId: String) {
        self.userId = userId
        self.competencies = []
        self.automationBias = AutomationBiasSummary()
        self.completedScenarioIds = []
        self.encounterCount = 0
    }

    /// Progress from `encounters`, taken in submission order (ties by encounter id).
    public static func build(userId: String, encounters: [GradedEncounter], curriculum: Curriculum) -> TraineeProgress {
        let ordered = encounters.sorted { ($0.submittedAt, $0.encounterId) < ($1.submittedAt, $1.encounterId) }
        return ordered.reduce(into: TraineeProgress(userId: userId)) { $0.record($1, curriculum: curriculum) }
    }

    /// Adds one graded encounter (newer than every one recorded so far).
    public mutating func record(_ encounter: GradedEncounter, curriculum: Curriculum) {
        let model = MasteryModel(parameters: curriculum.model)
        for score in encounter.report.competencies {
            var entry =
                competency(score.id)
                ?? CompetencyProgress(id: score.id, estimate: model.prior, levelId: nil, levelName: nil, history: [])
            entry.estimate = model.updated(entry.estimate, score: score.score)
            let level = curriculum.level(mastery: entry.estimate.mastery, evidence: entry.estimate.evidence)
            entry.levelId = level?.id
            entry.levelName = level?.name
            entry.history.append(
                CompetencyProgress.Point(
                    encounterId: encounter.encounterId, scenarioId: encounter.report.scenarioId,
                    at: encounter.submittedAt,
                    score: score.score, mastery: entry.estimate.mastery, evidence: entry.estimate.evidence))
            if let i = competencies.firstIndex(where: { $0.id == score.id }) {
                competencies[i] = entry
            } else {
                competencies.append(entry)
            }
        }
        let order = curriculum.competencies.map(\.id)
        competencies.sort {
            (order.firstIndex(of: $0.id) ?? .max, $0.id) < (order.firstIndex(of: $1.id) ?? .max, $1.id)
        }
        automationBias.add(encounter.report.automationBias)
        completedScenarioIds = Array(Set(completedScenarioIds + [encounter.report.scenarioId])).sorted()
        encounterCount += 1
    }

    /// The progress in `competencyID`, if it has been graded.
    public func competency(_ competencyID: String) -> CompetencyProgress? {
        competencies.first { $0.id == competencyID }
    }

    /// Mastery and evidence for `competencyID`, the prior when it has never been graded.
    public func estimate(_ competencyID: String, model: MasteryModel) -> MasteryEstimate {
        competency(competencyID)?.estimate ?? model.prior
    }
}
