import Foundation
import FoundationNetworking

/// One browser: its own cookies and the CSRF token it was given at sign-in.
final class TestClient: @unchecked Sendable {
    // `baseURL` is immutable; `lock` protects `cookies` and `csrfToken`.
    let baseURL: String
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    private var storedCSRF: String?

    init(baseURL: String) { self.baseURL = baseURL }

    /// A response as tests see it.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
        /// `error.message` of a JSON error body.
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    }

    /// The CSRF token from the last sign-in (or nil).
    var csrfToken: String? {
        get { lock.withLock { storedCSRF } }
        set { lock.withLock { storedCSRF = newValue } }
    }

    /// The session cookie's value, if any.
    var sessionCookie: String? { lock.withLock { cookies["wardsim_session"] } }

    func storeCookie(_ name: String, _ value: String?) { lock.withLock { cookies[name] = value } }
    func clearCookies() { lock.withLock { cookies.removeAll() } }

    /// Sends a request; `json` is serialised as the body. Cookies set by the server are
    /// kept and sent back, like a browser. State-changing requests carry the stored CSRF
    /// token unless `csrf` is false (or the header is given explicitly).
    @discardableResult
    func request(
        _ method: String, _ path: String, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:],
        csrf: Bool = true
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let cookieHeader = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { request.setValue(cookieHeader, forHTTPHeaderField: "Cookie") }
        if csrf, !["GET", "HEAD"].contains(method), let token = csrfToken {
            request.setValue(token, forHTTPHeaderField: "X-CSRF-Token")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var replyHeaders: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            replyHeaders[String(describing: key)] = String(describing: value)
        }
        if let setCookie = replyHeaders.first(where: { $0.key.lowercased() == "set-cookie" })?.value {
            let pair = setCookie.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 {
                storeCookie(String(pair[0]), pair[1].isEmpty ? nil : String(pair[1]))
            }
        }
        return Reply(status: http.statusCode, headers: replyHeaders, body: data)
    }

    /// Signs in and remembers the CSRF token.
    @discardableResult
    func signIn(_ username: String, _ password: String = TestApp.password) async throws -> Reply {
        let reply = try await request("POST", "/api/auth/login", json: ["username": username, "password": password])
        if reply.status == 200 { csrfToken = reply.json["csrfToken"] as? String }
        return reply
    }
}
