/// Streams graded encounters, one `AttemptRecord` each, oldest grade first.
///
/// The rows come from one statement stepped row by row (`Database.forEachRow`), so an
/// export of 100,000 encounters holds one row at a time. Competency scores are pivoted
/// in SQL (one indexed look-up per competency) and the report JSON is read with
/// SQLite's JSON functions, which parse each report once per row; Swift never decodes
/// the report. Practice encounters (author play-tests) are left out. Report fields are
/// read where `GradeReportPaths` says.
///
/// ```swift
/// try AttemptsQuery(db).forEach(competencyIDs: ["history-taking"], filter: ReportFilter()) { attempt in
///     print(attempt.encounterID, attempt.overall, attempt.scores[0] ?? .nan)
/// }
/// ```
public struct AttemptsQuery {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Calls `body` for each graded encounter the filter admits, in grading order.
    public func forEach(
        competencyIDs: [String], filter: ReportFilter, _ body: (AttemptRecord) throws -> Void
    ) throws {
        let (sql, arguments) = Self.sql(competencyIDs: competencyIDs, filter: filter)
        let fixed = Self.fixedColumns
        try db.forEachRow(sql, arguments) { row in
            let values = row.values
            var scores: [Double?] = []
            scores.reserveCapacity(competencyIDs.count)
            for index in 0..<competencyIDs.count { scores.append(Double.fromDatabaseValue(values[fixed + index])) }
            let bias = AutomationBiasOutcome(
                commission: Bool.fromDatabaseValue(values[13]), overRejection: Bool.fromDatabaseValue(values[14]),
                switchedCorrectToIncorrect: Bool.fromDatabaseValue(values[15]),
                switchedIncorrectToCorrect: Bool.fromDatabaseValue(values[16]))
            let hasBias = Int.fromDatabaseValue(values[17]) == 1
            try body(
                AttemptRecord(
                    encounterID: try Self.text(values[0]), userID: Int64.fromDatabaseValue(values[1]) ?? 0,
                    username: try Self.text(values[2]), displayName: try Self.text(values[3]),
                    cohort: String.fromDatabaseValue(values[4]), scenarioID: try Self.text(values[5]),
                    scenarioVersion: Int.fromDatabaseValue(values[6]) ?? 0, scenarioTitle: try Self.text(values[7]),
                    startedAt: ReportTimestamp(text: try Self.text(values[8])),
                    submittedAt: String.fromDatabaseValue(values[9]).map(ReportTimestamp.init(text:)),
                    gradedAt: ReportTimestamp(text: try Self.text(values[10])),
                    durationSeconds: Double.fromDatabaseValue(values[11]).flatMap { $0 >= 0 ? $0 : nil },
                    overall: Double.fromDatabaseValue(values[12]) ?? 0, scores: scores,
                    automationBias: hasBias ? bias : nil, aiSound: Bool.fromDatabaseValue(values[18]),
                    aiDecision: String.fromDatabaseValue(values[19]),
                    diagnosisCorrect: Bool.fromDatabaseValue(values[20])))
        }
    }

    /// How many encounters `forEach` would visit (for progress reporting).
    public func count(filter: ReportFilter) throws -> Int {
        let cohort = filter.cohortCondition(userAlias: "u")
        var sql = """
            SELECT COUNT(*) FROM grades g JOIN encounters e ON e.id = g.encounter_id JOIN users u ON u.id = g.user_id
            WHERE e.practice = 0 AND \(cohort.sql)
            """
        var arguments = cohort.arguments
        if let since = filter.sinceText {
            sql += " AND g.graded_at >= ?"
            arguments.append(since)
        }
        return try db.scalar(Int.self, sql, arguments) ?? 0
    }

    /// Columns before the per-competency scores.
    static let fixedColumns = 21

    /// The statement `forEach` runs, with its arguments. Public so the benchmark and
    /// the docs can show the exact SQL an export runs.
    public static func sql(
        competencyIDs: [String], filter: ReportFilter
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let cohort = filter.cohortCondition(userAlias: "u")
        let scoreColumns = competencyIDs.indices.map { index in
            ",\n       (SELECT s.score FROM competency_scores s WHERE s.encounter_id = g.encounter_id "
                + "AND s.competency_id = ?) AS score_\(index)"
        }.joined()
        var sql = """
            WITH titles(id, scenario_id, version, title) AS MATERIALIZED (
                SELECT id, scenario_id, version, COALESCE(document ->> '$.title', scenario_id) FROM scenario_versions)
            SELECT g.encounter_id, u.id, u.username, u.display_name, co.name, t.scenario_id, t.version, t.title,
                   e.started_at, e.submitted_at, g.graded_at,
                   (julianday(COALESCE(e.submitted_at, g.graded_at)) - julianday(e.started_at)) * 86400.0,
                   g.overall,
                   g.report ->> '$.automationBias.commission', g.report ->> '$.automationBias.overRejection',
                   g.report ->> '$.automationBias.switchedCorrectToIncorrect',
                   g.report ->> '$.automationBias.switchedIncorrectToCorrect',
                   json_type(g.report, '$.automationBias') = 'object',
                   \(GradeReportPaths.aiSound("g.report")), \(GradeReportPaths.aiDecision("g.report")),
                   \(GradeReportPaths.diagnosisCorrect("g.report"))\(scoreColumns)
            FROM grades g
            JOIN encounters e ON e.id = g.encounter_id
            JOIN users u ON u.id = g.user_id
            LEFT JOIN cohorts co ON co.id = u.cohort_id
            JOIN titles t ON t.id = e.scenario_version_id
            WHERE e.practice = 0 AND \(cohort.sql)
            """
        var arguments: [any DatabaseValueConvertible] = competencyIDs
        arguments += cohort.arguments
        if let since = filter.sinceText {
            sql += " AND g.graded_at >= ?"
            arguments.append(since)
        }
        sql += "\nORDER BY g.graded_at, g.encounter_id"
        return (sql, arguments)
    }

    static func text(_ value: DatabaseValue) throws -> String {
        guard let text = String.fromDatabaseValue(value) else {
            throw DatabaseError(
                resultCode: .SQLITE_MISMATCH, message: "a NOT NULL column of the attempts query is NULL")
        }
        return text
    }
}
