import Foundation
import Testing

@testable import WardSimApp

@Suite("Authoring: validation")
struct AuthoringValidationTests {
    /// Every broken fixture of the validator's own tests, sent to the API, gets exactly
    /// the problems `wardsim validate` prints for the same bytes (path, message, position).
    @Test func theAPIReportsTheSameProblemsAsTheCommandLine() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let folder = TestApp.repositoryRoot.appendingPathComponent("Tests/WardSimCoreTests/ValidatorFixtures/broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        #expect(names.count >= 20)
        let scratch = app.directory.appendingPathComponent("cli")
        var compared = 0
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let fileName = ScenarioCheck.fileName(for: data)
            let directory = scratch.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent(fileName).path
            try data.write(to: URL(fileURLWithPath: path))
            let cli = CommandLineRun([
                "validate", path, "--curriculum", CommandLineRun.repository("Curriculum"), "--scenarios",
                CommandLineRun.repository("Scenarios"),
            ])

            let reply = try await author.request(
                "POST", "/api/authoring/scenarios", body: data, headers: ["Content-Type": "application/json"])
            if cli.status == 0 {
                #expect([201, 409].contains(reply.status), "\(name): \(reply.text)")
                continue
            }
            #expect(reply.status == 422, "\(name): \(reply.text)")
            let api = reply.problemDetails.map { detail -> String in
                var line = "\(path): \(detail["path"] ?? "?"): \(detail["message"] ?? "?")"
                if let row = detail["line"], let column = detail["column"] {
                    line += " (line \(row), column \(column))"
                }
                return line
            }
            #expect(api == cli.outputLines, "\(name)")
            compared += 1
        }
        #expect(compared >= 18)
    }

    @Test func draftsMayLackARecommendationButCannotBePublishedWithout() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let document = try AuthoringFixtures.draftWithoutRecommendation("quiet-draft")

        let checked = try await author.request("POST", "/api/authoring/validate", json: document)
        #expect(checked.status == 200)
        #expect(checked.json["valid"] as? Bool == true)
        let publishing = try #require(checked.json["publishProblems"] as? [[String: Any]])
        #expect(publishing.map { $0["path"] as? String } == ["aiRecommendations"], "\(checked.text)")

        #expect(try await author.request("POST", "/api/authoring/scenarios", json: document).status == 201)
        let refused = try await author.request("POST", "/api/authoring/scenarios/quiet-draft/publish")
        #expect(refused.status == 422)
        #expect(refused.problemDetails.map { $0["path"] } == ["aiRecommendations"])
        #expect(refused.errorMessage?.contains("nothing was published") == true)
        let listed = try await author.request("GET", "/api/authoring/scenarios/quiet-draft")
        #expect(listed.json["publishedVersion"] == nil)
        #expect((listed.json["versions"] as? [Any])?.count == 1)
    }

    @Test func theValidateEndpointChecksTheIdAgainstStoredScenarios() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        var document = try AuthoringFixtures.draft("chest-pain-inferior-stemi")
        let taken = try await author.request("POST", "/api/authoring/validate", json: document)
        #expect(taken.json["valid"] as? Bool == false)
        let problems = try #require(taken.json["problems"] as? [[String: Any]])
        #expect(problems.map { $0["path"] as? String } == ["id"])
        #expect((problems.first?["message"] as? String)?.contains("already exists") == true)

        let editing = try await author.request(
            "POST", "/api/authoring/validate?scenario=chest-pain-inferior-stemi", json: document)
        #expect(editing.json["valid"] as? Bool == true, "\(editing.text)")

        document["id"] = "another-id"
        let renamed = try await author.request(
            "POST", "/api/authoring/validate?scenario=chest-pain-inferior-stemi", json: document)
        #expect(renamed.json["valid"] as? Bool == false)
        let saved = try await author.request(
            "PUT", "/api/authoring/scenarios/chest-pain-inferior-stemi", json: document)
        #expect(saved.status == 422)
        #expect(saved.problemDetails.first?["message"]?.contains("id cannot change") == true)
    }

    @Test func bodiesThatAreNotScenarioJSONAreRefusedPlainly() async throws {
        let app = try TestApp()
        let author = try await app.signedInClient("ines", role: .instructor)
        let empty = try await author.request("POST", "/api/authoring/scenarios", body: Data())
        #expect(empty.status == 400)
        let text = try await author.request(
            "POST", "/api/authoring/scenarios", body: Data("hello".utf8), headers: ["Content-Type": "text/plain"])
        #expect(text.status == 415)
        let truncated = try await author.request(
            "POST", "/api/authoring/scenarios", body: Data("{\"id\": \"x\",".utf8),
            headers: ["Content-Type": "application/json"])
        #expect(truncated.status == 422)
        #expect(truncated.problemDetails.first?["line"] == "1")
    }
}
