import WardSimCore
import WardSimStore

/// The attempts export: one row per graded encounter with every competency score and
/// the automation-bias outcome, as CSV cells or a JSON object.
///
/// Columns: `encounter_id, username, display_name, cohort, scenario, scenario_version,
/// scenario_title, started_at, submitted_at, duration_seconds, overall, success`, then
/// one column per curriculum competency (its id; empty when the encounter did not grade
/// it), then `ai_sound, ai_decision, diagnosis_correct, commission, over_rejection,
/// switched_correct_to_incorrect, switched_incorrect_to_correct` — empty cells where the
/// grade report lacks the key (`automationBias` missing leaves all four bias cells empty).
struct AttemptsReport {
    let competencyIDs: [String]

    init(curriculum: Curriculum) {
        competencyIDs = curriculum.competencies.map(\.id)
    }

    init(competencyIDs: [String]) {
        self.competencyIDs = competencyIDs
    }

    var columns: [String] {
        [
            "encounter_id", "username", "display_name", "cohort", "scenario", "scenario_version", "scenario_title",
            "started_at", "submitted_at", "duration_seconds", "overall", "success",
        ] + competencyIDs + [
            "ai_sound", "ai_decision", "diagnosis_correct", "commission", "over_rejection",
            "switched_correct_to_incorrect", "switched_incorrect_to_correct",
        ]
    }

    func cells(_ attempt: AttemptRecord) -> [CSVCell] {
        var cells: [CSVCell] = [
            .text(attempt.encounterID), .text(attempt.username), .text(attempt.displayName), .text(attempt.cohort),
            .text(attempt.scenarioID), .integer(attempt.scenarioVersion), .text(attempt.scenarioTitle),
            .text(attempt.startedAt.text), .text(attempt.submittedAt?.text),
            .number(attempt.durationSeconds.map(Self.milliseconds)), .number(attempt.overall),
            .bool(PassMark.passed(attempt.overall)),
        ]
        cells.reserveCapacity(cells.count + attempt.scores.count + 7)
        for score in attempt.scores { cells.append(.number(score)) }
        let bias = attempt.automationBias
        cells += [
            .bool(attempt.aiSound), .text(attempt.aiDecision), .bool(attempt.diagnosisCorrect),
            .bool(bias?.commission), .bool(bias?.overRejection), .bool(bias?.switchedCorrectToIncorrect),
            .bool(bias?.switchedIncorrectToCorrect),
        ]
        return cells
    }

    func json(_ attempt: AttemptRecord) -> JSONObjectText {
        var object = JSONObjectText()
        object.add("encounterId", attempt.encounterID)
        object.add("username", attempt.username)
        object.add("displayName", attempt.displayName)
        object.add("cohort", attempt.cohort)
        object.add("scenario", attempt.scenarioID)
        object.add("scenarioVersion", attempt.scenarioVersion)
        object.add("scenarioTitle", attempt.scenarioTitle)
        object.add("startedAt", attempt.startedAt.text)
        object.add("submittedAt", attempt.submittedAt?.text)
        object.add("durationSeconds", attempt.durationSeconds.map(Self.milliseconds))
        object.add("overall", attempt.overall)
        object.add("success", PassMark.passed(attempt.overall))
        var scores = JSONObjectText()
        for (id, score) in zip(competencyIDs, attempt.scores) where score != nil { scores.add(id, score) }
        object.add("scores", object: scores)
        var ai = JSONObjectText()
        ai.add("sound", attempt.aiSound)
        ai.add("decision", attempt.aiDecision)
        object.add("ai", object: ai)
        object.add("diagnosisCorrect", attempt.diagnosisCorrect)
        if let bias = attempt.automationBias {
            var flags = JSONObjectText()
            flags.add("commission", bias.commission)
            flags.add("overRejection", bias.overRejection)
            flags.add("switchedCorrectToIncorrect", bias.switchedCorrectToIncorrect)
            flags.add("switchedIncorrectToCorrect", bias.switchedIncorrectToCorrect)
            object.add("automationBias", object: flags)
        } else {
            object.add("automationBias", object: nil)
        }
        return object
    }

    /// Seconds to the millisecond: the julianday arithmetic behind durations carries
    /// noise far below that.
    static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
