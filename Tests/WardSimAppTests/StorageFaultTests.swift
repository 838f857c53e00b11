import Foundation
import Testing
import WardSimStore

/// A full disk and a read-only database: writes answer 503 with a message that says so
/// and `Retry-After`, reads keep working, nothing stored before is lost, and writes work
/// again once space returns.
@Suite("Storage faults")
struct StorageFaultTests {
    static let scenario = "chest-pain-inferior-stemi"

    /// A submitted encounter and one in progress (with one answered question) for `client`.
    static func playedEncounters(_ client: TestClient) async throws -> (submitted: String, open: String) {
        let first = try await client.request("POST", "/api/encounters", json: ["scenarioId": scenario])
        #expect(first.status == 201)
        let submitted = try #require(first.json["id"] as? String)
        try await client.request(
            "PUT", "/api/encounters/\(submitted)/diagnosis",
            json: ["diagnosis": "Inferior STEMI", "differential": [], "plan": "Cath lab"])
        let recommendation = try await client.request("GET", "/api/encounters/\(submitted)/recommendation")
        let recommendationID = try #require((recommendation.json["recommendation"] as? [String: Any])?["id"] as? String)
        try await client.request(
            "PUT", "/api/encounters/\(submitted)/appraisal",
            json: ["recommendationId": recommendationID, "decision": "accept", "flaws": [], "justification": "Sound."])
        #expect(try await client.request("POST", "/api/encounters/\(submitted)/submit").status == 200)

        let second = try await client.request("POST", "/api/encounters", json: ["scenarioId": scenario])
        let open = try #require(second.json["id"] as? String)
        let asked = try await client.request(
            "POST", "/api/encounters/\(open)/messages", json: ["text": "What brings you in today?"])
        #expect(asked.status == 200)
        return (submitted, open)
    }

    static func expectStorageUnavailable(_ reply: TestClient.Reply, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == 503, "\(reply.status) \(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.header("Retry-After") == "5", sourceLocation: sourceLocation)
        #expect(
            reply.errorMessage?.contains("cannot save right now") == true, "\(reply.text)",
            sourceLocation: sourceLocation)
    }

    @Test func aFullDiskAnswers503KeepsReadsAndRecovers() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("ana", role: .trainee)
        let (submitted, open) = try await Self.playedEncounters(trainee)
        let before = try await trainee.request("GET", "/api/encounters/\(open)")

        // The disk is "full": the writer may not grow the file by a single page. Writes that
        // still fit in free pages succeed; the first one that needs a page gets 503.
        try app.app.database.write { db in
            let pages = try db.scalar(Int.self, "PRAGMA page_count") ?? 0
            try db.execute("PRAGMA max_page_count = \(pages)")
        }
        var refused: TestClient.Reply?
        for _ in 0..<200 {
            let reply = try await trainee.request(
                "POST", "/api/encounters/\(open)/messages", json: ["text": "Any allergies to medicines?"])
            if reply.status != 200 {
                refused = reply
                break
            }
        }
        let full = try #require(refused, "the database never filled up")
        Self.expectStorageUnavailable(full)
        Self.expectStorageUnavailable(
            try await trainee.request("POST", "/api/encounters", json: ["scenarioId": Self.scenario]))

        // Reads keep working and show everything stored before.
        #expect(try await trainee.request("GET", "/api/encounters/\(submitted)/debrief").status == 200)
        let during = try await trainee.request("GET", "/api/encounters/\(open)")
        #expect(during.status == 200)
        let transcriptBefore = try #require(before.json["transcript"] as? [Any])
        let transcriptDuring = try #require(during.json["transcript"] as? [Any])
        #expect(transcriptDuring.count >= transcriptBefore.count)
        #expect(try await trainee.request("GET", "/api/encounters").status == 200)
        #expect(try await app.request("GET", "/healthz").status == 200)

        // Space returns: writes succeed again without a restart.
        try app.app.database.write { db in try db.execute("PRAGMA max_page_count = 1073741823") }
        let again = try await trainee.request(
            "POST", "/api/encounters/\(open)/messages", json: ["text": "Any allergies to medicines?"])
        #expect(again.status == 200)
        #expect(
            try await trainee.request("POST", "/api/encounters", json: ["scenarioId": Self.scenario]).status == 201)
        let integrity = try app.app.database.read { db in try db.scalar(String.self, "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func aDatabaseThatRefusesEveryWriteStillServesReadsToSignedInUsers() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("ben", role: .trainee)
        let (submitted, open) = try await Self.playedEncounters(trainee)
        // Every write on the writer now fails with SQLITE_READONLY, as on a disk that took
        // no more bytes at all (not even an update in place) or a file made read-only.
        try app.app.database.write { db in try db.execute("PRAGMA query_only = ON") }
        // Sessions record activity once a minute; that write fails now, and the read that
        // triggered it must still be answered.
        app.clock.advance(by: 120)
        #expect(try await trainee.request("GET", "/api/encounters/\(submitted)/debrief").status == 200)
        #expect(try await trainee.request("GET", "/api/encounters/\(open)").status == 200)
        #expect(try await trainee.request("GET", "/api/me/progress").status == 200)
        #expect(try await trainee.request("GET", "/api/scenarios").status == 200)
        Self.expectStorageUnavailable(
            try await trainee.request("POST", "/api/encounters/\(open)/messages", json: ["text": "Any allergies?"]))
        Self.expectStorageUnavailable(
            try await trainee.request("PUT", "/api/encounters/\(open)/drafts/question", json: ["text": "Any"]))
        Self.expectStorageUnavailable(try await app.newClient().signIn("ben"))

        try app.app.database.write { db in try db.execute("PRAGMA query_only = OFF") }
        #expect(
            try await trainee.request("POST", "/api/encounters/\(open)/messages", json: ["text": "Any allergies?"])
                .status == 200)
    }
}
