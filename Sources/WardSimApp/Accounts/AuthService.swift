import Foundation
import WardSimCore
import WardSimHTTP
import WardSimSecurity
import WardSimStore

/// Signs people in and out.
///
/// A sign-in reads like the checklist it is: refuse while throttled; check the password
/// (against a dummy hash when the account does not exist, so unknown usernames cost the
/// same time as real ones); on failure count it and audit it; on success upgrade an old
/// hash, clear the account's failures and start a fresh session.
struct AuthService: Sendable {
    let database: DatabasePool
    let hasher: PasswordHasher
    let sessions: SessionService
    let throttle: LoginThrottle
    let clock: WallClock
    let metrics: Metrics

    /// A hash of a random password, verified against when the account does not exist or
    /// has no password, so that the answer takes as long as for a real account.
    private static let dummyHash: String = {
        (try? PasswordHasher().hash(SecureToken.generate())) ?? "$argon2id$v=19$m=65536,t=2,p=1$"
    }()

    /// Checks the credentials and starts a session, or throws `AccountError`.
    func signIn(username rawUsername: String, password rawPassword: String, remote: String, previousToken: String?)
        throws -> SignIn
    {
        let username = AccountFieldRules.tidy(rawUsername)
        let password = PasswordPolicy.normalize(rawPassword)
        do {
            try throttle.check(username: username, remote: remote)
        } catch {
            count("throttled")
            throw error
        }
        let credentials = try database.read { db in try UserRepository(db).credentials(username: username) }
        let storedHash = credentials?.passwordHash ?? ""
        let usable = storedHash.hasPrefix("$")
        let passwordMatches = hasher.verify(password, against: usable ? storedHash : Self.dummyHash) && usable

        guard let credentials, passwordMatches, !credentials.user.isDisabled else {
            let reason =
                credentials == nil
                ? "no such account"
                : !usable ? "account has no password" : !passwordMatches ? "wrong password" : "account disabled"
            try database.writeTransaction { db in
                try throttle.recordFailure(username: username, remote: remote, in: db)
                try AuditLogRepository(db).record(
                    "login.failed", by: AuditActor(id: nil, name: "anonymous", remote: remote),
                    // An unknown username is not recorded: it may be a mistyped password.
                    target: credentials?.user.auditName ?? "unknown account", detail: reason, at: clock.now)
            }
            count("failure")
            throw AccountError.invalidCredentials
        }

        let upgradedHash = hasher.needsRehash(credentials.passwordHash) ? try hasher.hash(password) : nil
        let user = credentials.user
        let signIn = try database.writeTransaction { db in
            let now = clock.now
            let users = UserRepository(db)
            if let upgradedHash { try users.setPasswordHash(userID: user.id, hash: upgradedHash, at: now) }
            try users.recordSignIn(userID: user.id, at: now)
            try throttle.recordSuccess(username: username, in: db)
            let started = try sessions.start(userID: user.id, replacing: previousToken, in: db)
            try AuditLogRepository(db).record(
                "login.succeeded", by: AuditActor(id: user.id, name: user.username, remote: remote),
                target: user.auditName, detail: upgradedHash == nil ? "" : "password hash upgraded", at: now)
            return SignIn(user: try UserView.make(user, db: db), token: started.token, csrfToken: started.csrfToken)
        }
        count("success")
        return signIn
    }

    /// Ends the caller's session on the server; the cookie alone is then worthless.
    func signOut(_ user: AuthenticatedUser) throws {
        try sessions.end(sessionKey: user.sessionKey)
    }

    /// The signed-in user as the API shows them.
    func view(of user: AuthenticatedUser) throws -> UserView {
        try database.read { db in
            guard let stored = try UserRepository(db).find(id: user.id) else {
                throw AccountError.notSignedIn(clearCookie: false, secure: false)
            }
            return try UserView.make(stored, db: db)
        }
    }

    private func count(_ outcome: String) {
        metrics.increment(
            "wardsim_logins_total", labels: ["outcome": outcome], help: "Sign-in attempts by outcome.")
    }
}
