import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("Admin: users")
struct AdminUserTests {
    @Test func createsAndListsUsers() async throws {
        let app = try TestApp()
        try app.createCohort("ED nurses 2026 Q1")
        let admin = try await app.signedInClient("root", role: .admin)
        let created = try await admin.request(
            "POST", "/api/admin/users",
            json: [
                "username": "ana", "displayName": "Ana López", "role": "trainee", "cohort": "ed nurses 2026 q1",
                "password": TestApp.password,
            ])
        #expect(created.status == 201)
        let user = try #require(created.json["user"] as? [String: Any])
        #expect((user["cohort"] as? [String: Any])?["name"] as? String == "ED nurses 2026 Q1")

        let list = try await admin.request("GET", "/api/admin/users")
        let users = try #require(list.json["users"] as? [[String: Any]])
        #expect(users.map { $0["username"] as? String } == ["ana", "root"])
        #expect(try await app.newClient().signIn("ana").status == 200)
    }

    @Test func passwordPolicyRefusalsAre422WithTheReason() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        for (password, words) in [("too short", "at least 12"), (String(repeating: "x", count: 129), "at most 128")] {
            let reply = try await admin.request(
                "POST", "/api/admin/users",
                json: ["username": "ana", "displayName": "Ana", "role": "trainee", "password": password])
            #expect(reply.status == 422)
            #expect(reply.errorMessage?.contains(words) == true)
            let details = (reply.json["error"] as? [String: Any])?["details"] as? [[String: String]]
            #expect(details?.first?["field"] == "password")
        }
        // Twelve characters of anything at all are fine: no composition rules.
        let fine = try await admin.request(
            "POST", "/api/admin/users",
            json: ["username": "ana", "displayName": "Ana", "role": "trainee", "password": "aaaaaaaaaaaa"])
        #expect(fine.status == 201)
    }

    @Test func setPasswordThroughPatchFollowsThePolicyToo() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let ana = try app.createUser("ana", role: .trainee)
        let short = try await admin.request("PATCH", "/api/admin/users/\(ana.id)", json: ["password": "short"])
        #expect(short.status == 422)
        let set = try await admin.request(
            "PATCH", "/api/admin/users/\(ana.id)", json: ["password": "a brand new passphrase"])
        #expect(set.status == 200)
        #expect(try await app.newClient().signIn("ana", "a brand new passphrase").status == 200)
    }

    @Test func refusesDuplicatesAndBadFieldsAllAtOnce() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let duplicate = try await admin.request(
            "POST", "/api/admin/users",
            json: ["username": "ROOT", "displayName": "x", "role": "trainee", "password": TestApp.password])
        #expect(duplicate.status == 409)
        let bad = try await admin.request(
            "POST", "/api/admin/users",
            json: ["username": "a b", "displayName": " ", "role": "wizard", "cohort": "nowhere", "password": "x"])
        #expect(bad.status == 422)
        let fields = ((bad.json["error"] as? [String: Any])?["details"] as? [[String: String]])?.compactMap {
            $0["field"]
        }
        #expect(Set(fields ?? []) == ["username", "displayName", "role", "cohort", "password"])
    }

    @Test func patchChangesRoleCohortNameAndRefusesUnknownFields() async throws {
        let app = try TestApp()
        let north = try app.createCohort("North")
        let admin = try await app.signedInClient("root", role: .admin)
        let ana = try app.createUser("ana", role: .trainee)

        var reply = try await admin.request(
            "PATCH", "/api/admin/users/\(ana.id)", json: ["cohort": "North", "displayName": "Ana L."])
        #expect(reply.status == 200)
        var user = reply.json["user"] as? [String: Any]
        #expect((user?["cohort"] as? [String: Any])?["id"] as? Int64 == north.id)
        #expect(user?["displayName"] as? String == "Ana L.")

        reply = try await admin.request("PATCH", "/api/admin/users/\(ana.id)", json: ["cohort": NSNull()])
        user = reply.json["user"] as? [String: Any]
        #expect(user?["cohort"] == nil)

        reply = try await admin.request(
            "PATCH", "/api/admin/users/\(ana.id)", json: ["role": "instructor", "cohort": "North"])
        user = reply.json["user"] as? [String: Any]
        #expect(user?["role"] as? String == "instructor")
        #expect((user?["instructs"] as? [[String: Any]])?.first?["name"] as? String == "North")

        let typo = try await admin.request("PATCH", "/api/admin/users/\(ana.id)", json: ["disabeld": true])
        #expect(typo.status == 400)
        #expect(try await admin.request("PATCH", "/api/admin/users/9999", json: ["role": "admin"]).status == 404)
    }

    @Test func disablingEndsTheUsersSessionsAtOnce() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let ana = try await app.signedInClient("ana", role: .trainee)
        let anaID = try app.app.database.read { db in try UserRepository(db).find(username: "ana")!.id }
        #expect(try await ana.request("GET", "/api/auth/me").status == 200)

        let reply = try await admin.request("PATCH", "/api/admin/users/\(anaID)", json: ["disabled": true])
        #expect(reply.status == 200)
        #expect((reply.json["user"] as? [String: Any])?["disabled"] as? Bool == true)
        #expect(try await ana.request("GET", "/api/auth/me").status == 401)
        #expect(try await app.newClient().signIn("ana").status == 401)
        #expect(try app.app.database.read { db in try SessionRepository(db).count(userID: anaID) } == 0)

        #expect(try await admin.request("PATCH", "/api/admin/users/\(anaID)", json: ["disable": false]).status == 200)
        #expect(try await app.newClient().signIn("ana").status == 200)
    }

    @Test func theLastAdministratorCannotBeRemovedOrLockThemselvesOut() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let rootID = try app.app.database.read { db in try UserRepository(db).find(username: "root")!.id }
        #expect(try await admin.request("PATCH", "/api/admin/users/\(rootID)", json: ["disabled": true]).status == 409)
        #expect(try await admin.request("PATCH", "/api/admin/users/\(rootID)", json: ["role": "trainee"]).status == 409)
        let second = try app.createUser("second", role: .admin)
        #expect(try await admin.request("PATCH", "/api/admin/users/\(rootID)", json: ["disabled": true]).status == 409)
        #expect(
            try await admin.request("PATCH", "/api/admin/users/\(second.id)", json: ["role": "instructor"]).status
                == 200)
    }
}
