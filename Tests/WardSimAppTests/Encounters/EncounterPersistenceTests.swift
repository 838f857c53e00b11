import Foundation
import Testing

@testable import WardSimApp

/// Nothing a trainee typed is lost: drafts come back with the encounter, and an
/// unfinished encounter resumes exactly where it was after the server restarts on the
/// same database.
@Suite("Encounter persistence")
struct EncounterPersistenceTests {
    let scenarioID = "chest-pain-inferior-stemi"

    @Test func draftsAreSavedAndRestoredWithTheEncounter() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("drafter", role: .trainee)
        let (encounter, started) = try await EncounterClient.start(scenarioID, as: trainee)
        #expect((started.json["drafts"] as? [String: String]) == [:])

        #expect(try await encounter.saveDraft("question", "and does it go anywh").status == 204)
        #expect(try await encounter.saveDraft("diagnosis", "Inferior STEMI?\nplan: aspirin").status == 204)
        #expect(try await encounter.saveDraft("diagnosis", "Inferior STEMI").status == 204)
        #expect(try await encounter.saveDraft("appraisal-justification", "Ignores the ECG").status == 204)
        let view = try await encounter.view()
        #expect(
            (view.json["drafts"] as? [String: String])
                == [
                    "question": "and does it go anywh", "diagnosis": "Inferior STEMI",
                    "appraisal-justification": "Ignores the ECG",
                ])

        // Sending the question clears its draft; the others stay.
        #expect(try await encounter.ask("And does it go anywhere?").status == 200)
        let after = try await encounter.view()
        #expect(
            (after.json["drafts"] as? [String: String])
                == ["diagnosis": "Inferior STEMI", "appraisal-justification": "Ignores the ECG"])

        let badField = try await encounter.saveDraft("Question", "x")
        #expect(badField.status == 422)
        #expect(badField.errorPaths == ["field"])
        let tooLong = try await encounter.saveDraft("question", String(repeating: "a", count: 20_001))
        #expect(tooLong.status == 422)
        #expect(tooLong.errorPaths == ["text"])
    }

    @Test func anUnfinishedEncounterResumesAfterARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-restart-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }

        var first: TestApp? = try TestApp(directory: folder)
        let browser = try await first!.signedInClient("resumer", role: .trainee)
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: browser)
        #expect(try await encounter.ask("Hello, what brings you in?").status == 200)
        #expect(try await encounter.ask("When did the pain start?").status == 200)
        #expect(try await encounter.order("ecg").status == 201)
        #expect(try await encounter.recordFindings([("investigations", "ST elevation in II, III, aVF")]).status == 200)
        #expect(try await encounter.commitDiagnosis("Inferior STEMI", plan: "Aspirin and primary PCI").status == 200)
        #expect(
            try await encounter.saveDraft("appraisal-justification", "The HEART score does not apply").status == 204)
        let before = try await encounter.view()
        first!.server.stop()
        first = nil

        let second = try TestApp(directory: folder)
        let resumed = second.newClient()
        resumed.storeCookie("wardsim_session", browser.sessionCookie)
        resumed.csrfToken = browser.csrfToken
        let view = try await encounter.through(resumed).view()
        #expect(view.status == 200)
        #expect(view.body == before.body, "the encounter changed across the restart")
        let library = try await resumed.request("GET", "/api/scenarios")
        let card = library.objects("scenarios").first { $0["id"] as? String == scenarioID }
        #expect((card?["status"] as? [String: Any])?["inProgressEncounterId"] as? String == encounter.id)

        // And it carries on to the end.
        let shown = try await encounter.through(resumed).recommendation()
        let recommendationID = try #require((shown.json["recommendation"] as? [String: Any])?["id"] as? String)
        #expect(
            try await encounter.through(resumed).appraise(
                recommendationID: recommendationID, decision: "reject", flaws: ["anchoring"],
                justification: "The HEART score does not apply with ST elevation.", finalDiagnosis: "Inferior STEMI",
                finalPlan: "Aspirin and primary PCI"
            ).status == 200)
        let submitted = try await encounter.through(resumed).submit()
        #expect(submitted.status == 200)
        let debrief = try #require(submitted.json["debrief"] as? [String: Any])
        #expect((debrief["transcript"] as? [Any])?.count == 2)
    }

    @Test func encountersKeepTheStoredScenarioWhenTheFileChangesWithoutANewVersion() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-immutable-\(UUID())")
        let scenarios = folder.appendingPathComponent("Scenarios")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestApp.repositoryRoot.appendingPathComponent("Scenarios"), to: scenarios)

        var first: TestApp? = try TestApp(directory: folder) { $0.scenariosPath = scenarios.path }
        let browser = try await first!.signedInClient("author-trap", role: .trainee)
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: browser)
        let original = try await encounter.ask("How much do you smoke?")
        #expect((original.json["reply"] as? String)?.contains("twenty a day") == true)
        first!.server.stop()
        first = nil

        // The author edits the file but forgets to bump its version.
        let file = scenarios.appendingPathComponent("\(scenarioID).json")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "I smoke about twenty a day", with: "I smoke about forty a day")
        try edited.write(to: file, atomically: true, encoding: .utf8)

        let second = try TestApp(directory: folder) { $0.scenariosPath = scenarios.path }
        let resumed = second.newClient()
        resumed.storeCookie("wardsim_session", browser.sessionCookie)
        resumed.csrfToken = browser.csrfToken
        let again = try await encounter.through(resumed).ask("How many cigarettes a day?")
        #expect((again.json["reply"] as? String)?.contains("twenty a day") == true, "\(again.text)")
        let (fresh, _) = try await EncounterClient.start(scenarioID, as: resumed)
        let freshReply = try await fresh.ask("How much do you smoke?")
        #expect((freshReply.json["reply"] as? String)?.contains("twenty a day") == true, "\(freshReply.text)")
    }
}
