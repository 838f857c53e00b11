import Foundation
import WardSimCore

/// Scripted trainee runs through whole encounters, for grader and progress tests.
enum Runs {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A run that does everything the key asks: every important fact, every needed item,
    /// every finding, the right diagnosis, differentials and plan, the expected appraisal.
    static func ideal(_ scenario: Scenario, encounterID: String = "ideal") async throws -> [EncounterEntry] {
        var m = try EncounterMachine(encounterID: encounterID, scenario: scenario, defaults: .empty)
        try m.start(at: t0)
        let engine = PatientEngine(scenario: scenario)
        _ = try await m.ask("Hello, I'm one of the doctors. What brings you in today?", engine: engine, at: t0)
        for fact in scenario.facts where fact.critical || fact.redFlag {
            _ = try await m.ask(fact.topics[0] + "?", engine: engine, at: t0)
        }
        _ = try await m.ask("That sounds really worrying.", engine: engine, at: t0)
        for item in scenario.orderables where item.needed { _ = try m.order(item.id, at: t0) }
        let notes = scenario.key.criticalFindings.map { Finding(category: "findings", text: $0.terms[0]) }
        try m.recordFindings(notes, at: t0)
        _ = try await m.ask("I think I know what's going on. Does that make sense?", engine: engine, at: t0)
        let diagnosis = scenario.key.diagnoses[0].name
        let plan = scenario.key.management.map { $0.terms[0] }.joined(separator: "; ")
        try m.commitDiagnosis(diagnosis, differential: scenario.key.differentials.map(\.name), plan: plan, at: t0)
        let rec = try m.showRecommendation(at: t0)
        let expected = scenario.key.expected(for: rec.id)!
        try m.appraise(
            Appraisal(
                recommendationId: rec.id, decision: expected.decision, flaws: expected.flaws,
                justification: "The recommendation does not fit the history, the findings and the chart.",
                finalDiagnosis: diagnosis, finalPlan: plan), at: t0)
        try m.submit(at: t0)
        return m.entries
    }

    /// A run that asks little, orders scatter-gun, names the wrong diagnosis and follows
    /// the recommendation whatever it says.
    static func poor(_ scenario: Scenario, encounterID: String = "poor") async throws -> [EncounterEntry] {
        var m = try EncounterMachine(encounterID: encounterID, scenario: scenario, defaults: .empty)
        try m.start(at: t0)
        let engine = PatientEngine(scenario: scenario)
        _ = try await m.ask("Any allergies?", engine: engine, at: t0)
        for item in scenario.orderables where !item.needed { _ = try m.order(item.id, at: t0) }
        try m.commitDiagnosis("Anxiety", differential: [], plan: "Reassure and discharge", at: t0)
        let rec = try m.showRecommendation(at: t0)
        try m.appraise(
            Appraisal(
                recommendationId: rec.id, decision: .accept, flaws: [], justification: "", finalDiagnosis: "Anxiety",
                finalPlan: "As the AI says"), at: t0)
        try m.submit(at: t0)
        return m.entries
    }
}
