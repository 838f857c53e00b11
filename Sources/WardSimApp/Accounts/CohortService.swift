import Foundation
import WardSimCore
import WardSimStore

/// Creates cohorts and assigns instructors to them.
struct CohortService: Sendable {
    let database: DatabasePool
    let clock: WallClock

    /// A cohort as the API shows it.
    struct CohortView: Encodable, Sendable {
        struct Person: Encodable, Sendable {
            let id: Int64
            let username: String
            let displayName: String
        }

        let id: Int64
        let name: String
        let createdAt: Date
        let traineeCount: Int
        let instructors: [Person]
    }

    /// Every cohort with its trainee count and instructors.
    func list() throws -> [CohortView] {
        try database.read { db in try views(CohortRepository(db).all(), db: db) }
    }

    /// Creates a cohort; 422 for an unusable name, 409 when the name is taken.
    func create(name rawName: String, by actor: AuditActor) throws -> CohortView {
        let name = AccountFieldRules.tidy(rawName)
        if let problem = AccountFieldRules.nameProblem(name, field: "name") { throw AccountError.invalid([problem]) }
        return try database.writeTransaction { db in
            let cohorts = CohortRepository(db)
            if try cohorts.find(name: name) != nil {
                throw AccountError.conflict("A cohort named “\(name)” already exists.")
            }
            let cohort = try cohorts.insert(name: name, at: clock.now)
            try AuditLogRepository(db).record(
                "cohort.create", by: actor, target: "cohort:\(cohort.id)", detail: "created", at: clock.now)
            return try views([cohort], db: db)[0]
        }
    }

    /// Makes `instructorIDs` exactly the instructors of cohort `id`. Every id must be an
    /// instructor's.
    func setInstructors(cohortID id: Int64, instructorIDs: [Int64], by actor: AuditActor) throws -> CohortView {
        try database.writeTransaction { db in
            let cohorts = CohortRepository(db)
            guard let cohort = try cohorts.find(id: id) else {
                throw AccountError.notFound("There is no cohort \(id).")
            }
            let users = UserRepository(db)
            var problems: [FieldProblem] = []
            for instructorID in Set(instructorIDs).sorted() {
                let user = try users.find(id: instructorID)
                if user?.role != .instructor {
                    problems.append(
                        FieldProblem(
                            field: "instructorIds",
                            reason: user == nil
                                ? "There is no user \(instructorID)." : "User \(instructorID) is not an instructor."))
                }
            }
            guard problems.isEmpty else { throw AccountError.invalid(problems) }
            let before = Set(try cohorts.assignments().filter { $0.cohortID == id }.map(\.instructorID))
            try cohorts.setInstructors(cohortID: id, instructorIDs: instructorIDs)
            let after = Set(instructorIDs)
            if before != after {
                let added = after.subtracting(before).sorted().map { "user:\($0)" }
                let removed = before.subtracting(after).sorted().map { "user:\($0)" }
                var detail: [String] = []
                if !added.isEmpty { detail.append("added " + added.joined(separator: ", ")) }
                if !removed.isEmpty { detail.append("removed " + removed.joined(separator: ", ")) }
                try AuditLogRepository(db).record(
                    "cohort.instructors", by: actor, target: "cohort:\(id)", detail: detail.joined(separator: "; "),
                    at: clock.now)
            }
            return try views([cohort], db: db)[0]
        }
    }

    private func views(_ cohorts: [Cohort], db: Database) throws -> [CohortView] {
        let repository = CohortRepository(db)
        let counts = try repository.traineeCounts()
        let people = Dictionary(
            uniqueKeysWithValues: try UserRepository(db).all().filter { $0.role == .instructor }.map { ($0.id, $0) })
        var instructors: [Int64: [CohortView.Person]] = [:]
        for assignment in try repository.assignments() {
            guard let user = people[assignment.instructorID] else { continue }
            instructors[assignment.cohortID, default: []].append(
                CohortView.Person(id: user.id, username: user.username, displayName: user.displayName))
        }
        return cohorts.map { cohort in
            CohortView(
                id: cohort.id, name: cohort.name, createdAt: cohort.createdAt, traineeCount: counts[cohort.id] ?? 0,
                instructors: (instructors[cohort.id] ?? []).sorted { $0.displayName < $1.displayName })
        }
    }
}
