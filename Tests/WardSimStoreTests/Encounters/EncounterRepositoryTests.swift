import Foundation
import Testing

@testable import WardSimStore

@Suite("Encounter persistence")
struct EncounterRepositoryTests {
    static func seeded() throws -> (TemporaryDatabase, DatabasePool, Int64, Int64) {
        let directory = try TemporaryDatabase()
        let pool = directory.pool
        let (userID, versionID) = try pool.write { db -> (Int64, Int64) in
            try db.execute(
                """
                INSERT INTO users(username, display_name, role, password_hash, created_at, updated_at)
                VALUES ('t', 'T', 'trainee', 'x', '2026-01-01', '2026-01-01')
                """)
            let user = db.lastInsertedRowID
            let version = try ScenarioVersionRepository(db).recordLibraryVersion(
                scenarioID: "case", version: 1, status: "published", document: Data(#"{"id":"case"}"#.utf8))
            return (user, version)
        }
        return (directory, pool, userID, versionID)
    }

    @Test func eventsAreAppendedInOrderWithTheStateChange() throws {
        let (directory, pool, userID, versionID) = try Self.seeded()
        _ = directory
        try pool.writeTransaction { db in
            let encounters = EncounterRepository(db)
            try encounters.create(
                id: "e1", userID: userID, scenarioVersionRowID: versionID, state: "interviewing", practice: false,
                at: Date())
            try encounters.append([("started", Data("{}".utf8), Date())], to: "e1", state: "interviewing")
            try encounters.append(
                [("question", Data(#"{"text":"hi"}"#.utf8), Date()), ("reply", Data("{}".utf8), Date())], to: "e1",
                state: "interviewing")
            try encounters.append([("submitted", Data("{}".utf8), Date())], to: "e1", state: "submitted")
        }
        let (events, encounter) = try pool.read { db in
            (try EncounterRepository(db).events(encounterID: "e1"), try EncounterRepository(db).encounter(id: "e1"))
        }
        #expect(events.map(\.sequence) == [1, 2, 3, 4])
        #expect(events.map(\.type) == ["started", "question", "reply", "submitted"])
        #expect(String(decoding: events[1].payload, as: UTF8.self) == #"{"text":"hi"}"#)
        #expect(encounter?.state == "submitted")
        #expect(encounter?.submittedAt != nil)
    }

    @Test func libraryVersionsAreRecordedOnce() throws {
        let (directory, pool, _, versionID) = try Self.seeded()
        _ = directory
        let again = try pool.write { db in
            try ScenarioVersionRepository(db).recordLibraryVersion(
                scenarioID: "case", version: 1, status: "published", document: Data(#"{"id":"changed"}"#.utf8))
        }
        #expect(again == versionID)
        let stored = try pool.read { try ScenarioVersionRepository($0).version(rowID: versionID) }
        #expect(stored.map { String(decoding: $0.document, as: UTF8.self) } == #"{"id":"case"}"#)
    }

    @Test func draftsAreUpsertedPerField() throws {
        let (directory, pool, userID, versionID) = try Self.seeded()
        _ = directory
        try pool.write { db in
            try EncounterRepository(db).create(
                id: "e1", userID: userID, scenarioVersionRowID: versionID, state: "interviewing", practice: false,
                at: Date())
            let drafts = DraftRepository(db)
            try drafts.save(encounterID: "e1", field: "question", text: "how long")
            try drafts.save(encounterID: "e1", field: "question", text: "how long has it")
            try drafts.save(encounterID: "e1", field: "plan", text: "aspirin")
        }
        let drafts = try pool.read { try DraftRepository($0).drafts(encounterID: "e1") }
        #expect(drafts == ["question": "how long has it", "plan": "aspirin"])
    }

    @Test func gradesStoreScoresPerCompetency() throws {
        let (directory, pool, userID, versionID) = try Self.seeded()
        _ = directory
        try pool.write { db in
            try EncounterRepository(db).create(
                id: "e1", userID: userID, scenarioVersionRowID: versionID, state: "submitted", practice: false,
                at: Date())
            try GradeRepository(db).save(
                encounterID: "e1", userID: userID, overall: 0.75, report: Data("{}".utf8),
                scores: [("history-taking", 0.8, 1), ("clinical-reasoning", 0.7, 1.5)], at: Date())
        }
        let (scores, best) = try pool.read { db in
            (try GradeRepository(db).scores(userID: userID), try GradeRepository(db).bestScores(userID: userID))
        }
        #expect(scores.map(\.competencyID).sorted() == ["clinical-reasoning", "history-taking"])
        #expect(best["case"]?.attempts == 1)
        #expect(best["case"]?.best == 0.75)
    }
}
