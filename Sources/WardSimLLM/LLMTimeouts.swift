/// The deadlines that bound one call to an upstream.
///
/// A patient's reply must end in bounded time whatever the server does, so every phase
/// has its own limit: a server that never accepts, one that accepts and then thinks for
/// a minute, one that stops halfway, and one that never stops. When any of them fires
/// the call throws `LLMError` with `.timeout(phase)` and the caller falls back.
///
/// The defaults suit a local llama-server answering a short patient reply; a hosted API
/// over the internet may want a longer `firstToken`.
public struct LLMTimeouts: Sendable, Hashable {
    /// TCP (and TLS) connection set-up. libcurl's own default is 300 s.
    public var connect: Duration
    /// From sending the request to the first byte of the response body. Streaming
    /// servers send nothing until the first token exists, so this is the time to first
    /// token (prompt processing included).
    public var firstToken: Duration
    /// The longest silence allowed once the body has started.
    public var stall: Duration
    /// The whole call, from start to the last byte.
    public var total: Duration

    public init(
        connect: Duration = .seconds(5), firstToken: Duration = .seconds(20), stall: Duration = .seconds(10),
        total: Duration = .seconds(60)
    ) {
        self.connect = connect
        self.firstToken = firstToken
        self.stall = stall
        self.total = total
    }

    /// One limit for a whole call, as a single `--llm-timeout` option gives: the first
    /// token, a stall and the total each get `limit`; connecting gets at most 5 s of it.
    public static func overall(_ limit: Duration) -> LLMTimeouts {
        LLMTimeouts(
            connect: min(.seconds(5), limit), firstToken: limit, stall: limit, total: limit)
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny positive limit never becomes 0
    /// (which libcurl reads as "no limit").
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(1, millis))
    }

    /// Seconds as a `Double`, for metrics.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
