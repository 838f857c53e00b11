import Foundation

/// Several upstreams used in turn, resting any that just failed.
///
/// Calls go round-robin over the upstreams that are not cooling down. An upstream whose
/// failure `indictsUpstream` (unreachable, timed out, 5xx, 429, garbage) rests for a
/// cool-down that doubles with each consecutive failure, up to `maxCoolDown`, and is at
/// least the server's `Retry-After`; one success resets it. When the failure was quick
/// and nothing of the reply had been delivered (refused connection, 5xx, 429), the same
/// request is tried once more on the next upstream, so a dead server costs the trainee
/// nothing. When every upstream is resting, calls fail at once with `.unavailable`
/// instead of waiting on a server known to be down; the caller falls back.
///
/// ```swift
/// let pool = try UpstreamPool(
///     baseURLs: ["http://gpu1:8080", "http://gpu2:8080/v1"],
///     apiKey: APIKey(environment: "WARDSIM_LLM_API_KEY"), metrics: recorder)
/// let reply = try await pool.complete(request)
/// ```
public final class UpstreamPool: ChatCompleting, @unchecked Sendable {
    // `lock` protects `cursor` and `health`; everything else is immutable.
    private let lock = NSLock()
    private var cursor = 0
    private var health: [Health]

    public let clients: [ChatCompletionsClient]
    /// The first cool-down after a failure.
    public let coolDown: Duration
    /// The longest cool-down, however many failures in a row.
    public let maxCoolDown: Duration
    /// Upstreams tried for one request, at most (1 disables failover).
    public let maxAttempts: Int
    private let metrics: (any LLMMetricsRecorder)?

    struct Health {
        var restingUntil: ContinuousClock.Instant?
        var consecutiveFailures = 0
    }

    /// How one upstream is doing, for a health page.
    public struct Status: Sendable, Hashable {
        public var upstream: String
        /// Time left resting; nil when available.
        public var restingFor: Duration?
        public var consecutiveFailures: Int
    }

    public init(
        clients: [ChatCompletionsClient], coolDown: Duration = .seconds(5), maxCoolDown: Duration = .seconds(60),
        maxAttempts: Int = 2, metrics: (any LLMMetricsRecorder)? = nil
    ) {
        precondition(!clients.isEmpty, "an UpstreamPool needs at least one upstream")
        self.clients = clients
        self.coolDown = coolDown
        self.maxCoolDown = max(coolDown, maxCoolDown)
        self.maxAttempts = max(1, maxAttempts)
        self.metrics = metrics
        self.health = Array(repeating: Health(), count: clients.count)
    }

    /// A pool of `ChatCompletionsClient`s sharing one key, timeouts and recorder.
    /// Throws `UpstreamEndpoint.Invalid` for a bad URL, and when `baseURLs` is empty.
    public convenience init(
        baseURLs: [String], apiKey: APIKey? = nil, timeouts: LLMTimeouts = LLMTimeouts(),
        coolDown: Duration = .seconds(5), maxCoolDown: Duration = .seconds(60), maxAttempts: Int = 2,
        metrics: (any LLMMetricsRecorder)? = nil, http: CurlHTTPClient = .shared
    ) throws(UpstreamEndpoint.Invalid) {
        guard !baseURLs.isEmpty else { throw UpstreamEndpoint.Invalid(description: "no upstream URL given") }
        var clients: [ChatCompletionsClient] = []
        for url in baseURLs {
            clients.append(
                ChatCompletionsClient(
                    endpoint: try UpstreamEndpoint(url), apiKey: apiKey, timeouts: timeouts, metrics: metrics,
                    http: http))
        }
        self.init(
            clients: clients, coolDown: coolDown, maxCoolDown: maxCoolDown, maxAttempts: maxAttempts, metrics: metrics)
    }

    /// Each upstream's state right now.
    public var status: [Status] {
        let now = ContinuousClock.now
        return lock.withLock {
            clients.indices.map { index in
                let until = health[index].restingUntil
                return Status(
                    upstream: clients[index].endpoint.label,
                    restingFor: until.flatMap { $0 > now ? $0 - now : nil },
                    consecutiveFailures: health[index].consecutiveFailures)
            }
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<ChatStreamEvent, any Error>.makeStream()
        let task = Task { await run(request, into: continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func run(
        _ request: ChatRequest, into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
    ) async {
        var tried: Set<Int> = []
        var lastError: LLMError?
        while tried.count < maxAttempts, let index = choose(excluding: tried) {
            tried.insert(index)
            var delivered = false
            do {
                for try await event in clients[index].stream(request) {
                    delivered = true
                    continuation.yield(event)
                }
                if Task.isCancelled { throw LLMError(.cancelled, "the caller cancelled the request") }
                succeeded(index)
                continuation.finish()
                return
            } catch {
                let failure = error as? LLMError ?? LLMError(.connection, "\(error)")
                failed(index, failure)
                lastError = failure
                guard !delivered, failure.isQuickFailover, !Task.isCancelled else { break }
            }
        }
        if let lastError {
            continuation.finish(throwing: lastError)
        } else {
            // Nobody was called; still count it, so `/metrics` shows turns that fell back.
            let error = unavailableError()
            metrics?.recordCall(LLMCallRecord(upstream: "none", error: error, duration: .zero))
            continuation.finish(throwing: error)
        }
    }

    // MARK: - Choosing and resting

    /// The next upstream in turn that is not resting and not yet tried.
    func choose(excluding tried: Set<Int>) -> Int? {
        let now = ContinuousClock.now
        return lock.withLock {
            for step in 0..<clients.count {
                let index = (cursor + step) % clients.count
                guard !tried.contains(index) else { continue }
                if let until = health[index].restingUntil, until > now { continue }
                cursor = (index + 1) % clients.count
                return index
            }
            return nil
        }
    }

    private func succeeded(_ index: Int) {
        lock.withLock { health[index] = Health() }
    }

    private func failed(_ index: Int, _ error: LLMError) {
        guard error.indictsUpstream else { return }
        let rest: Duration = lock.withLock {
            health[index].consecutiveFailures += 1
            let doublings = min(health[index].consecutiveFailures - 1, 20)
            var rest = min(coolDown * (1 << doublings), maxCoolDown)
            if let retryAfter = error.retryAfter { rest = max(rest, min(retryAfter, maxCoolDown)) }
            health[index].restingUntil = ContinuousClock.now + rest
            return rest
        }
        metrics?.recordCoolDown(upstream: clients[index].endpoint.label, duration: rest)
    }

    private func unavailableError() -> LLMError {
        let soonest = status.compactMap(\.restingFor).min()
        let when = soonest.map { String(format: " (the first is back in %.1f s)", $0.seconds) } ?? ""
        return LLMError(.unavailable, "every upstream is resting after failures\(when)")
    }
}
