public import WardSimCore
import WardSimHTTP

/// What the application knows about a request beyond HTTP: who is calling.
public struct RequestContext: Sendable {
    /// The signed-in user, or nil for anonymous callers of public routes.
    public var user: AuthenticatedUser?

    public init(user: AuthenticatedUser? = nil) {
        self.user = user
    }

    /// The signed-in user, or 401.
    public func requireUser() throws -> AuthenticatedUser {
        guard let user else { throw HTTPError.unauthorized() }
        return user
    }
}

/// The caller behind a valid session.
public struct AuthenticatedUser: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var cohortID: Int64?
    /// The session's CSRF token, required on state-changing requests.
    public var csrfToken: String
    /// Hash of the session token (the key of the sessions table).
    public var sessionKey: String

    public init(
        id: Int64, username: String, displayName: String, role: Role, cohortID: Int64?, csrfToken: String,
        sessionKey: String
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.cohortID = cohortID
        self.csrfToken = csrfToken
        self.sessionKey = sessionKey
    }
}
