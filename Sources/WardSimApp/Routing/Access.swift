public import WardSimCore

/// Who may call a route. Declared on every route and enforced centrally before the
/// handler runs: anonymous callers of a protected route get 401, the wrong role 403.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not (sign-in, health, static assets).
    case anonymous
    /// Any signed-in user.
    case signedIn
    /// Signed-in users with one of these roles.
    case roles(Set<Role>)

    public static let trainee = Access.roles([.trainee, .instructor, .admin])
    public static let instructor = Access.roles([.instructor, .admin])
    public static let admin = Access.roles([.admin])
}
