import Foundation
import Testing

@testable import WardSimApp

@Suite("Sign-in throttling")
struct LoginThrottleTests {
    @Test func backOffAfterFiveFailuresLooksTheSameForRealAndUnknownAccounts() async throws {
        let app = try TestApp()
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        for _ in 0..<5 {
            #expect(try await app.client.signIn("ana", "wrong password!!").status == 401)
            #expect(try await app.client.signIn("ghost", "wrong password!!").status == 401)
        }
        let real = try await app.client.signIn("ana", "wrong password!!")
        let ghost = try await app.client.signIn("ghost", "wrong password!!")
        for reply in [real, ghost] {
            #expect(reply.status == 429)
            #expect(reply.header("Retry-After") == "1")
        }
        #expect(real.errorMessage == ghost.errorMessage)
        #expect(real.json.keys.sorted() == ghost.json.keys.sorted())

        // Locked means locked: even the right password waits.
        #expect(try await app.client.signIn("ana").status == 429)
    }

    @Test func theWaitDoublesAndEndsAndSuccessClearsIt() async throws {
        let app = try TestApp()
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        for _ in 0..<5 { try await app.client.signIn("ana", "wrong password!!") }
        app.clock.advance(by: 1.5)
        #expect(try await app.client.signIn("ana", "wrong password!!").status == 401)
        let locked = try await app.client.signIn("ana")
        #expect(locked.status == 429)
        #expect(locked.header("Retry-After") == "2")
        app.clock.advance(by: 2.5)
        #expect(try await app.client.signIn("ana").status == 200)
        // Cleared: five fresh failures are allowed again.
        for _ in 0..<5 { #expect(try await app.client.signIn("ana", "wrong password!!").status == 401) }
    }

    @Test func theDelayIsCapped() throws {
        let app = try TestApp()
        let throttle = app.app.auth.throttle
        #expect(throttle.delay(afterFailures: 4, free: 5) == 0)
        #expect(throttle.delay(afterFailures: 5, free: 5) == 1)
        #expect(throttle.delay(afterFailures: 8, free: 5) == 8)
        #expect(throttle.delay(afterFailures: 500, free: 5) == 15 * 60)
    }

    @Test func oneAddressSprayingManyUsernamesIsSlowedToo() async throws {
        let app = try TestApp { $0.loginThrottle.addressFreeFailures = 3 }
        app.clock.freeze()
        try app.createUser("ana", role: .trainee)
        for name in ["a1", "a2", "a3"] {
            #expect(try await app.client.signIn(name, "wrong password!!").status == 401)
        }
        let sprayed = try await app.client.signIn("ana")
        #expect(sprayed.status == 429)
        #expect(sprayed.header("Retry-After") != nil)
    }

    @Test func theThrottleTableHoldsNoUsernames() async throws {
        let app = try TestApp()
        try await app.client.signIn("typed-my-password-here", "wrong password!!")
        let keys = try app.app.database.read { db in
            try db.rows("SELECT key FROM login_throttle").compactMap { $0["key", as: String.self] }
        }
        #expect(keys.count == 2)
        #expect(!keys.contains { $0.contains("typed-my-password-here") })
    }
}
