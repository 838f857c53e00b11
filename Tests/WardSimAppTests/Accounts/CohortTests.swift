import Foundation
import Testing

@testable import WardSimApp

@Suite("Cohorts and instructors")
struct CohortTests {
    @Test func createListAndAssignInstructors() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let created = try await admin.request("POST", "/api/admin/cohorts", json: ["name": "  ED nurses 2026 Q1 "])
        #expect(created.status == 201)
        let cohort = try #require(created.json["cohort"] as? [String: Any])
        #expect(cohort["name"] as? String == "ED nurses 2026 Q1")
        let id = try #require(cohort["id"] as? Int)

        #expect(
            try await admin.request("POST", "/api/admin/cohorts", json: ["name": "ed NURSES 2026 q1"]).status == 409)
        #expect(try await admin.request("POST", "/api/admin/cohorts", json: ["name": ""]).status == 422)

        let teacher = try app.createUser("teach", role: .instructor)
        let trainee = try app.createUser("ana", role: .trainee)
        let refused = try await admin.request(
            "PUT", "/api/admin/cohorts/\(id)/instructors", json: ["instructorIds": [teacher.id, trainee.id]])
        #expect(refused.status == 422)
        let assigned = try await admin.request(
            "PUT", "/api/admin/cohorts/\(id)/instructors", json: ["instructorIds": [teacher.id]])
        #expect(assigned.status == 200)
        let instructors = (assigned.json["cohort"] as? [String: Any])?["instructors"] as? [[String: Any]]
        #expect(instructors?.map { $0["username"] as? String } == ["teach"])
        #expect(
            try await admin.request("PUT", "/api/admin/cohorts/999/instructors", json: ["instructorIds": []]).status
                == 404)

        let list = try await admin.request("GET", "/api/admin/cohorts")
        #expect((list.json["cohorts"] as? [[String: Any]])?.count == 1)
    }

    @Test func instructorsSeeOnlyTheirCohortsTrainees() async throws {
        let app = try TestApp()
        try app.createCohort("North")
        try app.createCohort("South")
        try app.createUser("nora", role: .trainee, cohort: "North")
        try app.createUser("sam", role: .trainee, cohort: "South")
        try app.createUser("lone", role: .trainee)
        let north = try await app.signedInClient("teach", role: .instructor, cohort: "North")
        let reply = try await north.request("GET", "/api/instructor/trainees")
        #expect(reply.status == 200)
        let names = (reply.json["trainees"] as? [[String: Any]])?.compactMap { $0["username"] as? String }
        #expect(names == ["nora"])

        let admin = try await app.signedInClient("root", role: .admin)
        let all = try await admin.request("GET", "/api/instructor/trainees")
        #expect((all.json["trainees"] as? [[String: Any]])?.count == 3)
    }

    @Test func authoringListsScenariosForInstructors() async throws {
        let app = try TestApp()
        let teacher = try await app.signedInClient("teach", role: .instructor)
        // The shipped library is recorded as scenario versions when the app starts.
        let shipped = try await teacher.request("GET", "/api/authoring/scenarios")
        #expect(shipped.status == 200)
        let shippedIDs = ((shipped.json["scenarios"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(shippedIDs.contains("chest-pain-inferior-stemi"))
        #expect(shippedIDs.count == app.app.library.scenarios.count)
        try app.app.database.write { db in
            try db.execute(
                """
                INSERT INTO scenario_versions (scenario_id, version, status, source, document, created_at)
                VALUES ('zz-sah', 1, 'draft', 'authored', '{"title":"Thunderclap headache"}', '2026-01-01T00:00:00.000Z')
                """)
        }
        let listed = try await teacher.request("GET", "/api/authoring/scenarios")
        let scenario = (listed.json["scenarios"] as? [[String: Any]])?.first { $0["id"] as? String == "zz-sah" }
        #expect(scenario?["title"] as? String == "Thunderclap headache")
    }
}
