/// The raw aggregates behind an instructor's analytics for one scenario, straight from
/// SQL; the statistics built on them (SD, discrimination) are computed by the caller.
public struct ScenarioAnalyticsData: Sendable, Equatable {
    /// Count, sum and sum of squares of one score: enough for mean and SD without
    /// holding the scores.
    public struct Moments: Sendable, Equatable {
        public var count: Int
        public var sum: Double
        public var sumOfSquares: Double

        public init(count: Int, sum: Double, sumOfSquares: Double) {
            self.count = count
            self.sum = sum
            self.sumOfSquares = sumOfSquares
        }
    }

    /// A fact, investigation or other item and how many encounters it appeared in.
    public struct Tally: Sendable, Equatable {
        public var id: String
        public var label: String
        /// A question that would have found it (facts only).
        public var hint: String?
        public var redFlag: Bool
        public var count: Int

        public init(id: String, label: String, hint: String? = nil, redFlag: Bool = false, count: Int) {
            self.id = id
            self.label = label
            self.hint = hint
            self.redFlag = redFlag
            self.count = count
        }
    }

    /// One trainee's comment on the case.
    public struct Comment: Sendable, Equatable {
        public var rating: Int
        public var comment: String
        public var at: ReportTimestamp

        public init(rating: Int, comment: String, at: ReportTimestamp) {
            self.rating = rating
            self.comment = comment
            self.at = at
        }
    }

    /// A trainee's first graded attempt on this scenario beside their mean elsewhere:
    /// the input of item discrimination.
    public struct DiscriminationPair: Sendable, Equatable {
        public var userID: Int64
        public var scenarioScore: Double
        public var meanElsewhere: Double

        public init(userID: Int64, scenarioScore: Double, meanElsewhere: Double) {
            self.userID = userID
            self.scenarioScore = scenarioScore
            self.meanElsewhere = meanElsewhere
        }
    }

    public var scenarioID: String
    public var title: String?
    public var attempts: Int
    public var trainees: Int
    public var overall: Moments
    /// Per competency id.
    public var competencies: [String: Moments]
    /// Critical facts missed, most often first.
    public var missedCriticalFacts: [Tally]
    /// Investigations graded unnecessary, most often first.
    public var unnecessaryInvestigations: [Tally]
    /// Encounters whose report says whether the diagnosis was right, and how many were.
    public var diagnosisJudged: Int
    public var diagnosisCorrect: Int
    /// `"sound|accept"` → count, for sound ∈ {sound, unsound} and the trainee's decision.
    public var aiDecisions: [String: Int]
    /// Rating (1–5) → count.
    public var ratings: [Int: Int]
    /// The newest comments first.
    public var comments: [Comment]
    public var discrimination: [DiscriminationPair]

    public init(scenarioID: String) {
        self.scenarioID = scenarioID
        self.title = nil
        self.attempts = 0
        self.trainees = 0
        self.overall = Moments(count: 0, sum: 0, sumOfSquares: 0)
        self.competencies = [:]
        self.missedCriticalFacts = []
        self.unnecessaryInvestigations = []
        self.diagnosisJudged = 0
        self.diagnosisCorrect = 0
        self.aiDecisions = [:]
        self.ratings = [:]
        self.comments = []
        self.discrimination = []
    }
}
