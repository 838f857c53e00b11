/// Why a call to an LLM upstream did not produce a complete reply.
///
/// One struct rather than a loose enum, like GRDB's `DatabaseError`: the `kind` is what
/// callers switch on (fall back, cool an upstream down, count a metric), and the
/// `message` keeps curl's or the server's own words for the log. Neither ever contains
/// the API key: messages are built from curl's error text and the response body, and
/// both pass through `APIKey.redact` before they are stored here.
///
/// ```swift
/// do {
///     reply = try await client.complete(request)
/// } catch let error as LLMError {
///     switch error.kind {
///     case .cancelled: throw error
///     default: reply = scriptedVoice.reply(…)   // fall back for this turn
///     }
/// }
/// ```
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of failure; stable enough for metric labels and `switch`.
    public enum Kind: Sendable, Hashable {
        /// A deadline passed; the phase says which one.
        case timeout(TimeoutPhase)
        /// The TCP/TLS connection failed or broke: refused, reset, cut mid-stream, DNS.
        case connection
        /// The server answered with a status of 400 or more.
        case http(status: Int)
        /// The body could not be understood as Server-Sent Events or chat JSON, or
        /// ended before the reply was complete.
        case malformedStream
        /// The server sent an OpenAI-style `{"error": {...}}` object, before or mid-stream.
        case upstream
        /// The caller went away (task cancelled) before the reply was complete.
        case cancelled
        /// No upstream was called: every one is resting after recent failures.
        case unavailable
    }

    /// Which deadline of `LLMTimeouts` fired.
    public enum TimeoutPhase: String, Sendable, Hashable {
        case connect
        case firstToken = "first_token"
        case stall
        case total
    }

    public let kind: Kind
    /// What went wrong, in curl's or the server's words; safe to log.
    public let message: String
    /// The upstream's `host:port` (never credentials or paths), when known.
    public var upstream: String?
    /// The first few hundred characters of an error response body (`.http` only).
    public var bodyExcerpt: String?
    /// The server's `Retry-After`, when it sent one (429 and 503 usually).
    public var retryAfter: Duration?
    /// The server's error `type` and `code` for `.upstream` errors, e.g.
    /// `exceed_context_size_error` / `400`.
    public var upstreamType: String?
    public var upstreamCode: String?

    public init(
        _ kind: Kind, _ message: String, upstream: String? = nil, bodyExcerpt: String? = nil,
        retryAfter: Duration? = nil, upstreamType: String? = nil, upstreamCode: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.upstream = upstream
        self.bodyExcerpt = bodyExcerpt
        self.retryAfter = retryAfter
        self.upstreamType = upstreamType
        self.upstreamCode = upstreamCode
    }

    public var description: String {
        var text = "LLM \(label)"
        if let upstream { text += " from \(upstream)" }
        text += ": \(message)"
        if let bodyExcerpt, !bodyExcerpt.isEmpty, !message.contains(bodyExcerpt) { text += " — \(bodyExcerpt)" }
        return text
    }

    /// A short, bounded label for metrics: `timeout_first_token`, `http_5xx`, `connection`, …
    ///
    /// Statuses are grouped by class (except 429, which means something different from
    /// other 4xx) so a misbehaving server cannot create unbounded label values.
    public var label: String {
        switch kind {
        case .timeout(let phase): "timeout_\(phase.rawValue)"
        case .connection: "connection"
        case .http(let status) where status == 429: "http_429"
        case .http(let status): "http_\(status / 100)xx"
        case .malformedStream: "malformed_stream"
        case .upstream: "upstream_error"
        case .cancelled: "cancelled"
        case .unavailable: "unavailable"
        }
    }

    /// Whether this failure says something about the upstream's health rather than about
    /// this one request, so that a pool should rest the upstream for a while.
    ///
    /// Cancellation says nothing; an error object is usually about the request (context
    /// too long, bad parameter); 4xx statuses other than 401/403/408/429 are the
    /// request's fault too. Everything else (unreachable, slow, 5xx, garbage) is the
    /// server's.
    public var indictsUpstream: Bool {
        switch kind {
        case .cancelled, .upstream, .unavailable: false
        case .http(let status): status >= 500 || [401, 403, 408, 429].contains(status)
        case .timeout, .connection, .malformedStream: true
        }
    }

    /// Whether trying the same request on another upstream right away is sensible:
    /// the failure was quick and nothing of the reply was delivered yet. Timeouts are
    /// excluded because they already spent the caller's time budget.
    public var isQuickFailover: Bool {
        switch kind {
        case .connection: true
        case .http(let status): status >= 500 || status == 429 || status == 401 || status == 403
        case .timeout, .malformedStream, .upstream, .cancelled, .unavailable: false
        }
    }
}
