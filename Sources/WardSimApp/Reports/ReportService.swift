import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// Reports and analytics behind the HTTP routes: who may see which cohorts, streamed
/// exports, and the analytics JSON.
///
/// **Streaming choice.** An export is produced on its own thread into an `EventStream`
/// used as a raw chunked body: the thread holds one reader connection, steps the query,
/// formats rows into 64 KiB chunks and waits (`waitForSpace`) whenever 256 KiB are
/// queued but not yet sent. Memory per download is therefore bounded by about 320 KiB
/// whatever the row count, the server's worker threads never wait on the client, and a
/// client that goes away stops the export at the next chunk. A failure after the first
/// byte closes the connection without the final chunk, so a browser reports a failed
/// download instead of saving a truncated file that looks whole.
final class ReportService: Sendable {
    let database: DatabasePool
    let curriculum: Curriculum

    /// Queued bytes above which the producer waits for the client.
    static let highWaterMark = 256 << 10
    static let chunkSize = 64 << 10

    init(database: DatabasePool, curriculum: Curriculum) {
        self.database = database
        self.curriculum = curriculum
    }

    // MARK: - Scope

    /// The filter for `user` from `?cohort=` and `?since=`: administrators see every
    /// cohort, instructors only those they are assigned to (403 for any other).
    func filter(for user: AuthenticatedUser, query: [String: String]) throws -> ReportFilter {
        var filter = ReportFilter()
        if let since = query["since"], !since.isEmpty {
            do {
                filter.since = try ReportParameters.since(since)
            } catch let error as ReportParameters.Invalid {
                throw HTTPError.badRequest(error.description)
            }
        }
        try database.read { db in
            let assigned: [Int64]? =
                user.role == .admin ? nil : try CohortRepository(db).cohortIDs(instructedBy: user.id)
            filter.cohortIDs = assigned
            guard let requested = query["cohort"], !requested.isEmpty else { return }
            let id: Int64
            do {
                id = try ReportParameters.cohort(requested, in: db)
            } catch {
                if assigned != nil { throw Self.notYourCohort }
                throw HTTPError.notFound("No cohort named '\(requested)'.")
            }
            if let assigned, !assigned.contains(id) { throw Self.notYourCohort }
            filter.cohortIDs = [id]
        }
        return filter
    }

    /// May `user` see cohort `id`? (404 when it does not exist, 403 when not theirs.)
    func authorizeCohort(_ id: Int64, for user: AuthenticatedUser) throws {
        try database.read { db in
            guard try CohortRepository(db).find(id: id) != nil else { throw HTTPError.notFound("No such cohort.") }
            if user.role != .admin, try !CohortRepository(db).cohortIDs(instructedBy: user.id).contains(id) {
                throw Self.notYourCohort
            }
        }
    }

    static let notYourCohort = HTTPError.forbidden("You can see reports only for the cohorts you teach.")

    // MARK: - Exports

    /// A streamed download of `request`, named `filename`.
    func download(_ request: ExportRequest, filename: String) throws -> Response {
        let exporter = ReportExporter(curriculum: curriculum)
        let stream = EventStream()
        var headers = HTTPHeaders()
        headers.set("Content-Type", request.contentType)
        headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        headers.set("Cache-Control", "no-store")
        let database = self.database
        let thread = Thread {
            let output = ChunkedOutput(chunkSize: Self.chunkSize) { chunk in
                // The client left, or the server is shutting down: stop reading rows.
                guard !stream.isCancelled, !stream.isFinished else { throw ClientGone() }
                stream.write(chunk)
                stream.waitForSpace(below: Self.highWaterMark)
            }
            do {
                try database.read { db in _ = try exporter.export(request, from: db, to: output) }
                stream.finish()
            } catch {
                stream.fail()
            }
        }
        thread.name = "wardsim-export"
        thread.start()
        return Response(status: 200, headers: headers, body: .stream(stream))
    }

    private struct ClientGone: Error {}

    /// `wardsim-progress-2026-03-01.csv` and the like.
    static func filename(_ stem: String, _ extension: String) -> String {
        let day = Date().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
        return "wardsim-\(stem)-\(day).\(`extension`)"
    }

    // MARK: - Analytics

    func scenarioAnalytics(_ scenarioID: String, filter: ReportFilter) throws -> ScenarioAnalytics {
        let data = try database.read { try ScenarioAnalyticsQuery($0).load(scenarioID: scenarioID, filter: filter) }
        guard data.title != nil || data.attempts > 0 else { throw HTTPError.notFound("No scenario '\(scenarioID)'.") }
        return ScenarioAnalytics(data: data, curriculum: curriculum)
    }

    func cohortAnalytics(_ cohortID: Int64, since: Date?, pathID: String?) throws -> CohortAnalytics {
        let filter = ReportFilter(cohortIDs: [cohortID], since: since)
        return try database.read { db in
            guard let data = try CohortAnalyticsQuery(db).load(cohortID: cohortID, filter: filter) else {
                throw HTTPError.notFound("No such cohort.")
            }
            var evidence: [MasteryEvidence] = []
            try MasteryEvidenceQuery(db).forEach(
                competencyIDs: curriculum.competencies.map(\.id), filter: ReportFilter(cohortIDs: [cohortID])
            ) { evidence.append($0) }
            return CohortAnalytics(data: data, evidence: evidence, curriculum: curriculum, pathID: pathID)
        }
    }
}
