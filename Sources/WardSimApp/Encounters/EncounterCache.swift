import Foundation
import WardSimCore

/// Folded encounters kept between requests, so an action replays only the events
/// recorded since the last one instead of decoding and validating the whole log.
///
/// Safe because the log is append-only: the machine folded from an encounter's first
/// `sequence` events stays right for ever, and a reader compares it with the log's last
/// sequence number before trusting it (then folds what is newer). Entries are stored
/// only from committed state, so a rolled-back action never reaches the cache.
/// Bounded: the least recently used quarter is dropped when `capacity` is reached.
final class EncounterCache: @unchecked Sendable {
    // `lock` protects `entries` and `tick`.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var tick: UInt64 = 0
    let capacity: Int

    struct Entry {
        var machine: EncounterMachine
        /// The log's sequence number of the last event folded into `machine`.
        var sequence: Int
        var lastUsed: UInt64
    }

    init(capacity: Int = 1024) { self.capacity = max(1, capacity) }

    /// The cached machine for `id` and the sequence number it is folded to.
    func machine(for id: String) -> (machine: EncounterMachine, sequence: Int)? {
        lock.withLock {
            guard var entry = entries[id] else { return nil }
            tick += 1
            entry.lastUsed = tick
            entries[id] = entry
            return (entry.machine, entry.sequence)
        }
    }

    /// Remembers `machine` as `id` folded to `sequence`, unless a newer fold is held.
    func store(_ machine: EncounterMachine, sequence: Int, for id: String) {
        lock.withLock {
            if let held = entries[id], held.sequence >= sequence { return }
            if entries[id] == nil && entries.count >= capacity { evictOldestQuarter() }
            tick += 1
            entries[id] = Entry(machine: machine, sequence: sequence, lastUsed: tick)
        }
    }

    /// How many encounters are held (for tests and metrics).
    var count: Int { lock.withLock { entries.count } }

    private func evictOldestQuarter() {
        let victims = entries.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(max(1, capacity / 4))
        for (id, _) in victims { entries.removeValue(forKey: id) }
    }
}
