/// The overall score at which an encounter counts as passed.
///
/// Used where a yes/no outcome is needed from a 0–1 score: xAPI `result.success`, the
/// attempts export's `success` column, and the dichotomy behind the point-biserial
/// discrimination index. 0.7 follows the common 70% pass mark of clinical OSCE-style
/// assessments; it does not change grading, which stays per competency.
public enum PassMark {
    public static let overall = 0.7

    public static func passed(_ overall: Double) -> Bool { overall >= Self.overall }
}
