import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

/// Walks the application's own route table, so a route added tomorrow is checked
/// tomorrow without anyone remembering to add it here.
@Suite("Route access matrix")
struct RouteAccessTests {
    /// The only /api routes that anonymous callers may use (the API description grants nothing).
    static let publicAPI: Set<String> = ["POST /api/auth/login", "POST /api/setup", "GET /api/openapi.json"]

    static func concretePath(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            if segment.hasSuffix("...}") { return "x" }
            if segment.hasPrefix("{") { return "1" }
            return String(segment)
        }.joined(separator: "/")
    }

    static func label(_ entry: RouteTable.Entry) -> String { "\(entry.method.rawValue) \(entry.path)" }

    @Test func everyAPIRouteExceptSignInAndSetUpRefusesAnonymousCallers() async throws {
        let app = try TestApp()
        let entries = app.app.makeRoutes().entries
        let api = entries.filter { $0.path.hasPrefix("/api/") }
        #expect(api.count >= 12)
        #expect(Set(api.map(Self.label)).isSuperset(of: Self.publicAPI), "the allow-list names real routes")

        for entry in api where !Self.publicAPI.contains(Self.label(entry)) {
            #expect(entry.access != .anonymous, "\(Self.label(entry)) is declared anonymous")
            let reply = try await app.newClient().request(
                entry.method.rawValue, Self.concretePath(entry.path),
                json: entry.method.isSafe ? nil : [:] as [String: Any])
            #expect(reply.status == 401, "\(Self.label(entry)) answered \(reply.status) to an anonymous caller")
        }
    }

    @Test func privilegedRoutesRefuseLowerRolesAndAdmitTheirOwn() async throws {
        let app = try TestApp()
        let clients: [Role: TestClient] = [
            .trainee: try await app.signedInClient("trainee", role: .trainee),
            .instructor: try await app.signedInClient("instructor", role: .instructor),
            .admin: try await app.signedInClient("admin", role: .admin),
        ]
        let entries = app.app.makeRoutes().entries

        // What a path prefix promises about its routes' access.
        for entry in entries {
            guard case .roles(let allowed) = entry.access else {
                #expect(
                    !entry.path.hasPrefix("/api/admin/") && !entry.path.hasPrefix("/api/authoring/")
                        && !entry.path.hasPrefix("/api/instructor/"),
                    "\(Self.label(entry)) must declare roles")
                continue
            }
            if entry.path.hasPrefix("/api/admin/") { #expect(allowed == [.admin], "\(Self.label(entry))") }
            if entry.path.hasPrefix("/api/authoring/") || entry.path.hasPrefix("/api/instructor/") {
                #expect(!allowed.contains(.trainee), "\(Self.label(entry))")
            }

            for role in Role.allCases {
                let client = clients[role]!
                let reply = try await client.request(
                    entry.method.rawValue, Self.concretePath(entry.path),
                    json: entry.method.isSafe ? nil : [:] as [String: Any])
                if allowed.contains(role) {
                    #expect(
                        reply.status != 401 && reply.status != 403,
                        "\(role) was refused \(Self.label(entry)) with \(reply.status): \(reply.text)")
                } else {
                    #expect(reply.status == 403, "\(role) reached \(Self.label(entry)): \(reply.status)")
                }
            }
        }
        #expect(entries.contains { $0.path.hasPrefix("/api/admin/") })
        #expect(entries.contains { $0.path.hasPrefix("/api/authoring/") })
    }
}
