/// An encounter's automation-bias measures, as the grader wrote them in the report's
/// `automationBias` object (docs/api.md, "Debrief object").
///
/// Each flag is optional: a report written before a measure existed, or one whose
/// encounter never reached the AI recommendation, leaves it out, and exports then write
/// an empty cell rather than a guessed `false`.
public struct AutomationBiasOutcome: Sendable, Equatable {
    /// Accepted an unsound recommendation.
    public var commission: Bool?
    /// Rejected a sound recommendation.
    public var overRejection: Bool?
    /// Had the right diagnosis before seeing the AI, and a wrong one after.
    public var switchedCorrectToIncorrect: Bool?
    /// Had a wrong diagnosis before seeing the AI, and the right one after.
    public var switchedIncorrectToCorrect: Bool?

    public init(
        commission: Bool? = nil, overRejection: Bool? = nil, switchedCorrectToIncorrect: Bool? = nil,
        switchedIncorrectToCorrect: Bool? = nil
    ) {
        self.commission = commission
        self.overRejection = overRejection
        self.switchedCorrectToIncorrect = switchedCorrectToIncorrect
        self.switchedIncorrectToCorrect = switchedIncorrectToCorrect
    }
}
