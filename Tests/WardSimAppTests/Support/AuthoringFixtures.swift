import Foundation
import Testing

/// Scenario documents and encounter steps for the authoring tests.
enum AuthoringFixtures {
    /// A shipped scenario file, as a dictionary to edit.
    static func library(_ name: String = "chest-pain-inferior-stemi") throws -> [String: Any] {
        let url = TestApp.repositoryRoot.appendingPathComponent("Scenarios/\(name).json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// A valid draft with id `id`, made from a shipped scenario.
    static func draft(_ id: String, title: String = "Epigastric discomfort after a heavy meal") throws -> [String: Any]
    {
        var document = try library()
        document["id"] = id
        document["title"] = title
        document["status"] = "draft"
        document["version"] = 1
        return document
    }

    /// A draft that may be saved but not published: it has no AI recommendation yet.
    static func draftWithoutRecommendation(_ id: String) throws -> [String: Any] {
        var document = try draft(id)
        document["aiRecommendations"] = [Any]()
        var key = try #require(document["key"] as? [String: Any])
        key["aiDecisions"] = [Any]()
        document["key"] = key
        return document
    }

    static func data(_ document: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    }

    /// Plays an encounter to the debrief with one question and the least input each step needs.
    @discardableResult
    static func complete(_ encounterID: String, as client: TestClient) async throws -> TestClient.Reply {
        let base = "/api/encounters/\(encounterID)"
        #expect(
            try await client.request("POST", base + "/messages", json: ["text": "What brings you in today?"]).status
                == 200)
        let committed = try await client.request(
            "PUT", base + "/diagnosis",
            json: ["diagnosis": "Inferior STEMI", "differential": ["Aortic dissection"], "plan": "Primary PCI"])
        #expect(committed.status == 200, "\(committed.text)")
        let shown = try await client.request("GET", base + "/recommendation")
        let recommendation = try #require(shown.json["recommendation"] as? [String: Any], "\(shown.text)")
        let appraised = try await client.request(
            "PUT", base + "/appraisal",
            json: [
                "recommendationId": try #require(recommendation["id"] as? String), "decision": "reject",
                "flaws": [String](), "justification": "The ECG shows ST elevation.", "finalDiagnosis": "Inferior STEMI",
                "finalPlan": "Primary PCI",
            ])
        #expect(appraised.status == 200, "\(appraised.text)")
        let submitted = try await client.request("POST", base + "/submit")
        #expect(submitted.status == 200, "\(submitted.text)")
        return try await client.request("GET", base + "/debrief")
    }
}

extension TestClient.Reply {
    /// `error.details` of a 422 as (path, message) pairs.
    var problemDetails: [[String: String]] {
        ((json["error"] as? [String: Any])?["details"] as? [[String: String]]) ?? []
    }
}
