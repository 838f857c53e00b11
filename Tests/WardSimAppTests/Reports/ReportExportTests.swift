import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("Report exports")
struct ReportExportTests {
    /// Mastery exactly as Curriculum/README.md states it (weights 0.5^(k/10), newest k = 0),
    /// written independently of `ReportMastery`'s incremental form.
    static func readmeMastery(_ scoresOldestFirst: [Double]) -> (mastery: Double, evidence: Double) {
        var alpha = 1.0
        var beta = 1.0
        for (k, score) in scoresOldestFirst.reversed().enumerated() {
            let weight = pow(0.5, Double(k) / 10)
            alpha += weight * score
            beta += weight * (1 - score)
        }
        return (alpha / (alpha + beta), alpha + beta - 2)
    }

    @Test func masteryCSVParsesBackToTheDatabase() throws {
        let database = try ExportTestDatabase()
        let (text, _) = try database.export(ExportRequest(kind: .mastery, format: .csv, baseURL: "http://x"))
        #expect(text.hasPrefix("\u{FEFF}"))
        let (header, rows) = try RFC4180.table(text)
        #expect(header == MasteryReport.columns)
        // Three trainees × every competency; the instructor is not a trainee.
        #expect(rows.count == 3 * database.curriculum.competencies.count)

        try database.pool.read { db in
            for row in rows {
                let username = try #require(row["username"])
                let competency = try #require(row["competency"])
                var scores: [Double] = []
                var last: String?
                try db.forEachRow(
                    """
                    SELECT s.score, s.at FROM competency_scores s JOIN users u ON u.id = s.user_id
                    JOIN encounters e ON e.id = s.encounter_id
                    WHERE u.username = ? AND s.competency_id = ? AND e.practice = 0 ORDER BY s.at
                    """, [username, competency]
                ) {
                    scores.append($0["score"]!); last = $0["at"]
                }
                let expected = Self.readmeMastery(scores)
                #expect(row["attempts"] == String(scores.count), "\(username) \(competency)")
                #expect(row["last_activity"] == (last ?? ""))
                let mastery = try #require(Double(row["mastery"] ?? ""))
                let evidence = try #require(Double(row["evidence"] ?? ""))
                #expect(abs(mastery - expected.mastery) < 0.00006, "\(username) \(competency)")
                #expect(abs(evidence - expected.evidence) < 0.00006)
                let cohort = try db.scalar(
                    String.self, "SELECT c.name FROM users u JOIN cohorts c ON c.id = u.cohort_id WHERE u.username = ?",
                    [username])
                #expect(row["cohort"] == cohort)
            }
        }
        // The README's worked example: 0.5, 0.8, 1.0 → mastery 0.662, evidence 2.804, advanced beginner.
        let worked = try #require(rows.first { $0["username"] == "ana" && $0["competency"] == "ai-output-evaluation" })
        #expect(worked["mastery"] == "0.6624" && worked["evidence"] == "2.8036")
        #expect(worked["level"] == "advanced-beginner" && worked["competency_name"] == "Evaluation of AI output")
        let untouched = try #require(rows.first { $0["username"] == "ben" && $0["competency"] == "documentation" })
        #expect(untouched["mastery"] == "0.5" && untouched["attempts"] == "0" && untouched["level"] == "novice")
    }

    @Test func textCellsAreGuardedAndQuoted() throws {
        let database = try ExportTestDatabase()
        let (text, _) = try database.export(ExportRequest(kind: .mastery, format: .csv, baseURL: "http://x"))
        let (_, rows) = try RFC4180.table(text)
        #expect(rows.contains { $0["display_name"] == "'=SUM(A1:A9)" })
        #expect(rows.contains { $0["display_name"] == "'-Cy\nNewline" })
        #expect(rows.contains { $0["display_name"] == "Zoë Ana" && $0["cohort"] == #"Ward 7, "North""# })
        #expect(text.contains(#""Ward 7, ""North""""#))
    }

    @Test func attemptsCSVParsesBackToTheDatabase() throws {
        let database = try ExportTestDatabase()
        let (text, _) = try database.export(ExportRequest(kind: .attempts, format: .csv, baseURL: "http://x"))
        let (header, rows) = try RFC4180.table(text)
        let competencies = database.curriculum.competencies.map(\.id)
        #expect(header == AttemptsReport(competencyIDs: competencies).columns)
        #expect(rows.map { $0["encounter_id"]! } == ["e1", "e2", "e3", "e4", "e5"])

        try database.pool.read { db in
            for row in rows {
                let id = try #require(row["encounter_id"])
                let grade = try #require(try db.row("SELECT overall, report FROM grades WHERE encounter_id = ?", [id]))
                #expect(Double(row["overall"]!) == grade["overall", as: Double.self])
                #expect(row["success"] == ((grade["overall", as: Double.self] ?? 0) >= 0.7 ? "true" : "false"))
                var stored: [String: Double] = [:]
                try db.forEachRow("SELECT competency_id, score FROM competency_scores WHERE encounter_id = ?", [id]) {
                    stored[$0["competency_id"]!] = $0["score"]
                }
                for competency in competencies {
                    #expect(
                        row[competency] == stored[competency].map { CSVWriter.format($0) } ?? "", "\(id) \(competency)")
                }
                let report = try JSONSerialization.jsonObject(with: Data((grade["report", as: String.self] ?? "").utf8))
                let bias = (report as? [String: Any])?["automationBias"] as? [String: Bool]
                for (column, key) in [
                    ("commission", "commission"), ("over_rejection", "overRejection"),
                    ("switched_correct_to_incorrect", "switchedCorrectToIncorrect"),
                    ("switched_incorrect_to_correct", "switchedIncorrectToCorrect"),
                ] {
                    #expect(row[column] == bias?[key].map { $0 ? "true" : "false" } ?? "", "\(id) \(column)")
                }
            }
        }
        let first = rows[0]
        #expect(first["username"] == "ana" && first["scenario_title"] == #""Indigestion", and sweating"#)
        #expect(first["duration_seconds"] == "750" && first["ai_decision"] == "accept" && first["ai_sound"] == "false")
        // No automationBias key: four empty cells, and no AI columns.
        #expect(rows[3]["commission"] == "" && rows[3]["ai_decision"] == "" && rows[3]["diagnosis_correct"] == "false")
    }

    @Test func filtersByCohortAndSince() throws {
        let database = try ExportTestDatabase()
        let night = ReportFilter(cohortIDs: [database.ids["night"]!])
        let (nightText, _) = try database.export(
            ExportRequest(kind: .attempts, format: .csv, filter: night, baseURL: "http://x"))
        #expect(try RFC4180.table(nightText).rows.map { $0["encounter_id"]! } == ["e5"])
        let since = ReportFilter(since: try ReportParameters.since("2026-02-03"))
        let (sinceText, _) = try database.export(
            ExportRequest(kind: .attempts, format: .csv, filter: since, baseURL: "http://x"))
        #expect(try RFC4180.table(sinceText).rows.map { $0["encounter_id"]! } == ["e3", "e4", "e5"])
        #expect(throws: ReportParameters.Invalid.self) { try ReportParameters.since("2026-02-30") }
        #expect(throws: ReportParameters.Invalid.self) { try ReportParameters.since("3 March") }
    }

    @Test func jsonExportsAreArraysOfTheSameRows() throws {
        let database = try ExportTestDatabase()
        let (attempts, _) = try database.export(ExportRequest(kind: .attempts, format: .json, baseURL: "http://x"))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(attempts.utf8)) as? [[String: Any]])
        #expect(array.map { $0["encounterId"] as? String } == ["e1", "e2", "e3", "e4", "e5"])
        #expect((array[0]["scores"] as? [String: Double]) == ["ai-output-evaluation": 0.5, "history-taking": 0.6])
        #expect(array[3]["automationBias"] is NSNull)
        #expect((array[0]["automationBias"] as? [String: Bool])?["commission"] == true)
        #expect(array[0]["displayName"] as? String == "Zoë Ana")

        let (mastery, _) = try database.export(ExportRequest(kind: .mastery, format: .json, baseURL: "http://x"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(mastery.utf8)) as? [[String: Any]])
        #expect(rows.count == 3 * database.curriculum.competencies.count)
        #expect(rows.contains { $0["displayName"] as? String == "=SUM(A1:A9)" }, "JSON is not a spreadsheet: no guard")

        let empty = try ExportTestDatabase(seed: false)
        #expect(try empty.export(ExportRequest(kind: .attempts, format: .json, baseURL: "http://x")).text == "[]\n")
    }

    /// Streaming: the writer hands output on in pieces while rows are still being read,
    /// and no piece is bigger than a chunk plus one row.
    @Test func exportsLeaveInChunksWhileRowsAreStillBeingRead() throws {
        let database = try ExportTestDatabase()
        try database.bulkEncounters(3000, user: database.ids["ben"]!)
        let exporter = ReportExporter(curriculum: database.curriculum)
        var rowsRead = 0
        var rowsReadAtFlush: [Int] = []
        var largest = 0
        let output = ChunkedOutput(chunkSize: 8 << 10) { chunk in
            rowsReadAtFlush.append(rowsRead)
            largest = max(largest, chunk.count)
        }
        let written = try database.pool.read { db in
            try exporter.export(
                ExportRequest(kind: .attempts, format: .csv, baseURL: "http://x"), from: db, to: output,
                progress: { rowsRead = $0 })
        }
        #expect(written == 3005)
        #expect(rowsReadAtFlush.count > 20)
        #expect(rowsReadAtFlush[0] < 200, "the first chunk left after \(rowsReadAtFlush[0]) rows, not at the end")
        #expect(zip(rowsReadAtFlush, rowsReadAtFlush.dropFirst()).allSatisfy { $0 < $1 })
        #expect(largest < (8 << 10) + 1024)
    }
}
