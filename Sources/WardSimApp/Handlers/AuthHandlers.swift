import WardSimHTTP

extension RouteTable {
    /// Sign in, sign out, and who am I.
    mutating func addAuthRoutes(_ app: WardSimApplication) {
        struct Credentials: Decodable {
            let username: String
            let password: String
        }
        struct Me: Encodable {
            let user: UserView
            let csrfToken: String
        }

        add(.post, "/api/auth/login", .anonymous) { request, _ in
            let credentials = try request.decode(Credentials.self)
            let signIn = try app.auth.signIn(
                username: credentials.username, password: credentials.password, remote: request.remoteAddress,
                previousToken: request.cookies[SessionCookie.name])
            return .signedIn(signIn, secure: request.isSecure)
        }
        add(.post, "/api/auth/logout", .signedIn) { request, context in
            try app.auth.signOut(context.requireUser())
            var response = Response.empty()
            response.headers.set("Set-Cookie", SessionCookie.clearing(secure: request.isSecure))
            return response
        }
        add(.get, "/api/auth/me", .signedIn) { _, context in
            let user = try context.requireUser()
            return .json(Me(user: try app.auth.view(of: user), csrfToken: user.csrfToken))
        }
    }
}
