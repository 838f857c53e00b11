import Foundation

/// An error that knows which HTTP status it should produce.
///
/// Anything thrown by a handler that does not conform becomes a 500 whose text is
/// logged but never shown to the client.
public protocol HTTPResponseError: Error {
    var status: Int { get }
    /// Safe to show to the user.
    var message: String { get }
    /// Extra headers (`Allow`, `Retry-After`, …).
    var headers: HTTPHeaders { get }
    /// Machine-readable details added to the JSON error body (e.g. validation problems).
    var details: [[String: String]] { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { HTTPHeaders() }
    public var details: [[String: String]] { [] }
}

/// The general-purpose HTTP error.
public struct HTTPError: HTTPResponseError, CustomStringConvertible {
    public var status: Int
    public var message: String
    public var headers: HTTPHeaders
    public var details: [[String: String]]

    public init(
        _ status: Int, _ message: String, headers: HTTPHeaders = HTTPHeaders(), details: [[String: String]] = []
    ) {
        self.status = status
        self.message = message
        self.headers = headers
        self.details = details
    }

    public var description: String { "HTTP \(status): \(message)" }

    public static func badRequest(_ message: String) -> HTTPError { HTTPError(400, message) }
    public static func unauthorized(_ message: String = "Sign in first.") -> HTTPError { HTTPError(401, message) }
    public static func forbidden(_ message: String = "You do not have access to this.") -> HTTPError {
        HTTPError(403, message)
    }
    public static func notFound(_ message: String = "Not found.") -> HTTPError { HTTPError(404, message) }
    public static func conflict(_ message: String) -> HTTPError { HTTPError(409, message) }
    public static func unprocessable(_ message: String, details: [[String: String]] = []) -> HTTPError {
        HTTPError(422, message, details: details)
    }
}

extension Response {
    /// The JSON error body every API error uses:
    /// `{"error": {"status": 400, "message": "…", "details": [...]}}`.
    public static func error(_ error: any HTTPResponseError, requestID: String) -> Response {
        var object: [String: Any] = ["status": error.status, "message": error.message, "requestId": requestID]
        if !error.details.isEmpty { object["details"] = error.details }
        let data = (try? JSONSerialization.data(withJSONObject: ["error": object], options: [.sortedKeys])) ?? Data()
        var response = Response(status: error.status, headers: error.headers, body: .bytes(data))
        response.headers.set("Content-Type", "application/json; charset=utf-8")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
