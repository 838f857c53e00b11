/// The per-trainee automation-bias counts and completed scenarios of one cohort.
///
/// Counts come from the grade report's soundness of the AI and its `automationBias`
/// flags (`GradeReportPaths`); a report without them counts for neither side.
public struct CohortAnalyticsQuery {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Nil when the cohort does not exist. `since` limits the encounters counted.
    public func load(cohortID: Int64, filter: ReportFilter = ReportFilter()) throws -> CohortAnalyticsData? {
        guard let name = try db.scalar(String.self, "SELECT name FROM cohorts WHERE id = ?", [cohortID]) else {
            return nil
        }
        let since = filter.sinceText
        let sinceCondition = since == nil ? "" : " AND g.graded_at >= ?"
        let sinceArguments: [any DatabaseValueConvertible] = since.map { [$0] } ?? []
        var trainees: [CohortAnalyticsData.Trainee] = []
        var index: [Int64: Int] = [:]
        try db.forEachRow(
            """
            SELECT u.id, u.username, u.display_name,
                   COUNT(g.encounter_id) AS graded,
                   COALESCE(SUM((\(GradeReportPaths.aiSound("g.report"))) = 0), 0) AS unsound,
                   COALESCE(SUM((\(GradeReportPaths.aiSound("g.report"))) = 1), 0) AS sound,
                   COALESCE(SUM((g.report ->> '$.automationBias.commission') = 1), 0) AS commission,
                   COALESCE(SUM((g.report ->> '$.automationBias.overRejection') = 1), 0) AS over_rejection,
                   COALESCE(SUM((g.report ->> '$.automationBias.switchedCorrectToIncorrect') = 1), 0) AS to_incorrect,
                   COALESCE(SUM((g.report ->> '$.automationBias.switchedIncorrectToCorrect') = 1), 0) AS to_correct,
                   MAX(g.graded_at) AS last_activity
            FROM users u
            LEFT JOIN (grades g JOIN encounters e ON e.id = g.encounter_id AND e.practice = 0)
                   ON g.user_id = u.id\(sinceCondition)
            WHERE u.role = 'trainee' AND u.cohort_id = ?
            GROUP BY u.id ORDER BY u.display_name COLLATE NOCASE, u.id
            """, sinceArguments + [cohortID]
        ) { row in
            var trainee = CohortAnalyticsData.Trainee(
                userID: row["id"] ?? 0, username: row["username"] ?? "", displayName: row["display_name"] ?? "")
            trainee.graded = row["graded"] ?? 0
            trainee.unsoundSeen = row["unsound"] ?? 0
            trainee.soundSeen = row["sound"] ?? 0
            trainee.commission = row["commission"] ?? 0
            trainee.overRejection = row["over_rejection"] ?? 0
            trainee.switchedCorrectToIncorrect = row["to_incorrect"] ?? 0
            trainee.switchedIncorrectToCorrect = row["to_correct"] ?? 0
            trainee.lastActivity = row["last_activity", as: String.self].map(ReportTimestamp.init(text:))
            index[trainee.userID] = trainees.count
            trainees.append(trainee)
        }
        try db.forEachRow(
            """
            SELECT DISTINCT g.user_id, v.scenario_id
            FROM grades g
            JOIN encounters e ON e.id = g.encounter_id AND e.practice = 0
            JOIN scenario_versions v ON v.id = e.scenario_version_id
            JOIN users u ON u.id = g.user_id
            WHERE u.role = 'trainee' AND u.cohort_id = ?
            """, [cohortID]
        ) { row in
            if let userID: Int64 = row["user_id"], let position = index[userID],
                let scenario: String = row["scenario_id"]
            {
                trainees[position].completedScenarios.insert(scenario)
            }
        }
        return CohortAnalyticsData(cohortID: cohortID, cohortName: name, trainees: trainees)
    }
}
