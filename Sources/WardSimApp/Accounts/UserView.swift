import Foundation
import WardSimCore
import WardSimStore

/// A user as the API shows it: names, role, cohort by name, and for instructors the
/// cohorts they teach. Never the password hash.
struct UserView: Encodable, Sendable, Equatable {
    struct CohortRef: Encodable, Sendable, Equatable {
        let id: Int64
        let name: String
    }

    let id: Int64
    let username: String
    let displayName: String
    let role: Role
    let cohort: CohortRef?
    let instructs: [CohortRef]
    let disabled: Bool
    let hasPassword: Bool
    let createdAt: Date
    let lastLoginAt: Date?

    /// Views of `users`, loading cohort names and assignments once for the whole list.
    static func make(_ users: [User], db: Database) throws -> [UserView] {
        let cohorts = CohortRepository(db)
        let names = Dictionary(uniqueKeysWithValues: try cohorts.all().map { ($0.id, $0.name) })
        var taught: [Int64: [CohortRef]] = [:]
        for assignment in try cohorts.assignments() {
            if let name = names[assignment.cohortID] {
                taught[assignment.instructorID, default: []].append(CohortRef(id: assignment.cohortID, name: name))
            }
        }
        return users.map { user in
            UserView(
                id: user.id, username: user.username, displayName: user.displayName, role: user.role,
                cohort: user.cohortID.flatMap { id in names[id].map { CohortRef(id: id, name: $0) } },
                instructs: (taught[user.id] ?? []).sorted { $0.name < $1.name },
                disabled: user.isDisabled, hasPassword: user.hasPassword, createdAt: user.createdAt,
                lastLoginAt: user.lastLoginAt)
        }
    }

    static func make(_ user: User, db: Database) throws -> UserView {
        try make([user], db: db)[0]
    }
}
