import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements spread over every core, results in the original order.
    ///
    /// For CPU-bound work on independent elements that must finish before the caller
    /// goes on (validating a library of scenario files at start-up, where one core left
    /// the other idle). `transform` must not touch shared mutable state.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.set(index, transform(self[index]))
            }
        }
        return results.values()
    }
}

/// One slot per result, filled from many threads.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // `lock` protects `slots`; each index is written once.
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    func values() -> [T] { lock.withLock { slots.map { $0! } } }
}
