import Foundation
import Testing

@testable import WardSimApp

/// Actions out of order are 409 with a message saying what must come first, change
/// nothing, and a submitted encounter is read-only.
@Suite("Encounter order of actions")
struct EncounterStateMachineTests {
    let scenarioID = "chest-pain-inferior-stemi"

    @Test func theRecommendationWaitsForTheTraineesOwnDiagnosis() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("early", role: .trainee)
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: trainee)

        let early = try await encounter.recommendation()
        #expect(early.status == 409)
        #expect(early.errorMessage?.contains("Commit a diagnosis") == true, "\(early.text)")
        let view = try await encounter.view()
        #expect(view.json["recommendation"] == nil)
        #expect(!view.text.contains("HEART score"))

        let appraisal = try await encounter.appraise(
            recommendationID: "rec-discharge-nsaid", decision: "reject", justification: "Too early to say.")
        #expect(appraisal.status == 409)
        #expect(appraisal.errorMessage?.hasPrefix("Commit a diagnosis, then view the AI recommendation") == true)

        let submit = try await encounter.submit()
        #expect(submit.status == 409)
        #expect(submit.errorMessage?.contains("Commit a diagnosis") == true)

        let debrief = try await encounter.debrief()
        #expect(debrief.status == 409)
        #expect(debrief.errorMessage?.contains("Submit the encounter") == true)
    }

    @Test func eachStepNamesTheStepBeforeIt() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("steps", role: .trainee)
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: trainee)
        #expect(try await encounter.ask("When did the pain start?").status == 200)
        #expect(try await encounter.commitDiagnosis("Inferior STEMI", plan: "Aspirin, cath lab").status == 200)

        // Information gathering ends with the diagnosis.
        let question = try await encounter.ask("Any allergies?")
        #expect(question.status == 409)
        #expect(question.errorMessage?.contains("after committing a diagnosis") == true)
        let order = try await encounter.order("ecg")
        #expect(order.status == 409)
        #expect(order.errorMessage?.contains("after committing a diagnosis") == true)

        let appraisal = try await encounter.appraise(
            recommendationID: "rec-discharge-nsaid", decision: "reject", justification: "Not yet seen.")
        #expect(appraisal.status == 409)
        #expect(appraisal.errorMessage == "View the AI recommendation before appraising it.")
        let submit = try await encounter.submit()
        #expect(submit.status == 409)
        #expect(submit.errorMessage == "Appraise the AI recommendation before submitting.")

        // The diagnosis may be revised until the AI is shown, not after.
        #expect(try await encounter.commitDiagnosis("Inferior STEMI", plan: "Aspirin, PCI").status == 200)
        let shown = try await encounter.recommendation()
        #expect(shown.status == 200)
        let revise = try await encounter.commitDiagnosis("GORD", plan: "PPI")
        #expect(revise.status == 409)
        #expect(revise.errorMessage?.contains("give your final diagnosis in the appraisal") == true)
        // Showing it again is harmless and shows the same recommendation.
        let again = try await encounter.recommendation()
        #expect(again.status == 200)
        #expect(again.body == shown.body)

        // Nothing refused was recorded.
        let view = try await encounter.view()
        #expect(view.objects("transcript").count == 1)
        #expect(view.objects("orders").isEmpty)
        #expect((view.json["diagnosis"] as? [String: Any])?["plan"] as? String == "Aspirin, PCI")
        #expect(view.json["state"] as? String == "recommendation-shown")
    }

    @Test func aSubmittedEncounterIsReadOnly() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("done", role: .trainee)
        let scenario = try #require(app.app.library.scenario(scenarioID))
        let played = try await TrainingRun.careless(scenario).play(scenarioID, as: trainee)
        let encounter = played.encounter
        let before = try await encounter.view()

        let attempts: [(String, TestClient.Reply)] = [
            ("ask", try await encounter.ask("Anything else?")),
            ("stream", try await encounter.askStreaming("Anything else?")),
            ("order", try await encounter.order("ecg")),
            ("findings", try await encounter.recordFindings([("history", "late note")])),
            ("diagnosis", try await encounter.commitDiagnosis("STEMI", plan: "PCI")),
            (
                "appraisal",
                try await encounter.appraise(
                    recommendationID: played.recommendationID, decision: "reject", justification: "Changed my mind.")
            ),
            ("submit", try await encounter.submit()),
            ("draft", try await encounter.saveDraft("question", "typed later")),
        ]
        for (action, reply) in attempts {
            #expect(reply.status == 409, "\(action): \(reply.status) \(reply.text)")
            #expect(
                reply.errorMessage?.contains("submitted") == true, "\(action): \(reply.errorMessage ?? reply.text)")
        }
        // Reading stays possible, and nothing changed.
        #expect(try await encounter.recommendation().status == 200)
        #expect(try await encounter.debrief().status == 200)
        let after = try await encounter.view()
        #expect(after.body == before.body)
    }
}
