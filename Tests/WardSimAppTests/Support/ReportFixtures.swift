import Foundation
import WardSimStore

/// Graded encounters written through the store's repositories, shaped like the
/// engine's (docs/api.md "Debrief object"), for report and analytics tests.
enum ReportFixtures {
    static func user(
        _ pool: DatabasePool, _ username: String, displayName: String? = nil, role: String = "trainee",
        cohort: Int64? = nil
    ) throws -> Int64 {
        try pool.write { db in
            try db.execute(
                """
                INSERT INTO users(username, display_name, role, cohort_id, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                """, [username, displayName ?? username.capitalized, role, cohort])
            return db.lastInsertedRowID
        }
    }

    static func cohort(_ pool: DatabasePool, _ name: String) throws -> Int64 {
        try pool.write { db in
            try db.execute("INSERT INTO cohorts(name, created_at) VALUES (?, ?)", [name, "2026-01-01T00:00:00.000Z"])
            return db.lastInsertedRowID
        }
    }

    static func scenario(_ pool: DatabasePool, _ id: String, title: String) throws -> Int64 {
        let document = try JSONSerialization.data(withJSONObject: ["id": id, "title": title])
        return try pool.write { db in
            try ScenarioVersionRepository(db).recordLibraryVersion(
                scenarioID: id, version: 1, status: "published", document: document)
        }
    }

    /// A submitted, graded encounter `minutes` long.
    static func encounter(
        _ pool: DatabasePool, _ id: String, user: Int64, scenario: Int64, started: String, minutes: Double = 10,
        overall: Double, scores: [(String, Double)], report: [String: Any]? = nil, practice: Bool = false
    ) throws {
        let start = date(started)
        let submitted = start.addingTimeInterval(minutes * 60)
        var body = report ?? [:]
        body["overall"] = overall
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        try pool.writeTransaction { db in
            let encounters = EncounterRepository(db)
            try encounters.create(
                id: id, userID: user, scenarioVersionRowID: scenario, state: "interviewing", practice: practice,
                at: start)
            try encounters.append([("submitted", Data("{}".utf8), submitted)], to: id, state: "submitted")
            try GradeRepository(db).save(
                encounterID: id, userID: user, overall: overall, report: data,
                scores: scores.map { ($0.0, $0.1, 1.0) }, at: submitted)
        }
    }

    /// A report in the documented debrief shape.
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
