import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// Slows down password guessing, per account and per client address.
///
/// Each key may fail a few times freely; after that every further failure doubles the
/// wait before the next attempt is even considered (1 s, 2 s, 4 s … up to 15 minutes).
/// Failures are forgotten an hour after the last one, and a successful sign-in clears
/// the account's count.
///
/// Accounts are keyed by a digest of the username as typed, whether or not the account
/// exists, so a locked-out attacker sees the same 429 and the same `Retry-After` for
/// real and invented usernames, and the table never holds a username (people sometimes
/// type their password into the username field).
///
/// Addresses get a higher allowance than accounts: a hospital often sends a whole
/// ward's traffic through one NAT address, and one person's typos must not lock out
/// their colleagues.
struct LoginThrottle: Sendable {
    struct Policy: Sendable {
        var accountFreeFailures = 5
        var addressFreeFailures = 20
        var baseDelay: TimeInterval = 1
        var maximumDelay: TimeInterval = 15 * 60
        var forgetAfter: TimeInterval = 60 * 60
    }

    let database: DatabasePool
    let policy: Policy
    let clock: WallClock

    static let slack: TimeInterval = 0.001

    static func accountKey(_ username: String) -> String {
        "account:" + TokenDigest.hex(PasswordPolicy.normalize(username).lowercased())
    }

    static func addressKey(_ remote: String) -> String { "ip:" + remote }

    /// The wait after the `failures`-th consecutive failure, when `free` are allowed.
    func delay(afterFailures failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let exponent = min(failures - free, 30)
        return min(policy.maximumDelay, policy.baseDelay * pow(2, Double(exponent)))
    }

    /// Throws `AccountError.throttled` while either key is locked.
    func check(username: String, remote: String) throws {
        let now = clock.now
        let keys = [Self.accountKey(username), Self.addressKey(remote)]
        let lockedUntil = try database.read { db in
            try keys.compactMap { try LoginThrottleRepository(db).find(key: $0)?.lockedUntil }.max()
        }
        // Stored times are Unix seconds as REAL, a few hundred nanoseconds off the Date
        // they came from; a millisecond of slack keeps that from locking anyone.
        if let lockedUntil, lockedUntil.timeIntervalSince(now) > Self.slack {
            let wait = lockedUntil.timeIntervalSince(now) - Self.slack
            throw AccountError.throttled(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
    }

    /// Counts a failure against both keys, inside the caller's write transaction.
    func recordFailure(username: String, remote: String, in db: Database) throws {
        let now = clock.now
        let repository = LoginThrottleRepository(db)
        for (key, free) in [
            (Self.accountKey(username), policy.accountFreeFailures),
            (Self.addressKey(remote), policy.addressFreeFailures),
        ] {
            var record =
                try repository.find(key: key)
                ?? ThrottleRecord(key: key, failures: 0, lockedUntil: now, lastFailureAt: now)
            if now.timeIntervalSince(record.lastFailureAt) > policy.forgetAfter { record.failures = 0 }
            record.failures += 1
            record.lastFailureAt = now
            let wait = delay(afterFailures: record.failures, free: free)
            record.lockedUntil = wait > 0 ? now.addingTimeInterval(wait) : Date(timeIntervalSince1970: 0)
            try repository.save(record)
        }
        // An occasional sweep keeps the table small during a spray of invented usernames.
        if Int.random(in: 0..<50) == 0 {
            try repository.prune(lastFailureBefore: now.addingTimeInterval(-policy.forgetAfter))
        }
    }

    /// Clears the account's failures after a successful sign-in. The address keeps its
    /// count, so one valid account cannot be used to reset an attacker's address.
    func recordSuccess(username: String, in db: Database) throws {
        try LoginThrottleRepository(db).delete(key: Self.accountKey(username))
    }
}
