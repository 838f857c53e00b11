import Foundation
import WardSimCore

/// The debrief: the grader's report plus what the trainee could not see before —
/// the truth about the AI recommendation, the full transcript, the references.
///
/// Encodes the `GradeReport` fields at the top level (so `competencies[].score` and
/// `.explanation` sit where the API promises) and adds the extra keys beside them.
struct DebriefView: Encodable {
    struct AITruth: Encodable {
        var id: String
        var text: String
        var confidence: Double
        var citations: [String]
        var sound: Bool
        var flaws: [FlawView]
        var outcomes: AIRecommendation.Outcomes
    }

    struct FlawView: Encodable {
        var type: String
        var label: String
        var explanation: String
    }

    var encounterId: String
    var title: String
    var report: GradeReport
    var recommendation: AITruth?
    var transcript: [EncounterView.TurnView]
    var references: [Scenario.Reference]
    var learningObjectives: [String]

    init(report: GradeReport, loaded: EncounterService.Loaded) {
        encounterId = loaded.stored.id
        title = loaded.scenario.title
        self.report = report
        recommendation = loaded.machine.recommendation.map { recommendation in
            AITruth(
                id: recommendation.id, text: recommendation.text, confidence: recommendation.confidence,
                citations: recommendation.citations, sound: recommendation.sound,
                flaws: recommendation.flaws.map {
                    FlawView(type: $0.type.rawValue, label: $0.type.label, explanation: $0.explanation)
                }, outcomes: recommendation.outcomes)
        }
        transcript = EncounterView.turns(loaded.machine.entries)
        references = loaded.scenario.references
        learningObjectives = loaded.scenario.learningObjectives
    }

    private enum ExtraKeys: String, CodingKey {
        case encounterId, title, recommendation, transcript, references, learningObjectives
    }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(encounterId, forKey: .encounterId)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(recommendation, forKey: .recommendation)
        try container.encode(transcript, forKey: .transcript)
        try container.encode(references, forKey: .references)
        try container.encode(learningObjectives, forKey: .learningObjectives)
    }
}
