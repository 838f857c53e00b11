import Foundation
import WardSimCore
import WardSimStore

/// `wardsim export`: progress and attempts as CSV or JSON, or xAPI statements to a file
/// or pushed to an LRS.
///
/// The export streams (constant memory for any number of encounters) and shows progress
/// on stderr. A file is written beside its target and renamed into place at the end, so
/// an interrupted export never leaves a truncated file under the real name.
struct ExportCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "export", abstract: "Export progress, attempts or xAPI statements; optionally push to an LRS.",
            discussion: """
                --kind mastery writes one row per trainee and competency (mastery, level, attempts, last activity); \
                --kind attempts one row per graded encounter with every competency score and the automation-bias \
                outcome. --format xapi writes xAPI 1.0.3 statements (docs/reports.md). With --lrs-url the statements \
                are pushed to {URL}/statements in batches, with Basic auth from WARDSIM_LRS_USER and \
                WARDSIM_LRS_PASSWORD (never from the command line); statements the LRS already acknowledged are not \
                sent again.
                """,
            options: [
                .option(
                    "--db", "FILE", help: "SQLite database file.", environment: "WARDSIM_DB",
                    default: "data/wardsim.sqlite"),
                .option("--format", "csv|json|xapi", help: "Output format."),
                .option("--kind", "mastery|attempts", help: "Rows for csv and json.", default: "mastery"),
                .option("--cohort", "NAME|ID", help: "Only this cohort's trainees."),
                .option("--since", "YYYY-MM-DD", help: "Only activity on or after this date (UTC)."),
                .option("--out", "FILE", help: "Write here instead of standard output."),
                .option(
                    "--base-url", "URL", help: "Public base URL for xAPI ids and actor homePage.",
                    environment: "WARDSIM_BASE_URL", default: "http://127.0.0.1:8080"),
                .option("--lrs-url", "URL", help: "Push xAPI statements to this LRS.", environment: "WARDSIM_LRS_URL"),
                .option("--batch", "N", help: "Statements per LRS request.", default: "50"),
                .option(
                    "--curriculum", "DIR", help: "Curriculum folder.", environment: "WARDSIM_CURRICULUM",
                    default: "Curriculum"),
                .flag("--quiet", help: "No progress on stderr."),
                .flag("--sql", help: "Print the query the export runs, arguments inlined, and exit."),
            ])
    }

    let database: String
    let kind: ExportRequest.Kind
    let format: ExportRequest.Format
    let cohort: String?
    let since: Date?
    let output: String?
    let baseURL: String
    let lrsURL: String?
    let batchSize: Int
    let curriculumPath: String
    let quiet: Bool
    let printSQL: Bool
    let credentials: LRSCredentials?

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
        let formatText = try arguments.require("--format")
        guard let format = ExportRequest.Format(rawValue: formatText) else {
            throw UsageError("--format must be csv, json or xapi, got '\(formatText)'")
        }
        self.format = format
        let kindText = try arguments.require("--kind")
        guard let kind = ExportRequest.Kind(rawValue: kindText) else {
            throw UsageError("--kind must be mastery or attempts, got '\(kindText)'")
        }
        self.kind = kind
        cohort = arguments.value("--cohort")
        do {
            since = try arguments.value("--since").map(ReportParameters.since)
        } catch let error as ReportParameters.Invalid {
            throw UsageError("--\(error.description)")
        }
        output = arguments.value("--out").flatMap { $0 == "-" ? nil : $0 }
        baseURL = try arguments.require("--base-url")
        lrsURL = arguments.value("--lrs-url").flatMap { $0.isEmpty ? nil : $0 }
        batchSize = try arguments.integer("--batch", in: 1...1000) ?? 50
        curriculumPath = try arguments.require("--curriculum")
        quiet = arguments.has("--quiet")
        printSQL = arguments.has("--sql")
        credentials = try LRSCredentials.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database)")
        }
        for (name, url) in [("--base-url", baseURL), ("--lrs-url", lrsURL ?? "http://ok")]
        where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw UsageError("\(name) must start with http:// or https://, got '\(url)'")
        }
        if lrsURL != nil, format != .xapi {
            throw UsageError("--lrs-url pushes xAPI statements; use it with --format xapi")
        }
    }

    func run() throws -> Int32 {
        let curriculum: Curriculum
        do {
            curriculum = try ReportCurriculum.load(folder: curriculumPath)
        } catch {
            throw CommandFailure("\(error)")
        }
        let pool = try DatabasePool(path: database, maximumReaders: 1)
        var filter = ReportFilter(since: since)
        if let cohort {
            do {
                filter.cohortIDs = [try pool.read { try ReportParameters.cohort(cohort, in: $0) }]
            } catch let error as ReportParameters.Invalid {
                throw CommandFailure(error.description)
            }
        }
        let request = ExportRequest(kind: kind, format: format, filter: filter, baseURL: baseURL)
        let exporter = ReportExporter(curriculum: curriculum)
        if printSQL {
            print(Self.inlined(exporter.query(request)) + ";")
            return 0
        }
        let destination = try ExportDestination(path: output)
        do {
            try pool.read { db in
                let total = try exporter.total(request, in: db)
                let unit = format == .xapi || kind == .attempts ? "encounters" : "rows"
                let progress = ProgressLine(label: "export", unit: unit, total: total, write: quiet ? { _ in } : stderr)
                if let lrsURL {
                    try push(exporter, request, db: db, pool: pool, lrsURL: lrsURL, destination: destination, progress)
                } else {
                    let written = try exporter.export(
                        request, from: db, to: destination.output, progress: progress.update)
                    try destination.commit()
                    progress.finish(
                        "wrote \(written.formatted()) \(format == .xapi ? "statements" : "rows")\(destination.label)")
                }
            }
        } catch {
            destination.abandon()
            throw error
        }
        return 0
    }

    private func push(
        _ exporter: ReportExporter, _ request: ExportRequest, db: Database, pool: DatabasePool, lrsURL: String,
        destination: ExportDestination, _ progress: ProgressLine
    ) throws {
        // The ledger goes through the writer: the export holds the only reader, and the
        // writer sees every acknowledgement recorded so far.
        let ledger = LRSLedger(
            sentIDs: { ids, endpoint in
                try pool.write { try StatementLedgerRepository($0).sentIDs(among: ids, endpoint: endpoint) }
            },
            record: { ids, endpoint in
                try pool.writeTransaction { try StatementLedgerRepository($0).record(ids, endpoint: endpoint) }
            })
        let push = LRSPush(
            lrsURL: lrsURL, credentials: credentials, transport: CurlStatementTransport(), ledger: ledger,
            policy: LRSPush.Policy(batchSize: batchSize), log: quiet ? { _ in } : { stderr("\n" + $0 + "\n") })
        var array = JSONArrayWriter(output: destination.output)
        do {
            try exporter.forEachStatement(request, in: db, progress: progress.update) { statement in
                if output != nil { try array.append(statement.json) }
                try push.add(statement)
            }
            try push.finish()
        } catch let failure as LRSPush.Failure {
            throw CommandFailure("push to \(push.endpoint) stopped: \(failure)")
        }
        if output != nil {
            try array.finish()
            try destination.output.finish()
            try destination.commit()
        }
        let summary = push.summary
        progress.finish(
            "pushed \(summary.sent.formatted()) statements to \(push.endpoint) in \(summary.batches) batches"
                + " (\(summary.alreadySent.formatted()) already there, \(summary.retries) retries)\(destination.label)")
    }

    /// `sql` with each `?` replaced by its argument as a SQL literal, for running the same
    /// query elsewhere (the benchmark runs it with `sqlite3 -csv`). The export's SQL has
    /// no `?` inside string literals, so a plain left-to-right replacement is exact.
    static func inlined(_ query: (sql: String, arguments: [any DatabaseValueConvertible])) -> String {
        var arguments = query.arguments.makeIterator()
        var text = ""
        for character in query.sql {
            guard character == "?", let argument = arguments.next() else {
                text.append(character)
                continue
            }
            switch argument.databaseValue {
            case .null: text += "NULL"
            case .integer(let value): text += String(value)
            case .real(let value): text += String(value)
            case .text(let value): text += "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
            case .blob(let value): text += "X'" + value.map { String(format: "%02X", $0) }.joined() + "'"
            }
        }
        return text
    }

    private func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Where an export's bytes go: standard output, or a temporary file renamed over the
/// target once the export is complete.
final class ExportDestination {
    let output: ChunkedOutput
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle

    init(path: String?) throws {
        var isDirectory: ObjCBool = false
        if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) != .typeRegular
        {
            // A device or pipe (/dev/null, a FIFO): write to it directly.
            self.path = nil
            temporaryPath = nil
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            let handle = self.handle
            output = ChunkedOutput { chunk in try handle.write(contentsOf: chunk) }
            return
        }
        self.path = path
        if let path {
            let temporary = path + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw CommandFailure("cannot create \(temporary)")
            }
            temporaryPath = temporary
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        } else {
            temporaryPath = nil
            handle = FileHandle.standardOutput
        }
        let handle = self.handle
        output = ChunkedOutput { chunk in try handle.write(contentsOf: chunk) }
    }

    /// " to FILE", or "" for standard output.
    var label: String { path.map { " to \($0)" } ?? "" }

    /// Moves the finished file into place.
    func commit() throws {
        guard let path, let temporaryPath else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
    }

    /// Removes the partial file after a failure.
    func abandon() {
        guard let temporaryPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}

@available(*, unavailable, message: "An export writes from one thread.")
extension ExportDestination: Sendable {}
