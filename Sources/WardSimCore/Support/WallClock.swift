public import Foundation

/// Where the current time comes from.
///
/// Session expiry and login back-off depend on the time; taking it from a value that
/// tests can replace lets them move thirty minutes ahead in a microsecond.
///
/// ```swift
/// let clock = WallClock.system
/// let later = WallClock { Date(timeIntervalSince1970: 1_800_000_000) }
/// ```
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The current time.
    public var now: Date { read() }

    /// The real clock.
    public static let system = WallClock { Date() }
}
