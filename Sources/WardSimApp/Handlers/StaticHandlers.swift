import WardSimHTTP

extension RouteTable {
    /// The pages of the web app and the HTML file in `WebAssets/` that each serves.
    /// Pages are public shells: their data comes from the `/api` routes, which check
    /// access; a page whose API answers 401 sends the visitor to `/login`.
    static let pages: [(path: String, file: String)] = [
        ("/", "index.html"),
        ("/login", "login.html"),
        ("/library", "library.html"),
        ("/encounter/{id}", "encounter.html"),
        ("/debrief/{id}", "debrief.html"),
        ("/progress", "progress.html"),
        ("/instructor", "instructor.html"),
        ("/instructor/reports/cohort/{id}", "report.html"),
        ("/admin", "admin.html"),
        ("/authoring", "authoring.html"),
        ("/authoring/{id}", "authoring.html"),
    ]

    /// The web app's pages and its files from `WebAssets/` under `/assets/`.
    mutating func addStaticRoutes(_ app: WardSimApplication) {
        guard let assets = app.assets else { return }
        for page in Self.pages {
            let file = page.file
            add(.get, page.path, .anonymous) { request, _ in
                guard let response = assets.response(for: file, request: request) else { throw HTTPError.notFound() }
                return response
            }
        }
        add(.get, "/assets/{path...}", .anonymous) { request, _ in
            guard let response = assets.response(for: request.parameter("path"), request: request) else {
                throw HTTPError.notFound("No such file: \(request.path)")
            }
            return response
        }
    }
}
