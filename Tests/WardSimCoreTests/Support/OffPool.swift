import Dispatch

/// Runs CPU-heavy synchronous test work (importing or validating a whole library) on a
/// Dispatch thread, so it does not occupy the cooperative pool that other tests running
/// in parallel need for their own tasks (a two-core machine has only two pool threads).
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
