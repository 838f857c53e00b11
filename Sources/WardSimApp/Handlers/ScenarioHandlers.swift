import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// `GET /api/scenarios`: the case library as a trainee sees it.
extension RouteTable {
    mutating func addScenarioRoutes(_ app: WardSimApplication) {
        add(.get, "/api/scenarios", .signedIn) { _, context in
            let user = try context.requireUser()
            return .json(try app.scenarioCards(for: user))
        }
    }
}

/// One card of the case library.
struct ScenarioCard: Encodable {
    struct PatientSummary: Encodable {
        var name: String
        var age: Int
        var sex: String
    }

    struct Status: Encodable {
        var attempts: Int
        var bestScore: Double?
        var inProgressEncounterId: String?
    }

    var id: String
    var title: String
    var version: Int
    var useCase: String
    var setting: String
    var specialty: String
    var difficulty: String
    var estimatedMinutes: Int
    var competencies: [String]
    var learningObjectives: [String]
    var patient: PatientSummary
    var status: Status
}

struct ScenarioLibraryReply: Encodable {
    var scenarios: [ScenarioCard]
    var recommended: Recommendation?
}

extension WardSimApplication {
    func scenarioCards(for user: AuthenticatedUser) throws -> ScenarioLibraryReply {
        let (best, encounters) = try database.read { db in
            (
                try GradeRepository(db).bestScores(userID: user.id),
                try EncounterRepository(db).encounters(userID: user.id)
            )
        }
        var inProgress: [String: String] = [:]
        for encounter in encounters where encounter.submittedAt == nil {
            let scenarioID = try catalog.scenario(row: encounter.scenarioVersionRowID).id
            if inProgress[scenarioID] == nil { inProgress[scenarioID] = encounter.id }
        }
        let cards = catalog.published.map { entry in
            let scenario = entry.scenario
            return ScenarioCard(
                id: scenario.id, title: scenario.title, version: scenario.version, useCase: scenario.useCase.rawValue,
                setting: scenario.setting, specialty: scenario.specialty, difficulty: scenario.difficulty.rawValue,
                estimatedMinutes: scenario.estimatedMinutes, competencies: scenario.competencies,
                learningObjectives: scenario.learningObjectives,
                patient: .init(
                    name: scenario.patient.name, age: scenario.patient.age, sex: scenario.patient.sex.rawValue),
                status: .init(
                    attempts: best[scenario.id]?.attempts ?? 0, bestScore: best[scenario.id]?.best,
                    inProgressEncounterId: inProgress[scenario.id]))
        }
        return ScenarioLibraryReply(scenarios: cards, recommended: try recommendation(for: user))
    }
}
