import Foundation
import WardSimCore
import WardSimStore

/// Progress per trainee: mastery per competency (Core's Beta-Binomial model over the
/// stored grade reports), automation-bias tallies, history, and the next scenario.
struct ProgressService: Sendable {
    let database: DatabasePool
    let curriculum: Curriculum
    let catalog: ScenarioCatalog

    /// The trainee's progress, recomputed from their graded encounters (a pure function
    /// of stored reports, so it never drifts from the debriefs they saw).
    func progress(userID: Int64) throws -> TraineeProgress {
        let graded = try database.read { db in try GradeRepository(db).reports(userID: userID) }
        let encounters = try graded.map { row in
            GradedEncounter(
                encounterId: row.encounterID, submittedAt: row.gradedAt,
                report: try JSONDecoder().decode(GradeReport.self, from: row.report))
        }
        return TraineeProgress.build(userId: String(userID), encounters: encounters, curriculum: curriculum)
    }

    /// The learning path to recommend along: the one asked for, else the path holding most
    /// of what the trainee has completed, else the first path.
    func path(requested: String?, progress: TraineeProgress) -> LearningPath? {
        if let requested, let path = curriculum.paths.first(where: { $0.id == requested }) { return path }
        let done = Set(progress.completedScenarioIds)
        return curriculum.paths.enumerated().max { a, b in
            let ca = a.element.modules.flatMap(\.scenarios).filter(done.contains).count
            let cb = b.element.modules.flatMap(\.scenarios).filter(done.contains).count
            return (ca, -a.offset) < (cb, -b.offset)
        }?.element
    }

    /// The next scenario for the trainee on `path`.
    func recommendation(progress: TraineeProgress, path: LearningPath?) -> Recommendation? {
        guard let path else { return nil }
        let recommender = NextScenarioRecommender(curriculum: curriculum, scenarios: catalog.published.map(\.scenario))
        guard let next = recommender.recommend(pathID: path.id, progress: progress),
            let row = catalog.currentRow(for: next.scenarioId), let scenario = try? catalog.scenario(row: row)
        else { return nil }
        return Recommendation(
            scenarioId: next.scenarioId, title: scenario.title, reason: next.reason,
            targetCompetency: next.targetCompetency, pathId: path.id, moduleId: next.moduleId)
    }
}

/// "Recommended next", as the library and progress pages show it.
struct Recommendation: Encodable {
    var scenarioId: String
    var title: String
    var reason: String
    var targetCompetency: String
    var pathId: String
    var moduleId: String
}

extension WardSimApplication {
    /// The next scenario for `user` along their most relevant learning path.
    func recommendation(for user: AuthenticatedUser, path requested: String? = nil) throws -> Recommendation? {
        let progress = try progressService.progress(userID: user.id)
        return progressService.recommendation(
            progress: progress, path: progressService.path(requested: requested, progress: progress))
    }
}
