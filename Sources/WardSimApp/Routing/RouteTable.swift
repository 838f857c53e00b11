public import WardSimHTTP

/// The application's routes, each declared with the access it needs.
///
/// Handlers receive the request and a `RequestContext`; the table wraps each one with
/// the authorization check, so no handler can forget it. The table stays inspectable
/// (`entries`) so a test can walk every route and prove the checks hold.
public struct RouteTable: Sendable {
    public typealias SyncHandler = @Sendable (Request, RequestContext) throws -> Response
    public typealias AsyncHandler = @Sendable (Request, RequestContext) async throws -> Response

    /// Resolves the caller for a request and enforces `Access` (401/403/CSRF).
    public typealias Authorizer = @Sendable (Request, Access) throws -> RequestContext

    public struct Entry: Sendable {
        public let method: HTTPMethod
        public let path: String
        public let access: Access
    }

    public private(set) var entries: [Entry] = []
    private var router = Router()
    private let authorize: Authorizer

    public init(authorize: @escaping Authorizer) {
        self.authorize = authorize
    }

    /// Adds a quick handler (runs on the server thread).
    public mutating func add(_ method: HTTPMethod, _ path: String, _ access: Access, _ handler: @escaping SyncHandler) {
        let authorize = self.authorize
        entries.append(Entry(method: method, path: path, access: access))
        router.add(
            method, path,
            .sync { request in
                try StorageFailure.mapped {
                    let context = try authorize(request, access)
                    return try handler(request, context)
                }
            })
    }

    /// Adds a handler that waits on something slow (an LLM); it runs as a task.
    public mutating func addAsync(
        _ method: HTTPMethod, _ path: String, _ access: Access, _ handler: @escaping AsyncHandler
    ) {
        let authorize = self.authorize
        entries.append(Entry(method: method, path: path, access: access))
        router.add(
            method, path,
            .async { request in
                try await StorageFailure.mapped {
                    let context = try authorize(request, access)
                    return try await handler(request, context)
                }
            })
    }

    /// The router to hand to the HTTP server.
    public var httpRouter: Router { router }
}
