/// Streams one `MasteryEvidence` per trainee × competency, trainee by trainee.
///
/// Every trainee gets a row for every competency asked for, graded or not, so a report
/// shows who has not started as plainly as who is behind. Rows arrive ordered by
/// trainee, competency (in the order asked for) and time, and are folded into groups as
/// they stream: memory holds one group's scores, never the whole table.
///
/// `filter.since` keeps groups whose last activity is on or after the date; the scores
/// themselves are never cut at `since`, because mastery is a state built from all the
/// evidence, not a measure of one window.
public struct MasteryEvidenceQuery {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Calls `body` for each trainee × competency the filter admits.
    public func forEach(
        competencyIDs: [String], filter: ReportFilter, _ body: (MasteryEvidence) throws -> Void
    ) throws {
        guard !competencyIDs.isEmpty else { return }
        let (sql, arguments) = Self.sql(competencyIDs: competencyIDs, filter: filter)
        let since = filter.sinceText
        var current: MasteryEvidence?
        func emit(_ group: MasteryEvidence) throws {
            if let since, (group.lastActivity?.text ?? "") < since { return }
            try body(group)
        }
        try db.forEachRow(sql, arguments) { row in
            let values = row.values
            let userID = Int64.fromDatabaseValue(values[0]) ?? 0
            let competencyID = String.fromDatabaseValue(values[4]) ?? ""
            if let group = current, group.userID != userID || group.competencyID != competencyID {
                try emit(group)
                current = nil
            }
            if current == nil {
                current = MasteryEvidence(
                    userID: userID, username: String.fromDatabaseValue(values[1]) ?? "",
                    displayName: String.fromDatabaseValue(values[2]) ?? "", cohort: String.fromDatabaseValue(values[3]),
                    competencyID: competencyID, scores: [], times: [])
            }
            if let score = Double.fromDatabaseValue(values[5]), let at = String.fromDatabaseValue(values[6]) {
                current?.scores.append(score)
                current?.times.append(ReportTimestamp(text: at))
            }
        }
        if let group = current { try emit(group) }
    }

    /// How many trainees the filter admits (for progress reporting).
    public func traineeCount(filter: ReportFilter) throws -> Int {
        let cohort = filter.cohortCondition(userAlias: "u")
        return try db.scalar(
            Int.self, "SELECT COUNT(*) FROM users u WHERE u.role = 'trainee' AND \(cohort.sql)", cohort.arguments) ?? 0
    }

    /// The statement `forEach` runs, with its arguments.
    public static func sql(
        competencyIDs: [String], filter: ReportFilter
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let cohort = filter.cohortCondition(userAlias: "u")
        let values = competencyIDs.indices.map { "(\($0), ?)" }.joined(separator: ", ")
        let sql = """
            WITH competency(ordinal, id) AS (VALUES \(values))
            SELECT u.id, u.username, u.display_name, co.name, k.id, s.score, s.at
            FROM users u
            CROSS JOIN competency k
            LEFT JOIN cohorts co ON co.id = u.cohort_id
            LEFT JOIN competency_scores s
                   ON s.user_id = u.id AND s.competency_id = k.id
                  AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.id = s.encounter_id AND e.practice = 1)
            WHERE u.role = 'trainee' AND \(cohort.sql)
            ORDER BY u.id, k.ordinal, s.at, s.encounter_id
            """
        return (sql, competencyIDs + cohort.arguments)
    }
}
