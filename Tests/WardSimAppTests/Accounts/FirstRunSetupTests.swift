import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("First-run set-up")
struct FirstRunSetupTests {
    func token(from link: String) -> String {
        String(link.split(separator: "=").last!)
    }

    @Test func anEmptyDatabasePrintsAOneTimeLinkThatCreatesTheFirstAdmin() async throws {
        let app = try TestApp()
        var printed: [String] = []
        let link = try #require(app.app.announceFirstRun(baseURL: app.baseURL) { printed.append($0) })
        #expect(link.hasPrefix("\(app.baseURL)/setup?token="))
        #expect(printed.joined().contains(link))

        let page = try await app.request("GET", "/setup")
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)

        let form: [String: Any] = [
            "token": token(from: link), "username": "root", "displayName": "Rosa Root", "password": TestApp.password,
        ]
        let created = try await app.request("POST", "/api/setup", json: form)
        #expect(created.status == 201)
        #expect((created.json["user"] as? [String: Any])?["role"] as? String == "admin")
        #expect(app.client.sessionCookie != nil, "signed in straight away")
        app.client.csrfToken = created.json["csrfToken"] as? String
        #expect(try await app.request("GET", "/api/admin/users").status == 200)

        var again = form
        again["username"] = "intruder"
        #expect(try await app.newClient().request("POST", "/api/setup", json: again).status == 410)
        #expect(app.app.announceFirstRun(baseURL: app.baseURL) { _ in } == nil, "no link once users exist")
    }

    @Test func invalidTokensAndWeakPasswordsAreRefused() async throws {
        let app = try TestApp()
        let link = try #require(app.app.announceFirstRun(baseURL: app.baseURL) { _ in })
        var form: [String: Any] = [
            "token": String(repeating: "A", count: 43), "username": "root", "displayName": "Root",
            "password": TestApp.password,
        ]
        #expect(try await app.request("POST", "/api/setup", json: form).status == 403)
        form["token"] = "../../etc"
        #expect(try await app.request("POST", "/api/setup", json: form).status == 403)
        form["token"] = token(from: link)
        form["password"] = "short"
        let weak = try await app.request("POST", "/api/setup", json: form)
        #expect(weak.status == 422)
        #expect(weak.errorMessage?.contains("at least 12") == true)
        #expect(try app.app.database.read { db in try UserRepository(db).count() } == 0)
    }

    @Test func aRestartRetiresTheEarlierLink() async throws {
        let app = try TestApp()
        let first = try #require(app.app.announceFirstRun(baseURL: app.baseURL) { _ in })
        let second = try #require(app.app.announceFirstRun(baseURL: app.baseURL) { _ in })
        #expect(first != second)
        let form: [String: Any] = [
            "token": token(from: first), "username": "root", "displayName": "Root", "password": TestApp.password,
        ]
        #expect(try await app.request("POST", "/api/setup", json: form).status == 403)
    }
}
