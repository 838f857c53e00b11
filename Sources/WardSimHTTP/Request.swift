public import Foundation

/// One HTTP request as the application sees it: fully read, immutable, `Sendable`.
public struct Request: Sendable {
    public let method: HTTPMethod
    /// The path without the query string, percent-decoded by libmicrohttpd.
    public let path: String
    public let query: [String: String]
    public let headers: HTTPHeaders
    public let body: Data
    /// The peer's IP address as text.
    public let remoteAddress: String
    /// A random id, logged and returned as `X-Request-Id`, to tie a complaint to a log line.
    public let id: String
    /// Whether the request came over TLS (cookies then carry `Secure`).
    public let isSecure: Bool
    /// Path parameters filled in by the router (`/api/encounters/{id}` → `["id": …]`).
    public internal(set) var parameters: [String: String] = [:]
    /// The route pattern that matched, for logs and metrics (never the raw path, which
    /// would make one time series per encounter id).
    public internal(set) var route: String = ""

    public init(
        method: HTTPMethod, path: String, query: [String: String] = [:], headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(), remoteAddress: String = "127.0.0.1", id: String = Request.newID(), isSecure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.id = id
        self.isSecure = isSecure
    }

    /// A path parameter by name; routing guarantees it exists for the route's own names.
    public func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// Cookies from the `Cookie` header.
    public var cookies: [String: String] {
        guard let header = headers["Cookie"] else { return [:] }
        var result: [String: String] = [:]
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingCharacters(in: .whitespaces)
            if result[name] == nil { result[name] = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        return result
    }

    /// 16 hex digits, unique within the process (see `RequestID`).
    public static func newID() -> String { RequestID.next() }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
