import Foundation
import WardSimCore
import WardSimStore

@testable import WardSimApp

/// A temporary database seeded with a small, awkward cohort: names with commas, quotes,
/// accents and formula triggers, a report without `automationBias`, a practice
/// encounter, and the README's worked mastery example.
final class ExportTestDatabase: @unchecked Sendable {
    // Seeded in init, then only read (the pool locks its own connections); a test hands
    // it to one worker thread at a time.
    let directory: URL
    let pool: DatabasePool
    let curriculum: Curriculum
    var ids: [String: Int64] = [:]

    static let curriculumPath = TestApp.repositoryRoot.appendingPathComponent("Curriculum").path

    init(seed: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("w.sqlite").path)
        curriculum = try ReportCurriculum.load(folder: Self.curriculumPath)
        if seed { try self.seed() }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    private func seed() throws {
        let ward = try ReportFixtures.cohort(pool, #"Ward 7, "North""#)
        let night = try ReportFixtures.cohort(pool, "Night shift")
        let ana = try ReportFixtures.user(pool, "ana", displayName: "Zoë Ana", cohort: ward)
        let ben = try ReportFixtures.user(pool, "ben", displayName: "=SUM(A1:A9)", cohort: ward)
        let cy = try ReportFixtures.user(pool, "cy", displayName: "-Cy\nNewline", cohort: night)
        _ = try ReportFixtures.user(pool, "ida", role: "instructor")
        let chest = try ReportFixtures.scenario(pool, "chest-pain", title: #""Indigestion", and sweating"#)
        let rash = try ReportFixtures.scenario(pool, "rash", title: "Rash")
        ids = ["ward": ward, "night": night, "ana": ana, "ben": ben, "cy": cy, "chest": chest, "rash": rash]

        // The worked example of Curriculum/README.md: 0.5, 0.8, 1.0 in ai-output-evaluation.
        try ReportFixtures.encounter(
            pool, "e1", user: ana, scenario: chest, started: "2026-02-01T09:00:00Z", minutes: 12.5, overall: 0.55,
            scores: [("ai-output-evaluation", 0.5), ("history-taking", 0.6)],
            report: ReportFixtures.report(sound: false, decision: "accept", commission: true))
        try ReportFixtures.encounter(
            pool, "e2", user: ana, scenario: rash, started: "2026-02-02T09:00:00Z", overall: 0.8,
            scores: [("ai-output-evaluation", 0.8)],
            report: ReportFixtures.report(sound: true, decision: "accept", toCorrect: true))
        try ReportFixtures.encounter(
            pool, "e3", user: ana, scenario: chest, started: "2026-02-03T09:00:00Z", minutes: 61, overall: 1.0,
            scores: [("ai-output-evaluation", 1.0), ("history-taking", 0.9), ("clinical-reasoning", 0.75)],
            report: ReportFixtures.report(sound: false, decision: "reject"))
        // No automationBias, no ai: empty cells.
        try ReportFixtures.encounter(
            pool, "e4", user: ben, scenario: chest, started: "2026-02-04T09:00:00Z", overall: 0.25,
            scores: [("history-taking", 0.25)], report: ["diagnosis": ["correct": false]])
        try ReportFixtures.encounter(
            pool, "e5", user: cy, scenario: rash, started: "2026-03-01T09:00:00Z", overall: 0.7,
            scores: [("history-taking", 0.7)],
            report: ReportFixtures.report(sound: true, decision: "reject", overRejection: true))
        // Practice does not count.
        try ReportFixtures.encounter(
            pool, "p1", user: cy, scenario: rash, started: "2026-03-02T09:00:00Z", overall: 0.1,
            scores: [("history-taking", 0.1)], practice: true)
    }

    /// Runs an export into memory.
    func export(_ request: ExportRequest, chunkSize: Int = 64 << 10) throws -> (text: String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        let output = ChunkedOutput(chunkSize: chunkSize) { chunk in
            bytes += chunk
            chunks += 1
        }
        try pool.read { db in _ = try ReportExporter(curriculum: curriculum).export(request, from: db, to: output) }
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    /// `count` more graded encounters for `user`, written in one statement.
    func bulkEncounters(_ count: Int, user: Int64) throws {
        try pool.writeTransaction { db in
            try db.execute(
                """
                WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
                INSERT INTO encounters(id, user_id, scenario_version_id, state, practice, started_at, updated_at, submitted_at)
                SELECT printf('bulk-%06d', i), ?, ?, 'submitted', 0,
                       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-04-01', printf('+%d seconds', i * 60)),
                       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-04-01', printf('+%d seconds', i * 60 + 30)),
                       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-04-01', printf('+%d seconds', i * 60 + 30))
                FROM k
                """, [count, user, ids["chest"]!])
            try db.execute(
                """
                INSERT INTO grades(encounter_id, user_id, overall, report, graded_at)
                SELECT id, user_id, 0.5, '{"automationBias":{"commission":false}}', submitted_at
                FROM encounters WHERE id LIKE 'bulk-%'
                """)
            try db.execute(
                """
                INSERT INTO competency_scores(encounter_id, user_id, competency_id, score, weight, at)
                SELECT id, user_id, 'history-taking', 0.5, 1, submitted_at FROM encounters WHERE id LIKE 'bulk-%'
                """)
        }
    }
}
