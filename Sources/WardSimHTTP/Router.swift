/// Matches method and path to a handler, with `{name}` path parameters.
///
/// Answers 404 when no route has the path, and 405 with an `Allow` header when some
/// route has the path but not the method. HEAD is served by the GET route (libmicrohttpd
/// drops the body).
///
/// ```swift
/// var router = Router()
/// router.add(.get, "/api/encounters/{id}", .sync { request in … request.parameter("id") … })
/// ```
public struct Router: Sendable {
    /// One entry of the routing table.
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let pattern: String
        public let handler: Handler
        let segments: [Segment]
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        /// `{name...}` matches the rest of the path (static files).
        case rest(String)
    }

    /// The outcome of looking a request up.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    public private(set) var routes: [Route] = []
    /// Routes without parameters by path, then method: most requests (health, pages,
    /// lists) are found with one lookup instead of a scan of the table.
    private var literalRoutes: [String: [HTTPMethod: Route]] = [:]

    public init() {}

    /// Adds a route. Patterns are absolute paths; `{name}` captures one segment.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: Handler) {
        let segments = Self.split(pattern).map { part -> Segment in
            if part.hasPrefix("{") && part.hasSuffix("...}") {
                return .rest(String(part.dropFirst().dropLast(4)))
            }
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(part)
        }
        precondition(
            !routes.contains { $0.method == method && $0.segments == segments },
            "duplicate route \(method) \(pattern)")
        let route = Route(method: method, pattern: pattern, handler: handler, segments: segments)
        routes.append(route)
        if segments.allSatisfy({ if case .literal = $0 { true } else { false } }) {
            literalRoutes["/" + Self.split(pattern).joined(separator: "/"), default: [:]][method] = route
        }
    }

    /// Finds the route for `method` and `path`.
    public func match(_ method: HTTPMethod, _ path: String) -> Match {
        let lookup = method == .head ? HTTPMethod.get : method
        // A literal route has the most literal segments a path can match, so it wins.
        if let route = literalRoutes[path]?[lookup] { return .found(route, parameters: [:]) }
        let parts = Self.split(path)
        var allowed: [HTTPMethod] = []
        var best: (Route, [String: String], Int)?
        for route in routes {
            guard let parameters = Self.bind(route.segments, to: parts) else { continue }
            if route.method == lookup {
                // Prefer the route with the most literal segments: `/api/scenarios/new`
                // wins over `/api/scenarios/{id}`.
                let literals = route.segments.filter { if case .literal = $0 { true } else { false } }.count
                if best == nil || literals > best!.2 { best = (route, parameters, literals) }
            } else {
                allowed.append(route.method)
            }
        }
        if let best { return .found(best.0, parameters: best.1) }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get) { allowed.append(.head) }
        return .methodNotAllowed(allowed: Array(Set(allowed)).sorted { $0.rawValue < $1.rawValue })
    }

    static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    static func bind(_ segments: [Segment], to parts: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                parameters[name] = parts.dropFirst(index).joined(separator: "/")
                return parameters
            case .literal(let literal):
                guard index < parts.count, parts[index] == literal else { return nil }
            case .parameter(let name):
                guard index < parts.count else { return nil }
                parameters[name] = parts[index]
            }
        }
        return segments.count == parts.count ? parameters : nil
    }
}
