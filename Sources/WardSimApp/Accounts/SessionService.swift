import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// Starts, resolves and ends sessions.
///
/// The browser holds a 256-bit random token; the database holds only its BLAKE2b
/// digest, so a copy of the database signs nobody in. The CSRF token is derived from
/// the session token with a keyed hash: it changes with every sign-in, only the holder
/// of the session can know it, and nothing about it is stored.
struct SessionService: Sendable {
    let database: DatabasePool
    let policy: SessionPolicy
    let clock: WallClock

    /// The secrets of a new session, handed to the browser once.
    struct Started: Sendable {
        let token: String
        let csrfToken: String
    }

    static let csrfPurpose = "wardsim csrf v1"

    /// The CSRF token bound to a session token.
    static func csrfToken(for token: String) -> String {
        TokenDigest.derive(from: token, purpose: csrfPurpose)
    }

    /// Starts a session for `userID` inside the caller's write transaction, ending the
    /// session behind `previousToken` (a new token at every sign-in defeats session
    /// fixation) and sweeping expired sessions while the write lock is held anyway.
    func start(userID: Int64, replacing previousToken: String?, in db: Database) throws -> Started {
        let now = clock.now
        let sessions = SessionRepository(db)
        if let previousToken, SecureToken.isWellFormed(previousToken) {
            try sessions.delete(tokenHash: TokenDigest.hex(previousToken))
        }
        try sessions.deleteExpired(
            lastSeenBefore: now.addingTimeInterval(-policy.idleTimeout),
            createdBefore: now.addingTimeInterval(-policy.absoluteLifetime))
        let token = SecureToken.generate()
        try sessions.insert(
            SessionRecord(tokenHash: TokenDigest.hex(token), userID: userID, createdAt: now, lastSeenAt: now))
        return Started(token: token, csrfToken: Self.csrfToken(for: token))
    }

    /// The signed-in user behind `token`, or nil when the token is unknown, expired or
    /// belongs to a disabled account. Records activity at most once per touch interval.
    func resolve(token: String) throws -> AuthenticatedUser? {
        guard SecureToken.isWellFormed(token) else { return nil }
        let key = TokenDigest.hex(token)
        guard let (session, user) = try database.read({ db in try SessionRepository(db).find(tokenHash: key) }) else {
            return nil
        }
        let now = clock.now
        if policy.isExpired(session, at: now) || user.isDisabled {
            try bestEffort { try database.write { db in try SessionRepository(db).delete(tokenHash: key) } }
            return nil
        }
        if policy.needsTouch(session, at: now) {
            try bestEffort { try database.write { db in try SessionRepository(db).touch(tokenHash: key, at: now) } }
        }
        return AuthenticatedUser(
            id: user.id, username: user.username, displayName: user.displayName, role: user.role,
            cohortID: user.cohortID, csrfToken: Self.csrfToken(for: token), sessionKey: key)
    }

    /// Housekeeping writes that a request only triggers: when the disk is full or the
    /// database read-only, the read that triggered them is still answered (an expired
    /// session still counts as ended; the idle clock is then exact to within the outage).
    private func bestEffort(_ write: () throws -> Void) throws {
        do { try write() } catch let error as DatabaseError where error.isStorageUnavailable {}
    }

    /// Ends one session (sign-out).
    func end(sessionKey: String) throws {
        try database.write { db in try SessionRepository(db).delete(tokenHash: sessionKey) }
    }
}
