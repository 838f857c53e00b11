import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

/// A trainee sees only their own encounters: everyone else's are 404, as if they did not
/// exist. Instructors and administrators may play cases on the trainee routes, but only
/// their own; they see trainees' work through the instructor routes.
@Suite("Encounter access")
struct EncounterAccessTests {
    /// Every encounter route, as (method, path suffix, body).
    static var routes: [(String, String, [String: Any]?)] {
        [
            ("GET", "", nil),
            ("POST", "/messages", ["text": "Any allergies?"]),
            ("POST", "/messages/stream", ["text": "Any allergies?"]),
            ("POST", "/orders", ["itemId": "ecg"]),
            ("PUT", "/findings", ["findings": [["category": "history", "text": "x"]]]),
            ("PUT", "/diagnosis", ["diagnosis": "STEMI", "differential": [], "plan": "PCI"]),
            ("GET", "/recommendation", nil),
            (
                "PUT", "/appraisal",
                ["recommendationId": "rec-discharge-nsaid", "decision": "reject", "flaws": [], "justification": "x"]
            ),
            ("POST", "/submit", nil),
            ("GET", "/debrief", nil),
            ("PUT", "/drafts/question", ["text": "x"]),
            ("POST", "/feedback", ["rating": 3]),
        ]
    }

    @Test func othersGet404OnEveryRouteAndChangeNothing() async throws {
        let app = try TestApp()
        let owner = try await app.signedInClient("owner", role: .trainee, cohort: nil)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: owner)
        #expect(try await encounter.ask("When did the pain start?").status == 200)
        let before = try await encounter.view()

        let trainee = try await app.signedInClient("other-trainee", role: .trainee)
        let instructor = try await app.signedInClient("instructor", role: .instructor)
        let admin = try await app.signedInClient("admin", role: .admin)
        for (name, client) in [("trainee", trainee), ("instructor", instructor), ("admin", admin)] {
            for (method, suffix, body) in Self.routes {
                let reply = try await client.request(method, encounter.path + suffix, json: body)
                #expect(reply.status == 404, "\(name) \(method) \(suffix): \(reply.status) \(reply.text)")
                #expect(reply.errorMessage == "No such encounter.", "\(name) \(method) \(suffix)")
            }
            let list = try await client.request("GET", "/api/encounters")
            #expect(list.objects("encounters").isEmpty, "\(name) sees \(list.text)")
        }
        // An id that does not exist answers exactly the same.
        let missing = try await trainee.request("GET", "/api/encounters/e0000000000000000000000000000000")
        #expect(missing.status == 404)
        #expect(missing.errorMessage == "No such encounter.")

        let after = try await encounter.view()
        #expect(after.body == before.body)
    }

    @Test func instructorsAndAdminsPlayTheirOwnEncounters() async throws {
        let app = try TestApp()
        let scenario = try #require(app.app.library.scenario("warfarin-clarithromycin"))
        for role in [Role.instructor, .admin] {
            let client = try await app.signedInClient("\(role.rawValue)-player", role: role)
            let played = try await TrainingRun.careless(scenario).play(scenario.id, as: client)
            #expect(played.debrief.status == 200)
            let list = try await client.request("GET", "/api/encounters")
            #expect(list.objects("encounters").map { $0["id"] as? String } == [played.encounter.id])
        }
    }

    @Test func anonymousCallersAndMissingCSRFTokensAreRefused() async throws {
        let app = try TestApp()
        let owner = try await app.signedInClient("owner", role: .trainee)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: owner)
        let anonymous = app.newClient()
        #expect(try await anonymous.request("GET", encounter.path).status == 401)
        #expect(try await anonymous.request("POST", "/api/encounters", json: ["scenarioId": "x"]).status == 401)
        let noToken = try await owner.request("POST", encounter.path + "/messages", json: ["text": "hi"], csrf: false)
        #expect(noToken.status == 403)
        #expect(try await encounter.view().objects("transcript").isEmpty)
    }
}
