import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

/// Whole encounters through the HTTP API on a real server and database: library → start
/// → interview → orders → findings → diagnosis → AI recommendation → appraisal → submit
/// → debrief → progress, for one scenario of each use case, played well and played badly.
@Suite("Whole encounters")
struct EncounterFlowTests {
    /// A diagnostic case, a treatment-planning case and a patient-support case.
    static let scenarios = ["chest-pain-inferior-stemi", "pneumonia-penicillin-anaphylaxis", "warfarin-clarithromycin"]

    @Test(arguments: scenarios)
    func aCarefulRunScoresFarAboveACarelessOne(_ scenarioID: String) async throws {
        let app = try TestApp()
        let scenario = try #require(app.app.library.scenario(scenarioID))
        let careful = try await app.signedInClient("careful", role: .trainee)
        let careless = try await app.signedInClient("careless", role: .trainee)

        let library = try await careful.request("GET", "/api/scenarios")
        #expect(library.objects("scenarios").contains { $0["id"] as? String == scenarioID })

        let good = try await TrainingRun.careful(scenario).play(scenarioID, as: careful)
        let poor = try await TrainingRun.careless(scenario).play(scenarioID, as: careless)

        #expect(good.overall >= 0.75, "careful run: \(good.overall)")
        #expect(poor.overall <= 0.35, "careless run: \(poor.overall)")
        #expect(Set(good.scores.keys) == Set(scenario.competencies))
        for (competency, score) in good.scores {
            #expect(score >= poor.scores[competency] ?? 1, "\(competency): careful \(score) < careless")
            #expect((0...1).contains(score))
        }
        for competency in good.debrief.objects("competencies") {
            #expect(!(competency["explanation"] as? String ?? "").isEmpty)
        }

        // The debrief says why: the diagnosis, the appraisal, the facts, the outcome.
        let goodDiagnosis = try #require(good.debrief.json["diagnosis"] as? [String: Any])
        let poorDiagnosis = try #require(poor.debrief.json["diagnosis"] as? [String: Any])
        #expect((goodDiagnosis["initial"] as? [String: Any])?["correct"] as? Bool == true)
        #expect((poorDiagnosis["initial"] as? [String: Any])?["correct"] as? Bool == false)
        #expect((good.debrief.json["appraisal"] as? [String: Any])?["decisionCorrect"] as? Bool == true)
        #expect((poor.debrief.json["appraisal"] as? [String: Any])?["decisionCorrect"] as? Bool == false)
        let goodHistory = try #require(good.debrief.json["history"] as? [String: Any])
        let poorHistory = try #require(poor.debrief.json["history"] as? [String: Any])
        let goodElicited = (goodHistory["elicited"] as? [Any])?.count ?? 0
        #expect(goodElicited > (poorHistory["elicited"] as? [Any])?.count ?? 0)
        let missed = poorHistory["missed"] as? [[String: Any]] ?? []
        #expect(!missed.isEmpty && missed.allSatisfy { !($0["exampleQuestion"] as? String ?? "").isEmpty })

        let shown = try #require(scenario.aiRecommendations.first { $0.id == good.recommendationID })
        let expected = scenario.key.expected(for: shown.id)?.decision ?? (shown.sound ? .accept : .reject)
        #expect(good.debrief.json["outcome"] as? String == shown.outcomes.text(for: expected))
        let truth = try #require(good.debrief.json["recommendation"] as? [String: Any])
        #expect(truth["sound"] as? Bool == shown.sound)
        #expect(good.debrief.objects("transcript").count == (try TrainingRun.careful(scenario)).questions.count)

        // Submitting answered with the same debrief the debrief route gives.
        let submitted = try #require(good.submit.json["debrief"] as? [String: Any])
        #expect(submitted["overall"] as? Double == good.overall)
        #expect((good.submit.json["encounter"] as? [String: Any])?["state"] as? String == "submitted")

        // The library and progress pages reflect the graded encounter.
        let after = try await careful.request("GET", "/api/scenarios")
        let card = try #require(after.objects("scenarios").first { $0["id"] as? String == scenarioID })
        let status = try #require(card["status"] as? [String: Any])
        #expect(status["attempts"] as? Int == 1)
        #expect(status["bestScore"] as? Double == good.overall)
        #expect(status["inProgressEncounterId"] == nil)

        let goodProgress = try await careful.request("GET", "/api/me/progress")
        let poorProgress = try await careless.request("GET", "/api/me/progress")
        #expect(goodProgress.status == 200)
        let goodMastery = Self.mastery(goodProgress)
        let poorMastery = Self.mastery(poorProgress)
        for competency in scenario.competencies {
            let entry = try #require(goodMastery[competency])
            #expect(entry.evidence > 0, "\(competency) has no evidence")
            #expect(entry.mastery >= poorMastery[competency]?.mastery ?? 1, "\(competency)")
        }
        let total = { (m: [String: (mastery: Double, evidence: Double)]) in
            scenario.competencies.compactMap { m[$0]?.mastery }.reduce(0, +)
        }
        #expect(total(goodMastery) > total(poorMastery) + 1)
        let encounters = goodProgress.objects("encounters")
        #expect(encounters.map { $0["id"] as? String } == [good.encounter.id])
        #expect(encounters.first?["overall"] as? Double == good.overall)

        // Automation bias: the careless trainee accepted an unsound or rejected a sound recommendation.
        let bias = try #require(poorProgress.json["automationBias"] as? [String: Any])
        #expect(bias["appraised"] as? Int == 1)
        let poorShown = try #require(scenario.aiRecommendations.first { $0.id == poor.recommendationID })
        let expectedPoor = scenario.key.expected(for: poorShown.id)?.decision ?? (poorShown.sound ? .accept : .reject)
        if expectedPoor == .accept {
            #expect(bias["overRejections"] as? Int == 1)
        } else {
            #expect(bias["commissions"] as? Int == 1)
        }
    }

    @Test func ordersReturnResultsAndAccrueTimeAndCost() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("orders", role: .trainee)
        let (encounter, started) = try await EncounterClient.start("chest-pain-inferior-stemi", as: trainee)
        // The menu never carries results; results arrive only with an order.
        #expect(!started.text.contains("ST elevation 2"))
        #expect(started.objects("orderable").contains { $0["id"] as? String == "ecg" && $0["result"] == nil })

        let ecg = try await encounter.order("ecg")
        #expect(ecg.status == 201)
        let order = try #require(ecg.json["order"] as? [String: Any])
        #expect((order["result"] as? String)?.contains("ST elevation") == true)
        #expect(order["isDefault"] as? Bool == false)
        // An item the scenario does not list comes from the defaults table.
        let menu = started.objects("orderable").compactMap { $0["id"] as? String }
        let scenario = try #require(app.app.library.scenario("chest-pain-inferior-stemi"))
        let defaultItem = try #require(menu.first { id in !scenario.orderables.contains { $0.id == id } })
        let fallback = try await encounter.order(defaultItem)
        #expect(fallback.status == 201)
        #expect((fallback.json["order"] as? [String: Any])?["isDefault"] as? Bool == true)
        // Ordering again returns the same result without charging twice.
        let again = try await encounter.order("ecg")
        #expect(again.status == 201)
        let view = try await encounter.view()
        let clock = try #require(view.json["clock"] as? [String: Any])
        let orders = view.objects("orders")
        #expect(orders.count == 2)
        #expect(clock["cost"] as? Double == orders.compactMap { $0["cost"] as? Double }.reduce(0, +))
        #expect(clock["minutes"] as? Int == orders.compactMap { $0["minutes"] as? Int }.reduce(0, +))
        // Unknown items are refused, naming the field.
        let unknown = try await encounter.order("mri-of-everything")
        #expect(unknown.status == 422)
        #expect(unknown.errorPaths == ["itemId"])
    }

    @Test func feedbackIsTakenOnceTheCaseIsSubmitted() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("rater", role: .trainee)
        let scenario = try #require(app.app.library.scenario("warfarin-clarithromycin"))
        let (encounter, _) = try await EncounterClient.start(scenario.id, as: trainee)
        #expect(try await encounter.feedback(rating: 4).status == 409)
        let played = try await TrainingRun.careless(scenario).play(scenario.id, as: trainee)
        #expect(try await played.encounter.feedback(rating: 4, comment: "Realistic patient.").status == 204)
    }

    static func mastery(_ progress: TestClient.Reply) -> [String: (mastery: Double, evidence: Double)] {
        var result: [String: (Double, Double)] = [:]
        for entry in progress.objects("competencies") {
            if let id = entry["id"] as? String, let mastery = entry["mastery"] as? Double,
                let evidence = entry["evidence"] as? Double
            {
                result[id] = (mastery, evidence)
            }
        }
        return result
    }
}
