import Foundation
import Testing

/// The encounter API as a trainee's browser calls it: one method per route, so a test
/// reads like the steps of a case (`ask`, `order`, `commitDiagnosis`, `submit`).
///
/// Every method returns the raw reply: tests assert on statuses and messages as often as
/// on bodies, and a method that threw on anything but 2xx would hide exactly the 409s
/// and 422s they are about.
struct EncounterClient: Sendable {
    typealias Reply = TestClient.Reply

    let client: TestClient
    let id: String

    /// Starts `scenarioID` as `client`'s user; fails the test unless the answer is 201.
    static func start(
        _ scenarioID: String, as client: TestClient, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (EncounterClient, Reply) {
        let reply = try await client.request("POST", "/api/encounters", json: ["scenarioId": scenarioID])
        let id = try #require(
            reply.status == 201 ? reply.json["id"] as? String : nil, "start: \(reply.status) \(reply.text)",
            sourceLocation: sourceLocation)
        return (EncounterClient(client: client, id: id), reply)
    }

    /// The same encounter seen through another browser (another user, or after a restart).
    func through(_ other: TestClient) -> EncounterClient { EncounterClient(client: other, id: id) }

    var path: String { "/api/encounters/\(id)" }

    func view() async throws -> Reply { try await client.request("GET", path) }

    func ask(_ text: String) async throws -> Reply {
        try await client.request("POST", path + "/messages", json: ["text": text])
    }

    func askStreaming(_ text: String) async throws -> Reply {
        try await client.request(
            "POST", path + "/messages/stream", json: ["text": text], headers: ["Accept": "text/event-stream"])
    }

    func order(_ itemID: String) async throws -> Reply {
        try await client.request("POST", path + "/orders", json: ["itemId": itemID])
    }

    func recordFindings(_ findings: [(category: String, text: String)]) async throws -> Reply {
        try await client.request(
            "PUT", path + "/findings", json: ["findings": findings.map { ["category": $0.category, "text": $0.text] }])
    }

    func commitDiagnosis(_ diagnosis: String, differential: [String] = [], plan: String) async throws -> Reply {
        try await client.request(
            "PUT", path + "/diagnosis", json: ["diagnosis": diagnosis, "differential": differential, "plan": plan])
    }

    func recommendation() async throws -> Reply { try await client.request("GET", path + "/recommendation") }

    func appraise(
        recommendationID: String, decision: String, flaws: [String] = [], justification: String,
        finalDiagnosis: String? = nil, finalPlan: String? = nil
    ) async throws -> Reply {
        var body: [String: Any] = [
            "recommendationId": recommendationID, "decision": decision, "flaws": flaws, "justification": justification,
        ]
        if let finalDiagnosis { body["finalDiagnosis"] = finalDiagnosis }
        if let finalPlan { body["finalPlan"] = finalPlan }
        return try await client.request("PUT", path + "/appraisal", json: body)
    }

    func submit() async throws -> Reply { try await client.request("POST", path + "/submit") }

    func debrief() async throws -> Reply { try await client.request("GET", path + "/debrief") }

    func saveDraft(_ field: String, _ text: String) async throws -> Reply {
        try await client.request("PUT", path + "/drafts/\(field)", json: ["text": text])
    }

    func feedback(rating: Int, comment: String? = nil) async throws -> Reply {
        var body: [String: Any] = ["rating": rating]
        if let comment { body["comment"] = comment }
        return try await client.request("POST", path + "/feedback", json: body)
    }
}

extension TestClient.Reply {
    /// `key` of the JSON body as an array of objects (empty when absent).
    func objects(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }

    /// `error.details[].path` of a JSON error body.
    var errorPaths: [String] {
        ((json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }
}
