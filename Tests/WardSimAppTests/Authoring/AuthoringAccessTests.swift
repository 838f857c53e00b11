import Foundation
import Testing

@testable import WardSimApp

@Suite("Authoring: who may author")
struct AuthoringAccessTests {
    /// Every authoring route, with a real scenario id: trainees get 403, anonymous callers
    /// 401, and a state-changing request without the CSRF token 403 (nothing is changed).
    @Test func traineesAndAnonymousCallersAreRefusedEverywhere() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("tara", role: .trainee)
        let author = try await app.signedInClient("ines", role: .instructor)
        let routes = app.app.makeRoutes().entries.filter { $0.path.hasPrefix("/api/authoring/") }
        #expect(routes.count >= 14)
        let document = try AuthoringFixtures.draft("guarded")
        for route in routes {
            let path = route.path.replacingOccurrences(of: "{id}", with: "chest-pain-inferior-stemi")
                .replacingOccurrences(of: "{version}", with: "1")
            let body: Any? = route.method.isSafe ? nil : document
            let refused = try await trainee.request(route.method.rawValue, path, json: body)
            #expect(refused.status == 403, "trainee: \(route.method.rawValue) \(route.path) → \(refused.status)")
            let anonymous = try await app.newClient().request(route.method.rawValue, path, json: body)
            #expect(anonymous.status == 401, "anonymous: \(route.method.rawValue) \(route.path) → \(anonymous.status)")
            if !route.method.isSafe {
                let forged = try await author.request(route.method.rawValue, path, json: body, csrf: false)
                #expect(forged.status == 403, "no CSRF: \(route.method.rawValue) \(route.path) → \(forged.status)")
            }
        }
        let list = try await author.request("GET", "/api/authoring/scenarios")
        #expect(!list.text.contains("\"guarded\""), "nothing was created by a refused request")
    }

    @Test func administratorsMayAuthorToo() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        let created = try await admin.request(
            "POST", "/api/authoring/scenarios", json: try AuthoringFixtures.draft("by-admin"))
        #expect(created.status == 201)
        #expect(try await admin.request("POST", "/api/authoring/scenarios/by-admin/publish").status == 200)
    }
}
