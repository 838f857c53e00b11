import Foundation
import Testing

@testable import WardSimStore

@Suite("Report queries")
struct ReportQueriesTests {
    /// Two cohorts, three trainees, one instructor; encounters on two scenarios.
    static func seeded() throws -> (TemporaryDatabase, ReportSeed, ids: [String: Int64]) {
        let database = try TemporaryDatabase()
        let seed = ReportSeed(pool: database.pool)
        let red = try seed.cohort("Red")
        let blue = try seed.cohort("Blue")
        let ana = try seed.user("ana", cohort: red)
        let ben = try seed.user("ben", cohort: red)
        let cy = try seed.user("cy", cohort: blue)
        _ = try seed.user("ida", role: "instructor")
        let chest = try seed.scenario("chest", title: "Chest pain")
        let rash = try seed.scenario("rash", title: "Rash")
        try seed.encounter(
            "e1", user: ana, scenario: chest, started: ReportSeed.date("2026-02-01T09:00:00Z"), minutes: 12,
            overall: 0.8, scores: [("history-taking", 0.9), ("ai-output-evaluation", 0.5)],
            report: ReportSeed.report(sound: false, decision: "accept", commission: true, missed: [("onset", true)]))
        try seed.encounter(
            "e2", user: ana, scenario: rash, started: ReportSeed.date("2026-02-03T09:00:00Z"), overall: 0.6,
            scores: [("history-taking", 0.7)])
        try seed.encounter(
            "e3", user: ben, scenario: chest, started: ReportSeed.date("2026-02-02T09:00:00Z"), overall: 0.4,
            scores: [("history-taking", 0.3), ("ai-output-evaluation", 1.0)],
            report: ReportSeed.report(
                sound: false, decision: "reject", diagnosisCorrect: false,
                missed: [("onset", true), ("smoker", false)],
                unnecessary: ["ct"]))
        try seed.encounter(
            "e4", user: cy, scenario: chest, started: ReportSeed.date("2026-03-01T09:00:00Z"), overall: 1.0,
            scores: [("history-taking", 1.0)],
            report: ReportSeed.report(sound: true, decision: "reject", overRejection: true))
        try seed.encounter(
            "p1", user: cy, scenario: rash, started: ReportSeed.date("2026-03-02T09:00:00Z"), overall: 0.1,
            scores: [("history-taking", 0.1)], practice: true)
        return (database, seed, ["red": red, "blue": blue, "ana": ana, "ben": ben, "cy": cy])
    }

    let competencies = ["history-taking", "ai-output-evaluation"]

    @Test func attemptsStreamOneRowPerGradedEncounterInGradingOrder() throws {
        let (database, _, _) = try Self.seeded()
        var rows: [AttemptRecord] = []
        try database.pool.read { db in
            try AttemptsQuery(db).forEach(competencyIDs: competencies, filter: ReportFilter()) { rows.append($0) }
        }
        #expect(rows.map(\.encounterID) == ["e1", "e3", "e2", "e4"])
        let first = rows[0]
        #expect(first.username == "ana" && first.cohort == "Red" && first.scenarioTitle == "Chest pain")
        #expect(first.scores == [0.9, 0.5])
        #expect(first.automationBias?.commission == true && first.automationBias?.overRejection == false)
        #expect(first.aiSound == false && first.aiDecision == "accept" && first.diagnosisCorrect == true)
        #expect(abs((first.durationSeconds ?? 0) - 720) < 0.01)
        // No automationBias key: nil, not false.
        #expect(rows[2].automationBias == nil && rows[2].scores == [0.7, nil])
        #expect(try database.pool.read { try AttemptsQuery($0).count(filter: ReportFilter()) } == 4)
    }

    @Test func attemptsFilterByCohortAndSince() throws {
        let (database, _, ids) = try Self.seeded()
        func encounters(_ filter: ReportFilter) throws -> [String] {
            var result: [String] = []
            try database.pool.read { db in
                try AttemptsQuery(db).forEach(competencyIDs: competencies, filter: filter) {
                    result.append($0.encounterID)
                }
            }
            return result
        }
        #expect(try encounters(ReportFilter(cohortIDs: [ids["red"]!])) == ["e1", "e3", "e2"])
        #expect(try encounters(ReportFilter(cohortIDs: [])) == [])
        #expect(try encounters(ReportFilter(since: ReportSeed.date("2026-02-03T00:00:00Z"))) == ["e2", "e4"])
    }

    @Test func masteryEvidenceHasEveryTraineeAndCompetencyWithScoresInTimeOrder() throws {
        let (database, _, ids) = try Self.seeded()
        var groups: [MasteryEvidence] = []
        try database.pool.read { db in
            try MasteryEvidenceQuery(db).forEach(competencyIDs: competencies, filter: ReportFilter()) {
                groups.append($0)
            }
        }
        // 3 trainees × 2 competencies; the instructor is not a trainee.
        #expect(groups.count == 6)
        let anaHistory = groups.first { $0.userID == ids["ana"] && $0.competencyID == "history-taking" }
        #expect(anaHistory?.scores == [0.9, 0.7])
        #expect(anaHistory?.lastActivity?.text.hasPrefix("2026-02-03") == true)
        // Practice encounters are not evidence.
        let cyHistory = groups.first { $0.userID == ids["cy"] && $0.competencyID == "history-taking" }
        #expect(cyHistory?.scores == [1.0])
        let cyAI = groups.first { $0.userID == ids["cy"] && $0.competencyID == "ai-output-evaluation" }
        #expect(cyAI?.scores == [] && cyAI?.lastActivity == nil)
        // Order: trainee by trainee, competencies in the order asked for.
        #expect(groups.map(\.competencyID) == Array(repeating: competencies, count: 3).flatMap { $0 })
    }

    @Test func masteryEvidenceSinceKeepsRecentlyActiveGroupsWithAllTheirScores() throws {
        let (database, _, ids) = try Self.seeded()
        var groups: [MasteryEvidence] = []
        try database.pool.read { db in
            try MasteryEvidenceQuery(db).forEach(
                competencyIDs: competencies, filter: ReportFilter(since: ReportSeed.date("2026-02-03T00:00:00Z"))
            ) { groups.append($0) }
        }
        #expect(groups.map(\.userID) == [ids["ana"]!, ids["cy"]!])
        #expect(groups[0].scores == [0.9, 0.7])
    }

    @Test func scenarioAnalyticsAggregatesTheReport() throws {
        let (database, seed, ids) = try Self.seeded()
        try seed.feedback(
            "e1", user: ids["ana"]!, rating: 4, comment: "good case", at: ReportSeed.date("2026-02-01T10:00:00Z"))
        try seed.feedback("e3", user: ids["ben"]!, rating: 2, comment: " ", at: ReportSeed.date("2026-02-02T10:00:00Z"))
        let data = try database.pool.read {
            try ScenarioAnalyticsQuery($0).load(scenarioID: "chest", filter: ReportFilter())
        }
        #expect(data.title == "Chest pain")
        #expect(data.attempts == 3 && data.trainees == 3)
        #expect(data.competencies["history-taking"]?.count == 3)
        #expect(abs((data.competencies["history-taking"]?.sum ?? 0) - 2.2) < 1e-9)
        #expect(data.missedCriticalFacts.map(\.id) == ["onset"] && data.missedCriticalFacts[0].count == 2)
        #expect(data.missedCriticalFacts[0].hint == "ask about onset")
        #expect(data.unnecessaryInvestigations.map(\.label) == ["CT"])
        #expect(data.diagnosisJudged == 3 && data.diagnosisCorrect == 2)
        #expect(data.aiDecisions == ["unsound|accept": 1, "unsound|reject": 1, "sound|reject": 1])
        #expect(data.ratings == [4: 1, 2: 1])
        #expect(data.comments.map(\.comment) == ["good case"])
        // Only ana played elsewhere (cy's other encounter was practice).
        #expect(data.discrimination == [.init(userID: ids["ana"]!, scenarioScore: 0.8, meanElsewhere: 0.6)])
        let red = try database.pool.read {
            try ScenarioAnalyticsQuery($0).load(scenarioID: "chest", filter: ReportFilter(cohortIDs: [ids["blue"]!]))
        }
        #expect(red.attempts == 1 && red.aiDecisions == ["sound|reject": 1])
    }

    @Test func cohortAnalyticsCountsBiasAndCompletedScenarios() throws {
        let (database, _, ids) = try Self.seeded()
        let data = try database.pool.read { try CohortAnalyticsQuery($0).load(cohortID: ids["red"]!) }
        #expect(data?.cohortName == "Red")
        #expect(data?.trainees.map(\.username) == ["ana", "ben"])
        let ana = data?.trainees[0]
        #expect(ana?.graded == 2 && ana?.unsoundSeen == 1 && ana?.commission == 1 && ana?.soundSeen == 0)
        #expect(ana?.completedScenarios == ["chest", "rash"])
        #expect(try database.pool.read { try CohortAnalyticsQuery($0).load(cohortID: 999) } == nil)
    }

    @Test func theLedgerRemembersAcknowledgedStatementsPerEndpoint() throws {
        let database = try TemporaryDatabase()
        try database.pool.write { db in
            try StatementLedgerRepository(db).record(["a", "b"], endpoint: "https://lrs.one")
            try StatementLedgerRepository(db).record(["b"], endpoint: "https://lrs.one")
        }
        let (one, two) = try database.pool.read { db in
            (
                try StatementLedgerRepository(db).sentIDs(among: ["a", "b", "c"], endpoint: "https://lrs.one"),
                try StatementLedgerRepository(db).sentIDs(among: ["a", "b", "c"], endpoint: "https://lrs.two")
            )
        }
        #expect(one == ["a", "b"] && two.isEmpty)
    }
}

@Suite("Report queries on the engine's stored report")
struct EngineReportShapeTests {
    /// The shape `GradeReport` is stored in (WardSimCore/Grading), which names the
    /// documented debrief's fields differently.
    static var engineReport: [String: Any] {
        [
            "history": [
                "elicitedFactIds": [] as [Any], "elicited": [] as [Any],
                "missed": [
                    [
                        "id": "onset", "critical": true, "redFlag": true, "answer": "An hour ago",
                        "exampleQuestion": "When?",
                    ]
                ],
            ],
            "investigations": [
                "neededOrdered": [] as [Any], "neededMissed": [] as [Any],
                "unnecessaryOrdered": [["id": "ct", "label": "CT head", "cost": 100]], "totalCost": 100,
                "elapsedMinutes": 5,
            ],
            "diagnosis": ["final": ["text": "STEMI", "correct": true], "accepted": ["STEMI"]],
            "appraisal": [
                "recommendationId": "r1", "sound": false, "decision": "modify", "expectedDecision": "reject",
            ],
            "automationBias": [
                "appraised": true, "recommendationSound": false, "commission": false, "overRejection": false,
                "switchedCorrectToIncorrect": true, "switchedIncorrectToCorrect": false,
            ],
        ]
    }

    @Test func attemptsAndAnalyticsReadTheStoredShape() throws {
        let database = try TemporaryDatabase()
        let seed = ReportSeed(pool: database.pool)
        let user = try seed.user("ana")
        let chest = try seed.scenario("chest")
        try seed.encounter(
            "e1", user: user, scenario: chest, started: ReportSeed.date("2026-02-01T09:00:00Z"), overall: 0.5,
            scores: [("history-taking", 0.5)], report: Self.engineReport)
        var attempts: [AttemptRecord] = []
        try database.pool.read { db in
            try AttemptsQuery(db).forEach(competencyIDs: ["history-taking"], filter: ReportFilter()) {
                attempts.append($0)
            }
        }
        #expect(attempts.first?.aiSound == false && attempts.first?.aiDecision == "modify")
        #expect(attempts.first?.diagnosisCorrect == true)
        #expect(attempts.first?.automationBias?.switchedCorrectToIncorrect == true)
        let data = try database.pool.read {
            try ScenarioAnalyticsQuery($0).load(scenarioID: "chest", filter: ReportFilter())
        }
        #expect(data.missedCriticalFacts.map(\.id) == ["onset"] && data.missedCriticalFacts[0].redFlag)
        #expect(data.unnecessaryInvestigations.map(\.label) == ["CT head"])
        #expect(data.diagnosisJudged == 1 && data.diagnosisCorrect == 1)
        #expect(data.aiDecisions == ["unsound|modify": 1])
    }
}
