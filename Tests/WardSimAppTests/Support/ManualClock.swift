import Foundation
import WardSimCore

/// A clock that follows real time but can be pushed ahead, so a test can skip thirty
/// minutes of idleness instantly while everything else still sees time moving. Tests
/// that compare exact durations (`Retry-After`) freeze it, so a slow machine cannot
/// shift the numbers.
final class ManualClock: @unchecked Sendable {
    // `lock` protects `offset` and `frozenAt`.
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    private var frozenAt: Date?

    var now: Date {
        lock.withLock { frozenAt ?? Date().addingTimeInterval(offset) }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock {
            offset += seconds
            frozenAt = frozenAt?.addingTimeInterval(seconds)
        }
    }

    /// Stops the clock at the current moment; only `advance` moves it afterwards.
    func freeze() {
        lock.withLock { frozenAt = frozenAt ?? Date().addingTimeInterval(offset) }
    }

    var wallClock: WallClock { WallClock { [self] in now } }
}
