public import Foundation

/// A person who can sign in to WardSim.
///
/// The password hash is deliberately not part of this value: it is read only where a
/// password is checked, so a `User` can be logged, encoded or shown without risk.
public struct User: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// Unique, case-insensitively. ASCII letters, digits and `. _ - @`.
    public var username: String
    public var displayName: String
    public var role: Role
    /// The cohort a trainee belongs to; nil for instructors and admins (instructors are
    /// assigned to cohorts separately, see `Cohort`).
    public var cohortID: Int64?
    public var isDisabled: Bool
    /// False for accounts imported without a password: they cannot sign in until an
    /// administrator sets one.
    public var hasPassword: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var lastLoginAt: Date?

    public init(
        id: Int64, username: String, displayName: String, role: Role, cohortID: Int64? = nil,
        isDisabled: Bool = false, hasPassword: Bool = true, createdAt: Date, updatedAt: Date, lastLoginAt: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.cohortID = cohortID
        self.isDisabled = isDisabled
        self.hasPassword = hasPassword
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastLoginAt = lastLoginAt
    }
}
