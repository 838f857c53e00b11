/// What runs for a route.
///
/// Most handlers are quick (a few SQLite statements) and run inline on the server's
/// thread: `.sync`. Handlers that wait on something slow, such as an LLM, are `.async`:
/// the server parks the connection, runs the handler as a task and wakes the connection
/// when it has an answer, so its few threads stay free for everyone else.
public enum Handler: Sendable {
    case sync(@Sendable (Request) throws -> Response)
    case async(@Sendable (Request) async throws -> Response)

    /// Wraps the handler with `transform`, which sees the request first and may reject it.
    /// Used by the application to enforce authorization around every route in one place.
    public func guarded(by check: @escaping @Sendable (Request) throws -> Request) -> Handler {
        switch self {
        case .sync(let body):
            return .sync { request in try body(check(request)) }
        case .async(let body):
            return .async { request in try await body(check(request)) }
        }
    }
}
