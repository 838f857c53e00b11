import Foundation
import Testing

@Suite("CSRF protection")
struct CSRFTests {
    @Test func stateChangingRequestsNeedTheSessionsToken() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let body = ["name": "North"]

        let missing = try await admin.request("POST", "/api/admin/cohorts", json: body, csrf: false)
        #expect(missing.status == 403)
        #expect(missing.errorMessage?.contains("X-CSRF-Token") == true)

        let wrong = try await admin.request(
            "POST", "/api/admin/cohorts", json: body, headers: ["X-CSRF-Token": String(repeating: "A", count: 43)])
        #expect(wrong.status == 403)

        let empty = try await admin.request("POST", "/api/admin/cohorts", json: body, headers: ["X-CSRF-Token": ""])
        #expect(empty.status == 403)

        #expect(try await admin.request("POST", "/api/admin/cohorts", json: body).status == 201)
        #expect(try await admin.request("GET", "/api/admin/cohorts", csrf: false).status == 200, "reads need no token")
    }

    @Test func anotherSessionsTokenDoesNotWork() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let other = try await app.signedInClient("other", role: .admin)
        let reply = try await admin.request(
            "POST", "/api/admin/cohorts", json: ["name": "North"], headers: ["X-CSRF-Token": other.csrfToken!])
        #expect(reply.status == 403)
    }

    @Test func signOutNeedsTheTokenToo() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        #expect(try await app.request("POST", "/api/auth/logout", csrf: false).status == 403)
        #expect(try await app.request("GET", "/api/auth/me").status == 200, "still signed in")
        #expect(try await app.request("POST", "/api/auth/logout").status == 204)
    }

    @Test func aFormFieldCarriesTheTokenForPlainHTMLForms() async throws {
        let app = try TestApp()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        let token = try #require(app.client.csrfToken)
        let form = Data("csrf_token=\(token)".utf8)
        let reply = try await app.request(
            "POST", "/api/auth/logout", body: form, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            csrf: false)
        #expect(reply.status == 204)
    }
}
