import Foundation
import Testing
@testable import WardSimCore

@Suite("Grader") struct GraderTests {
    let scenario: Scenario
    let grader: Grader

    init() throws {
        scenario = try TestContent.chestPain()
        grader = Grader(curriculum: try TestContent.curriculum(), defaults: try TestContent.orderableDefaults())
    }

    @Test func goodRunScoresHighOnEveryCompetency() async throws {
        let report = grader.grade(scenario: scenario, entries: try await Runs.ideal(scenario))
        #expect(Set(report.competencies.map(\.id)) == Set(scenario.competencies))
        for c in report.competencies {
            #expect(c.score >= 0.9, "\(c.id): \(c.score) — \(c.explanation)")
            #expect(!c.explanation.isEmpty)
            #expect(c.name != c.id)
        }
        #expect(report.overall >= 0.95)
        #expect(report.history.missed.isEmpty)
        #expect(report.diagnosis.initial?.correct == true)
        #expect(report.appraisal?.decisionCorrect == true)
        #expect(report.outcome == scenario.aiRecommendations[0].outcomes.reject)
        #expect(!report.automationBias.commission)
        #expect(report.communication.greeting != nil && report.communication.empathy != nil)
        #expect(report.communication.openQuestion != nil && report.communication.checkedUnderstanding != nil)
    }

    @Test func poorRunScoresLowAndSaysWhy() async throws {
        let report = grader.grade(scenario: scenario, entries: try await Runs.poor(scenario))
        #expect(report.overall < 0.25, "\(report.overall)")
        #expect(report.automationBias.commission)
        #expect(!report.automationBias.overRejection)
        #expect(report.outcome == scenario.aiRecommendations[0].outcomes.accept)
        let history = report.competencies.first { $0.id == "history-taking" }!
        #expect(history.score == 0)
        #expect(history.explanation.contains("“When did it start?”"))
        let missed = report.history.missed.first { $0.id == "pain-radiation" }!
        #expect(missed.redFlag && missed.exampleQuestion == "Does it go anywhere?")
        let investigations = report.competencies.first { $0.id == "examination-investigation" }!
        #expect(investigations.score == 0)
        #expect(investigations.explanation.contains("12-lead ECG"))
        #expect(report.investigations.unnecessaryOrdered.count == 5)
        #expect(report.investigations.totalCost == 10 + 60 + 400)
        let ai = report.competencies.first { $0.id == "ai-output-evaluation" }!
        #expect(ai.score == 0)
        #expect(ai.explanation.contains("expected decision was to reject"))
        #expect(report.findings.missed.count == 3)
    }

    @Test func regradingGivesTheIdenticalReport() async throws {
        let entries = try await Runs.ideal(scenario)
        let a = grader.grade(scenario: scenario, entries: entries)
        let b = Grader(curriculum: try TestContent.curriculum(), defaults: try TestContent.orderableDefaults())
            .grade(
                scenario: scenario,
                entries: try JSONDecoder().decode([EncounterEntry].self, from: JSONEncoder().encode(entries)))
        #expect(a == b)
        let encoded = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(GradeReport.self, from: encoded) == a)
        #expect(grader.grade(scenario: scenario, events: entries.map(\.event)) == a)
    }

    @Test func diagnosisMatchingUsesSynonymsCodesAndNegation() {
        let key = scenario.key
        #expect(DiagnosisEvidence.judge("Inferior STEMI", key: key).correct)
        #expect(DiagnosisEvidence.judge("heart attack!", key: key).correct)
        #expect(DiagnosisEvidence.judge("I21.1", key: key).correct)
        #expect(DiagnosisEvidence.judge("ACS — I211", key: key).correct)
        #expect(!DiagnosisEvidence.judge("not a STEMI, probably reflux", key: key).correct)
        #expect(!DiagnosisEvidence.judge("STEMI ruled out", key: key).correct)
        #expect(!DiagnosisEvidence.judge("GORD", key: key).correct)
    }

    @Test func automationBiasSwitches() async throws {
        var m = try EncounterMachine(encounterID: "switch", scenario: scenario, defaults: .empty)
        try m.start(at: Runs.t0)
        try m.commitDiagnosis("Inferior STEMI", differential: [], plan: "PCI", at: Runs.t0)
        let rec = try m.showRecommendation(at: Runs.t0)
        try m.appraise(
            Appraisal(
                recommendationId: rec.id, decision: .modify, flaws: [.dosingError], justification: "",
                finalDiagnosis: "Musculoskeletal pain", finalPlan: "ibuprofen"), at: Runs.t0)
        let report = grader.grade(scenario: scenario, entries: m.entries)
        #expect(report.automationBias.switchedCorrectToIncorrect)
        #expect(!report.automationBias.switchedIncorrectToCorrect)
        #expect(!report.automationBias.commission)
        #expect(report.appraisal?.decisionScore == 0.5)
        #expect(report.appraisal?.flawsSpurious == [.dosingError])
        #expect(report.outcome == rec.outcomes.modify)
    }

    @Test func overRejectionOfASoundRecommendation() throws {
        var sound = scenario
        sound.aiRecommendations[0].sound = true
        sound.aiRecommendations[0].flaws = []
        sound.key.aiDecisions = [
            AnswerKey.ExpectedDecision(recommendationId: "rec-discharge-nsaid", decision: .accept, flaws: [])
        ]
        var m = try EncounterMachine(encounterID: "x", scenario: sound, defaults: .empty)
        try m.start(at: Runs.t0)
        try m.commitDiagnosis("GORD", differential: [], plan: "PPI", at: Runs.t0)
        _ = try m.showRecommendation(at: Runs.t0)
        try m.appraise(
            Appraisal(
                recommendationId: "rec-discharge-nsaid", decision: .reject, flaws: [.anchoring], justification: "",
                finalDiagnosis: "Inferior STEMI", finalPlan: ""), at: Runs.t0)
        let report = grader.grade(scenario: sound, entries: m.entries)
        #expect(report.automationBias.overRejection)
        #expect(report.automationBias.switchedIncorrectToCorrect)
    }

    @Test func unfinishedEncounterStillGrades() throws {
        var m = try EncounterMachine(encounterID: "x", scenario: scenario, defaults: .empty)
        try m.start(at: Runs.t0)
        let report = grader.grade(scenario: scenario, entries: m.entries)
        #expect(report.appraisal == nil && report.outcome == nil)
        #expect(report.score("ai-output-evaluation") == 0)
        #expect(report.score("clinical-reasoning") == 0)
    }

    /// Every shipped scenario, played by the book, grades well: the key, the topics and the
    /// matching rules agree with each other.
    @Test func idealRunOfEveryShippedScenario() async throws {
        for scenario in TestContent.scenarios where !scenario.aiRecommendations.isEmpty {
            let report = grader.grade(scenario: scenario, entries: try await Runs.ideal(scenario))
            let weak = report.competencies.filter { $0.score < 0.9 }.map { "\($0.id)=\($0.score): \($0.explanation)" }
            print(
                "ideal run \(scenario.id): overall \(report.overall)\(weak.isEmpty ? "" : " — " + weak.joined(separator: " | "))"
            )
            #expect(report.overall >= 0.85, "\(scenario.id): \(weak)")
            #expect(report.diagnosis.initial?.correct == true, "\(scenario.id)")
            #expect(report.appraisal?.decisionCorrect == true, "\(scenario.id)")
        }
    }
}
