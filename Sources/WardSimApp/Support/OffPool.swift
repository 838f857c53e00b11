import Dispatch

/// Runs seconds-long CPU work (importing a hundred AgentClinic cases) on a Dispatch
/// thread and awaits it, so it holds neither one of the HTTP server's few threads nor a
/// thread of Swift's cooperative pool (two on a two-core machine), which streaming
/// patient replies need.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
