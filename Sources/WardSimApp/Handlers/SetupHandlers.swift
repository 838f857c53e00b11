import WardSimHTTP

extension RouteTable {
    /// The first-run page and the call that creates the first administrator. Both are
    /// anonymous: the one-time token in the link is the credential.
    mutating func addSetupRoutes(_ app: WardSimApplication) {
        struct SetupForm: Decodable {
            let token: String
            let username: String
            let displayName: String
            let password: String
        }

        add(.get, "/setup", .anonymous) { request, _ in
            guard let page = app.assets?.response(for: "setup.html", request: request) else {
                throw HTTPError.notFound("The set-up page is missing from the web assets.")
            }
            return page
        }
        add(.post, "/api/setup", .anonymous) { request, _ in
            let form = try request.decode(SetupForm.self)
            let signIn = try app.setup.complete(
                FirstRunSetup.Form(
                    token: form.token, username: form.username, displayName: form.displayName, password: form.password),
                remote: request.remoteAddress)
            return .signedIn(signIn, status: 201, secure: request.isSecure)
        }
    }
}
