import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// Creates, versions, publishes and archives scenarios for instructors and administrators.
///
/// Every save inserts a new immutable version (see `ScenarioVersioning` for the rules);
/// publishing and archiving also update the runtime `ScenarioCatalog`, so trainees see the
/// change on their next request. Every change is written to the audit log in the same
/// transaction as the change itself.
struct AuthoringService: Sendable {
    let database: DatabasePool
    let catalog: ScenarioCatalog
    let check: ScenarioCheck
    let clock: WallClock

    typealias Status = ScenarioVersioning.Status
    typealias Source = ScenarioVersioning.Source

    // MARK: - Reading

    /// Every scenario with all its versions, library and authored, by title.
    func list() throws -> [ScenarioSummaryView] {
        let listings = try database.read { db in try ScenarioCatalogRepository(db).allVersions() }
        return Dictionary(grouping: listings, by: \.scenarioID).values
            .map { ScenarioSummaryView(versions: $0.sorted { $0.version < $1.version }) }
            .sorted { (Self.sortKey($0.title), $0.id) < (Self.sortKey($1.title), $1.id) }
    }

    /// Titles sort by their first letter or digit: `"Can you email…"` files under C.
    static func sortKey(_ title: String) -> String {
        String(title.lowercased().drop { !$0.isLetter && !$0.isNumber })
    }

    /// One scenario's versions and its newest document.
    func detail(_ id: String) throws -> ScenarioDetailView {
        try database.read { db in
            guard let latest = try ScenarioVersionRepository(db).latest(scenarioID: id) else {
                throw AuthoringFailure.notFound(id)
            }
            return ScenarioDetailView(summary: try summary(id, db: db), latest: try view(latest, db: db))
        }
    }

    /// Version `version` of `id`.
    func version(_ id: String, _ version: Int) throws -> VersionView {
        try database.read { db in try view(try stored(id, version, db: db), db: db) }
    }

    /// Checks a document without saving it; `scenarioID` names the scenario it edits
    /// (nil for a new one, whose id must then be free).
    func validate(_ data: Data, editing scenarioID: String?) throws -> ValidationView {
        var problems = check.check(data).problems
        if let id = try? JSONParser.parse(data)["id"]?.string {
            if let scenarioID, id != scenarioID {
                problems.append(AuthoringFailure.idChanged(from: scenarioID, to: id))
            } else if scenarioID == nil, try exists(id) {
                problems.append(
                    ValidationProblem(
                        file: id + ".json", path: JSONPath([.key("id")]),
                        message: "a scenario with id '\(id)' already exists; open it to edit, or choose another id"))
            }
        }
        let publishing = check.publishingOnlyProblems(data, besides: problems)
        return ValidationView(
            valid: problems.isEmpty, problems: problems.map(ProblemView.init),
            publishProblems: publishing.map(ProblemView.init))
    }

    // MARK: - Saving

    /// Creates a new scenario from a document: its first version, a draft. 409 when the
    /// id is taken (library scenarios included), 422 with every problem when invalid.
    func create(_ data: Data, by actor: AuditActor) throws -> SavedVersionView {
        let scenario = try valid(data)
        return try database.writeTransaction { db in
            guard try ScenarioVersionRepository(db).latest(scenarioID: scenario.id) == nil else {
                throw AuthoringFailure.idTaken(scenario.id)
            }
            return try insertDraft(
                scenario, number: scenario.version, source: .authored, action: "scenario.create", by: actor, db: db)
        }
    }

    /// Saves an edited document as a new draft version of `id`. The document's `version`
    /// must be the newest stored one (409 otherwise: someone saved meanwhile).
    func save(_ id: String, _ data: Data, by actor: AuditActor) throws -> SavedVersionView {
        var scenario = try valid(data)
        guard scenario.id == id else {
            throw AuthoringFailure.invalid([AuthoringFailure.idChanged(from: id, to: scenario.id)])
        }
        return try database.writeTransaction { db in
            guard let latest = try ScenarioVersionRepository(db).latest(scenarioID: id) else {
                throw AuthoringFailure.notFound(id)
            }
            try ScenarioVersioning.checkNotStale(
                documentVersion: scenario.version, latest: latest.version, scenarioID: id)
            scenario.status = .draft
            return try insertDraft(
                scenario, number: ScenarioVersioning.number(for: scenario.version, after: latest.version),
                source: .authored, action: "scenario.save", by: actor, db: db)
        }
    }

    /// Imports a scenario file: a new scenario, or a new draft version of an existing one.
    /// The file keeps its version number when that is higher than any stored one, so an
    /// exported file imported elsewhere comes back as the same document.
    func importFile(_ data: Data, by actor: AuditActor) throws -> (SavedVersionView, created: Bool) {
        let scenario = try valid(data)
        return try database.writeTransaction { db in
            let latest = try ScenarioVersionRepository(db).latest(scenarioID: scenario.id)
            let saved = try insertDraft(
                scenario, number: ScenarioVersioning.number(for: scenario.version, after: latest?.version),
                source: .imported, action: "scenario.import", by: actor, db: db)
            return (saved, latest == nil)
        }
    }

    /// Publishes the newest version of `id` as a new, immutable published version and
    /// offers it to trainees at once. `expectedVersion`, when given, must be the newest
    /// version (what the author reviewed). 422 with every problem when the document does
    /// not meet the rules for published scenarios; 409 when it is already published.
    func publish(_ id: String, expectedVersion: Int?, by actor: AuditActor) throws -> SavedVersionView {
        let saved = try database.writeTransaction { db in
            let versions = ScenarioVersionRepository(db)
            guard let latest = try versions.latest(scenarioID: id) else { throw AuthoringFailure.notFound(id) }
            if let expectedVersion, expectedVersion != latest.version {
                throw HTTPError.conflict(
                    "Version \(latest.version) is the newest version of '\(id)', not \(expectedVersion); "
                        + "review it before publishing.")
            }
            if latest.status == Status.published.rawValue {
                throw HTTPError.conflict("Version \(latest.version) of '\(id)' is already published.")
            }
            let number = latest.version + 1
            let scenario: Scenario
            switch check.checkForPublishing(try decode(latest), version: number) {
            case .valid(let valid): scenario = valid
            case .invalid(let problems): throw AuthoringFailure.invalid(problems, "nothing was published")
            }
            // Trainees see it once `catalog.refresh` reads the committed change below.
            let stored = try versions.insert(
                NewScenarioVersion(
                    scenarioID: id, version: number, status: Status.published.rawValue,
                    source: Source.authored.rawValue, document: try Self.document(scenario),
                    createdBy: actor.id, createdAt: clock.now))
            let replaced = try versions.archivePublished(scenarioID: id, keeping: stored.rowID)
            var detail = "version \(number) published from version \(latest.version)"
            if !replaced.isEmpty {
                detail += "; version " + replaced.map(String.init).joined(separator: ", ") + " archived"
            }
            try AuditLogRepository(db).record(
                "scenario.publish", by: actor, target: "scenario:\(id)", detail: detail, at: clock.now)
            return SavedVersionView(scenario: try summary(id, db: db), version: try view(stored, db: db))
        }
        try catalog.refresh(scenarioID: id)
        return saved
    }

    /// Withdraws `id` from trainees: its published version becomes archived. Encounters
    /// already played on it keep working; publishing again offers it again.
    func archive(_ id: String, by actor: AuditActor) throws -> ScenarioSummaryView {
        let summary = try database.writeTransaction { db in
            guard try ScenarioVersionRepository(db).latest(scenarioID: id) != nil else {
                throw AuthoringFailure.notFound(id)
            }
            let archived = try ScenarioVersionRepository(db).archivePublished(scenarioID: id)
            guard !archived.isEmpty else {
                throw HTTPError.conflict("'\(id)' is not published, so there is nothing to archive.")
            }
            try AuditLogRepository(db).record(
                "scenario.archive", by: actor, target: "scenario:\(id)",
                detail: "version " + archived.map(String.init).joined(separator: ", ") + " archived", at: clock.now)
            return try self.summary(id, db: db)
        }
        try catalog.refresh(scenarioID: id)
        return summary
    }

    // MARK: - Helpers

    /// The document as a scenario, or 422 with every problem.
    func valid(_ data: Data) throws -> Scenario {
        switch check.check(data) {
        case .valid(let scenario): return scenario
        case .invalid(let problems): throw AuthoringFailure.invalid(problems)
        }
    }

    func exists(_ id: String) throws -> Bool {
        try database.read { db in try ScenarioVersionRepository(db).latest(scenarioID: id) != nil }
    }

    /// Inserts `scenario` as draft version `number` and records `action` in the audit log.
    func insertDraft(
        _ scenario: Scenario, number: Int, source: Source, action: String, by actor: AuditActor, db: Database
    ) throws -> SavedVersionView {
        var draft = scenario
        draft.version = number
        draft.status = .draft
        let stored = try ScenarioVersionRepository(db).insert(
            NewScenarioVersion(
                scenarioID: draft.id, version: number, status: Status.draft.rawValue, source: source.rawValue,
                document: try Self.document(draft), createdBy: actor.id, createdAt: clock.now))
        try AuditLogRepository(db).record(
            action, by: actor, target: "scenario:\(draft.id)", detail: "version \(number) saved as a draft",
            at: clock.now)
        return SavedVersionView(scenario: try summary(draft.id, db: db), version: try view(stored, db: db))
    }

    /// The stored form of a scenario: the file text `export` produces.
    static func document(_ scenario: Scenario) throws -> Data {
        Data(try ScenarioDocument.text(for: scenario).utf8)
    }

    func decode(_ stored: StoredScenarioVersion) throws -> Scenario {
        do {
            return try JSONDecoder().decode(Scenario.self, from: stored.document)
        } catch {
            throw HTTPError(
                500, "Version \(stored.version) of '\(stored.scenarioID)' is stored in a form that cannot be read.")
        }
    }

    func stored(_ id: String, _ version: Int, db: Database) throws -> StoredScenarioVersion {
        let versions = ScenarioVersionRepository(db)
        guard let stored = try versions.version(scenarioID: id, version: version) else {
            throw try versions.latest(scenarioID: id) == nil
                ? AuthoringFailure.notFound(id) : AuthoringFailure.noVersion(id, version)
        }
        return stored
    }

    func summary(_ id: String, db: Database) throws -> ScenarioSummaryView {
        let listings = try ScenarioCatalogRepository(db).allVersions(scenarioID: id)
        guard !listings.isEmpty else { throw AuthoringFailure.notFound(id) }
        return ScenarioSummaryView(versions: listings)
    }

    func view(_ stored: StoredScenarioVersion, db: Database) throws -> VersionView {
        VersionView(stored, createdBy: try stored.createdBy.flatMap { try UserRepository(db).find(id: $0)?.username })
    }
}
