import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

/// The exports against what the engine really stores: an encounter played through the
/// encounter API and graded by the real grader, then exported.
@Suite("Exports of a real graded encounter")
struct RealEncounterExportTests {
    @Test func attemptsAndXAPIReflectTheGradersReport() async throws {
        let app = try TestApp()
        try app.createCohort("Red")
        let trainee = try await app.signedInClient("ana", role: .trainee, cohort: "Red")
        let admin = try await app.signedInClient("root", role: .admin)

        let started = try await trainee.request(
            "POST", "/api/encounters", json: ["scenarioId": "chest-pain-inferior-stemi"])
        #expect(started.status == 201, "\(started.text)")
        let id = try #require(started.json["id"] as? String)
        try await trainee.request("POST", "/api/encounters/\(id)/messages", json: ["text": "What brings you in today?"])
        let diagnosis = try await trainee.request(
            "PUT", "/api/encounters/\(id)/diagnosis",
            json: [
                "diagnosis": "Inferior STEMI", "differential": ["Aortic dissection"], "plan": "Aspirin, ECG, cath lab",
            ])
        #expect(diagnosis.status == 200, "\(diagnosis.text)")
        let recommendation = try await trainee.request("GET", "/api/encounters/\(id)/recommendation")
        let recommendationID = try #require(
            (recommendation.json["recommendation"] as? [String: Any])?["id"] as? String, "\(recommendation.text)")
        let appraisal = try await trainee.request(
            "PUT", "/api/encounters/\(id)/appraisal",
            json: [
                "recommendationId": recommendationID, "decision": "reject", "flaws": [] as [String],
                "justification": "The ECG shows an inferior STEMI.", "finalDiagnosis": "Inferior STEMI",
                "finalPlan": "Aspirin and primary PCI",
            ])
        #expect(appraisal.status == 200, "\(appraisal.text)")
        let submitted = try await trainee.request("POST", "/api/encounters/\(id)/submit")
        #expect(submitted.status == 200, "\(submitted.text)")
        let debrief = try #require(submitted.json["debrief"] as? [String: Any])
        let competencies = try #require(debrief["competencies"] as? [[String: Any]])
        let bias = try #require(debrief["automationBias"] as? [String: Any])

        let csv = try await admin.request("GET", "/api/admin/reports/attempts.csv")
        let (_, rows) = try RFC4180.table(csv.text)
        let row = try #require(rows.first { $0["encounter_id"] == id })
        #expect(row["username"] == "ana" && row["cohort"] == "Red" && row["scenario"] == "chest-pain-inferior-stemi")
        #expect(Double(row["overall"] ?? "") == debrief["overall"] as? Double)
        for competency in competencies {
            let competencyID = try #require(competency["id"] as? String)
            #expect(Double(row[competencyID] ?? "") == competency["score"] as? Double, "\(competencyID)")
        }
        #expect(row["ai_decision"] == "reject" && row["ai_sound"] == "false")
        #expect(row["commission"] == ((bias["commission"] as? Bool) == true ? "true" : "false"))
        #expect(row["over_rejection"] == ((bias["overRejection"] as? Bool) == true ? "true" : "false"))
        #expect(row["diagnosis_correct"]?.isEmpty == false)

        let xapi = try await admin.request("GET", "/api/admin/reports/xapi")
        let statements = try #require(try JSONSerialization.jsonObject(with: xapi.body) as? [[String: Any]])
        #expect(statements.count == 1 + competencies.count)

        let analytics = try await admin.request(
            "GET", "/api/instructor/analytics/scenarios/chest-pain-inferior-stemi")
        let matrix = analytics.json["aiDecisions"] as? [String: [String: Int]]
        #expect(matrix?["unsound"]?["reject"] == 1, "\(analytics.text)")
        #expect((analytics.json["diagnosisAccuracy"] as? [String: Any])?["judged"] as? Int == 1)
    }
}
