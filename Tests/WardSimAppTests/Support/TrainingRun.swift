import Foundation
import Testing
import WardSimCore

/// One way of playing a scenario from start to submission through the HTTP API.
///
/// `careful` is what a good trainee does: greets, asks open and specific questions (the
/// questions of the retrieval test set, typed as trainees type them), shows empathy,
/// checks understanding, orders what the case needs, writes down the critical findings,
/// and answers from the key, appraising the AI as the key expects. `careless` asks one
/// closed question, orders nothing, names a wrong diagnosis and does the opposite of what
/// the AI appraisal needs. The grades of the two must be far apart, in the right order.
struct TrainingRun: Sendable {
    var questions: [String]
    var orders: [String]
    var findings: [Finding]
    var diagnosis: String
    var differential: [String]
    var plan: String
    /// What to answer once the recommendation `id` is shown.
    var appraisal: @Sendable (_ recommendationID: String) -> Appraisal

    /// A played encounter: the encounter, the recommendation it showed, the answers to submit and debrief.
    struct Played {
        var encounter: EncounterClient
        var recommendationID: String
        var submit: TestClient.Reply
        var debrief: TestClient.Reply
        var overall: Double { debrief.json["overall"] as? Double ?? -1 }

        /// Competency id → score, from the debrief.
        var scores: [String: Double] {
            Dictionary(
                uniqueKeysWithValues: debrief.objects("competencies").compactMap { c in
                    (c["id"] as? String).flatMap { id in (c["score"] as? Double).map { (id, $0) } }
                })
        }
    }

    static func careful(_ scenario: Scenario) throws -> TrainingRun {
        let diagnosis = scenario.key.diagnoses[0].name
        let plan = scenario.key.management.map { "\($0.description) (\($0.terms[0]))" }.joined(separator: ". ")
        let key = scenario.key
        let recommendations = scenario.aiRecommendations
        return TrainingRun(
            questions: ["Hello, I'm one of the doctors here. What brings you in today?"]
                + (try retrievalQuestions(scenario.id))
                + ["That sounds really worrying for you.", "Does that make sense so far?"],
            orders: scenario.orderables.filter(\.needed).map(\.id),
            findings: key.criticalFindings.map {
                Finding(category: "history", text: "\($0.description) (\($0.terms[0]))")
            },
            diagnosis: diagnosis, differential: key.differentials.map(\.name), plan: plan,
            appraisal: { id in
                let recommendation = recommendations.first { $0.id == id }
                let expected = key.expected(for: id)
                return Appraisal(
                    recommendationId: id,
                    decision: expected?.decision ?? (recommendation?.sound == true ? .accept : .reject),
                    flaws: expected?.flaws ?? recommendation?.flaws.map(\.type) ?? [],
                    justification:
                        "Checked against the history, the examination and the results I found before seeing it; "
                        + "my reasoning is in the plan.",
                    finalDiagnosis: diagnosis, finalPlan: plan)
            })
    }

    static func careless(_ scenario: Scenario) -> TrainingRun {
        let key = scenario.key
        let recommendations = scenario.aiRecommendations
        return TrainingRun(
            questions: ["Are you allergic to anything?"], orders: [], findings: [], diagnosis: "Anxiety",
            differential: [], plan: "Reassure.",
            appraisal: { id in
                let sound =
                    key.expected(for: id).map { $0.decision == .accept }
                    ?? recommendations.first { $0.id == id }?.sound ?? false
                // Accepts what it should reject, and rejects what it should accept, naming a flaw that is not there.
                return Appraisal(
                    recommendationId: id, decision: sound ? .reject : .accept,
                    flaws: sound ? [.demographicBias] : [], justification: "ok", finalDiagnosis: "Anxiety",
                    finalPlan: "Reassure.")
            })
    }

    /// The standalone questions of the scenario's retrieval test set (those that do not
    /// lean on a previous question), in the order a trainee would ask them.
    static func retrievalQuestions(_ scenarioID: String) throws -> [String] {
        let url = TestApp.repositoryRoot.appendingPathComponent(
            "Tests/WardSimCoreTests/Fixtures/retrieval/\(scenarioID).json")
        let pairs = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
        return pairs.filter { $0["previous"] == nil }.compactMap { $0["question"] as? String }
    }

    /// Plays the run as `client`'s user through submission and the debrief; any step that
    /// does not succeed fails the test.
    func play(_ scenarioID: String, as client: TestClient, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> Played
    {
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: client, sourceLocation: sourceLocation)
        func check(_ reply: TestClient.Reply, _ expected: Int, _ step: String) throws {
            guard reply.status != expected else { return }
            Issue.record("\(step): \(reply.status) \(reply.text)", sourceLocation: sourceLocation)
            throw UnexpectedStatus(step: step, status: reply.status)
        }
        for question in questions {
            try check(try await encounter.ask(question), 200, "ask '\(question)'")
        }
        for item in orders {
            try check(try await encounter.order(item), 201, "order \(item)")
        }
        try check(
            try await encounter.recordFindings(findings.map { ($0.category, $0.text) }), 200, "findings")
        try check(
            try await encounter.commitDiagnosis(diagnosis, differential: differential, plan: plan), 200, "diagnosis")
        let shown = try await encounter.recommendation()
        try check(shown, 200, "recommendation")
        let recommendationID = try #require(
            (shown.json["recommendation"] as? [String: Any])?["id"] as? String, sourceLocation: sourceLocation)
        let appraisal = appraisal(recommendationID)
        try check(
            try await encounter.appraise(
                recommendationID: recommendationID, decision: appraisal.decision.rawValue,
                flaws: appraisal.flaws.map(\.rawValue), justification: appraisal.justification,
                finalDiagnosis: appraisal.finalDiagnosis, finalPlan: appraisal.finalPlan), 200, "appraisal")
        let submit = try await encounter.submit()
        try check(submit, 200, "submit")
        let debrief = try await encounter.debrief()
        try check(debrief, 200, "debrief")
        return Played(encounter: encounter, recommendationID: recommendationID, submit: submit, debrief: debrief)
    }
}

/// A step of a played encounter answered with an unexpected status (already recorded as an issue).
struct UnexpectedStatus: Error {
    var step: String
    var status: Int
}
