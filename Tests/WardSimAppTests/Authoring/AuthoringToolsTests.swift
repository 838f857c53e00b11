import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

@Suite("Authoring: export, import, try a question, play-test, diff")
struct AuthoringToolsTests {
    @Test func exportThenImportGivesTheSameDocument() async throws {
        let first = try TestApp()
        let author = try await first.signedInClient("ines", role: .instructor)
        var document = try AuthoringFixtures.draft("round-trip")
        document["version"] = 3
        #expect(try await author.request("POST", "/api/authoring/scenarios", json: document).status == 201)
        let exported = try await author.request("GET", "/api/authoring/scenarios/round-trip/export")
        #expect(exported.status == 200)
        #expect(exported.header("Content-Disposition") == "attachment; filename=\"round-trip.json\"")
        #expect(exported.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(
            exported.text.hasPrefix("{\n  \"id\": \"round-trip\",\n  \"title\": "), "fields in the documented order")
        #expect(exported.text.contains("\"version\": 3,"))

        // Into another WardSim: the same document comes back, byte for byte.
        let second = try TestApp()
        let other = try await second.signedInClient("olga", role: .instructor)
        let imported = try await other.request(
            "POST", "/api/authoring/scenarios/import", body: exported.body,
            headers: ["Content-Type": "application/json"])
        #expect(imported.status == 201, "\(imported.text)")
        #expect((imported.json["version"] as? [String: Any])?["source"] as? String == "imported")
        let reexported = try await other.request("GET", "/api/authoring/scenarios/round-trip/export")
        #expect(reexported.text == exported.text)

        // Into the same WardSim: a new draft version of the same content.
        let again = try await author.request(
            "POST", "/api/authoring/scenarios/import", body: exported.body,
            headers: ["Content-Type": "application/json"])
        #expect(again.status == 200)
        #expect((again.json["version"] as? [String: Any])?["version"] as? Int == 4)
        let diff = try await author.request("GET", "/api/authoring/scenarios/round-trip/diff?from=3&to=4")
        #expect((diff.json["changes"] as? [[String: Any]])?.map { $0["path"] as? String } == ["version"])
    }

    @Test func anExportedLibraryScenarioIsAValidFileOfTheSameScenario() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let exported = try await author.request(
            "GET", "/api/authoring/scenarios/infant-fever-meningococcal-rash/export")
        let folder = app.directory.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("infant-fever-meningococcal-rash.json").path
        try exported.body.write(to: URL(fileURLWithPath: path))
        let run = CommandLineRun(["validate", path, "--curriculum", CommandLineRun.repository("Curriculum")])
        #expect(run.status == 0, "\(run.standardOutput)")
        let shipped = try JSONDecoder().decode(
            Scenario.self,
            from: Data(
                contentsOf: TestApp.repositoryRoot.appendingPathComponent(
                    "Scenarios/infant-fever-meningococcal-rash.json")))
        #expect(try JSONDecoder().decode(Scenario.self, from: exported.body) == shipped)
        #expect(try await author.request("GET", "/api/authoring/scenarios/nope/export").status == 404)
        #expect(
            try await author.request("GET", "/api/authoring/scenarios/infant-fever-meningococcal-rash/export?version=2")
                .status == 404)
    }

    @Test func agentClinicCasesImportAsDraftsWithAReport() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let path = TestApp.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/datasets/agentclinic/agentclinic_medqa.jsonl")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").prefix(3)
        let body = Data((lines.joined(separator: "\n") + "\n{\"not\": \"a case\"}\n").utf8)
        let reply = try await author.request(
            "POST", "/api/authoring/import/agentclinic", body: body, headers: ["Content-Type": "application/x-ndjson"])
        #expect(reply.status == 201, "\(reply.text)")
        #expect(reply.json["imported"] as? Int == 3)
        #expect(reply.json["invalid"] as? Int == 1)
        let cases = try #require(reply.json["cases"] as? [[String: Any]])
        #expect(cases.map { $0["outcome"] as? String } == ["imported", "imported", "imported", "invalid"])
        #expect(cases[0]["id"] as? String == "agentclinic-medqa-001")
        #expect((cases[0]["imported"] as? String)?.contains("facts") == true)
        #expect(!(cases[3]["problems"] as? [Any] ?? []).isEmpty)
        #expect(!(reply.json["authorTasks"] as? [String] ?? []).isEmpty)

        let draft = try await author.request("GET", "/api/authoring/scenarios/agentclinic-medqa-001")
        #expect(draft.json["status"] as? String == "draft")
        #expect(draft.json["source"] as? String == "imported")

        let again = try await author.request(
            "POST", "/api/authoring/import/agentclinic", body: body, headers: ["Content-Type": "application/x-ndjson"])
        #expect(again.status == 200)
        #expect(again.json["existing"] as? Int == 3)
        #expect(
            try await author.request("POST", "/api/authoring/scenarios/agentclinic-medqa-001/publish").status == 422)
    }

    @Test func tryingAQuestionShowsTheFactsTheRetrieverPicks() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let path = "/api/authoring/scenarios/chest-pain-inferior-stemi/try"
        let onset = try await author.request("POST", path, json: ["question": "When did the pain begin?"])
        #expect(onset.status == 200, "\(onset.text)")
        #expect(onset.json["factIds"] as? [String] == ["pain-onset"])
        let fact = try #require((onset.json["facts"] as? [[String: Any]])?.first)
        #expect((fact["answer"] as? String)?.isEmpty == false)
        #expect(onset.json["reply"] as? String == fact["answer"] as? String)

        let followUp = try await author.request(
            "POST", path, json: ["question": "And how long has it lasted?", "previous": ["When did the pain begin?"]])
        #expect(followUp.json["factIds"] as? [String] == ["pain-duration"])

        // The editor's unsaved copy: a new fact is found before it is saved.
        var document = try AuthoringFixtures.library()
        var facts = try #require(document["facts"] as? [[String: Any]])
        facts.append([
            "id": "pet-parrot", "topics": ["pets", "parrot", "animals at home"], "answer": "Just Percy, my parrot.",
            "critical": false, "redFlag": false,
        ])
        document["facts"] = facts
        let unsaved = try await author.request(
            "POST", path, json: ["question": "Do you keep any pets?", "document": document])
        #expect(unsaved.json["factIds"] as? [String] == ["pet-parrot"], "\(unsaved.text)")
        let saved = try await author.request("POST", path, json: ["question": "Do you keep any pets?"])
        #expect(saved.json["factIds"] as? [String] == [])

        #expect(try await author.request("POST", path, json: ["question": "  "]).status == 422)
        #expect(try await author.request("POST", path, json: ["question": "x", "document": ["id": 3]]).status == 422)
        #expect(
            try await author.request("POST", "/api/authoring/scenarios/nope/try", json: ["question": "x"]).status == 404
        )
    }

    @Test func aPlayTestIsAPracticeEncounterOnTheDraftThatNeverCountsTowardsProgress() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        #expect(
            try await author.request("POST", "/api/authoring/scenarios", json: try AuthoringFixtures.draft("to-test"))
                .status == 201)
        let started = try await author.request("POST", "/api/authoring/scenarios/to-test/playtest")
        #expect(started.status == 201, "\(started.text)")
        #expect(started.json["practice"] as? Bool == true)
        #expect(started.json["scenarioId"] as? String == "to-test")
        #expect(started.json["scenarioVersion"] as? Int == 1)
        let encounterID = try #require(started.json["id"] as? String)
        let debrief = try await AuthoringFixtures.complete(encounterID, as: author)
        #expect(debrief.status == 200)
        #expect(debrief.json["overall"] is Double)

        let progress = try await author.request("GET", "/api/me/progress")
        #expect((progress.json["encounters"] as? [Any])?.isEmpty == true, "\(progress.text)")
        let evidence = (progress.json["competencies"] as? [[String: Any]] ?? []).compactMap {
            $0["evidence"] as? Double
        }
        #expect(evidence.allSatisfy { $0 == 0 })
        #expect((try await author.request("GET", "/api/encounters").json["encounters"] as? [Any])?.isEmpty == true)
        let scores = try app.app.database.read { db in
            try db.scalar(Int.self, "SELECT COUNT(*) FROM competency_scores") ?? -1
        }
        #expect(scores == 0)
        #expect(try await author.request("POST", "/api/authoring/scenarios/nope/playtest").status == 404)
    }

    @Test func theDiffListsAddedRemovedAndChangedPaths() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        var document = try AuthoringFixtures.draft("diffed")
        #expect(try await author.request("POST", "/api/authoring/scenarios", json: document).status == 201)
        var facts = try #require(document["facts"] as? [[String: Any]])
        let removed = facts.removeLast()
        facts[0]["answer"] = "About an hour ago, just after dinner."
        facts.insert(
            [
                "id": "diet", "topics": ["diet", "what do you eat"], "answer": "Too many takeaways.", "critical": false,
                "redFlag": false,
            ], at: 1)
        document["facts"] = facts
        document["estimatedMinutes"] = 25
        #expect(try await author.request("PUT", "/api/authoring/scenarios/diffed", json: document).status == 200)

        let reply = try await author.request("GET", "/api/authoring/scenarios/diffed/diff?from=1&to=2")
        #expect(reply.status == 200, "\(reply.text)")
        let changes = try #require(reply.json["changes"] as? [[String: Any]])
        func change(_ path: String) -> [String: Any]? { changes.first { $0["path"] as? String == path } }
        #expect(change("version")?["old"] as? Int == 1)
        #expect(change("estimatedMinutes")?["new"] as? Int == 25)
        #expect(change("facts[0].answer")?["change"] as? String == "changed")
        #expect(change("facts[0].answer")?["new"] as? String == "About an hour ago, just after dinner.")
        #expect(change("facts[1]")?["change"] as? String == "added")
        #expect(((change("facts[1]")?["new"]) as? [String: Any])?["id"] as? String == "diet")
        let gone = try #require(changes.first { $0["change"] as? String == "removed" })
        #expect((gone["old"] as? [String: Any])?["id"] as? String == removed["id"] as? String)
        #expect(changes.count == 5, "\(changes.map { $0["path"] ?? "" })")

        #expect(try await author.request("GET", "/api/authoring/scenarios/diffed/diff?from=1").status == 400)
        #expect(try await author.request("GET", "/api/authoring/scenarios/diffed/diff?from=1&to=9").status == 404)
    }
}
