import Foundation
import Testing
@testable import WardSimCore

@Suite("EncounterMachine") struct EncounterMachineTests {
    let scenario: Scenario
    let defaults: OrderableDefaults
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        scenario = try TestContent.chestPain()
        defaults = try TestContent.orderableDefaults()
    }

    func started() throws -> EncounterMachine {
        var m = try EncounterMachine(encounterID: "enc-1", scenario: scenario, defaults: defaults)
        try m.start(at: t0)
        return m
    }

    func expectError(_ code: EncounterError.Code, containing text: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(code)")
        } catch let error as EncounterError {
            #expect(error.code == code)
            #expect(error.message.contains(text), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func wholeEncounterInOrder() async throws {
        var m = try started()
        let engine = PatientEngine(scenario: scenario)
        let turn = try await m.ask("Do you smoke?", engine: engine, at: t0)
        #expect(turn.retrieval.factIDs == ["smoking"])
        let ecg = try m.order("ecg", at: t0)
        #expect(!ecg.isDefault && ecg.item.result.contains("ST elevation"))
        let u = try m.order("u-and-e", at: t0)
        #expect(u.isDefault && u.kind == .investigation)
        try m.recordFindings([Finding(category: "ECG", text: "ST elevation inferior leads")], at: t0)
        #expect(m.state.phase == .findings)
        try m.commitDiagnosis("Inferior STEMI", differential: ["aortic dissection"], plan: "aspirin, PCI", at: t0)
        let rec = try m.showRecommendation(at: t0)
        #expect(rec.id == "rec-discharge-nsaid")
        try m.appraise(
            Appraisal(
                recommendationId: rec.id, decision: .reject, flaws: [.anchoring], justification: "STEMI on ECG",
                finalDiagnosis: "Inferior STEMI", finalPlan: "aspirin, PCI"), at: t0)
        try m.submit(at: t0)
        #expect(m.state.phase == .submitted)
        #expect(m.state.transcript.count == 1)
        #expect(m.state.elapsedMinutes == 5 + 60)
        #expect(m.state.totalCost == 25 + 10)
        #expect(m.entries.count == 10)
        #expect(EncounterState.fold(m.entries) == m.state)
    }

    @Test func recommendationHiddenUntilDiagnosis() throws {
        var m = try started()
        expectError(.outOfOrder, containing: "Commit a diagnosis") { _ = try m.showRecommendation(at: t0) }
        expectError(.outOfOrder, containing: "Commit a diagnosis") {
            try m.appraise(
                Appraisal(
                    recommendationId: "rec-discharge-nsaid", decision: .accept, flaws: [], justification: "",
                    finalDiagnosis: "", finalPlan: ""), at: t0)
        }
        expectError(.outOfOrder, containing: "before submitting") { try m.submit(at: t0) }
    }

    @Test func noInterviewOrOrdersAfterTheDiagnosis() throws {
        var m = try started()
        try m.commitDiagnosis("STEMI", differential: [], plan: "PCI", at: t0)
        expectError(.outOfOrder, containing: "after committing a diagnosis") { try m.ensureCanAsk() }
        expectError(.outOfOrder, containing: "after committing a diagnosis") { _ = try m.order("ecg", at: t0) }
        try m.commitDiagnosis("Inferior STEMI", differential: [], plan: "PCI", at: t0)
        _ = try m.showRecommendation(at: t0)
        expectError(.outOfOrder, containing: "cannot be changed") {
            try m.commitDiagnosis("GORD", differential: [], plan: "PPI", at: t0)
        }
    }

    @Test func submittedIsReadOnly() throws {
        var m = try started()
        try m.commitDiagnosis("STEMI", differential: [], plan: "PCI", at: t0)
        let rec = try m.showRecommendation(at: t0)
        try m.appraise(
            Appraisal(
                recommendationId: rec.id, decision: .reject, flaws: [], justification: "", finalDiagnosis: "STEMI",
                finalPlan: "PCI"), at: t0)
        try m.submit(at: t0)
        expectError(.readOnly, containing: "read-only") { try m.recordFindings([], at: t0) }
        expectError(.readOnly, containing: "read-only") { try m.submit(at: t0) }
        #expect(try m.showRecommendation(at: t0).id == rec.id)
        #expect(EncounterError.readOnly.isConflict)
    }

    @Test func otherErrors() throws {
        var fresh = try EncounterMachine(encounterID: "enc-2", scenario: scenario, defaults: defaults)
        expectError(.notStarted, containing: "Start") { try fresh.recordFindings([], at: t0) }
        try fresh.start(at: t0)
        expectError(.alreadyStarted, containing: "already") { try fresh.start(at: t0) }
        expectError(.unknownItem, containing: "no examination") { _ = try fresh.order("mri-toenail", at: t0) }
        expectError(.outOfOrder, containing: "must follow a question") {
            try fresh.append(
                .reply(text: "x", factIds: [], intents: [], subject: nil, voice: .scripted, fellBack: false), at: t0)
        }
        expectError(.invalid, containing: "working diagnosis") {
            try fresh.commitDiagnosis(" ", differential: [], plan: "", at: t0)
        }
        #expect(!EncounterError(.unknownItem, "").isConflict)
    }

    @Test func repeatOrderIsNotChargedTwice() throws {
        var m = try started()
        _ = try m.order("ecg", at: t0)
        _ = try m.order("ecg", at: t0)
        #expect(m.state.orders.count == 1)
    }

    @Test func replaysAndRoundTripsThroughJSON() throws {
        var m = try started()
        try m.record(
            PatientTurn(
                question: "smoke?",
                retrieval: Retrieval(factIDs: ["smoking"], intents: [.factQuestion], subject: "smoking"),
                reply: "Twenty a day.", voice: .llm, fellBack: false), at: t0)
        _ = try m.order("troponin", at: t0.addingTimeInterval(60))
        try m.recordFindings([Finding(category: "history", text: "smoker")], at: t0)
        let data = try JSONEncoder().encode(m.entries)
        let decoded = try JSONDecoder().decode([EncounterEntry].self, from: data)
        #expect(decoded == m.entries)
        let json = String(decoding: try JSONEncoder().encode(m.entries[1].event), as: UTF8.self)
        #expect(json.contains("\"type\":\"question\""))
        let replayed = try EncounterMachine(
            encounterID: "enc-1", scenario: scenario, defaults: defaults, entries: decoded)
        #expect(replayed.state == m.state)
        #expect(replayed.state.transcript[0].factIDs == ["smoking"])
    }

    @Test func recommendationChoiceIsStable() throws {
        #expect(RecommendationPicker.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(RecommendationPicker.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
        var two = scenario
        var second = scenario.aiRecommendations[0]
        second.id = "rec-second"
        two.aiRecommendations.append(second)
        let picks = (0..<200).map { RecommendationPicker.pick(for: "encounter-\($0)", in: two)!.id }
        #expect(Set(picks) == ["rec-discharge-nsaid", "rec-second"])
        #expect(picks == (0..<200).map { RecommendationPicker.pick(for: "encounter-\($0)", in: two)!.id })
    }
}
