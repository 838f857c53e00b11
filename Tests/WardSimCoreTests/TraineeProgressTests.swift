import Foundation
import Testing
@testable import WardSimCore

@Suite("TraineeProgress") struct TraineeProgressTests {
    func report(_ scenarioId: String, _ scores: [String: Double], bias: AutomationBias? = nil) throws -> GradeReport {
        var report = Grader().grade(scenario: try TestContent.chestPain(), entries: [])
        report.scenarioId = scenarioId
        report.competencies = scores.sorted { $0.key < $1.key }.map {
            CompetencyScore(id: $0.key, name: $0.key, score: $0.value, weight: 1, explanation: "", evidence: [])
        }
        if let bias { report.automationBias = bias }
        return report
    }

    @Test func foldsEncountersInSubmissionOrder() throws {
        let curriculum = try TestContent.curriculum()
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        let encounters = [
            GradedEncounter(
                encounterId: "c", submittedAt: t.addingTimeInterval(200),
                report: try report("s3", ["ai-output-evaluation": 1.0])),
            GradedEncounter(
                encounterId: "a", submittedAt: t,
                report: try report("s1", ["ai-output-evaluation": 0.5, "history-taking": 1])),
            GradedEncounter(
                encounterId: "b", submittedAt: t.addingTimeInterval(100),
                report: try report("s2", ["ai-output-evaluation": 0.8])),
        ]
        let progress = TraineeProgress.build(userId: "u1", encounters: encounters, curriculum: curriculum)
        let ai = progress.competency("ai-output-evaluation")!
        #expect(abs(ai.mastery - 0.662) < 0.0005)
        #expect(ai.levelId == "advanced-beginner")
        #expect(ai.history.map(\.encounterId) == ["a", "b", "c"])
        #expect(ai.history.map(\.score) == [0.5, 0.8, 1.0])
        // Encounters that do not grade a competency neither add to it nor age it.
        let history = progress.competency("history-taking")!
        #expect(history.evidence == 1 && abs(history.mastery - 2.0 / 3.0) < 1e-12)
        #expect(progress.competencies.map(\.id) == ["history-taking", "ai-output-evaluation"])
        #expect(progress.completedScenarioIds == ["s1", "s2", "s3"])
        #expect(progress.encounterCount == 3)
        #expect(
            TraineeProgress.build(userId: "u1", encounters: encounters.reversed(), curriculum: curriculum) == progress)
    }

    @Test func accumulatesAutomationBias() throws {
        let curriculum = try TestContent.curriculum()
        func bias(sound: Bool, commission: Bool = false, over: Bool = false, switched: Bool = false) -> AutomationBias {
            AutomationBias(
                appraised: true, recommendationSound: sound, commission: commission, overRejection: over,
                switchedCorrectToIncorrect: switched, switchedIncorrectToCorrect: false)
        }
        let t = Date(timeIntervalSince1970: 0)
        let encounters = try [
            bias(sound: false, commission: true, switched: true), bias(sound: false), bias(sound: true, over: true),
            bias(sound: true),
        ].enumerated().map {
            GradedEncounter(
                encounterId: "e\($0.offset)", submittedAt: t, report: try report("s", [:], bias: $0.element))
        }
        let summary = TraineeProgress.build(userId: "u", encounters: encounters, curriculum: curriculum).automationBias
        #expect(summary.appraised == 4)
        #expect(summary.commissionRate == 0.5 && summary.overRejectionRate == 0.5)
        #expect(summary.switchedCorrectToIncorrect == 1)
        #expect(AutomationBiasSummary().commissionRate == nil)
    }

    @Test func gradedRunsFeedProgress() async throws {
        let scenario = try TestContent.chestPain()
        let curriculum = try TestContent.curriculum()
        let grader = Grader(curriculum: curriculum)
        let good = grader.grade(scenario: scenario, entries: try await Runs.ideal(scenario))
        let poor = grader.grade(scenario: scenario, entries: try await Runs.poor(scenario))
        let progress = TraineeProgress.build(
            userId: "u",
            encounters: [
                GradedEncounter(encounterId: "1", submittedAt: Runs.t0, report: poor),
                GradedEncounter(encounterId: "2", submittedAt: Runs.t0.addingTimeInterval(60), report: good),
            ], curriculum: curriculum)
        #expect(progress.automationBias.commissions == 1)
        #expect(Set(progress.competencies.map(\.id)) == Set(scenario.competencies))
        #expect(progress.competencies.allSatisfy { $0.levelId == "novice" && $0.history.count == 2 })
    }
}
