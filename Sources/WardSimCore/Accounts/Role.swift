/// A user's role. Each user has exactly one.
///
/// Lives in Core because the store maps it to and from the `users.role` column and the
/// application declares route access with it. The order is the order of privilege.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case trainee, instructor, admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
