/// The session cookie's name and attributes.
///
/// `HttpOnly` keeps it from page scripts (an injected script cannot steal it);
/// `SameSite=Strict` keeps other sites from sending it (the first line against CSRF);
/// `Path=/` covers the whole app; `Secure` is added whenever the request came over TLS.
/// No `Max-Age`: the cookie dies with the browser, and the server enforces its own idle
/// and absolute limits regardless.
enum SessionCookie {
    static let name = "wardsim_session"

    /// The `Set-Cookie` value that hands `token` to the browser.
    static func setting(_ token: String, secure: Bool) -> String {
        "\(name)=\(token); HttpOnly; SameSite=Strict; Path=/" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that makes the browser forget the cookie.
    static func clearing(secure: Bool) -> String {
        "\(name)=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/" + (secure ? "; Secure" : "")
    }
}
