import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

@Suite("Encounter cache")
struct EncounterCacheTests {
    let scenarioID = "chest-pain-inferior-stemi"

    /// Two servers on one database: each caches its fold, and each must still see the
    /// turns the other recorded (the log is the truth; the cache only saves replaying it).
    @Test func aServerSeesTurnsRecordedBehindItsCache() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-cache-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TestApp(directory: folder)
        let second = try TestApp(directory: folder)
        let browser = try await first.signedInClient("cached", role: .trainee)
        let elsewhere = second.newClient()
        elsewhere.storeCookie("wardsim_session", browser.sessionCookie)
        elsewhere.csrfToken = browser.csrfToken

        let (encounter, _) = try await EncounterClient.start(scenarioID, as: browser)
        #expect(try await encounter.ask("Hello, what brings you in?").status == 200)
        #expect(try await encounter.through(elsewhere).ask("When did the pain start?").status == 200)
        let third = try await encounter.ask("Do you smoke?")
        #expect(third.status == 200)
        #expect(third.json["turn"] as? Int == 3, "the first server folded the turn the second one recorded")

        let questions = try await encounter.view().objects("transcript").compactMap { $0["question"] as? String }
        #expect(questions == ["Hello, what brings you in?", "When did the pain start?", "Do you smoke?"])
        #expect(first.app.encounters.cache.count == 1)
    }

    @Test func aRefusedActionLeavesTheCachedFoldAsItWas() async throws {
        let app = try TestApp()
        let browser = try await app.signedInClient("refused", role: .trainee)
        let (encounter, _) = try await EncounterClient.start(scenarioID, as: browser)
        #expect(try await encounter.ask("Any allergies?").status == 200)
        #expect(try await encounter.submit().status == 409, "submitting before a diagnosis is refused")
        #expect(try await encounter.ask("Any medicines?").status == 200, "still interviewing")
        let transcript = try await encounter.view().objects("transcript")
        #expect(transcript.count == 2)
    }

    @Test func keepsTheNewestFoldAndDropsTheLeastRecentlyUsed() throws {
        let folder = TestApp.repositoryRoot.appendingPathComponent("Scenarios").path
        let scenario = try #require(try ScenarioLibrary.load(folder: folder).scenarios.first)
        let cache = EncounterCache(capacity: 4)
        func machine(_ id: String) throws -> EncounterMachine {
            try EncounterMachine(encounterID: id, scenario: scenario, defaults: .empty)
        }
        for id in ["a", "b", "c", "d"] { cache.store(try machine(id), sequence: 1, for: id) }
        cache.store(try machine("a"), sequence: 5, for: "a")
        cache.store(try machine("a"), sequence: 3, for: "a")
        #expect(cache.machine(for: "a")?.sequence == 5, "an older fold never replaces a newer one")
        _ = cache.machine(for: "c")
        _ = cache.machine(for: "d")
        cache.store(try machine("e"), sequence: 1, for: "e")
        #expect(cache.count == 4)
        #expect(cache.machine(for: "b") == nil, "b was used least recently")
        #expect(cache.machine(for: "e")?.sequence == 1)
    }
}
