import Foundation
import Testing

@testable import WardSimApp

@Suite("No secret at rest or in logs")
struct SecretsTests {
    @Test func passwordsAndTokensAppearNeitherInTheDatabaseNorTheLogs() async throws {
        let app = try TestApp(hashing: .interactive)
        let link = try #require(app.app.announceFirstRun(baseURL: app.baseURL) { _ in })
        let setupToken = String(link.split(separator: "=").last!)
        let adminPassword = "first admin pass phrase 1"
        let traineePassword = "trainee pass phrase 2"
        let wrongPassword = "mistyped pass phrase 3"

        #expect(try await app.request("GET", "/setup?token=\(setupToken)").status == 200)
        let created = try await app.request(
            "POST", "/api/setup",
            json: ["token": setupToken, "username": "root", "displayName": "Root", "password": adminPassword])
        #expect(created.status == 201)
        app.client.csrfToken = created.json["csrfToken"] as? String
        #expect(
            try await app.request(
                "POST", "/api/admin/users",
                json: ["username": "ana", "displayName": "Ana", "role": "trainee", "password": traineePassword]
            ).status == 201)
        let trainee = app.newClient()
        try await trainee.signIn("ana", wrongPassword)
        try await trainee.signIn("ana", traineePassword)
        #expect(try await trainee.request("GET", "/api/auth/me").status == 200)
        try await app.request(
            "POST", "/api/admin/users/import", body: Data("zed,Zed,trainee,,csv pass phrase 4\n".utf8),
            headers: ["Content-Type": "text/csv"])

        let secrets = [
            adminPassword, traineePassword, wrongPassword, "csv pass phrase 4", setupToken,
            try #require(app.client.sessionCookie), try #require(app.client.csrfToken),
            try #require(trainee.sessionCookie), try #require(trainee.csrfToken),
        ]
        try app.app.database.write { db in try db.execute("PRAGMA wal_checkpoint(PASSIVE)") }
        let bytes = try app.databaseBytes()
        #expect(bytes.count > 10_000)
        let logs = app.logger.lines.joined(separator: "\n")
        #expect(logs.contains("/api/auth/login"), "the request log was written")
        for secret in secrets {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "found a secret in the database")
            #expect(!logs.contains(secret), "found a secret in the request log")
        }
    }
}
