import WardSimHTTP

extension RouteTable {
    /// `GET /api/openapi.json`: the OpenAPI 3.1 description of every route, for anyone
    /// (it describes the API, it grants nothing). Served from the assets folder
    /// (`WebAssets/api/openapi.json`), so it is cached in memory with an ETag like any
    /// asset and ships with the web app it documents.
    mutating func addOpenAPIRoutes(_ app: WardSimApplication) {
        add(.get, "/api/openapi.json", .anonymous) { request, _ in
            guard let document = app.assets?.response(for: "api/openapi.json", request: request) else {
                throw HTTPError.notFound("The API description is not installed (WebAssets/api/openapi.json).")
            }
            return document
        }
    }
}
