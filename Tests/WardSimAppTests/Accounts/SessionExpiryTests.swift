import Foundation
import Testing

@Suite("Session expiry")
struct SessionExpiryTests {
    @Test func idleSessionsEndAfterTheIdleTimeout() async throws {
        let app = try TestApp { $0.sessionIdleMinutes = 30 }
        // Frozen: on a loaded machine real seconds between steps must not count.
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")

        app.clock.advance(by: 29 * 60)
        #expect(try await app.request("GET", "/api/auth/me").status == 200, "activity pushes the deadline back")
        app.clock.advance(by: 29 * 60)
        #expect(try await app.request("GET", "/api/auth/me").status == 200)
        app.clock.advance(by: 30 * 60 + 1)
        let expired = try await app.request("GET", "/api/auth/me")
        #expect(expired.status == 401)
        #expect(expired.header("Set-Cookie")?.contains("Max-Age=0") == true)
    }

    @Test func sessionsEndAtTheAbsoluteLifetimeWhateverTheActivity() async throws {
        let app = try TestApp {
            $0.sessionIdleMinutes = 30
            $0.sessionAbsoluteHours = 12
        }
        // Frozen: on a loaded machine real seconds between steps must not count.
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        // Busy all shift: a request every 20 minutes for 11 h 40 min.
        for _ in 0..<35 {
            app.clock.advance(by: 20 * 60)
            #expect(try await app.request("GET", "/api/auth/me").status == 200)
        }
        // One second past 12 h: times are stored as seconds since 1970 in a REAL column, so
        // the exact boundary can round either way.
        app.clock.advance(by: 20 * 60 + 1)
        #expect(try await app.request("GET", "/api/auth/me").status == 401)
    }

    @Test func signingInAgainAfterExpiryWorks() async throws {
        let app = try TestApp()
        // Frozen: on a loaded machine real seconds between steps must not count.
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        try await app.client.signIn("ana")
        app.clock.advance(by: 13 * 3600)
        #expect(try await app.request("GET", "/api/auth/me").status == 401)
        #expect(try await app.client.signIn("ana").status == 200)
        #expect(try await app.request("GET", "/api/auth/me").status == 200)
    }
}
