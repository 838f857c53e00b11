/// Where an encounter stands. Each action is allowed only in some phases.
///
/// notStarted → interviewing → findings → diagnosisCommitted → recommendationShown →
/// appraised → submitted. Examinations and investigations may be ordered at any time
/// before the diagnosis; the notebook may be updated until submission.
public enum EncounterPhase: String, Codable, Sendable, CaseIterable, Comparable {
    case notStarted = "not-started"
    case interviewing
    /// Interviewing, with findings recorded in the notebook.
    case findings
    case diagnosisCommitted = "diagnosis-committed"
    case recommendationShown = "recommendation-shown"
    case appraised
    /// Read-only from here; the grade is computed from the log.
    case submitted

    public static func < (a: EncounterPhase, b: EncounterPhase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether the trainee can still interview, examine and order tests.
    public var isGatheringInformation: Bool { self == .interviewing || self == .findings }
}
