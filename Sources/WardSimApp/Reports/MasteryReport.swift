import WardSimCore
import WardSimStore

/// The progress export: one row per trainee × competency with the mastery model's
/// estimate, as CSV cells or a JSON object.
///
/// Columns: `username, display_name, cohort, competency, competency_name, mastery,
/// evidence, level, attempts, last_activity`. Mastery and evidence are rounded to four
/// decimals; `level` is the curriculum level id; `attempts` counts graded encounters
/// that scored the competency; `last_activity` is the newest of those, ISO 8601 UTC.
struct MasteryReport {
    static let columns = [
        "username", "display_name", "cohort", "competency", "competency_name", "mastery", "evidence", "level",
        "attempts", "last_activity",
    ]

    let curriculum: Curriculum
    let mastery: ReportMastery

    init(curriculum: Curriculum) {
        self.curriculum = curriculum
        self.mastery = ReportMastery(curriculum: curriculum)
    }

    /// The competency ids reported, in curriculum order.
    var competencyIDs: [String] { curriculum.competencies.map(\.id) }

    func cells(_ evidence: MasteryEvidence) -> [CSVCell] {
        let estimate = mastery.estimate(evidence.scores)
        return [
            .text(evidence.username), .text(evidence.displayName), .text(evidence.cohort),
            .text(evidence.competencyID), .text(curriculum.competency(evidence.competencyID)?.name),
            .number(Self.rounded(estimate.mastery)), .number(Self.rounded(estimate.evidence)),
            .text(estimate.level?.id), .integer(evidence.attempts), .text(evidence.lastActivity?.text),
        ]
    }

    func json(_ evidence: MasteryEvidence) -> JSONObjectText {
        let estimate = mastery.estimate(evidence.scores)
        var object = JSONObjectText()
        object.add("username", evidence.username)
        object.add("displayName", evidence.displayName)
        object.add("cohort", evidence.cohort)
        object.add("competency", evidence.competencyID)
        object.add("competencyName", curriculum.competency(evidence.competencyID)?.name)
        object.add("mastery", Self.rounded(estimate.mastery))
        object.add("evidence", Self.rounded(estimate.evidence))
        object.add("level", estimate.level?.id)
        object.add("attempts", evidence.attempts)
        object.add("lastActivity", evidence.lastActivity?.text)
        return object
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
