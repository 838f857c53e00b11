import Foundation

@testable import WardSimStore

/// Writes users, cohorts, scenario versions and graded encounters through the real
/// repositories, so report queries are tested against rows shaped as the app writes them.
struct ReportSeed {
    let pool: DatabasePool

    func cohort(_ name: String) throws -> Int64 {
        try pool.write { db in
            try db.execute("INSERT INTO cohorts(name, created_at) VALUES (?, ?)", [name, "2026-01-01T00:00:00.000Z"])
            return db.lastInsertedRowID
        }
    }

    func user(_ username: String, role: String = "trainee", cohort: Int64? = nil) throws -> Int64 {
        try pool.write { db in
            try db.execute(
                """
                INSERT INTO users(username, display_name, role, cohort_id, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                """, [username, username.capitalized, role, cohort])
            return db.lastInsertedRowID
        }
    }

    func scenario(_ id: String, version: Int = 1, title: String? = nil) throws -> Int64 {
        let document = try JSONSerialization.data(withJSONObject: ["id": id, "title": title ?? id.capitalized])
        return try pool.write { db in
            try ScenarioVersionRepository(db).recordLibraryVersion(
                scenarioID: id, version: version, status: "published", document: document)
        }
    }

    /// A submitted, graded encounter.
    func encounter(
        _ id: String, user: Int64, scenario: Int64, started: Date, minutes: Double = 10, overall: Double,
        scores: [(String, Double)], report: [String: Any] = [:], practice: Bool = false
    ) throws {
        let submitted = started.addingTimeInterval(minutes * 60)
        var fullReport = report
        fullReport["overall"] = overall
        let data = try JSONSerialization.data(withJSONObject: fullReport, options: [.sortedKeys])
        try pool.writeTransaction { db in
            let encounters = EncounterRepository(db)
            try encounters.create(
                id: id, userID: user, scenarioVersionRowID: scenario, state: "interviewing", practice: practice,
                at: started)
            try encounters.append([("submitted", Data("{}".utf8), submitted)], to: id, state: "submitted")
            try GradeRepository(db).save(
                encounterID: id, userID: user, overall: overall, report: data,
                scores: scores.map { ($0.0, $0.1, 1.0) }, at: submitted)
        }
    }

    func feedback(_ encounterID: String, user: Int64, rating: Int, comment: String, at: Date) throws {
        try pool.write { db in
            try FeedbackRepository(db).save(
                encounterID: encounterID, userID: user, rating: rating, comment: comment, at: at)
        }
    }

    /// A report in the documented debrief shape (docs/api.md).
    static func report(
        sound: Bool, decision: String, commission: Bool = false, overRejection: Bool = false,
        toIncorrect: Bool = false, toCorrect: Bool = false, diagnosisCorrect: Bool = true,
        missed: [(id: String, critical: Bool)] = [], unnecessary: [String] = []
    ) -> [String: Any] {
        [
            "ai": ["sound": sound, "decision": decision],
            "automationBias": [
                "commission": commission, "overRejection": overRejection,
                "switchedCorrectToIncorrect": toIncorrect, "switchedIncorrectToCorrect": toCorrect,
            ],
            "diagnosis": ["correct": diagnosisCorrect],
            "facts": [
                "elicited": [] as [Any],
                "missed": missed.map {
                    [
                        "id": $0.id, "answer": "fact \($0.id)", "critical": $0.critical, "redFlag": false,
                        "exampleQuestion": "ask about \($0.id)",
                    ] as [String: Any]
                },
            ],
            "investigations": [
                "neededMissed": [] as [Any], "unnecessary": unnecessary.map { ["id": $0, "label": $0.uppercased()] },
            ],
        ]
    }

    static func date(_ text: String) -> Date {
        try! Date.ISO8601FormatStyle().parse(text)
    }
}
