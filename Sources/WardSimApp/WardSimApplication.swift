import Foundation
public import WardSimCore
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
    /// The shipped scenarios and default orderables, validated at start.
    public let library: ScenarioLibrary
    /// Competencies, mastery levels and learning paths, validated with the library.
    public let curriculum: Curriculum
    let assets: StaticFiles?

    /// Loads and validates the content, then opens the database (migrating it). Throws a
    /// `LibraryError` listing every problem, one `FILE: PATH: message` per line, when the
    /// scenario library or the curriculum is invalid: the server does not start on bad content.
    public init(configuration: AppConfiguration) throws {
        self.configuration = configuration
        (self.library, self.curriculum) = try ScenarioLibrary.load(
            scenarios: configuration.scenariosPath, curriculum: configuration.curriculumPath)
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
