import WardSimCore
import WardSimStore

/// What an instructor sees about one scenario: `GET /api/instructor/analytics/scenarios/{id}`.
///
/// Built from `ScenarioAnalyticsData` (SQL aggregates) by `init(data:curriculum:)`; the
/// formulas are documented in docs/reports.md and on the types used (`ScoreSummary`,
/// `ItemDiscrimination`). Rates are over the encounters in scope; nil when nothing was
/// there to count.
struct ScenarioAnalytics: Encodable, Equatable {
    struct Scenario: Encodable, Equatable {
        var id: String
        var title: String?
    }

    struct CompetencyStatistics: Encodable, Equatable {
        var id: String
        var name: String
        var count: Int
        var mean: Double?
        var sd: Double?
    }

    struct MissedFact: Encodable, Equatable {
        var id: String
        var text: String
        var exampleQuestion: String?
        var redFlag: Bool
        var count: Int
        /// Share of encounters in scope that missed it.
        var rate: Double?
    }

    struct Investigation: Encodable, Equatable {
        var id: String
        var label: String
        var count: Int
        var rate: Double?
    }

    struct DiagnosisAccuracy: Encodable, Equatable {
        var judged: Int
        var correct: Int
        var rate: Double?
    }

    /// Counts of the trainee's decision for sound and unsound recommendations.
    struct DecisionCounts: Encodable, Equatable {
        var accept = 0
        var modify = 0
        var reject = 0
    }

    struct AIDecisions: Encodable, Equatable {
        var sound: DecisionCounts
        var unsound: DecisionCounts
    }

    struct Comment: Encodable, Equatable {
        var rating: Int
        var comment: String
        var at: String
    }

    struct Feedback: Encodable, Equatable {
        var count: Int
        var mean: Double?
        /// "1"…"5" → count.
        var ratings: [String: Int]
        var comments: [Comment]
    }

    struct Discrimination: Encodable, Equatable {
        var trainees: Int
        var passMark: Double
        var pointBiserial: Double?
        var upperLowerIndex: Double?
        var method: String
    }

    var scenario: Scenario
    var attempts: Int
    var trainees: Int
    var overall: ScoreSummary
    var competencies: [CompetencyStatistics]
    var missedCriticalFacts: [MissedFact]
    var overOrderedInvestigations: [Investigation]
    var diagnosisAccuracy: DiagnosisAccuracy
    var aiDecisions: AIDecisions
    var feedback: Feedback
    var discrimination: Discrimination

    static let discriminationMethod =
        "First graded attempt on this scenario against the mean overall score on all other scenarios. "
        + "pointBiserial: r_pb = (M1 - M0) / s_n * sqrt(p q) with the attempt dichotomised at the pass mark; "
        + "upperLowerIndex: mean attempt score of the top 27% by criterion minus the bottom 27%."

    init(data: ScenarioAnalyticsData, curriculum: Curriculum) {
        func rate(_ count: Int, _ total: Int) -> Double? { total > 0 ? Double(count) / Double(total) : nil }
        scenario = Scenario(id: data.scenarioID, title: data.title)
        attempts = data.attempts
        trainees = data.trainees
        overall = ScoreSummary(
            count: data.overall.count, sum: data.overall.sum, sumOfSquares: data.overall.sumOfSquares)
        // Curriculum order first, then any id the curriculum does not know.
        let known = curriculum.competencies.map(\.id)
        let ids =
            known.filter { data.competencies[$0] != nil }
            + data.competencies.keys.filter { !known.contains($0) }.sorted()
        competencies = ids.map { id in
            let moments = data.competencies[id]!
            let summary = ScoreSummary(count: moments.count, sum: moments.sum, sumOfSquares: moments.sumOfSquares)
            return CompetencyStatistics(
                id: id, name: curriculum.competency(id)?.name ?? id, count: summary.count, mean: summary.mean,
                sd: summary.sd)
        }
        missedCriticalFacts = data.missedCriticalFacts.map {
            MissedFact(
                id: $0.id, text: $0.label, exampleQuestion: $0.hint, redFlag: $0.redFlag, count: $0.count,
                rate: rate($0.count, data.attempts))
        }
        overOrderedInvestigations = data.unnecessaryInvestigations.map {
            Investigation(id: $0.id, label: $0.label, count: $0.count, rate: rate($0.count, data.attempts))
        }
        diagnosisAccuracy = DiagnosisAccuracy(
            judged: data.diagnosisJudged, correct: data.diagnosisCorrect,
            rate: rate(data.diagnosisCorrect, data.diagnosisJudged))
        func counts(_ soundness: String) -> DecisionCounts {
            DecisionCounts(
                accept: data.aiDecisions["\(soundness)|accept"] ?? 0,
                modify: data.aiDecisions["\(soundness)|modify"] ?? 0,
                reject: data.aiDecisions["\(soundness)|reject"] ?? 0)
        }
        aiDecisions = AIDecisions(sound: counts("sound"), unsound: counts("unsound"))
        let ratingCount = data.ratings.values.reduce(0, +)
        let ratingSum = data.ratings.reduce(0) { $0 + $1.key * $1.value }
        feedback = Feedback(
            count: ratingCount, mean: ratingCount > 0 ? Double(ratingSum) / Double(ratingCount) : nil,
            ratings: Dictionary(uniqueKeysWithValues: (1...5).map { (String($0), data.ratings[$0] ?? 0) }),
            comments: data.comments.map { Comment(rating: $0.rating, comment: $0.comment, at: $0.at.text) })
        let index = ItemDiscrimination(
            item: data.discrimination.map(\.scenarioScore), criterion: data.discrimination.map(\.meanElsewhere))
        discrimination = Discrimination(
            trainees: index.trainees, passMark: index.passMark, pointBiserial: index.pointBiserial,
            upperLowerIndex: index.upperLowerIndex, method: Self.discriminationMethod)
    }
}
