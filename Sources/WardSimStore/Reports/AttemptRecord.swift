/// One graded encounter as the attempts export and the xAPI statements see it.
public struct AttemptRecord: Sendable, Equatable {
    public var encounterID: String
    public var userID: Int64
    public var username: String
    public var displayName: String
    /// The trainee's cohort name, nil when they are in none.
    public var cohort: String?
    public var scenarioID: String
    public var scenarioVersion: Int
    public var scenarioTitle: String
    public var startedAt: ReportTimestamp
    public var submittedAt: ReportTimestamp?
    public var gradedAt: ReportTimestamp
    /// Seconds from start to submission, nil when the clock makes no sense.
    public var durationSeconds: Double?
    /// The overall score in [0, 1].
    public var overall: Double
    /// One score per requested competency, in the order asked for; nil where this
    /// encounter did not grade that competency.
    public var scores: [Double?]
    /// Nil when the report has no `automationBias` object.
    public var automationBias: AutomationBiasOutcome?
    /// Whether the AI recommendation shown was sound (report `ai.sound`).
    public var aiSound: Bool?
    /// accept, modify or reject (report `ai.decision`).
    public var aiDecision: String?
    /// Whether the final diagnosis was right (report `diagnosis.correct`).
    public var diagnosisCorrect: Bool?

    public init(
        encounterID: String, userID: Int64, username: String, displayName: String, cohort: String?,
        scenarioID: String, scenarioVersion: Int, scenarioTitle: String, startedAt: ReportTimestamp,
        submittedAt: ReportTimestamp?, gradedAt: ReportTimestamp, durationSeconds: Double?, overall: Double,
        scores: [Double?], automationBias: AutomationBiasOutcome?, aiSound: Bool?, aiDecision: String?,
        diagnosisCorrect: Bool?
    ) {
        self.encounterID = encounterID
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.cohort = cohort
        self.scenarioID = scenarioID
        self.scenarioVersion = scenarioVersion
        self.scenarioTitle = scenarioTitle
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.gradedAt = gradedAt
        self.durationSeconds = durationSeconds
        self.overall = overall
        self.scores = scores
        self.automationBias = automationBias
        self.aiSound = aiSound
        self.aiDecision = aiDecision
        self.diagnosisCorrect = diagnosisCorrect
    }
}
