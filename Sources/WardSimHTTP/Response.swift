public import Foundation

/// What a handler returns: a status, headers and a body that is either bytes or a stream.
public struct Response: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Body

    /// A response body. Streams feed Server-Sent Events to the client as they are produced.
    public enum Body: Sendable {
        case bytes(Data)
        /// Bytes sent by pointer, not copied per response (static assets).
        case shared(SharedBytes)
        case stream(EventStream)
    }

    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/plain; charset=utf-8")
        return Response(status: status, headers: headers, body: .bytes(Data(text.utf8)))
    }

    /// An HTML page.
    public static func html(_ html: String, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/html; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return Response(status: status, headers: headers, body: .bytes(Data(html.utf8)))
    }

    /// A response with no body (204, 304 …).
    public static func empty(status: Int = 204) -> Response {
        Response(status: status)
    }

    /// A redirect to `location`.
    public static func redirect(to location: String, status: Int = 303) -> Response {
        var headers = HTTPHeaders()
        headers.set("Location", location)
        return Response(status: status, headers: headers)
    }

    /// A Server-Sent Events stream; the caller writes events to `stream` from any thread.
    public static func eventStream(_ stream: EventStream) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        headers.set("X-Accel-Buffering", "no")
        return Response(status: 200, headers: headers, body: .stream(stream))
    }

    /// The body's bytes, or empty for a stream (used by tests and logs).
    public var bodyData: Data {
        switch body {
        case .bytes(let data): data
        case .shared(let bytes): bytes.data
        case .stream: Data()
        }
    }
}
