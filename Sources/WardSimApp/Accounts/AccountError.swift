import WardSimCore
import WardSimHTTP

/// The ways an account operation is refused, each with its HTTP status.
///
/// Messages are written for the person at the keyboard. Sign-in failures share one
/// message whatever the cause, so a caller cannot learn which usernames exist.
enum AccountError: HTTPResponseError, Equatable {
    /// Unknown user, wrong password, disabled account: one answer for all (401).
    case invalidCredentials
    /// Too many failures for this account or address (429 with `Retry-After`).
    case throttled(retryAfterSeconds: Int)
    /// No valid session (401). `clearCookie` also expires a stale cookie.
    case notSignedIn(clearCookie: Bool, secure: Bool)
    /// Signed in, but the route needs another role (403).
    case forbidden
    /// A state-changing request without the session's CSRF token (403).
    case csrfRejected
    /// One or more fields were refused (422), with the reasons.
    case invalid([FieldProblem])
    /// A unique name is already in use (409).
    case conflict(String)
    /// No such user or cohort (404).
    case notFound(String)
    /// The set-up link is unknown (403) or already used (410).
    case setupLinkInvalid
    case setupLinkUsed

    var status: Int {
        switch self {
        case .invalidCredentials, .notSignedIn: 401
        case .throttled: 429
        case .forbidden, .csrfRejected, .setupLinkInvalid: 403
        case .invalid: 422
        case .conflict: 409
        case .notFound: 404
        case .setupLinkUsed: 410
        }
    }

    var message: String {
        switch self {
        case .invalidCredentials: "Wrong username or password."
        case .throttled(let seconds):
            "Too many failed sign-ins. Wait \(seconds) second\(seconds == 1 ? "" : "s") and try again."
        case .notSignedIn: "Sign in first."
        case .forbidden: "You do not have access to this."
        case .csrfRejected: "This request is missing its security token (X-CSRF-Token). Reload the page and try again."
        case .invalid(let problems):
            problems.count == 1 ? problems[0].reason : "\(problems.count) fields need attention."
        case .conflict(let message), .notFound(let message): message
        case .setupLinkInvalid: "This set-up link is not valid. Use the link printed when the server started."
        case .setupLinkUsed: "This set-up link has already been used. Sign in instead."
        }
    }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        switch self {
        case .throttled(let seconds):
            headers.set("Retry-After", String(seconds))
        case .notSignedIn(let clear, let secure) where clear:
            headers.set("Set-Cookie", SessionCookie.clearing(secure: secure))
        default: break
        }
        return headers
    }

    var details: [[String: String]] {
        guard case .invalid(let problems) = self else { return [] }
        return problems.map { ["field": $0.field, "reason": $0.reason] }
    }
}
