import Foundation
import Testing

@testable import WardSimApp

@Suite("Audit log")
struct AuditLogTests {
    @Test func recordsAdminChangesAndSignInFailuresAndPages() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        try await app.newClient().signIn("root", "wrong password!!")
        try await app.newClient().signIn("who-knows", "wrong password!!")
        #expect(try await admin.request("POST", "/api/admin/cohorts", json: ["name": "North"]).status == 201)
        let created = try await admin.request(
            "POST", "/api/admin/users",
            json: ["username": "ana", "displayName": "Ana", "role": "trainee", "password": "secret-password-42"])
        let anaID = try #require((created.json["user"] as? [String: Any])?["id"] as? Int)
        #expect(
            try await admin.request("PATCH", "/api/admin/users/\(anaID)", json: ["role": "instructor"]).status == 200)

        let first = try await admin.request("GET", "/api/admin/audit?limit=3")
        #expect(first.status == 200)
        let entries = try #require(first.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["user.update", "user.create", "cohort.create"])
        #expect(entries[0]["actor"] as? String == "root")
        #expect(entries[0]["detail"] as? String == "role trainee → instructor")
        #expect(entries[0]["remote"] as? String == "127.0.0.1")
        let next = try #require(first.json["next"] as? Int)

        let second = try await admin.request("GET", "/api/admin/audit?before=\(next)&limit=50")
        let older = try #require(second.json["entries"] as? [[String: Any]])
        let failures = older.filter { $0["action"] as? String == "login.failed" }
        #expect(failures.count == 2)
        #expect(failures.map { $0["detail"] as? String }.contains("wrong password"))
        #expect(failures.map { $0["target"] as? String }.contains("unknown account"))
        #expect(!second.text.contains("who-knows"), "unknown usernames are not recorded")
        #expect(!second.text.contains("secret-password-42") && !first.text.contains("secret-password-42"))
        #expect(second.json["next"] is NSNull || second.json["next"] == nil)

        #expect(try await admin.request("GET", "/api/admin/audit?limit=0").status == 400)
    }
}
