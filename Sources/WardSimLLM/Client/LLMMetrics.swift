/// Where the LLM client reports what happened, so the application can count it in its
/// own Prometheus registry without this module knowing about one.
///
/// ```swift
/// struct PrometheusLLMMetrics: LLMMetricsRecorder {
///     let metrics: Metrics   // WardSimHTTP's registry
///     func recordCall(_ call: LLMCallRecord) {
///         metrics.increment("wardsim_llm_calls_total",
///                           labels: ["upstream": call.upstream, "outcome": call.outcomeLabel])
///         metrics.observe("wardsim_llm_call_duration_seconds",
///                         labels: ["upstream": call.upstream], value: call.durationSeconds)
///     }
/// }
/// ```
public protocol LLMMetricsRecorder: Sendable {
    /// One call to one upstream ended (successfully or not). Called once per attempt,
    /// so a pool's failover shows as two calls.
    func recordCall(_ call: LLMCallRecord)
    /// A pool stopped sending to `upstream` for `duration` after a failure.
    func recordCoolDown(upstream: String, duration: Duration)
}

extension LLMMetricsRecorder {
    public func recordCoolDown(upstream: String, duration: Duration) {}
}

/// What one call did.
public struct LLMCallRecord: Sendable {
    /// The upstream's `host:port`.
    public var upstream: String
    /// Nil on success.
    public var error: LLMError?
    public var duration: Duration
    public var timeToFirstToken: Duration?
    public var usage: ChatUsage?

    public init(
        upstream: String, error: LLMError?, duration: Duration, timeToFirstToken: Duration? = nil,
        usage: ChatUsage? = nil
    ) {
        self.upstream = upstream
        self.error = error
        self.duration = duration
        self.timeToFirstToken = timeToFirstToken
        self.usage = usage
    }

    /// `ok`, or the error's bounded label (`timeout_first_token`, `http_5xx`, …).
    public var outcomeLabel: String { error?.label ?? "ok" }
    public var durationSeconds: Double { duration.seconds }
    public var timeToFirstTokenSeconds: Double? { timeToFirstToken?.seconds }
}

/// A recorder made of closures, for quick wiring and tests.
public struct LLMMetricsHandler: LLMMetricsRecorder {
    private let onCall: @Sendable (LLMCallRecord) -> Void
    private let onCoolDown: @Sendable (String, Duration) -> Void

    public init(
        onCall: @escaping @Sendable (LLMCallRecord) -> Void,
        onCoolDown: @escaping @Sendable (String, Duration) -> Void = { _, _ in }
    ) {
        self.onCall = onCall
        self.onCoolDown = onCoolDown
    }

    public func recordCall(_ call: LLMCallRecord) { onCall(call) }
    public func recordCoolDown(upstream: String, duration: Duration) { onCoolDown(upstream, duration) }
}
