import Foundation

/// Bounds how many password hashes are computed at the same time.
///
/// Each argon2id hash at libsodium's INTERACTIVE limits allocates 64 MiB and keeps a
/// core busy for tens of milliseconds. Without a bound, a burst of sign-ins (a login
/// storm at shift change, or an attacker) would allocate 64 MiB per concurrent request
/// and could exhaust memory. With one slot per core, memory stays at
/// `cores × 64 MiB` and extra requests wait their turn instead.
public final class HashingGate: Sendable {
    private let slots: DispatchSemaphore
    /// How many hashes may run at once.
    public let width: Int

    /// A gate with `width` slots (at least one).
    public init(width: Int) {
        self.width = max(1, width)
        self.slots = DispatchSemaphore(value: self.width)
    }

    /// The process-wide gate: one slot per active core. Shared by every hasher so that
    /// the bound holds for the whole process, whichever component hashes.
    public static let shared = HashingGate(width: ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body` while holding a slot.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        slots.wait()
        defer { slots.signal() }
        return try body()
    }
}
