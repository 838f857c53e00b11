import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// Creates and changes user accounts, for the admin API and the command line alike.
///
/// Every change is validated first (all problems at once), hashed outside the write
/// lock (a hash takes tens of milliseconds), then written together with its audit
/// entry in one transaction, so there is never a change without its record.
struct AccountService: Sendable {
    let database: DatabasePool
    let hasher: PasswordHasher
    let clock: WallClock

    /// A new account as submitted. Text is untrusted until `validate` has seen it.
    struct NewAccount: Sendable {
        var username: String
        var displayName: String
        var role: String
        var cohort: String?
        var password: String?
    }

    /// A new account that passed validation.
    struct ValidAccount: Sendable {
        var username: String
        var displayName: String
        var role: Role
        /// A trainee's cohort, or the cohort an instructor is assigned to.
        var cohort: Cohort?
        /// Normalised; nil when the account is created without one.
        var password: String?
    }

    /// A change to a cohort field: leave it, clear it, or set it by name.
    enum CohortChange: Sendable, Equatable {
        case unchanged
        case clear
        case set(String)
    }

    /// The fields an administrator may change; nil leaves a field alone.
    struct Changes: Sendable {
        var displayName: String?
        var role: String?
        var cohort: CohortChange = .unchanged
        var disabled: Bool?
        var password: String?
    }

    // MARK: - Creating

    /// The problems with `account` (empty when it is acceptable) and its validated form.
    /// Uniqueness of the username is the caller's concern.
    func validate(_ account: NewAccount, passwordRequired: Bool, db: Database) throws -> (
        problems: [FieldProblem], account: ValidAccount?
    ) {
        var problems: [FieldProblem] = []
        let username = AccountFieldRules.tidy(account.username)
        if let problem = AccountFieldRules.usernameProblem(username) { problems.append(problem) }
        let displayName = AccountFieldRules.tidy(account.displayName)
        if let problem = AccountFieldRules.nameProblem(displayName, field: "displayName") { problems.append(problem) }
        let role = Role(rawValue: AccountFieldRules.tidy(account.role).lowercased())
        if role == nil {
            problems.append(FieldProblem(field: "role", reason: "Use trainee, instructor or admin."))
        }
        var cohort: Cohort?
        let cohortName = AccountFieldRules.tidy(account.cohort ?? "")
        if !cohortName.isEmpty {
            if role == .admin {
                problems.append(FieldProblem(field: "cohort", reason: "Administrators do not belong to a cohort."))
            } else if let found = try CohortRepository(db).find(name: cohortName) {
                cohort = found
            } else {
                problems.append(
                    FieldProblem(field: "cohort", reason: "There is no cohort named “\(cohortName)”; create it first."))
            }
        }
        let password = account.password.flatMap { $0.isEmpty ? nil : $0 }
        if let password {
            if let problem = PasswordPolicy.problem(with: password) { problems.append(problem) }
        } else if passwordRequired {
            problems.append(FieldProblem(field: "password", reason: "A password is required."))
        }
        guard problems.isEmpty, let role else { return (problems, nil) }
        return (
            [],
            ValidAccount(
                username: username, displayName: displayName, role: role, cohort: cohort,
                password: password.map(PasswordPolicy.normalize))
        )
    }

    /// Creates one account (admin API and `wardsim user add`).
    func create(_ account: NewAccount, by actor: AuditActor) throws -> UserView {
        let valid = try database.read { db -> ValidAccount in
            let username = AccountFieldRules.tidy(account.username)
            if try UserRepository(db).find(username: username) != nil {
                throw AccountError.conflict("The username “\(username)” is already taken.")
            }
            let (problems, valid) = try validate(account, passwordRequired: true, db: db)
            guard let valid else { throw AccountError.invalid(problems) }
            return valid
        }
        let hash = try valid.password.map(hasher.hash) ?? UserRepository.noPassword
        return try database.writeTransaction { db in
            let user = try insert(valid, hash: hash, by: actor, db: db)
            return try UserView.make(user, db: db)
        }
    }

    /// Inserts a validated account and its audit entry (inside the caller's transaction).
    func insert(_ valid: ValidAccount, hash: String, by actor: AuditActor, db: Database) throws -> User {
        let users = UserRepository(db)
        if try users.find(username: valid.username) != nil {
            throw AccountError.conflict("The username “\(valid.username)” is already taken.")
        }
        let user = try users.insert(
            NewUser(
                username: valid.username, displayName: valid.displayName, role: valid.role,
                cohortID: valid.role == .trainee ? valid.cohort?.id : nil, passwordHash: hash),
            at: clock.now)
        var detail = "role \(valid.role.rawValue)"
        if let cohort = valid.cohort {
            if valid.role == .instructor {
                try CohortRepository(db).assign(instructorID: user.id, cohortID: cohort.id)
                detail += ", instructs cohort:\(cohort.id)"
            } else {
                detail += ", cohort:\(cohort.id)"
            }
        }
        if valid.password == nil { detail += ", no password" }
        try AuditLogRepository(db).record(
            "user.create", by: actor, target: user.auditName, detail: detail, at: clock.now)
        return user
    }

    // MARK: - Changing

    /// Applies `changes` to the user `id` (admin API `PATCH`, `wardsim user …`).
    func update(userID id: Int64, _ changes: Changes, by actor: AuditActor) throws -> UserView {
        var newHash: String?
        if let password = changes.password {
            if let problem = PasswordPolicy.problem(with: password) { throw AccountError.invalid([problem]) }
            newHash = try hasher.hash(PasswordPolicy.normalize(password))
        }
        return try database.writeTransaction { db in
            let users = UserRepository(db)
            let cohorts = CohortRepository(db)
            let sessions = SessionRepository(db)
            guard let user = try users.find(id: id) else { throw AccountError.notFound("There is no user \(id).") }
            var updated = user
            var problems: [FieldProblem] = []
            var notes: [String] = []

            if let name = changes.displayName.map(AccountFieldRules.tidy), name != user.displayName {
                if let problem = AccountFieldRules.nameProblem(name, field: "displayName") { problems.append(problem) }
                updated.displayName = name
                notes.append("display name changed")
            }
            if let roleText = changes.role {
                if let role = Role(rawValue: AccountFieldRules.tidy(roleText).lowercased()) {
                    if role != user.role { notes.append("role \(user.role.rawValue) → \(role.rawValue)") }
                    updated.role = role
                } else {
                    problems.append(FieldProblem(field: "role", reason: "Use trainee, instructor or admin."))
                }
            }
            var cohort: Cohort?
            if case .set(let name) = changes.cohort {
                if let found = try cohorts.find(name: AccountFieldRules.tidy(name)) {
                    cohort = found
                } else {
                    problems.append(FieldProblem(field: "cohort", reason: "There is no cohort named “\(name)”."))
                }
            }
            if updated.role == .admin, case .set = changes.cohort {
                problems.append(FieldProblem(field: "cohort", reason: "Administrators do not belong to a cohort."))
            }
            guard problems.isEmpty else { throw AccountError.invalid(problems) }

            // A cohort means membership for trainees and an assignment for instructors.
            switch (updated.role, changes.cohort) {
            case (.trainee, .set):
                updated.cohortID = cohort?.id
            case (.trainee, .clear):
                updated.cohortID = nil
            case (.trainee, .unchanged):
                break
            case (.instructor, .set):
                updated.cohortID = nil
                try cohorts.assign(instructorID: id, cohortID: cohort!.id)
                notes.append("assigned to cohort:\(cohort!.id)")
            case (.instructor, .clear):
                updated.cohortID = nil
                try cohorts.removeAssignments(instructorID: id)
                notes.append("cohort assignments removed")
            default:
                updated.cohortID = nil
            }
            if updated.cohortID != user.cohortID, updated.role == .trainee {
                notes.append("cohort \(updated.cohortID.map { "cohort:\($0)" } ?? "none")")
            }
            if user.role == .instructor, updated.role != .instructor {
                try cohorts.removeAssignments(instructorID: id)
            }
            if let disabled = changes.disabled, disabled != user.isDisabled {
                if disabled, actor.id == id {
                    throw AccountError.conflict("You cannot disable your own account.")
                }
                updated.isDisabled = disabled
                notes.append(disabled ? "disabled" : "enabled")
            }
            let wasActiveAdmin = user.role == .admin && !user.isDisabled
            let isActiveAdmin = updated.role == .admin && !updated.isDisabled
            if wasActiveAdmin, !isActiveAdmin, try users.activeAdminCount() <= 1 {
                throw AccountError.conflict(
                    "This is the last active administrator; make someone else an administrator first.")
            }

            let now = clock.now
            if updated != user { updated = try users.update(updated, at: now) }
            if updated.isDisabled, !user.isDisabled {
                let ended = try sessions.deleteAll(userID: id)
                notes.append("\(ended) session\(ended == 1 ? "" : "s") ended")
            }
            if let newHash {
                try users.setPasswordHash(userID: id, hash: newHash, at: now)
                let ended = try sessions.deleteAll(userID: id, keeping: actor.id == id ? actor.sessionKey : nil)
                notes.append("password set; \(ended) other session\(ended == 1 ? "" : "s") ended")
                updated = try users.find(id: id) ?? updated
            }
            if !notes.isEmpty {
                try AuditLogRepository(db).record(
                    "user.update", by: actor, target: updated.auditName, detail: notes.joined(separator: "; "), at: now)
            }
            return try UserView.make(updated, db: db)
        }
    }

    /// The id of `username`, or 404.
    func userID(username: String) throws -> Int64 {
        let name = AccountFieldRules.tidy(username)
        guard let user = try database.read({ db in try UserRepository(db).find(username: name) }) else {
            throw AccountError.notFound("There is no user “\(username)”.")
        }
        return user.id
    }

    // MARK: - Reading

    /// Every account, by username.
    func list() throws -> [UserView] {
        try database.read { db in try UserView.make(UserRepository(db).all(), db: db) }
    }

    /// The trainees `user` may see: their cohorts' for an instructor, all for an admin.
    func trainees(visibleTo user: AuthenticatedUser) throws -> [UserView] {
        try database.read { db in
            let users = UserRepository(db)
            let trainees = user.role == .admin ? try users.trainees() : try users.trainees(instructedBy: user.id)
            return try UserView.make(trainees, db: db)
        }
    }
}
