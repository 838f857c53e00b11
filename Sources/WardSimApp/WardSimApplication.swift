import Foundation
import WardSimCore
public import WardSimHTTP
public import WardSimStore

/// The running application: configuration, database, content and routes, wired once.
///
/// Built by `wardsim serve` and by tests, which start it on port 0 against a temporary
/// database and talk to it over real HTTP.
public final class WardSimApplication: Sendable {
    public let configuration: AppConfiguration
    public let database: DatabasePool
    public let metrics: Metrics
    let assets: StaticFiles?

    /// Opens the database (migrating it) and loads content. Throws with a message that
    /// names the file and field when something is wrong.
    public init(configuration: AppConfiguration) throws {
        self.configuration = configuration
        self.database = try DatabasePool(path: configuration.databasePath)
        self.metrics = Metrics()
        if FileManager.default.fileExists(atPath: configuration.assetsPath) {
            self.assets = try StaticFiles(root: URL(fileURLWithPath: configuration.assetsPath))
        } else {
            self.assets = nil
        }
    }

    /// The route table, with every route and the access it needs.
    public func makeRoutes() -> RouteTable {
        var routes = RouteTable(authorize: { [self] request, access in try self.authorize(request, access) })
        routes.addHealthRoutes(self)
        routes.addStaticRoutes(self)
        return routes
    }

    /// Enforces `access` for `request`. Until sign-in exists only public routes pass.
    func authorize(_ request: Request, _ access: Access) throws -> RequestContext {
        switch access {
        case .anonymous: return RequestContext()
        case .signedIn, .roles: throw HTTPError.unauthorized()
        }
    }

    /// An HTTP server for this application (not yet started).
    public func makeServer(logger: any RequestLogger = StandardErrorLogger()) throws -> HTTPServer {
        var server = ServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.maxBodyBytes = configuration.maxBodyBytes
        server.threads = configuration.threads
        if let cert = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            server.tlsCertificatePEM = try String(contentsOfFile: cert, encoding: .utf8)
            server.tlsKeyPEM = try String(contentsOfFile: key, encoding: .utf8)
        }
        return HTTPServer(configuration: server, router: makeRoutes().httpRouter, metrics: metrics, logger: logger)
    }
}

extension WardSimApplication {
    /// On a database with no users, prints a one-time set-up link for the first admin.
    /// (Filled in by the accounts work; until then there is nothing to announce.)
    func announceFirstRun(baseURL: String) {}

    /// Releases the database connections (called after the server has stopped).
    public func close() {}
}
