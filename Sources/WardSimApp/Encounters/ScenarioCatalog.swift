import Foundation
import WardSimCore
import WardSimStore

/// Every scenario version an encounter can be played on, by its `scenario_versions` row.
///
/// The shipped library is recorded in the database at start, so encounters always point
/// at an immutable stored document; later edits to a file (or authored versions) never
/// change what a past encounter was graded against. Patient engines are built once per
/// version (retrieval indexes the facts) and cached.
final class ScenarioCatalog: @unchecked Sendable {
    // `lock` protects `scenarios`, `engines` and `current`; `refreshLock` serialises
    // `refresh(scenarioID:)` (taken before `lock`, never inside it).
    private let lock = NSLock()
    private let refreshLock = NSLock()
    private var scenarios: [Int64: Scenario] = [:]
    private var engines: [Int64: PatientEngine] = [:]
    /// Scenario id → the row trainees get when they start it now.
    private var current: [String: Int64] = [:]
    private let database: DatabasePool
    private let voice: (any PatientVoice)?

    /// Records the shipped library and makes the published version of each scenario
    /// current: the library's, or a newer one an author published (the database keeps
    /// authored versions and archiving across restarts). A library file whose version
    /// is new and published replaces an older published version, as a publish would.
    init(library: ScenarioLibrary, database: DatabasePool, voice: (any PatientVoice)?) throws {
        self.database = database
        self.voice = voice
        // Encoded up front on every core: with hundreds of scenarios this was a fifth of
        // the start-up, and it needs no database.
        let documents = try library.scenarios.concurrentMap { file in
            Result {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return try encoder.encode(file)
            }
        }.map { try $0.get() }
        // A read-only database is served as it is when it already records every shipped
        // version (reads only); one that lacks a version cannot start.
        // Asked once, outside the transaction: `isReadOnly` takes the writer's lock, which
        // the transaction below already holds (asking inside it deadlocks the start).
        let readOnly = database.isReadOnly
        func record<T>(_ body: (Database) throws -> T) throws -> T {
            if readOnly { return try database.read(body) }
            return try database.writeTransaction(body)
        }
        let published = try record { db in
            let versions = ScenarioVersionRepository(db)
            for (file, document) in zip(library.scenarios, documents) {
                let row = try versions.recordLibraryVersion(
                    scenarioID: file.id, version: file.version, status: file.status.rawValue, document: document)
                // A file edited without a version bump must not change what this version
                // is: the stored document wins, as `recordLibraryVersion` promises.
                var scenario = file
                if let stored = try versions.version(rowID: row), stored.document != document {
                    scenario = try JSONDecoder().decode(Scenario.self, from: stored.document)
                }
                scenarios[row] = scenario
            }
            let published = try versions.published()
            if !readOnly {
                for version in published {
                    try versions.archivePublished(scenarioID: version.scenarioID, keeping: version.rowID)
                }
            }
            return published
        }
        for version in published {
            if scenarios[version.rowID] == nil {
                scenarios[version.rowID] = try JSONDecoder().decode(Scenario.self, from: version.document)
            }
            current[version.scenarioID] = version.rowID
        }
    }

    /// Published scenarios offered to trainees, in title order.
    var published: [(row: Int64, scenario: Scenario)] {
        lock.withLock {
            current.values.compactMap { row in scenarios[row].map { (row, $0) } }
                .sorted { $0.scenario.title < $1.scenario.title }
        }
    }

    /// The row trainees start for `scenarioID`, or nil when it is not published.
    func currentRow(for scenarioID: String) -> Int64? { lock.withLock { current[scenarioID] } }

    /// The scenario stored at `row` (decoded once, then cached).
    func scenario(row: Int64) throws -> Scenario {
        if let cached = lock.withLock({ scenarios[row] }) { return cached }
        guard let stored = try database.read({ try ScenarioVersionRepository($0).version(rowID: row) }) else {
            throw EncounterFailure.notFound
        }
        let scenario = try JSONDecoder().decode(Scenario.self, from: stored.document)
        lock.withLock { scenarios[row] = scenario }
        return scenario
    }

    /// The patient engine for the scenario at `row`.
    func engine(row: Int64) throws -> PatientEngine {
        if let cached = lock.withLock({ engines[row] }) { return cached }
        let engine = PatientEngine(scenario: try scenario(row: row), llm: voice)
        lock.withLock { engines[row] = engine }
        return engine
    }

    /// Makes the version trainees start for `scenarioID` the one the database says is
    /// published (none when it is archived), after an author published or archived it.
    ///
    /// Reading the committed state, rather than being told the row, keeps the catalog
    /// right when two authors publish or archive at once: refreshes run one at a time
    /// (`refreshLock`), and each reads after its own change committed, so the last one
    /// applied is never older than the database.
    func refresh(scenarioID: String) throws {
        try refreshLock.withLock {
            let stored = try database.read { db in try ScenarioVersionRepository(db).published(scenarioID: scenarioID) }
            guard let stored else {
                _ = lock.withLock { current.removeValue(forKey: scenarioID) }
                return
            }
            let scenario = try scenario(row: stored.rowID)
            lock.withLock { current[scenario.id] = stored.rowID }
        }
    }
}
