import Foundation
import Testing
@testable import WardSimCore

@Suite("NextScenarioRecommender") struct NextScenarioRecommenderTests {
    let base: Scenario
    let curriculum: Curriculum

    init() throws {
        base = try TestContent.chestPain()
        let real = try TestContent.curriculum()
        let path = LearningPath(
            id: "p", title: "Path", audience: "", description: "",
            modules: [
                .init(id: "m1", title: "One", scenarios: ["a", "b"], prerequisites: []),
                .init(id: "m2", title: "Two", scenarios: ["c", "d", "not-written-yet"], prerequisites: ["m1"]),
                .init(id: "m3", title: "Three", scenarios: ["e"], prerequisites: ["m2"]),
            ])
        curriculum = Curriculum(competencies: real.competencies, levels: real.levels, model: real.model, paths: [path])
    }

    func scenario(_ id: String, _ weights: [String: Double], status: Scenario.Status = .published) -> Scenario {
        var s = base
        s.id = id
        s.title = "Case \(id)"
        s.status = status
        s.competencies = weights.keys.sorted()
        s.rubric.weights = weights
        return s
    }

    func progress(done: [String], scores: [String: [Double]] = [:]) throws -> TraineeProgress {
        var p = TraineeProgress(userId: "u")
        for (i, id) in done.enumerated() {
            var report = Grader().grade(scenario: base, entries: [])
            report.scenarioId = id
            report.competencies = []
            p.record(
                GradedEncounter(
                    encounterId: "e\(i)", submittedAt: Date(timeIntervalSince1970: Double(i)), report: report),
                curriculum: curriculum)
        }
        for (competency, list) in scores.sorted(by: { $0.key < $1.key }) {
            for (i, s) in list.enumerated() {
                var report = Grader().grade(scenario: base, entries: [])
                report.scenarioId = "elsewhere"
                report.competencies = [
                    CompetencyScore(
                        id: competency, name: competency, score: s, weight: 1, explanation: "", evidence: [])
                ]
                p.record(
                    GradedEncounter(
                        encounterId: "\(competency)\(i)", submittedAt: Date(timeIntervalSince1970: 100), report: report),
                    curriculum: curriculum)
            }
        }
        return p
    }

    var library: [Scenario] {
        [
            scenario("a", ["history-taking": 1, "ai-output-evaluation": 1]),
            scenario("b", ["clinical-reasoning": 1, "ai-output-evaluation": 2]),
            scenario("c", ["history-taking": 2]),
            scenario("d", ["documentation": 1]),
            scenario("e", ["history-taking": 1]),
            scenario("draft", ["history-taking": 5], status: .draft),
        ]
    }

    @Test func targetsTheWeakestCompetencyInTheOpenModule() throws {
        let recommender = NextScenarioRecommender(curriculum: curriculum, scenarios: library)
        let weakAI = try progress(
            done: [],
            scores: ["ai-output-evaluation": [0.1, 0.2], "history-taking": [0.9], "clinical-reasoning": [0.9]])
        let r = recommender.recommend(pathID: "p", progress: weakAI)!
        #expect(r.moduleId == "m1" && r.targetCompetency == "ai-output-evaluation")
        #expect(r.scenarioId == "b")  // weighs ai-output-evaluation most
        #expect(r.reason.contains("Evaluation") || r.reason.contains("AI"))

        let weakHistory = try progress(
            done: [], scores: ["history-taking": [0.1], "ai-output-evaluation": [0.9], "clinical-reasoning": [0.9]])
        #expect(recommender.recommend(pathID: "p", progress: weakHistory)?.scenarioId == "a")
    }

    @Test func respectsPrerequisitesAndSkipsCompletedAndMissing() throws {
        let recommender = NextScenarioRecommender(curriculum: curriculum, scenarios: library)
        // m1 half done: m2 stays closed.
        #expect(recommender.recommend(pathID: "p", progress: try progress(done: ["a"]))?.scenarioId == "b")
        // m1 done: m2 opens ("not-written-yet" is not in the library and does not block it).
        let afterM1 = try progress(done: ["a", "b"], scores: ["documentation": [0.1]])
        #expect(recommender.recommend(pathID: "p", progress: afterM1)?.scenarioId == "d")
        let afterM2 = try progress(done: ["a", "b", "c", "d"])
        #expect(recommender.recommend(pathID: "p", progress: afterM2)?.scenarioId == "e")
        #expect(recommender.recommend(pathID: "p", progress: try progress(done: ["a", "b", "c", "d", "e"])) == nil)
        #expect(recommender.recommend(pathID: "nope", progress: afterM2) == nil)
    }

    @Test func worksOnTheShippedPaths() throws {
        let real = try TestContent.curriculum()
        let shipped = Set(TestContent.scenarios.filter { $0.status == .published }.map(\.id))
        let recommender = NextScenarioRecommender(curriculum: real, scenarios: TestContent.scenarios)
        for path in real.paths {
            let r = recommender.recommend(pathID: path.id, progress: TraineeProgress(userId: "new"))
            // A new trainee starts in a module without prerequisites, if the library has its cases.
            let opening = path.modules.filter { $0.prerequisites.isEmpty }
            let available = opening.flatMap(\.scenarios).filter(shipped.contains)
            if available.isEmpty { continue }
            #expect(r.map { available.contains($0.scenarioId) } == true, "\(path.id): \(String(describing: r))")
        }
    }
}
