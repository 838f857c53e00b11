public import Foundation

/// One HTTP request for `CurlHTTPClient`: a URL, headers, an optional body and the
/// deadlines that bound it.
///
/// `description` never shows header values, because one of them is usually the
/// `Authorization` header.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var method: String
    public var url: String
    public var headers: [HTTPField]
    /// Sent with `CURLOPT_COPYPOSTFIELDS` when non-nil (libcurl keeps its own copy).
    public var body: Data?
    public var timeouts: LLMTimeouts

    public init(
        method: String = "POST", url: String, headers: [HTTPField] = [], body: Data? = nil,
        timeouts: LLMTimeouts = LLMTimeouts()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }

    public var description: String {
        "\(method) \(url) headers: [\(headers.map(\.name).joined(separator: ", "))] body: \(body?.count ?? 0) bytes"
    }
}

/// The status line and headers of a response, delivered before any body bytes.
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    /// Header fields of the final response (not of a `100 Continue`), names as sent.
    public var headers: [HTTPField]

    public init(status: Int, headers: [HTTPField] = []) {
        self.status = status
        self.headers = headers
    }

    /// The first value of the header `name`, ignoring case.
    public func value(for name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// `Retry-After` as a duration, when given in seconds (dates are ignored).
    public var retryAfter: Duration? {
        guard let text = value(for: "Retry-After"), let seconds = Double(text.trimmingCharacters(in: .whitespaces)),
            seconds >= 0
        else { return nil }
        return .milliseconds(Int64(min(seconds, 3600) * 1000))
    }
}

/// One header field.
public struct HTTPField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What a streaming transfer delivers, in order: one `head`, then zero or more `body`
/// chunks as they arrive from the network; the stream then finishes or throws
/// `LLMError`.
public enum HTTPStreamEvent: Sendable, Equatable {
    case head(HTTPResponseHead)
    case body(Data)
}
