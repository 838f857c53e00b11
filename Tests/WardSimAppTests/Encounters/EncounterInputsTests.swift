import Foundation
import Testing

@testable import WardSimApp

/// Request bodies that cannot be used are 422 with `error.details[].path` naming the
/// field, and nothing is recorded; bodies that are not the documented shape are 400.
@Suite("Encounter input validation")
struct EncounterInputsTests {
    @Test func eachBadFieldIsNamed() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("typist", role: .trainee)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: trainee)

        func expectField(
            _ reply: TestClient.Reply, _ path: String, sourceLocation: SourceLocation = #_sourceLocation
        ) {
            #expect(reply.status == 422, "\(reply.text)", sourceLocation: sourceLocation)
            #expect(reply.errorPaths == [path], "\(reply.text)", sourceLocation: sourceLocation)
            #expect(!(reply.errorMessage ?? "").isEmpty, sourceLocation: sourceLocation)
        }

        expectField(try await encounter.ask("  \n "), "text")
        expectField(try await encounter.ask(String(repeating: "why ", count: 600)), "text")
        expectField(
            try await encounter.recordFindings([("history", "sweaty"), ("ECG", "ST elevation")]),
            "findings[1].category")
        expectField(try await encounter.order("no-such-test"), "itemId")
        expectField(try await encounter.commitDiagnosis("   ", plan: "Aspirin"), "diagnosis")
        expectField(try await encounter.commitDiagnosis("STEMI", plan: ""), "plan")
        expectField(
            try await encounter.commitDiagnosis(
                "STEMI", differential: (1...21).map { "differential \($0)" }, plan: "PCI"), "differential")

        #expect(try await encounter.commitDiagnosis("Inferior STEMI", plan: "Aspirin, PCI").status == 200)
        let shown = try await encounter.recommendation()
        let id = try #require((shown.json["recommendation"] as? [String: Any])?["id"] as? String)
        expectField(
            try await encounter.appraise(
                recommendationID: id, decision: "reject", flaws: ["anchoring", "vibes"], justification: "Anchored."),
            "flaws[1]")
        expectField(
            try await encounter.appraise(recommendationID: id, decision: "ignore", justification: "Anchored."),
            "decision")
        expectField(
            try await encounter.appraise(recommendationID: id, decision: "reject", justification: " "), "justification")
        expectField(
            try await encounter.appraise(recommendationID: "rec-other", decision: "reject", justification: "Anchored."),
            "recommendationId")
        expectField(try await encounter.feedback(rating: 0), "rating")
        expectField(try await encounter.feedback(rating: 6), "rating")

        // Nothing refused was recorded.
        let view = try await encounter.view()
        #expect(view.objects("transcript").isEmpty)
        #expect(view.objects("orders").isEmpty)
        #expect(view.objects("findings").isEmpty)
        #expect(view.json["appraisal"] == nil)
        #expect(view.json["state"] as? String == "recommendation-shown")
    }

    @Test func bodiesOfTheWrongShapeAre400AndNameThePath() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("shapes", role: .trainee)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: trainee)
        let missing = try await trainee.request("POST", encounter.path + "/messages", json: ["question": "hi"])
        #expect(missing.status == 400)
        #expect(missing.errorMessage == "$.text: required field is missing")
        let wrongType = try await trainee.request(
            "PUT", encounter.path + "/diagnosis", json: ["diagnosis": "STEMI", "differential": "MI", "plan": "PCI"])
        #expect(wrongType.status == 400)
        #expect(wrongType.errorMessage == "$.differential: expected an array")
        let notJSON = try await trainee.request(
            "POST", encounter.path + "/orders", body: Data("itemId=ecg".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(notJSON.status == 415)
        let unknownScenario = try await trainee.request("POST", "/api/encounters", json: ["scenarioId": "nope"])
        #expect(unknownScenario.status == 404)
        #expect(unknownScenario.errorMessage == "No published scenario 'nope'.")
    }
}
