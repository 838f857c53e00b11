public import Foundation
public import WardSimCore

/// The fields of a user about to be created.
public struct NewUser: Sendable {
    public var username: String
    public var displayName: String
    public var role: Role
    public var cohortID: Int64?
    /// An argon2id hash, or `UserRepository.noPassword` for an account that cannot sign
    /// in yet.
    public var passwordHash: String

    public init(username: String, displayName: String, role: Role, cohortID: Int64?, passwordHash: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.cohortID = cohortID
        self.passwordHash = passwordHash
    }
}

/// A user together with the stored password hash: only for checking a password.
public struct UserCredentials: Sendable {
    public var user: User
    public var passwordHash: String
}

/// Reads and writes the `users` table.
///
/// ```swift
/// let user = try pool.writeTransaction { db in
///     try UserRepository(db).insert(NewUser(…), at: Date())
/// }
/// ```
public struct UserRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The stored hash of an account without a password. `crypto_pwhash_str_verify`
    /// refuses it, so nothing signs in with it.
    public static let noPassword = "!"

    /// The columns `User(row:)` reads, optionally qualified with a table alias for joins.
    static func columns(_ alias: String = "") -> String {
        let p = alias.isEmpty ? "" : alias + "."
        return """
            \(p)id, \(p)username, \(p)display_name, \(p)role, \(p)cohort_id, \(p)disabled,
            substr(\(p)password_hash, 1, 1) = '$' AS has_password, \(p)created_at, \(p)updated_at, \(p)last_login_at
            """
    }

    /// Inserts a user and returns it with its new id.
    public func insert(_ new: NewUser, at now: Date) throws -> User {
        let stamp = Timestamp.text(now)
        try db.execute(
            """
            INSERT INTO users (username, display_name, role, cohort_id, password_hash, disabled, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?)
            """,
            [new.username, new.displayName, new.role.rawValue, new.cohortID, new.passwordHash, stamp, stamp])
        guard let user = try find(id: db.lastInsertedRowID) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the new user could not be read back")
        }
        return user
    }

    public func find(id: Int64) throws -> User? {
        try db.row("SELECT \(Self.columns()) FROM users WHERE id = ?", [id]).map(User.init(row:))
    }

    /// Looks a username up case-insensitively.
    public func find(username: String) throws -> User? {
        try db.row("SELECT \(Self.columns()) FROM users WHERE username = ?", [username]).map(User.init(row:))
    }

    /// The user and password hash for `username`, for signing in.
    public func credentials(username: String) throws -> UserCredentials? {
        guard let row = try db.row("SELECT \(Self.columns()), password_hash FROM users WHERE username = ?", [username])
        else { return nil }
        return UserCredentials(user: try User(row: row), passwordHash: try row.require("password_hash"))
    }

    /// Every user, by username.
    public func all() throws -> [User] {
        try db.rows("SELECT \(Self.columns()) FROM users ORDER BY username").map(User.init(row:))
    }

    /// Every trainee, by display name.
    public func trainees() throws -> [User] {
        try db.rows("SELECT \(Self.columns()) FROM users WHERE role = 'trainee' ORDER BY display_name, username")
            .map(User.init(row:))
    }

    /// The trainees in the cohorts `instructorID` is assigned to, by display name.
    public func trainees(instructedBy instructorID: Int64) throws -> [User] {
        try db.rows(
            """
            SELECT \(Self.columns()) FROM users
            WHERE role = 'trainee'
              AND cohort_id IN (SELECT cohort_id FROM instructor_cohorts WHERE user_id = ?)
            ORDER BY display_name, username
            """, [instructorID]
        ).map(User.init(row:))
    }

    public func count() throws -> Int {
        try db.scalar(Int.self, "SELECT COUNT(*) FROM users") ?? 0
    }

    /// Admins who can still sign in: the last one may not be disabled or demoted.
    public func activeAdminCount() throws -> Int {
        try db.scalar(Int.self, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0") ?? 0
    }

    /// Writes the editable fields of `user` (display name, role, cohort, disabled).
    @discardableResult
    public func update(_ user: User, at now: Date) throws -> User {
        try db.execute(
            "UPDATE users SET display_name = ?, role = ?, cohort_id = ?, disabled = ?, updated_at = ? WHERE id = ?",
            [user.displayName, user.role.rawValue, user.cohortID, user.isDisabled, Timestamp.text(now), user.id])
        guard let updated = try find(id: user.id) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "user \(user.id) vanished during an update")
        }
        return updated
    }

    public func setPasswordHash(userID: Int64, hash: String, at now: Date) throws {
        try db.execute(
            "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", [hash, Timestamp.text(now), userID])
    }

    public func recordSignIn(userID: Int64, at now: Date) throws {
        try db.execute("UPDATE users SET last_login_at = ? WHERE id = ?", [Timestamp.text(now), userID])
    }
}

extension User {
    init(row: Row) throws {
        let roleText: String = try row.require("role")
        guard let role = Role(rawValue: roleText) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "unknown role '\(roleText)' in users")
        }
        self.init(
            id: try row.require("id"),
            username: try row.require("username"),
            displayName: try row.require("display_name"),
            role: role,
            cohortID: row["cohort_id"],
            isDisabled: try row.require("disabled"),
            hasPassword: try row.require("has_password"),
            createdAt: try Timestamp.date(row.require("created_at", as: String.self)),
            updatedAt: try Timestamp.date(row.require("updated_at", as: String.self)),
            lastLoginAt: try Timestamp.date(row["last_login_at", as: String.self]))
    }
}
