import WardSimCore
import WardSimStore

/// Runs an export: streams rows from a report query into a CSV, JSON or xAPI writer.
///
/// Nothing is collected: each row is formatted and handed to a `ChunkedOutput` as it is
/// stepped out of SQLite, so memory stays at one row plus one output chunk whether the
/// export has ten rows or 100,000 (the benchmark measures this). `progress` is called
/// with the number of source rows done; callers throttle what they show.
struct ReportExporter {
    let curriculum: Curriculum

    /// How many source rows the export will read: trainee × competency pairs for
    /// mastery, graded encounters otherwise. An upper bound for mastery with `since`.
    func total(_ request: ExportRequest, in db: Database) throws -> Int {
        if request.format != .xapi, request.kind == .mastery {
            return try MasteryEvidenceQuery(db).traineeCount(filter: request.filter) * curriculum.competencies.count
        }
        return try AttemptsQuery(db).count(filter: request.filter)
    }

    /// The statement the export runs, with its arguments.
    func query(_ request: ExportRequest) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let ids = curriculum.competencies.map(\.id)
        if request.format != .xapi, request.kind == .mastery {
            return MasteryEvidenceQuery.sql(competencyIDs: ids, filter: request.filter)
        }
        return AttemptsQuery.sql(competencyIDs: ids, filter: request.filter)
    }

    /// Writes the export to `output` (and finishes it); returns the rows written
    /// (statements, for xAPI).
    @discardableResult
    func export(
        _ request: ExportRequest, from db: Database, to output: ChunkedOutput, progress: (Int) -> Void = { _ in }
    ) throws -> Int {
        var written = 0
        switch (request.format, request.kind) {
        case (.csv, .mastery):
            let report = MasteryReport(curriculum: curriculum)
            var csv = CSVWriter(output: output)
            try csv.writeHeader(MasteryReport.columns)
            try MasteryEvidenceQuery(db).forEach(competencyIDs: report.competencyIDs, filter: request.filter) {
                try csv.writeRow(report.cells($0))
                written += 1
                progress(written)
            }
        case (.csv, .attempts):
            let report = AttemptsReport(curriculum: curriculum)
            var csv = CSVWriter(output: output)
            try csv.writeHeader(report.columns)
            try AttemptsQuery(db).forEach(competencyIDs: report.competencyIDs, filter: request.filter) {
                try csv.writeRow(report.cells($0))
                written += 1
                progress(written)
            }
        case (.json, .mastery):
            let report = MasteryReport(curriculum: curriculum)
            var array = JSONArrayWriter(output: output)
            try MasteryEvidenceQuery(db).forEach(competencyIDs: report.competencyIDs, filter: request.filter) {
                try array.append(report.json($0))
                written += 1
                progress(written)
            }
            try array.finish()
        case (.json, .attempts):
            let report = AttemptsReport(curriculum: curriculum)
            var array = JSONArrayWriter(output: output)
            try AttemptsQuery(db).forEach(competencyIDs: report.competencyIDs, filter: request.filter) {
                try array.append(report.json($0))
                written += 1
                progress(written)
            }
            try array.finish()
        case (.xapi, _):
            var array = JSONArrayWriter(output: output)
            try forEachStatement(request, in: db, progress: progress) {
                try array.append($0.json)
                written += 1
            }
            try array.finish()
        }
        try output.finish()
        return written
    }

    /// Every xAPI statement of the encounters the request covers, encounter by
    /// encounter; `progress` counts encounters.
    func forEachStatement(
        _ request: ExportRequest, in db: Database, progress: (Int) -> Void = { _ in },
        _ body: (XAPIStatement) throws -> Void
    ) throws {
        let builder = XAPIStatementBuilder(baseURL: request.baseURL, curriculum: curriculum)
        var encounters = 0
        try AttemptsQuery(db).forEach(competencyIDs: builder.competencyIDs, filter: request.filter) { attempt in
            for statement in builder.statements(for: attempt) { try body(statement) }
            encounters += 1
            progress(encounters)
        }
    }
}
