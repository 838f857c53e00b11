/// Everything the mastery model needs about one trainee and one competency: their
/// scores in time order, plus who they are for the report row.
public struct MasteryEvidence: Sendable, Equatable {
    public var userID: Int64
    public var username: String
    public var displayName: String
    /// The trainee's cohort name, nil when they are in none.
    public var cohort: String?
    public var competencyID: String
    /// The competency's scores, oldest first (practice encounters excluded). Empty when
    /// the trainee has not been graded on it yet.
    public var scores: [Double]
    /// When each score was recorded, parallel to `scores`.
    public var times: [ReportTimestamp]

    public init(
        userID: Int64, username: String, displayName: String, cohort: String?, competencyID: String,
        scores: [Double], times: [ReportTimestamp]
    ) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.cohort = cohort
        self.competencyID = competencyID
        self.scores = scores
        self.times = times
    }

    /// Graded encounters that scored this competency.
    public var attempts: Int { scores.count }

    /// The newest score's time, nil before the first.
    public var lastActivity: ReportTimestamp? { times.last }
}
