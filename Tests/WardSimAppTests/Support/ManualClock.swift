import Foundation
import WardSimCore

/// A clock that follows real time but can be pushed ahead, so a test can skip thirty
/// minutes of idleness instantly while everything else still sees time moving.
final class ManualClock: @unchecked Sendable {
    // `lock` protects `offset`.
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    var now: Date { Date().addingTimeInterval(lock.withLock { offset }) }

    func advance(by seconds: TimeInterval) { lock.withLock { offset += seconds } }

    var wallClock: WallClock { WallClock { [self] in now } }
}
