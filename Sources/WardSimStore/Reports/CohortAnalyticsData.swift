/// The per-trainee aggregates behind an instructor's cohort analytics.
///
/// Mastery over time is not here: it streams from `MasteryEvidenceQuery` with the
/// cohort as filter, because the mastery model, not SQL, turns scores into mastery.
public struct CohortAnalyticsData: Sendable, Equatable {
    /// One trainee's automation-bias counts and activity.
    public struct Trainee: Sendable, Equatable {
        public var userID: Int64
        public var username: String
        public var displayName: String
        /// Graded, non-practice encounters.
        public var graded: Int
        /// Encounters whose report says the AI recommendation was unsound / sound.
        public var unsoundSeen: Int
        public var soundSeen: Int
        /// Unsound recommendations accepted (commission errors).
        public var commission: Int
        /// Sound recommendations rejected.
        public var overRejection: Int
        public var switchedCorrectToIncorrect: Int
        public var switchedIncorrectToCorrect: Int
        public var lastActivity: ReportTimestamp?
        /// Scenario ids with at least one graded, non-practice encounter.
        public var completedScenarios: Set<String>

        public init(userID: Int64, username: String, displayName: String) {
            self.userID = userID
            self.username = username
            self.displayName = displayName
            self.graded = 0
            self.unsoundSeen = 0
            self.soundSeen = 0
            self.commission = 0
            self.overRejection = 0
            self.switchedCorrectToIncorrect = 0
            self.switchedIncorrectToCorrect = 0
            self.lastActivity = nil
            self.completedScenarios = []
        }
    }

    public var cohortID: Int64
    public var cohortName: String
    /// Every trainee in the cohort, by display name.
    public var trainees: [Trainee]

    public init(cohortID: Int64, cohortName: String, trainees: [Trainee]) {
        self.cohortID = cohortID
        self.cohortName = cohortName
        self.trainees = trainees
    }
}
