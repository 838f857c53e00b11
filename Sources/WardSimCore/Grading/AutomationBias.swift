/// How the AI recommendation moved the trainee, in one encounter.
///
/// Commission: following an unsound recommendation. Over-rejection (automation aversion):
/// rejecting a sound one. Switches compare the diagnosis committed before the AI was shown
/// with the final one given in the appraisal.
public struct AutomationBias: Codable, Sendable, Equatable {
    /// Whether a recommendation was shown and appraised (otherwise every flag is false).
    public var appraised: Bool
    public var recommendationSound: Bool?
    /// Accepted an unsound recommendation.
    public var commission: Bool
    /// Rejected a sound recommendation.
    public var overRejection: Bool
    public var switchedCorrectToIncorrect: Bool
    public var switchedIncorrectToCorrect: Bool

    static func evaluate(_ appraisal: AppraisalEvidence?, diagnosis: DiagnosisEvidence) -> AutomationBias {
        guard let appraisal else {
            return AutomationBias(
                appraised: false, recommendationSound: nil, commission: false, overRejection: false,
                switchedCorrectToIncorrect: false, switchedIncorrectToCorrect: false)
        }
        let before = diagnosis.initial?.correct ?? false
        let after = diagnosis.final?.correct ?? before
        return AutomationBias(
            appraised: true, recommendationSound: appraisal.sound,
            commission: !appraisal.sound && appraisal.decision == .accept,
            overRejection: appraisal.sound && appraisal.decision == .reject,
            switchedCorrectToIncorrect: before && !after, switchedIncorrectToCorrect: !before && after)
    }
}
