import WardSimHTTP

/// The outcome of a successful sign-in (or first-admin set-up): who, and the secrets to
/// hand to the browser once: the session token (as a cookie) and the CSRF token (in
/// the JSON body).
struct SignIn: Sendable {
    let user: UserView
    let token: String
    let csrfToken: String
}

extension Response {
    /// 200 (or 201) with `{"user": …, "csrfToken": …}` and the session cookie.
    static func signedIn(_ signIn: SignIn, status: Int = 200, secure: Bool) -> Response {
        struct Body: Encodable {
            let user: UserView
            let csrfToken: String
        }
        var response = Response.json(Body(user: signIn.user, csrfToken: signIn.csrfToken), status: status)
        response.headers.set("Set-Cookie", SessionCookie.setting(signIn.token, secure: secure))
        return response
    }
}
