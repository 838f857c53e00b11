import Foundation
import WardSimCore
import WardSimHTTP

/// `GET /api/me/progress[?path=ID]`: mastery per competency with history, automation-bias
/// calibration, encounter history and the recommended next scenario.
extension RouteTable {
    mutating func addProgressRoutes(_ app: WardSimApplication) {
        add(.get, "/api/me/progress", .signedIn) { request, context in
            let user = try context.requireUser()
            let service = app.progressService
            let progress = try service.progress(userID: user.id)
            let path = service.path(requested: request.query["path"], progress: progress)
            let prior = MasteryModel(parameters: app.curriculum.model).prior
            return .json(
                ProgressReply(
                    competencies: app.curriculum.competencies.map { competency in
                        let entry = progress.competencies.first { $0.id == competency.id }
                        let estimate = entry?.estimate
                        let level = app.curriculum.level(
                            mastery: estimate?.mastery ?? prior.mastery, evidence: estimate?.evidence ?? 0)
                        return ProgressReply.CompetencyView(
                            id: competency.id, name: competency.name, family: competency.family.rawValue,
                            mastery: estimate?.mastery ?? prior.mastery, evidence: estimate?.evidence ?? 0,
                            level: entry?.levelId ?? level?.id, levelName: entry?.levelName ?? level?.name,
                            history: entry?.history ?? [])
                    },
                    automationBias: progress.automationBias,
                    encounters: try app.encounterSummaries(for: user),
                    recommended: service.recommendation(progress: progress, path: path),
                    path: path.map { .init(id: $0.id, title: $0.title) },
                    paths: app.curriculum.paths.map { .init(id: $0.id, title: $0.title) }))
        }
    }
}

struct ProgressReply: Encodable {
    struct CompetencyView: Encodable {
        var id: String
        var name: String
        var family: String
        var mastery: Double
        var evidence: Double
        var level: String?
        var levelName: String?
        var history: [CompetencyProgress.Point]
    }

    struct PathView: Encodable {
        var id: String
        var title: String
    }

    var competencies: [CompetencyView]
    var automationBias: AutomationBiasSummary
    var encounters: [EncounterSummary]
    var recommended: Recommendation?
    var path: PathView?
    var paths: [PathView]
}
