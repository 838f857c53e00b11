/// The aggregates of `ScenarioAnalyticsData`, computed in SQL over the graded,
/// non-practice encounters of one scenario (every version) by the users in the filter.
///
/// The grade report is read with SQLite's JSON functions where `GradeReportPaths` says
/// (the documented debrief shape, else the engine's stored one): missed facts with
/// `critical`, unnecessary investigations, whether the diagnosis was right, and whether
/// the AI was sound and what the trainee decided. Keys a report lacks count as absent,
/// never as false.
public struct ScenarioAnalyticsQuery {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// How many most-missed facts and over-ordered investigations to return.
    public static let tallyLimit = 10
    /// How many comments to return.
    public static let commentLimit = 50

    public func load(scenarioID: String, filter: ReportFilter) throws -> ScenarioAnalyticsData {
        var data = ScenarioAnalyticsData(scenarioID: scenarioID)
        let (scope, arguments) = Self.scope(scenarioID: scenarioID, filter: filter)

        data.title = try db.scalar(
            String.self,
            """
            SELECT document ->> '$.title' FROM scenario_versions WHERE scenario_id = ?
            ORDER BY version DESC LIMIT 1
            """, [scenarioID])

        if let row = try db.row(
            """
            \(scope)
            SELECT COUNT(*) AS attempts, COUNT(DISTINCT user_id) AS trainees, COALESCE(SUM(overall), 0) AS total,
                   COALESCE(SUM(overall * overall), 0) AS squares,
                   SUM((\(GradeReportPaths.diagnosisCorrect("report"))) IS NOT NULL) AS judged,
                   SUM((\(GradeReportPaths.diagnosisCorrect("report"))) = 1) AS correct
            FROM scoped
            """, arguments)
        {
            data.attempts = row["attempts"] ?? 0
            data.trainees = row["trainees"] ?? 0
            data.overall = .init(count: data.attempts, sum: row["total"] ?? 0, sumOfSquares: row["squares"] ?? 0)
            data.diagnosisJudged = row["judged"] ?? 0
            data.diagnosisCorrect = row["correct"] ?? 0
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT s.competency_id AS id, COUNT(*) AS n, SUM(s.score) AS total, SUM(s.score * s.score) AS squares
            FROM scoped JOIN competency_scores s ON s.encounter_id = scoped.encounter_id
            GROUP BY s.competency_id ORDER BY s.competency_id
            """, arguments
        ) { row in
            data.competencies[row["id"] ?? ""] = .init(
                count: row["n"] ?? 0, sum: row["total"] ?? 0, sumOfSquares: row["squares"] ?? 0)
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT f.value ->> '$.id' AS id, MAX(f.value ->> '$.answer') AS label,
                   MAX(f.value ->> '$.exampleQuestion') AS hint, MAX(COALESCE(f.value ->> '$.redFlag', 0)) AS red,
                   COUNT(DISTINCT scoped.encounter_id) AS n
            FROM scoped, json_each(\(GradeReportPaths.missedFacts(Self.validReport))) f
            WHERE (f.value ->> '$.critical') = 1 AND (f.value ->> '$.id') IS NOT NULL
            GROUP BY id ORDER BY n DESC, id LIMIT \(Self.tallyLimit)
            """, arguments
        ) { row in
            data.missedCriticalFacts.append(
                .init(
                    id: row["id"] ?? "", label: row["label"] ?? "", hint: row["hint"], redFlag: row["red"] ?? false,
                    count: row["n"] ?? 0))
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT i.value ->> '$.id' AS id, MAX(i.value ->> '$.label') AS label,
                   COUNT(DISTINCT scoped.encounter_id) AS n
            FROM scoped, json_each(\(GradeReportPaths.unnecessaryInvestigations(Self.validReport))) i
            WHERE (i.value ->> '$.id') IS NOT NULL
            GROUP BY id ORDER BY n DESC, id LIMIT \(Self.tallyLimit)
            """, arguments
        ) { row in
            data.unnecessaryInvestigations.append(
                .init(id: row["id"] ?? "", label: row["label"] ?? "", count: row["n"] ?? 0))
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT CASE \(GradeReportPaths.aiSound("report")) WHEN 1 THEN 'sound' ELSE 'unsound' END AS sound,
                   \(GradeReportPaths.aiDecision("report")) AS decision, COUNT(*) AS n
            FROM scoped
            WHERE (\(GradeReportPaths.aiSound("report"))) IS NOT NULL
              AND (\(GradeReportPaths.aiDecision("report"))) IS NOT NULL
            GROUP BY 1, 2
            """, arguments
        ) { row in
            data.aiDecisions["\(row["sound"] ?? "")|\(row["decision"] ?? "")"] = row["n"] ?? 0
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT f.rating AS rating, COUNT(*) AS n FROM scoped JOIN feedback f ON f.encounter_id = scoped.encounter_id
            GROUP BY f.rating
            """, arguments
        ) { row in
            data.ratings[row["rating"] ?? 0] = row["n"] ?? 0
        }

        try db.forEachRow(
            """
            \(scope)
            SELECT f.rating AS rating, f.comment AS comment, f.at AS at
            FROM scoped JOIN feedback f ON f.encounter_id = scoped.encounter_id
            WHERE trim(f.comment) <> '' ORDER BY f.at DESC LIMIT \(Self.commentLimit)
            """, arguments
        ) { row in
            data.comments.append(
                .init(
                    rating: row["rating"] ?? 0, comment: row["comment"] ?? "",
                    at: ReportTimestamp(text: row["at"] ?? "")))
        }

        // First attempt here beside the mean of every graded encounter elsewhere
        // (same cohort scope, all dates: ability is judged on all the evidence).
        let cohort = filter.cohortCondition(userAlias: "u")
        try db.forEachRow(
            """
            \(scope),
            first AS (
                SELECT user_id, overall, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY graded_at, encounter_id) AS k
                FROM scoped)
            SELECT f.user_id AS user_id, f.overall AS here, AVG(g.overall) AS elsewhere
            FROM first f
            JOIN grades g ON g.user_id = f.user_id
            JOIN encounters e ON e.id = g.encounter_id AND e.practice = 0
            JOIN scenario_versions v ON v.id = e.scenario_version_id AND v.scenario_id <> ?
            JOIN users u ON u.id = f.user_id AND \(cohort.sql)
            WHERE f.k = 1
            GROUP BY f.user_id ORDER BY f.user_id
            """, arguments + [scenarioID] + cohort.arguments
        ) { row in
            data.discrimination.append(
                .init(
                    userID: row["user_id"] ?? 0, scenarioScore: row["here"] ?? 0, meanElsewhere: row["elsewhere"] ?? 0))
        }
        return data
    }

    /// The report, or an empty object when it is not valid JSON: `json_each` would
    /// otherwise fail the whole query over one damaged row.
    static let validReport = "CASE WHEN json_valid(scoped.report) THEN scoped.report ELSE '{}' END"

    /// `WITH scoped AS (…)`: the graded encounters every aggregate above reads.
    static func scope(
        scenarioID: String, filter: ReportFilter
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let cohort = filter.cohortCondition(userAlias: "u")
        var sql = """
            WITH scoped AS (
                SELECT g.encounter_id, g.user_id, g.overall, g.report, g.graded_at
                FROM grades g
                JOIN encounters e ON e.id = g.encounter_id
                JOIN scenario_versions v ON v.id = e.scenario_version_id
                JOIN users u ON u.id = g.user_id
                WHERE v.scenario_id = ? AND e.practice = 0 AND \(cohort.sql)
            """
        var arguments: [any DatabaseValueConvertible] = [scenarioID]
        arguments += cohort.arguments
        if let since = filter.sinceText {
            sql += " AND g.graded_at >= ?"
            arguments.append(since)
        }
        sql += ")"
        return (sql, arguments)
    }
}
