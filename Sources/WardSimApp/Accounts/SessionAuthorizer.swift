import Foundation
import WardSimCore
import WardSimHTTP
import WardSimSecurity

/// The one place where route access is enforced, before any handler runs.
///
/// Anonymous routes pass. Every other route needs a live session (else 401), a role the
/// route allows (else 403) and, when the request changes state, the session's CSRF
/// token in `X-CSRF-Token` (or a `csrf_token` form field), compared in constant time
/// (else 403).
struct SessionAuthorizer: Sendable {
    let sessions: SessionService

    static let csrfHeader = "X-CSRF-Token"
    static let csrfFormField = "csrf_token"

    func authorize(_ request: Request, _ access: Access) throws -> RequestContext {
        if access == .anonymous { return RequestContext() }
        let token = request.cookies[SessionCookie.name]
        guard let token, let user = try sessions.resolve(token: token) else {
            throw AccountError.notSignedIn(clearCookie: token != nil, secure: request.isSecure)
        }
        if case .roles(let allowed) = access, !allowed.contains(user.role) {
            throw AccountError.forbidden
        }
        if !request.method.isSafe {
            guard let presented = Self.presentedCSRFToken(request), constantTimeEquals(presented, user.csrfToken) else {
                throw AccountError.csrfRejected
            }
        }
        return RequestContext(user: user)
    }

    /// The CSRF token the request carries: the header (fetch) or, for a plain HTML form
    /// post, the `csrf_token` field.
    static func presentedCSRFToken(_ request: Request) -> String? {
        if let header = request.headers[csrfHeader] { return header }
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
        else { return nil }
        var components = URLComponents()
        components.percentEncodedQuery = String(decoding: request.body, as: UTF8.self).replacingOccurrences(
            of: "+", with: "%20")
        return components.queryItems?.first { $0.name == csrfFormField }?.value
    }
}
