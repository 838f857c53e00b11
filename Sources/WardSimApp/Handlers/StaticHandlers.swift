import WardSimHTTP

extension RouteTable {
    /// The web app's files from `WebAssets/`, with `index.html` for `/`.
    mutating func addStaticRoutes(_ app: WardSimApplication) {
        guard let assets = app.assets else { return }
        add(.get, "/", .anonymous) { request, _ in
            guard let response = assets.response(for: "", request: request) else { throw HTTPError.notFound() }
            return response
        }
        add(.get, "/assets/{path...}", .anonymous) { request, _ in
            guard let response = assets.response(for: request.parameter("path"), request: request) else {
                throw HTTPError.notFound("No such file: \(request.path)")
            }
            return response
        }
    }
}
