/// The trainee's verdict on the AI recommendation, and their final answer after seeing it.
///
/// The final diagnosis and plan may differ from the ones committed before the
/// recommendation was shown: the difference is what the automation-bias measures read.
public struct Appraisal: Codable, Sendable, Equatable {
    public var recommendationId: String
    public var decision: Decision
    /// The flaw types the trainee named (empty when they accept).
    public var flaws: [FlawType]
    public var justification: String
    public var finalDiagnosis: String
    public var finalPlan: String

    public init(
        recommendationId: String, decision: Decision, flaws: [FlawType], justification: String,
        finalDiagnosis: String, finalPlan: String
    ) {
        self.recommendationId = recommendationId
        self.decision = decision
        self.flaws = flaws
        self.justification = justification
        self.finalDiagnosis = finalDiagnosis
        self.finalPlan = finalPlan
    }
}
