/// The debrief: every competency the scenario exercises, scored and explained, with the
/// evidence behind each score and what happened to the patient.
///
/// A pure function of (scenario version, events): `Grader` builds the same report from the
/// same log every time, so stored grades can always be recomputed and compared.
public struct GradeReport: Codable, Sendable, Equatable {
    public var scenarioId: String
    public var scenarioVersion: Int
    /// Rubric-weighted mean of the competency scores, in [0, 1].
    public var overall: Double
    public var competencies: [CompetencyScore]
    public var history: HistoryEvidence
    public var redFlags: RedFlagEvidence
    public var investigations: InvestigationEvidence
    public var findings: FindingsEvidence
    public var diagnosis: DiagnosisEvidence
    public var plan: PlanEvidence
    /// Nil when the recommendation was never appraised.
    public var appraisal: AppraisalEvidence?
    public var communication: CommunicationEvidence
    public var automationBias: AutomationBias
    /// What happened to the patient after the trainee's decision (`outcomes` of the recommendation).
    public var outcome: String?
    public var teachingPoints: [String]

    /// The score of `competencyID`, if the scenario grades it.
    public func score(_ competencyID: String) -> Double? {
        competencies.first { $0.id == competencyID }?.score
    }
}
