public import Foundation

/// One competency score from one graded encounter.
public struct StoredCompetencyScore: Sendable, Equatable {
    public var encounterID: String
    public var competencyID: String
    public var score: Double
    public var weight: Double
    public var at: Date
}

/// `grades` and `competency_scores`: the graded result of each submitted encounter.
///
/// The full report is stored as JSON for the debrief; per-competency scores are stored as
/// rows so progress and reports can aggregate them in SQL.
public struct GradeRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func save(
        encounterID: String, userID: Int64, overall: Double, report: Data,
        scores: [(competencyID: String, score: Double, weight: Double)], at: Date
    ) throws {
        let now = Timestamp.text(at)
        try db.execute(
            """
            INSERT INTO grades(encounter_id, user_id, overall, report, graded_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(encounter_id) DO UPDATE SET overall = excluded.overall, report = excluded.report,
                graded_at = excluded.graded_at
            """, [encounterID, userID, overall, String(decoding: report, as: UTF8.self), now])
        try db.execute("DELETE FROM competency_scores WHERE encounter_id = ?", [encounterID])
        for score in scores {
            try db.execute(
                """
                INSERT INTO competency_scores(encounter_id, user_id, competency_id, score, weight, at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [encounterID, userID, score.competencyID, score.score, score.weight, now])
        }
    }

    /// The stored report and overall score of an encounter.
    public func grade(encounterID: String) throws -> (overall: Double, report: Data)? {
        try db.row("SELECT overall, report FROM grades WHERE encounter_id = ?", [encounterID]).map { row in
            (try row.require("overall"), Data((try row.require("report", as: String.self)).utf8))
        }
    }

    /// A user's competency scores in time order (the input of the mastery model).
    public func scores(userID: Int64) throws -> [StoredCompetencyScore] {
        try db.rows(
            "SELECT * FROM competency_scores WHERE user_id = ? ORDER BY at, encounter_id, competency_id", [userID]
        ).map { row in
            StoredCompetencyScore(
                encounterID: try row.require("encounter_id"), competencyID: try row.require("competency_id"),
                score: try row.require("score"), weight: try row.require("weight"),
                at: try Timestamp.date(try row.require("at", as: String.self)))
        }
    }

    /// Overall scores per scenario for a user: attempts and best.
    public func bestScores(userID: Int64) throws -> [String: (attempts: Int, best: Double)] {
        var result: [String: (attempts: Int, best: Double)] = [:]
        for row in try db.rows(
            """
            SELECT v.scenario_id AS scenario_id, COUNT(*) AS attempts, MAX(g.overall) AS best
            FROM grades g JOIN encounters e ON e.id = g.encounter_id
            JOIN scenario_versions v ON v.id = e.scenario_version_id
            WHERE g.user_id = ? AND e.practice = 0 GROUP BY v.scenario_id
            """, [userID])
        {
            result[try row.require("scenario_id")] = (try row.require("attempts"), try row.require("best"))
        }
        return result
    }

    /// The graded, non-practice encounters of a user in the order they were graded, with
    /// their stored reports: the input of the progress model.
    public func reports(userID: Int64) throws -> [(encounterID: String, gradedAt: Date, report: Data)] {
        try db.rows(
            """
            SELECT g.encounter_id, g.graded_at, g.report FROM grades g JOIN encounters e ON e.id = g.encounter_id
            WHERE g.user_id = ? AND e.practice = 0 ORDER BY g.graded_at, g.encounter_id
            """, [userID]
        ).map { row in
            (
                try row.require("encounter_id"), try Timestamp.date(try row.require("graded_at", as: String.self)),
                Data((try row.require("report", as: String.self)).utf8)
            )
        }
    }
}
