import Foundation

/// The trainee's appraisal of the AI recommendation against the key's expected decision.
public struct AppraisalEvidence: Codable, Sendable, Equatable {
    public var recommendationId: String
    public var sound: Bool
    public var expectedDecision: Decision
    public var decision: Decision
    public var decisionCorrect: Bool
    /// 1 for the expected decision, 0.5 for a neighbouring one (modify for reject), 0 otherwise.
    public var decisionScore: Double
    public var flawsExpected: [FlawType]
    public var flawsNamed: [FlawType]
    public var flawsMissed: [FlawType]
    /// Named but not among the recommendation's flaws.
    public var flawsSpurious: [FlawType]
    public var justification: String

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> AppraisalEvidence? {
        guard let appraisal = state.appraisal,
            let recommendation = scenario.aiRecommendations.first(where: { $0.id == appraisal.recommendationId })
        else { return nil }
        let expected =
            scenario.key.expected(for: recommendation.id)
            ?? AnswerKey.ExpectedDecision(
                recommendationId: recommendation.id, decision: recommendation.sound ? .accept : .reject,
                flaws: recommendation.flaws.map(\.type))
        let named = FlawType.allCases.filter { appraisal.flaws.contains($0) }
        let score: Double
        if appraisal.decision == expected.decision {
            score = 1
        } else if appraisal.decision == .modify || expected.decision == .modify {
            score = 0.5
        } else {
            score = 0
        }
        return AppraisalEvidence(
            recommendationId: recommendation.id, sound: recommendation.sound, expectedDecision: expected.decision,
            decision: appraisal.decision, decisionCorrect: appraisal.decision == expected.decision,
            decisionScore: score,
            flawsExpected: expected.flaws, flawsNamed: named,
            flawsMissed: expected.flaws.filter { !named.contains($0) },
            flawsSpurious: named.filter { !expected.flaws.contains($0) },
            justification: appraisal.justification)
    }

    /// Share of the expected flaws named, less a quarter for each flaw named wrongly.
    public var flawScore: Double {
        if flawsExpected.isEmpty { return max(0, 1 - 0.25 * Double(flawsSpurious.count)) }
        let recall = Double(flawsExpected.count - flawsMissed.count) / Double(flawsExpected.count)
        return max(0, recall - 0.25 * Double(flawsSpurious.count))
    }

    /// 1 for a justification of a sentence or more, 0.5 for a few words, 0 for none.
    public var justificationScore: Double {
        let length = justification.trimmingCharacters(in: .whitespacesAndNewlines).count
        return length >= 40 ? 1 : length > 0 ? 0.5 : 0
    }

    /// Recall of the expected flaws among `types`, or nil when none of them is expected.
    func recall(of types: Set<FlawType>) -> Double? {
        let expected = flawsExpected.filter(types.contains)
        guard !expected.isEmpty else { return nil }
        return Double(expected.filter(flawsNamed.contains).count) / Double(expected.count)
    }
}
