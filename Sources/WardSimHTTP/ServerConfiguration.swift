import Foundation

/// How the HTTP server listens and what it tolerates.
///
/// libmicrohttpd's own defaults have no connection timeout, no per-IP limit and no body
/// limit; these defaults close all three holes.
public struct ServerConfiguration: Sendable {
    /// IPv4 address to bind, e.g. "127.0.0.1" or "0.0.0.0".
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests); read the chosen one from `HTTPServer.port`.
    public var port: UInt16 = 8080
    /// Worker threads in libmicrohttpd's pool; each runs its own epoll loop.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    public var connectionLimit: Int = 4096
    public var perIPConnectionLimit: Int = 2048
    /// Seconds a connection may stay idle (or trickle a request) before it is closed.
    public var connectionTimeout: Int = 30
    /// Bytes of libmicrohttpd buffer per connection (headers must fit). libmicrohttpd's
    /// own default: the pool is zeroed for every request on a kept-alive connection, so
    /// 64 KB cost a visible share of small requests, and 32 KB of headers is ample.
    public var connectionMemoryLimit: Int = 32 * 1024
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int = 1 << 20
    /// PEM certificate and key; both set means HTTPS.
    public var tlsCertificatePEM: String?
    public var tlsKeyPEM: String?
    /// Seconds `stop()` waits for in-flight requests before closing anyway.
    public var shutdownGracePeriod: Double = 10
    /// Added to every response unless the handler set the same header.
    public var defaultHeaders: [(String, String)] = ServerConfiguration.securityHeaders

    public init() {}

    /// Security headers for every response: no inline script, no framing, no sniffing.
    public static let securityHeaders: [(String, String)] = [
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ]
}
