import Foundation
import Testing
import WardSimCore
import WardSimStore

@testable import WardSimApp

/// Grades are a pure function of (scenario version, events, rubric): regrading the
/// stored events of a submitted encounter with Core's `Grader`, against the stored
/// scenario document, reproduces the stored report byte for byte.
@Suite("Regrading")
struct RegradingTests {
    @Test(arguments: ["chest-pain-inferior-stemi", "sick-day-rules-sglt2", "pneumonia-penicillin-anaphylaxis"])
    func regradingTheStoredEventsGivesTheStoredReport(_ scenarioID: String) async throws {
        let app = try TestApp()
        let scenario = try #require(app.app.library.scenario(scenarioID))
        let careful = try await app.signedInClient("careful", role: .trainee)
        let careless = try await app.signedInClient("careless", role: .trainee)
        let runs = [
            try await TrainingRun.careful(scenario).play(scenarioID, as: careful),
            try await TrainingRun.careless(scenario).play(scenarioID, as: careless),
        ]
        for played in runs {
            let (stored, regraded) = try Self.regrade(played.encounter.id, in: app.app)
            #expect(regraded == stored, "regrading \(played.encounter.id) changed the report")
            // And the report is what the trainee was shown.
            let shown = try JSONSerialization.jsonObject(with: stored) as? [String: Any]
            #expect(shown?["overall"] as? Double == played.overall)
        }
    }

    /// The stored report and a fresh regrade of the stored events, both as bytes.
    static func regrade(_ encounterID: String, in app: WardSimApplication) throws -> (stored: Data, regraded: Data) {
        try app.database.read { db in
            let encounter = try #require(try EncounterRepository(db).encounter(id: encounterID))
            let version = try #require(try ScenarioVersionRepository(db).version(rowID: encounter.scenarioVersionRowID))
            let scenario = try JSONDecoder().decode(Scenario.self, from: version.document)
            let entries = try EncounterRepository(db).events(encounterID: encounterID).map { event in
                EncounterEntry(at: event.at, event: try JSONDecoder().decode(EncounterEvent.self, from: event.payload))
            }
            let stored = try #require(try GradeRepository(db).grade(encounterID: encounterID)).report
            let grader = Grader(curriculum: app.curriculum, defaults: app.library.defaults)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (stored, try encoder.encode(grader.grade(scenario: scenario, entries: entries)))
        }
    }
}
