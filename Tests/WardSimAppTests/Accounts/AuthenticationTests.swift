import Foundation
import Testing
import WardSimCore
import WardSimSecurity
import WardSimStore

@testable import WardSimApp

@Suite("Sign-in, sign-out and sessions")
struct AuthenticationTests {
    @Test func signInSetsAHardenedCookieAndReturnsTheUserAndCSRFToken() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee, displayName: "Ana López")
        let reply = try await app.client.signIn("ana")
        #expect(reply.status == 200)
        let cookie = try #require(reply.header("Set-Cookie"))
        #expect(cookie.hasPrefix("wardsim_session="))
        #expect(cookie.contains("; HttpOnly"))
        #expect(cookie.contains("; SameSite=Strict"))
        #expect(cookie.contains("; Path=/"))
        #expect(!cookie.contains("Secure"), "plain HTTP: no Secure flag")
        let user = try #require(reply.json["user"] as? [String: Any])
        #expect(user["username"] as? String == "ana")
        #expect(user["displayName"] as? String == "Ana López")
        #expect(user["role"] as? String == "trainee")
        #expect(user["passwordHash"] == nil)
        #expect((reply.json["csrfToken"] as? String)?.count == 43)

        let me = try await app.request("GET", "/api/auth/me")
        #expect(me.status == 200)
        #expect((me.json["user"] as? [String: Any])?["username"] as? String == "ana")
        #expect(me.json["csrfToken"] as? String == app.client.csrfToken)
    }

    @Test func secureFlagUnderTLS() {
        #expect(SessionCookie.setting("t", secure: true).hasSuffix("; Secure"))
        #expect(SessionCookie.clearing(secure: true).contains("Max-Age=0"))
    }

    @Test func wrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee)
        let disabled = try app.createUser("ben", role: .trainee)
        var changes = AccountService.Changes()
        changes.disabled = true
        _ = try app.app.accounts.update(
            userID: disabled.id, changes, by: AuditActor(id: nil, name: "test", remote: "local"))

        let wrong = try await app.client.signIn("ana", "not the right password")
        let unknown = try await app.client.signIn("nobody-here", "not the right password")
        let off = try await app.client.signIn("ben")
        for reply in [wrong, unknown, off] {
            #expect(reply.status == 401)
            #expect(reply.errorMessage == "Wrong username or password.")
            #expect(reply.header("Set-Cookie") == nil)
        }
    }

    @Test func eachSignInIssuesANewTokenAndRetiresTheOldOne() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        let first = try #require(app.client.sessionCookie)
        let firstCSRF = app.client.csrfToken
        try await app.client.signIn("ana")
        let second = try #require(app.client.sessionCookie)
        #expect(first != second)
        #expect(firstCSRF != app.client.csrfToken)

        let replay = app.newClient()
        replay.storeCookie("wardsim_session", first)
        #expect(try await replay.request("GET", "/api/auth/me").status == 401)
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        let token = try #require(app.client.sessionCookie)

        let out = try await app.request("POST", "/api/auth/logout")
        #expect(out.status == 204)
        #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
        #expect(app.client.sessionCookie == nil)

        // Replaying the old cookie, as a thief would, gets nowhere.
        let thief = app.newClient()
        thief.storeCookie("wardsim_session", token)
        #expect(try await thief.request("GET", "/api/auth/me").status == 401)
        let remaining = try app.app.database.read { db in
            try db.scalar(Int.self, "SELECT COUNT(*) FROM sessions WHERE token_hash = ?", [TokenDigest.hex(token)])
        }
        #expect(remaining == 0)
    }

    @Test func junkCookiesAreRefusedAndCleared() async throws {
        let app = try TestApp()
        app.client.storeCookie("wardsim_session", "not-a-token")
        let reply = try await app.request("GET", "/api/auth/me")
        #expect(reply.status == 401)
        #expect(reply.header("Set-Cookie")?.contains("Max-Age=0") == true)
    }

    @Test func oldHashesAreUpgradedAtSignIn() async throws {
        let app = try TestApp(hashing: .interactive)
        let weak = AccountService(
            database: app.app.database, hasher: PasswordHasher(limits: .minimum), clock: app.clock.wallClock)
        _ = try weak.create(
            AccountService.NewAccount(
                username: "old", displayName: "Old", role: "trainee", cohort: nil, password: TestApp.password),
            by: AuditActor(id: nil, name: "test", remote: "local"))
        let hash = {
            try app.app.database.read { db in try UserRepository(db).credentials(username: "old")!.passwordHash }
        }
        #expect(try hash().hasPrefix("$argon2id$v=19$m=8,"))
        #expect(try await app.client.signIn("old").status == 200)
        #expect(try hash().hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(try await app.newClient().signIn("old").status == 200)
    }

    @Test func passwordsAreNormalisedBeforeHashing() async throws {
        let app = try TestApp()
        try app.createUser("zoe", role: .trainee, password: "caf\u{E9} au lait, s'il vous pla\u{EE}t")
        #expect(try await app.client.signIn("zoe", "cafe\u{301} au lait, s'il vous plai\u{302}t").status == 200)
    }
}
