import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP server on libmicrohttpd: a thread pool of epoll loops calling a `Router`.
///
/// ```swift
/// let server = try HTTPServer(configuration: config, router: router)
/// try server.start()
/// …
/// server.stop()   // stop accepting, let in-flight requests finish, close
/// ```
public final class HTTPServer: @unchecked Sendable {
    // `lock` protects `daemon` and `liveStreams`; everything else is immutable after
    // init or atomic.
    private let lock = NSLock()
    private var daemon: OpaquePointer?
    /// Requests begun and not completed (atomic: both pool threads touch it per request).
    private let inFlight = Atomic<Int>(0)
    /// Set by `stop()`: new requests are answered 503 while in-flight ones finish.
    private let draining = Atomic<Bool>(false)
    private var liveStreams: [ObjectIdentifier: EventStream] = [:]

    public let configuration: ServerConfiguration
    public let router: Router
    public let metrics: Metrics
    let logger: any RequestLogger
    private var retainedSelf: Unmanaged<HTTPServer>?
    private var tlsStrings: (UnsafeMutablePointer<CChar>, UnsafeMutablePointer<CChar>)?

    public init(
        configuration: ServerConfiguration, router: Router, metrics: Metrics = Metrics(),
        logger: any RequestLogger
    ) {
        self.configuration = configuration
        self.router = router
        self.metrics = metrics
        self.logger = logger
    }

    deinit {
        if let (cert, key) = tlsStrings {
            free(cert)
            free(key)
        }
    }

    /// Errors from starting the server.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Binds and starts the worker threads. Throws when the address is taken or invalid.
    public func start() throws {
        let retained = Unmanaged.passRetained(self)
        var config = cmhd_config()
        config.flags = UInt32(
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
                | MHD_USE_ERROR_LOG.rawValue)
        config.port = configuration.port
        config.thread_pool_size = UInt32(max(1, configuration.threads))
        config.connection_limit = UInt32(configuration.connectionLimit)
        config.per_ip_connection_limit = UInt32(configuration.perIPConnectionLimit)
        config.connection_timeout = UInt32(configuration.connectionTimeout)
        config.connection_memory_limit = configuration.connectionMemoryLimit
        config.handler = accessHandler
        config.handler_cls = retained.toOpaque()
        config.completed = requestCompleted
        config.completed_cls = retained.toOpaque()
        if let cert = configuration.tlsCertificatePEM, let key = configuration.tlsKeyPEM {
            let strings = (strdup(cert)!, strdup(key)!)
            tlsStrings = strings
            config.tls_cert_pem = UnsafePointer(strings.0)
            config.tls_key_pem = UnsafePointer(strings.1)
        }
        let started = configuration.host.withCString { host -> OpaquePointer? in
            config.bind_ipv4 = host
            return cmhd_start(&config)
        }
        guard let started else {
            retained.release()
            throw StartError(
                description:
                    "could not listen on \(configuration.host):\(configuration.port) (address in use, invalid, or bad TLS files)"
            )
        }
        lock.withLock { daemon = started }
        retainedSelf = retained
        metrics.gauge("wardsim_http_open_connections", help: "Open HTTP connections.") { [weak self] in
            Double(self?.openConnections ?? 0)
        }
    }

    /// The port actually bound (useful with port 0).
    public var port: UInt16 {
        lock.withLock { daemon.map { cmhd_bound_port($0) } ?? 0 }
    }

    /// Open TCP connections right now.
    public var openConnections: Int {
        lock.withLock { daemon.map { Int(cmhd_current_connections($0)) } ?? 0 }
    }

    /// Stops accepting, waits up to the grace period for in-flight requests (ending open
    /// event streams), then shuts the worker threads down. Safe to call twice.
    public func stop() {
        guard let current = lock.withLock({ daemon }) else { return }
        // Not `MHD_quiesce_daemon`: with a thread pool and epoll it races the worker
        // threads, which take the listening socket out of their epoll sets themselves once
        // they see the daemon quiesced, and libmicrohttpd aborts the process when the
        // second removal fails ("Failed to remove listen FD from epoll set", seen in a test
        // run). New requests are answered 503 (`Connection: close`) while these finish.
        draining.store(true, ordering: .releasing)
        for stream in lock.withLock({ Array(liveStreams.values) }) { stream.finish() }
        let deadline = Date().addingTimeInterval(configuration.shutdownGracePeriod)
        while inFlight.load(ordering: .acquiring) > 0 && Date() < deadline {
            usleep(10_000)
        }
        lock.withLock { daemon = nil }
        MHD_stop_daemon(current)
        retainedSelf?.release()
        retainedSelf = nil
        (logger as? StandardErrorLogger)?.flush()
    }

    // MARK: - Called from libmicrohttpd's threads

    /// Whether `stop()` has begun: new requests get `drainingResponse`.
    var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// What a request that arrives while the server stops is told.
    static func drainingResponse(requestID: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Retry-After", "5")
        headers.set("Connection", "close")
        return .error(
            HTTPError(503, "WardSim is restarting; try again in a moment.", headers: headers), requestID: requestID)
    }

    func beginRequest() { inFlight.add(1, ordering: .relaxed) }
    func endRequest() { inFlight.subtract(1, ordering: .releasing) }
    func track(_ stream: EventStream) { lock.withLock { liveStreams[ObjectIdentifier(stream)] = stream } }
    func untrack(_ stream: EventStream) {
        _ = lock.withLock { liveStreams.removeValue(forKey: ObjectIdentifier(stream)) }
    }

    /// Runs the router for a fully read request. Errors become JSON error responses.
    func dispatch(_ request: Request) -> Dispatch {
        var request = request
        switch router.match(request.method, request.path) {
        case .notFound:
            return .ready(
                .error(HTTPError.notFound("No such page or endpoint: \(request.path)"), requestID: request.id), request)
        case .methodNotAllowed(let allowed):
            var headers = HTTPHeaders()
            headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
            let error = HTTPError(
                405, "\(request.method) is not allowed here; use \(headers["Allow"]!).", headers: headers)
            return .ready(.error(error, requestID: request.id), request)
        case .found(let route, let parameters):
            request.parameters = parameters
            request.route = route.pattern
            switch route.handler {
            case .sync(let body):
                return .ready(respond(request) { try body(request) }, request)
            case .async(let body):
                return .pending(request, body)
            }
        }
    }

    enum Dispatch {
        case ready(Response, Request)
        case pending(Request, @Sendable (Request) async throws -> Response)
    }

    func respond(_ request: Request, _ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch {
            return errorResponse(error, request: request)
        }
    }

    func errorResponse(_ error: any Error, request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            return .error(error, requestID: request.id)
        }
        logger.log(
            #"{"level":"error","requestId":"\#(request.id)","route":"\#(request.route)","error":"\#(String(describing: type(of: error)))"}"#
        )
        return .error(
            HTTPError(500, "Something went wrong on our side (request \(request.id))."), requestID: request.id)
    }

    /// Metrics and the access log for a response about to be sent.
    func record(_ request: Request, status: Int, started: UInt64) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let route = request.route.isEmpty ? "unmatched" : request.route
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, seconds: seconds)
        logger.logAccess(AccessRecord(request: request, status: status, duration: seconds))
    }
}
