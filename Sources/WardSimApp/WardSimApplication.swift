import Foundation
public import WardSimCore
public import WardSimHTTP
import WardSimSecurity
public import WardSimStore

/// The running application: configuration, database, content and routes, wired once.
///
/// Built by `wardsim serve` and by tests, which start it on port 0 against a temporary
/// database and talk to it over real HTTP.
public final class WardSimApplication: Sendable {
    public let configuration: AppConfiguration
    public let database: DatabasePool
    public let metrics: Metrics
    /// Where every service reads the time; tests pass a clock they can move.
    public let clock: WallClock
    /// The shipped scenarios and default orderables, validated at start.
    public let library: ScenarioLibrary
    /// Competencies, mastery levels and learning paths, validated with the library.
    public let curriculum: Curriculum
    let assets: StaticFiles?

    let sessions: SessionService
    let auth: AuthService
    let accounts: AccountService
    let cohorts: CohortService
    let importer: UserImporter
    let setup: FirstRunSetup
    let authorizer: SessionAuthorizer
    let reports: ReportService

    let catalog: ScenarioCatalog
    let encounters: EncounterService
    let progressService: ProgressService
    let authoring: AuthoringService

    /// Loads and validates the content, then opens the database (migrating it). Throws a
    /// `LibraryError` listing every problem, one `FILE: PATH: message` per line, when the
    /// scenario library or the curriculum is invalid: the server does not start on bad content.
    public convenience init(configuration: AppConfiguration, clock: WallClock = .system) throws {
        try self.init(configuration: configuration, clock: clock, hasher: PasswordHasher())
    }

    init(configuration: AppConfiguration, clock: WallClock, hasher: PasswordHasher) throws {
        self.configuration = configuration
        self.clock = clock
        (self.library, self.curriculum) = try ScenarioLibrary.load(
            scenarios: configuration.scenariosPath, curriculum: configuration.curriculumPath)
        self.database = try DatabasePool(path: configuration.databasePath)
        self.metrics = Metrics()
        if FileManager.default.fileExists(atPath: configuration.assetsPath) {
            self.assets = try StaticFiles(root: URL(fileURLWithPath: configuration.assetsPath))
        } else {
            self.assets = nil
        }
        sessions = SessionService(database: database, policy: SessionPolicy(configuration: configuration), clock: clock)
        accounts = AccountService(database: database, hasher: hasher, clock: clock)
        auth = AuthService(
            database: database, hasher: hasher, sessions: sessions,
            throttle: LoginThrottle(database: database, policy: configuration.loginThrottle, clock: clock),
            clock: clock, metrics: metrics)
        cohorts = CohortService(database: database, clock: clock)
        importer = UserImporter(accounts: accounts)
        setup = FirstRunSetup(accounts: accounts, sessions: sessions)
        authorizer = SessionAuthorizer(sessions: sessions)
        catalog = try ScenarioCatalog(
            library: library, database: database, voice: Self.makeVoice(configuration, metrics: metrics))
        encounters = EncounterService(
            database: database, catalog: catalog, defaults: library.defaults,
            grader: Grader(curriculum: curriculum, defaults: library.defaults), clock: clock, metrics: metrics)
        progressService = ProgressService(database: database, curriculum: curriculum, catalog: catalog)
        authoring = AuthoringService(
            database: database, catalog: catalog,
            check: ScenarioCheck(curriculum: curriculum, defaults: library.defaults),
            clock: clock)
        reports = ReportService(database: database, curriculum: curriculum)
    }

    /// The route table, with every route and the access it needs.
    public func makeRoutes() -> RouteTable {
        var routes = RouteTable(authorize: { [authorizer] request, access in try authorizer.authorize(request, access) }
        )
        routes.addHealthRoutes(self)
        routes.addOpenAPIRoutes(self)
        routes.addStaticRoutes(self)
        routes.addSetupRoutes(self)
        routes.addAuthRoutes(self)
        routes.addAdminUserRoutes(self)
        routes.addAdminCohortRoutes(self)
        routes.addAdminAuditRoutes(self)
        routes.addInstructorRoutes(self)
        routes.addAuthoringRoutes(self)
        routes.addScenarioRoutes(self)
        routes.addEncounterRoutes(self)
        routes.addProgressRoutes(self)
        routes.addReportRoutes(self)
        routes.addAnalyticsRoutes(self)
        return routes
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
    /// On a database with no users, issues a one-time set-up token and prints the link
    /// that creates the first administrator (instead of shipping a default password).
    /// Returns the link, or nil when users exist.
    @discardableResult
    func announceFirstRun(
        baseURL: String, write: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) -> String? {
        do {
            guard let token = try setup.issueToken() else { return nil }
            let link = "\(baseURL)/setup?token=\(token)"
            write(
                """
                wardsim: no accounts yet. Create the first administrator with this one-time link:
                  \(link)
                (it works once; restarting the server replaces it)
                """)
            return link
        } catch {
            write("wardsim: could not issue a set-up link: \(error)")
            return nil
        }
    }

    /// Checkpoints and closes the database (called after the server has stopped).
    public func close() { database.close() }
}
