/// Where report queries find each field in a stored grade report, as SQL expressions.
///
/// The engine stores its `GradeReport` (docs/api.md "Debrief object"): `history.missed`,
/// `investigations.unnecessaryOrdered`, `diagnosis.final.correct`, `appraisal.sound`,
/// `appraisal.decision`. An earlier draft of that document named the same facts
/// `facts.missed`, `investigations.unnecessary`, `diagnosis.correct`, `ai.sound` and
/// `ai.decision`, and reports were first written against it. Each expression reads the
/// draft path first and falls back to the stored one, so reports keep working whichever
/// names a report carries. `automationBias` has the same four flags in both.
enum GradeReportPaths {
    static func aiSound(_ report: String) -> String {
        "COALESCE(\(report) ->> '$.ai.sound', \(report) ->> '$.appraisal.sound')"
    }

    static func aiDecision(_ report: String) -> String {
        "COALESCE(\(report) ->> '$.ai.decision', \(report) ->> '$.appraisal.decision')"
    }

    static func diagnosisCorrect(_ report: String) -> String {
        "COALESCE(\(report) ->> '$.diagnosis.correct', \(report) ->> '$.diagnosis.final.correct')"
    }

    /// The JSON array of missed facts (`[]` when neither path exists).
    static func missedFacts(_ report: String) -> String {
        "COALESCE(json_extract(\(report), '$.facts.missed'), json_extract(\(report), '$.history.missed'), '[]')"
    }

    /// The JSON array of investigations ordered without need.
    static func unnecessaryInvestigations(_ report: String) -> String {
        "COALESCE(json_extract(\(report), '$.investigations.unnecessary'), "
            + "json_extract(\(report), '$.investigations.unnecessaryOrdered'), '[]')"
    }

    static func bias(_ report: String, _ flag: String) -> String {
        "\(report) ->> '$.automationBias.\(flag)'"
    }
}
