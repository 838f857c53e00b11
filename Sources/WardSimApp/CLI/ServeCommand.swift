import Foundation
import WardSimHTTP

/// `wardsim serve`: runs the web application until SIGINT or SIGTERM.
struct ServeCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "serve", abstract: "Serve the web application.",
            discussion: """
                Every option can also be set with the environment variable shown. The LLM API key is read \
                only from WARDSIM_LLM_API_KEY. Without --llm-url the patient is played by the offline scripted voice.
                """,
            options: [
                .option(
                    "--host", "ADDRESS", help: "IPv4 address to listen on.", environment: "WARDSIM_HOST",
                    default: "127.0.0.1"),
                .option("--port", "PORT", help: "TCP port.", environment: "WARDSIM_PORT", default: "8080"),
                .option(
                    "--db", "FILE", help: "SQLite database file.", environment: "WARDSIM_DB",
                    default: "data/wardsim.sqlite"),
                .option(
                    "--scenarios", "DIR", help: "Scenario library folder.", environment: "WARDSIM_SCENARIOS",
                    default: "Scenarios"),
                .option(
                    "--curriculum", "DIR", help: "Curriculum folder.", environment: "WARDSIM_CURRICULUM",
                    default: "Curriculum"),
                .option(
                    "--assets", "DIR", help: "Web assets folder.", environment: "WARDSIM_ASSETS", default: "WebAssets"),
                .option(
                    "--max-body", "BYTES", help: "Largest request body accepted.", environment: "WARDSIM_MAX_BODY",
                    default: "1048576"),
                .option(
                    "--threads", "N", help: "Server worker threads.", environment: "WARDSIM_THREADS",
                    default: String(ProcessInfo.processInfo.activeProcessorCount)),
                .option(
                    "--tls-cert", "FILE", help: "PEM certificate; with --tls-key serves HTTPS.",
                    environment: "WARDSIM_TLS_CERT"),
                .option("--tls-key", "FILE", help: "PEM private key.", environment: "WARDSIM_TLS_KEY"),
                .option(
                    "--session-idle", "MINUTES", help: "Idle session timeout.", environment: "WARDSIM_SESSION_IDLE",
                    default: "30"),
                .option(
                    "--session-max", "HOURS", help: "Absolute session lifetime.", environment: "WARDSIM_SESSION_MAX",
                    default: "12"),
            ] + LLMOptions.specs)
    }

    var configuration = AppConfiguration()

    init(_ arguments: ParsedArguments) throws {
        configuration.host = try arguments.require("--host")
        configuration.port = UInt16(try arguments.integer("--port", in: 0...65535) ?? 8080)
        configuration.databasePath = try arguments.require("--db")
        configuration.scenariosPath = try arguments.require("--scenarios")
        configuration.curriculumPath = try arguments.require("--curriculum")
        configuration.assetsPath = try arguments.require("--assets")
        configuration.maxBodyBytes = try arguments.integer("--max-body", in: 1024...(256 << 20)) ?? (1 << 20)
        configuration.threads = try arguments.integer("--threads", in: 1...256) ?? 2
        configuration.tlsCertificatePath = arguments.value("--tls-cert")
        configuration.tlsKeyPath = arguments.value("--tls-key")
        configuration.sessionIdleMinutes = try arguments.integer("--session-idle", in: 1...10080) ?? 30
        configuration.sessionAbsoluteHours = try arguments.integer("--session-max", in: 1...720) ?? 12
        try LLMOptions.read(arguments, into: &configuration)
    }

    func validate() throws {
        if (configuration.tlsCertificatePath == nil) != (configuration.tlsKeyPath == nil) {
            throw UsageError("--tls-cert and --tls-key go together")
        }
        try LLMOptions.validate(configuration)
    }

    func run() throws -> Int32 {
        let app: WardSimApplication
        do {
            app = try WardSimApplication(configuration: configuration)
        } catch {
            throw CommandFailure("cannot start: \(error)")
        }
        let server = try app.makeServer()
        do {
            try server.start()
        } catch {
            throw CommandFailure("\(error)")
        }
        let scheme = configuration.isTLS ? "https" : "http"
        FileHandle.standardError.write(
            Data(
                "wardsim serving on \(scheme)://\(configuration.host):\(server.port)/ (database \(configuration.databasePath))\n"
                    .utf8))
        if app.database.isReadOnly {
            FileHandle.standardError.write(
                Data(
                    ("wardsim: warning: the database \(configuration.databasePath) is read-only for this user: pages, "
                        + "encounters and debriefs are served, but sign-ins and every change answer 503 until it is "
                        + "writable again (no restart needed)\n").utf8))
        } else {
            app.announceFirstRun(baseURL: "\(scheme)://\(configuration.host):\(server.port)")
        }
        ShutdownSignal.wait()
        FileHandle.standardError.write(Data("wardsim: stopping (finishing in-flight requests)\n".utf8))
        server.stop()
        app.close()
        FileHandle.standardError.write(Data("wardsim: stopped\n".utf8))
        return 0
    }
}
