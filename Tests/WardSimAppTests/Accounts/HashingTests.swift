import Foundation
import Testing
import WardSimSecurity
import WardSimStore

@testable import WardSimApp

@Suite("Password storage")
struct HashingTests {
    @Test func productionAppHashesWithArgon2idAtInteractiveLimits() async throws {
        let app = try TestApp(hashing: .interactive)
        let admin = try await app.signedInClient("root", role: .admin)
        let created = try await admin.request(
            "POST", "/api/admin/users",
            json: ["username": "ana", "displayName": "Ana", "role": "trainee", "password": "a long enough password"])
        #expect(created.status == 201)
        let hashes = try app.app.database.read { db in
            try db.rows("SELECT password_hash FROM users").compactMap { $0["password_hash", as: String.self] }
        }
        #expect(hashes.count == 2)
        for hash in hashes { #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$")) }
    }

    @Test func thePublicInitialiserUsesInteractiveLimits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = AppConfiguration()
        configuration.databasePath = directory.appendingPathComponent("db.sqlite").path
        let app = try WardSimApplication(configuration: configuration)
        #expect(app.accounts.hasher.limits == .interactive)
        #expect(app.accounts.hasher.gate === HashingGate.shared)
    }
}
