public import Foundation
public import WardSimCore

/// An instructor's assignment to a cohort.
public struct InstructorAssignment: Sendable, Equatable {
    public var instructorID: Int64
    public var cohortID: Int64
}

/// Reads and writes `cohorts` and `instructor_cohorts`.
public struct CohortRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Inserts a cohort and returns it with its new id.
    public func insert(name: String, at now: Date) throws -> Cohort {
        try db.execute("INSERT INTO cohorts (name, created_at) VALUES (?, ?)", [name, Timestamp.text(now)])
        guard let cohort = try find(id: db.lastInsertedRowID) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the new cohort could not be read back")
        }
        return cohort
    }

    public func find(id: Int64) throws -> Cohort? {
        try db.row("SELECT id, name, created_at FROM cohorts WHERE id = ?", [id]).map(Cohort.init(row:))
    }

    /// Looks a cohort up by name, case-insensitively.
    public func find(name: String) throws -> Cohort? {
        try db.row("SELECT id, name, created_at FROM cohorts WHERE name = ?", [name]).map(Cohort.init(row:))
    }

    /// Every cohort, by name.
    public func all() throws -> [Cohort] {
        try db.rows("SELECT id, name, created_at FROM cohorts ORDER BY name").map(Cohort.init(row:))
    }

    /// Every instructor assignment.
    public func assignments() throws -> [InstructorAssignment] {
        try db.rows("SELECT user_id, cohort_id FROM instructor_cohorts ORDER BY cohort_id, user_id").map { row in
            InstructorAssignment(instructorID: try row.require("user_id"), cohortID: try row.require("cohort_id"))
        }
    }

    /// The cohorts `instructorID` is assigned to.
    public func cohortIDs(instructedBy instructorID: Int64) throws -> [Int64] {
        try db.rows("SELECT cohort_id FROM instructor_cohorts WHERE user_id = ? ORDER BY cohort_id", [instructorID])
            .map { try $0.require("cohort_id") }
    }

    /// Makes `instructorIDs` exactly the instructors of `cohortID`.
    public func setInstructors(cohortID: Int64, instructorIDs: [Int64]) throws {
        try db.execute("DELETE FROM instructor_cohorts WHERE cohort_id = ?", [cohortID])
        for id in Set(instructorIDs) { try assign(instructorID: id, cohortID: cohortID) }
    }

    /// Assigns one instructor to one cohort (nothing happens when already assigned).
    public func assign(instructorID: Int64, cohortID: Int64) throws {
        try db.execute(
            "INSERT OR IGNORE INTO instructor_cohorts (user_id, cohort_id) VALUES (?, ?)", [instructorID, cohortID])
    }

    /// Removes every assignment of `instructorID` (when they stop being an instructor).
    public func removeAssignments(instructorID: Int64) throws {
        try db.execute("DELETE FROM instructor_cohorts WHERE user_id = ?", [instructorID])
    }

    /// Trainees per cohort id.
    public func traineeCounts() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try db.rows(
            "SELECT cohort_id, COUNT(*) AS n FROM users WHERE role = 'trainee' AND cohort_id IS NOT NULL GROUP BY cohort_id"
        ) {
            counts[try row.require("cohort_id")] = try row.require("n")
        }
        return counts
    }
}

extension Cohort {
    init(row: Row) throws {
        self.init(
            id: try row.require("id"), name: try row.require("name"),
            createdAt: try Timestamp.date(row.require("created_at", as: String.self)))
    }
}
