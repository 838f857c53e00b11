import Foundation
import WardSimStore

/// How long a session lives.
///
/// A session ends after `idleTimeout` without a request (default 30 minutes: a PC left
/// signed in on a ward does not stay open for the next person) or `absoluteLifetime`
/// after sign-in whatever the activity (default 12 hours: one shift). Activity is
/// written at most once per `touchInterval`, so a busy page does not turn every read
/// into a database write; the idle limit is therefore exact to within that interval.
struct SessionPolicy: Sendable {
    var idleTimeout: TimeInterval
    var absoluteLifetime: TimeInterval
    var touchInterval: TimeInterval = 60

    init(idleTimeout: TimeInterval, absoluteLifetime: TimeInterval, touchInterval: TimeInterval = 60) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.touchInterval = min(touchInterval, idleTimeout / 2)
    }

    init(configuration: AppConfiguration) {
        self.init(
            idleTimeout: TimeInterval(configuration.sessionIdleMinutes * 60),
            absoluteLifetime: TimeInterval(configuration.sessionAbsoluteHours * 3600))
    }

    func isExpired(_ session: SessionRecord, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) >= idleTimeout
            || now.timeIntervalSince(session.createdAt) >= absoluteLifetime
    }

    func needsTouch(_ session: SessionRecord, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) >= touchInterval
    }
}
