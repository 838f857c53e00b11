import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("Admin: CSV import")
struct UserImportTests {
    func importCSV(_ csv: String, as admin: TestClient) async throws -> TestApp.Reply {
        try await admin.request(
            "POST", "/api/admin/users/import", body: Data(csv.utf8),
            headers: ["Content-Type": "text/csv; charset=utf-8"])
    }

    @Test func oneBadRowImportsNothingAndTheReportSaysWhy() async throws {
        let app = try TestApp()
        try app.createCohort("North")
        let admin = try await app.signedInClient("root", role: .admin)
        let csv = """
            username,display name,role,cohort,password
            ana,"López, Ana",trainee,North,
            ben,Ben,trainee,Nowhere,
            ANA,Ana again,trainee,North,
            cat,Cat,wizard,,short
            root,Root again,admin,,
            dan,Dan,instructor,North,a fine long password

            """
        let reply = try await importCSV(csv, as: admin)
        #expect(reply.status == 422)
        #expect(reply.json["imported"] as? Bool == false)
        let rows = try #require(reply.json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["line"] as? Int } == [2, 3, 4, 5, 6, 7])
        #expect(rows.map { $0["status"] as? String } == ["ok", "refused", "refused", "refused", "refused", "ok"])
        let reasons = rows.map { ($0["reasons"] as? [String] ?? []).joined(separator: " | ") }
        #expect(reasons[1].contains("no cohort named “Nowhere”"))
        #expect(reasons[2].contains("also appears on line 2"))
        #expect(reasons[3].contains("role") && reasons[3].contains("at least 12"))
        #expect(reasons[4].contains("already taken"))
        #expect(try app.app.database.read { db in try UserRepository(db).count() } == 1, "nothing half-imported")
    }

    @Test func aCleanFileImportsEveryRow() async throws {
        let app = try TestApp()
        try app.createCohort("North")
        let admin = try await app.signedInClient("root", role: .admin)
        let csv =
            "ana,\"López, Ana \"\"RN\"\"\",trainee,North,a fine long password\r\nben,Ben,trainee,,\r\ndan,Dan,instructor,North,\r\n"
        let reply = try await importCSV(csv, as: admin)
        #expect(reply.status == 201, "\(reply.text)")
        #expect(reply.json["created"] as? Int == 3)
        try app.app.database.read { db throws in
            let users = UserRepository(db)
            let ana = try #require(try users.find(username: "ana"))
            #expect(ana.displayName == "López, Ana \"RN\"")
            #expect(ana.cohortID != nil)
            #expect(try users.find(username: "ben")?.hasPassword == false)
            let dan = try #require(try users.find(username: "dan"))
            #expect(try CohortRepository(db).cohortIDs(instructedBy: dan.id).count == 1)
        }
        #expect(try await app.newClient().signIn("ana", "a fine long password").status == 200)
        #expect(try await app.newClient().signIn("ben", "").status == 401, "no password, no sign-in")
    }

    @Test func headerColumnsMayComeInAnyOrder() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let reply = try await importCSV("role,username,display name,cohort\ntrainee,eve,Eve,\n", as: admin)
        #expect(reply.status == 201, "\(reply.text)")
        #expect(try app.app.database.read { db in try UserRepository(db).find(username: "eve")?.role } == .trainee)
    }

    @Test func brokenQuotingIsRefusedWithItsLine() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let reply = try await importCSV("ana,\"unterminated,trainee,\n", as: admin)
        #expect(reply.status == 422)
        #expect((reply.json["message"] as? String)?.contains("line 1") == true)
        let wrongType = try await admin.request(
            "POST", "/api/admin/users/import", json: ["username": "x"])
        #expect(wrongType.status == 415)
    }

    @Test func theImportIsAudited() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        #expect(try await importCSV("fay,Fay,trainee,\n", as: admin).status == 201)
        let actions = try app.app.database.read { db in
            try AuditLogRepository(db).page(before: nil, limit: 10).map(\.action)
        }
        #expect(actions.prefix(2) == ["user.import", "user.create"])
    }
}
