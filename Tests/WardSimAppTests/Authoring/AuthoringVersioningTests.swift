import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("Authoring: versions, publishing and archiving")
struct AuthoringVersioningTests {
    @Test func everySaveIsANewVersionAndStoredVersionsNeverChange() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        var document = try AuthoringFixtures.draft("heavy-meal")
        let created = try await author.request("POST", "/api/authoring/scenarios", json: document)
        #expect(created.status == 201, "\(created.text)")
        let first = try #require(created.json["version"] as? [String: Any])
        #expect(first["version"] as? Int == 1)
        #expect(first["status"] as? String == "draft")
        #expect(first["source"] as? String == "authored")
        #expect(first["createdBy"] as? String == "ines")
        let firstText = try #require(first["text"] as? String)

        #expect(try await author.request("POST", "/api/authoring/scenarios", json: document).status == 409)

        document["title"] = "Discomfort after dinner"
        let saved = try await author.request("PUT", "/api/authoring/scenarios/heavy-meal", json: document)
        #expect(saved.status == 200, "\(saved.text)")
        #expect((saved.json["version"] as? [String: Any])?["version"] as? Int == 2)

        // Still editing version 1: someone (here, the same author) saved version 2 meanwhile.
        document["title"] = "Late dinner"
        let stale = try await author.request("PUT", "/api/authoring/scenarios/heavy-meal", json: document)
        #expect(stale.status == 409)
        #expect(stale.errorMessage?.contains("Version 2") == true)

        // An author may skip numbers; the document's version wins when it is higher.
        document["version"] = 7
        let skipped = try await author.request("PUT", "/api/authoring/scenarios/heavy-meal", json: document)
        #expect((skipped.json["version"] as? [String: Any])?["version"] as? Int == 7)

        let one = try await author.request("GET", "/api/authoring/scenarios/heavy-meal/versions/1")
        #expect(one.json["text"] as? String == firstText)
        #expect(
            ((one.json["document"] as? [String: Any])?["title"] as? String)
                == "Epigastric discomfort after a heavy meal")
        #expect(try await author.request("GET", "/api/authoring/scenarios/heavy-meal/versions/3").status == 404)
        #expect(try await author.request("GET", "/api/authoring/scenarios/heavy-meal/versions/x").status == 400)

        let detail = try await author.request("GET", "/api/authoring/scenarios/heavy-meal")
        #expect((detail.json["versions"] as? [[String: Any]])?.map { $0["version"] as? Int } == [1, 2, 7])
        #expect((detail.json["latest"] as? [String: Any])?["version"] as? Int == 7)
        #expect(detail.json["hasUnpublishedChanges"] as? Bool == true)

        let list = try await author.request("GET", "/api/authoring/scenarios")
        let scenarios = try #require(list.json["scenarios"] as? [[String: Any]])
        #expect(scenarios.contains { $0["id"] as? String == "heavy-meal" && $0["version"] as? Int == 7 })
        let library = try #require(scenarios.first { $0["id"] as? String == "chest-pain-inferior-stemi" })
        #expect(library["source"] as? String == "library")
        #expect(library["publishedVersion"] as? Int == 1)
        #expect(try await author.request("GET", "/api/authoring/scenarios/nope").status == 404)
    }

    @Test func publishingOffersTheVersionToTraineesAndArchivingWithdrawsIt() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let trainee = try await app.signedInClient("tara", role: .trainee)
        #expect(
            try await author.request(
                "POST", "/api/authoring/scenarios", json: try AuthoringFixtures.draft("after-dinner")
            ).status == 201)
        #expect(try await Self.offered("after-dinner", to: trainee) == nil, "drafts are not offered")
        #expect(
            try await trainee.request("POST", "/api/encounters", json: ["scenarioId": "after-dinner"]).status == 404)

        #expect(
            try await author.request("POST", "/api/authoring/scenarios/after-dinner/publish", json: ["version": 5])
                .status == 409)
        let published = try await author.request(
            "POST", "/api/authoring/scenarios/after-dinner/publish", json: ["version": 1])
        #expect(published.status == 200, "\(published.text)")
        let version = try #require(published.json["version"] as? [String: Any])
        #expect(version["version"] as? Int == 2)
        #expect(version["status"] as? String == "published")
        #expect((version["document"] as? [String: Any])?["status"] as? String == "published")
        #expect(try await author.request("POST", "/api/authoring/scenarios/after-dinner/publish").status == 409)

        let card = try #require(try await Self.offered("after-dinner", to: trainee))
        #expect(card["version"] as? Int == 2)
        #expect(card["title"] as? String == "Epigastric discomfort after a heavy meal")
        let started = try await trainee.request("POST", "/api/encounters", json: ["scenarioId": "after-dinner"])
        #expect(started.status == 201)
        let encounterID = try #require(started.json["id"] as? String)

        // A new published version replaces the old one for new encounters.
        var document = try AuthoringFixtures.draft("after-dinner", title: "Sweating after dinner")
        document["version"] = 2
        #expect(try await author.request("PUT", "/api/authoring/scenarios/after-dinner", json: document).status == 200)
        #expect(try await Self.offered("after-dinner", to: trainee)?["version"] as? Int == 2, "drafts change nothing")
        #expect(try await author.request("POST", "/api/authoring/scenarios/after-dinner/publish").status == 200)
        #expect(try await Self.offered("after-dinner", to: trainee)?["version"] as? Int == 4)
        let versions = try await author.request("GET", "/api/authoring/scenarios/after-dinner")
        #expect(
            (versions.json["versions"] as? [[String: Any]])?.map { $0["status"] as? String }
                == ["draft", "archived", "draft", "published"])

        let archived = try await author.request("POST", "/api/authoring/scenarios/after-dinner/archive")
        #expect(archived.status == 200, "\(archived.text)")
        #expect((archived.json["scenario"] as? [String: Any])?["publishedVersion"] == nil)
        #expect(try await Self.offered("after-dinner", to: trainee) == nil)
        #expect(
            try await trainee.request("POST", "/api/encounters", json: ["scenarioId": "after-dinner"]).status == 404)
        #expect(try await author.request("POST", "/api/authoring/scenarios/after-dinner/archive").status == 409)

        // The encounter started on version 2 carries on after archiving.
        let resumed = try await trainee.request("GET", "/api/encounters/\(encounterID)")
        #expect(resumed.status == 200)
        #expect(resumed.json["scenarioVersion"] as? Int == 2)
        try await AuthoringFixtures.complete(encounterID, as: trainee)

        // Publishing again offers it again, as a new version.
        #expect(try await author.request("POST", "/api/authoring/scenarios/after-dinner/publish").status == 200)
        #expect(try await Self.offered("after-dinner", to: trainee)?["version"] as? Int == 5)

        let audit = try await app.signedInClient("root", role: .admin).request("GET", "/api/admin/audit?limit=20")
        let actions = (audit.json["entries"] as? [[String: Any]] ?? []).filter {
            ($0["target"] as? String) == "scenario:after-dinner"
        }.map { $0["action"] as? String ?? "" }
        #expect(
            actions == [
                "scenario.publish", "scenario.archive", "scenario.publish", "scenario.save", "scenario.publish",
                "scenario.create",
            ])
    }

    @Test func encountersStayOnTheirVersionAndEditingNeverChangesAPastGrade() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let trainee = try await app.signedInClient("tara", role: .trainee)
        let started = try await trainee.request(
            "POST", "/api/encounters", json: ["scenarioId": "chest-pain-inferior-stemi"])
        let encounterID = try #require(started.json["id"] as? String)
        let debrief = try await AuthoringFixtures.complete(encounterID, as: trainee)
        #expect(debrief.status == 200)
        let before = try await trainee.request("GET", "/api/encounters/\(encounterID)")

        // Rewrite the key, the teaching points and the title, and publish.
        var document = try AuthoringFixtures.library()
        document["title"] = "Chest discomfort, rewritten"
        var key = try #require(document["key"] as? [String: Any])
        key["diagnoses"] = [["name": "Oesophageal spasm", "synonyms": [String](), "icd10": "K22.4"]]
        document["key"] = key
        document["debrief"] = ["teachingPoints": ["A rewritten teaching point."]]
        let saved = try await author.request(
            "PUT", "/api/authoring/scenarios/chest-pain-inferior-stemi", json: document)
        #expect(saved.status == 200, "\(saved.text)")
        #expect(
            try await author.request("POST", "/api/authoring/scenarios/chest-pain-inferior-stemi/publish").status == 200
        )

        let after = try await trainee.request("GET", "/api/encounters/\(encounterID)/debrief")
        #expect(after.body == debrief.body, "the stored grade and debrief do not change")
        let encounter = try await trainee.request("GET", "/api/encounters/\(encounterID)")
        #expect(encounter.json["scenarioVersion"] as? Int == 1)
        #expect(encounter.json["title"] as? String == before.json["title"] as? String)

        let next = try await trainee.request(
            "POST", "/api/encounters", json: ["scenarioId": "chest-pain-inferior-stemi"])
        #expect(next.json["scenarioVersion"] as? Int == 3)
        #expect(next.json["title"] as? String == "Chest discomfort, rewritten")
    }

    @Test func publishedAndArchivedVersionsSurviveARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wardsim-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("wardsim.sqlite").path
        do {
            let app = try TestApp { $0.databasePath = database }
            let author = try await app.signedInClient("ines", role: .instructor)
            try app.createUser("tara", role: .trainee)
            #expect(
                try await author.request("POST", "/api/authoring/scenarios", json: try AuthoringFixtures.draft("kept"))
                    .status == 201)
            #expect(try await author.request("POST", "/api/authoring/scenarios/kept/publish").status == 200)
            #expect(
                try await author.request("POST", "/api/authoring/scenarios/care-home-urosepsis/archive").status == 200)
        }
        let app = try TestApp { $0.databasePath = database }
        let trainee = app.newClient()
        #expect(try await trainee.signIn("tara").status == 200)
        #expect(try await Self.offered("kept", to: trainee)?["version"] as? Int == 2)
        #expect(try await Self.offered("care-home-urosepsis", to: trainee) == nil)
        #expect(try await Self.offered("chest-pain-inferior-stemi", to: trainee) != nil)
    }

    /// Authors publishing and archiving at once: whatever order the requests ran in,
    /// trainees are offered exactly what the database says is published.
    @Test func concurrentPublishingAndArchivingLeaveTraineesWithWhatIsStored() async throws {
        let app = try TestApp { $0.threads = 4 }
        let author = try await app.signedInClient("ines", role: .instructor)
        let trainee = try await app.signedInClient("tara", role: .trainee)
        #expect(
            try await author.request("POST", "/api/authoring/scenarios", json: try AuthoringFixtures.draft("raced"))
                .status == 201)
        for round in 0..<3 {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        _ = try? await author.request(
                            "POST", "/api/authoring/scenarios/raced/\((index + round) % 2 == 0 ? "publish" : "archive")"
                        )
                    }
                }
            }
            let stored = try app.app.database.read { db in
                try ScenarioVersionRepository(db).published(scenarioID: "raced")?.version
            }
            let offered = try await Self.offered("raced", to: trainee)?["version"] as? Int
            #expect(
                offered == stored,
                "round \(round): trainees get \(String(describing: offered)), stored \(String(describing: stored))")
        }
    }

    /// The trainee's case-library card for `id`, or nil when it is not offered.
    static func offered(_ id: String, to client: TestClient) async throws -> [String: Any]? {
        let library = try await client.request("GET", "/api/scenarios")
        return (library.json["scenarios"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }
}
