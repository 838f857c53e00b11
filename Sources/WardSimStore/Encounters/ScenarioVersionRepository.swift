public import Foundation

/// One immutable version of a scenario as stored: the JSON document plus bookkeeping.
public struct StoredScenarioVersion: Sendable, Equatable {
    public var rowID: Int64
    public var scenarioID: String
    public var version: Int
    /// `draft`, `published` (offered to trainees) or `archived` (no longer offered).
    public var status: String
    /// `library` (a shipped file), `authored` (written in the browser) or `imported`.
    public var source: String
    public var document: Data
    /// The author; nil for library versions recorded at start.
    public var createdBy: Int64?
    public var createdAt: Date
}

/// A version to insert: everything but the row id.
public struct NewScenarioVersion: Sendable {
    public var scenarioID: String
    public var version: Int
    public var status: String
    public var source: String
    public var document: Data
    public var createdBy: Int64?
    public var createdAt: Date

    public init(
        scenarioID: String, version: Int, status: String, source: String, document: Data, createdBy: Int64?,
        createdAt: Date
    ) {
        self.scenarioID = scenarioID
        self.version = version
        self.status = status
        self.source = source
        self.document = document
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// `scenario_versions`: every version of every scenario an encounter may have been played on.
///
/// Shipped library files are recorded here at start (`source = 'library'`), so an encounter
/// can always refer to the exact document it was played on, even after the file changes.
/// Authored versions are inserted, never updated: the only change a row ever sees is its
/// `status` moving from `published` to `archived` when it stops being offered to
/// trainees. At most one row per scenario is `published`; it is the one trainees start.
public struct ScenarioVersionRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Records a library scenario's version unless the same (id, version) exists. When
    /// the file changed without a version bump, the stored document wins: encounters keep
    /// their history, and the validator's version rule is what authors must follow.
    @discardableResult
    public func recordLibraryVersion(scenarioID: String, version: Int, status: String, document: Data) throws -> Int64 {
        if let existing = try rowID(scenarioID: scenarioID, version: version) { return existing }
        try db.execute(
            """
            INSERT INTO scenario_versions(scenario_id, version, status, source, document, created_at)
            VALUES (?, ?, ?, 'library', ?, ?)
            """, [scenarioID, version, status, String(decoding: document, as: UTF8.self), Timestamp.text(Date())])
        return db.lastInsertedRowID
    }

    /// Inserts a new version and returns it with its row id. A taken (id, version)
    /// fails with SQLite's constraint error: versions are never overwritten.
    @discardableResult
    public func insert(_ new: NewScenarioVersion) throws -> StoredScenarioVersion {
        try db.execute(
            """
            INSERT INTO scenario_versions(scenario_id, version, status, source, document, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                new.scenarioID, new.version, new.status, new.source, String(decoding: new.document, as: UTF8.self),
                new.createdBy, Timestamp.text(new.createdAt),
            ])
        return StoredScenarioVersion(
            rowID: db.lastInsertedRowID, scenarioID: new.scenarioID, version: new.version, status: new.status,
            source: new.source, document: new.document, createdBy: new.createdBy, createdAt: new.createdAt)
    }

    public func rowID(scenarioID: String, version: Int) throws -> Int64? {
        try db.scalar(
            Int64.self, "SELECT id FROM scenario_versions WHERE scenario_id = ? AND version = ?", [scenarioID, version])
    }

    /// The stored version with `rowID`.
    public func version(rowID: Int64) throws -> StoredScenarioVersion? {
        try db.row("SELECT * FROM scenario_versions WHERE id = ?", [rowID]).map(Self.decode)
    }

    /// Version `version` of `scenarioID`.
    public func version(scenarioID: String, version: Int) throws -> StoredScenarioVersion? {
        try db.row("SELECT * FROM scenario_versions WHERE scenario_id = ? AND version = ?", [scenarioID, version])
            .map(Self.decode)
    }

    /// The highest-numbered version of `scenarioID`, whatever its status.
    public func latest(scenarioID: String) throws -> StoredScenarioVersion? {
        try db.row(
            "SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1", [scenarioID]
        ).map(Self.decode)
    }

    /// Every version of `scenarioID`, oldest first.
    public func versions(scenarioID: String) throws -> [StoredScenarioVersion] {
        try db.rows("SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version", [scenarioID])
            .map(Self.decode)
    }

    /// The version trainees start for each scenario: the highest published one.
    public func published() throws -> [StoredScenarioVersion] {
        try db.rows(
            """
            SELECT * FROM scenario_versions v WHERE status = 'published'
            AND version = (SELECT MAX(version) FROM scenario_versions w
                           WHERE w.scenario_id = v.scenario_id AND w.status = 'published')
            ORDER BY scenario_id
            """
        ).map(Self.decode)
    }

    /// The published version of `scenarioID` (the highest, should there be several), if any.
    public func published(scenarioID: String) throws -> StoredScenarioVersion? {
        try db.row(
            """
            SELECT * FROM scenario_versions WHERE scenario_id = ? AND status = 'published'
            ORDER BY version DESC LIMIT 1
            """, [scenarioID]
        ).map(Self.decode)
    }

    /// Moves every published version of `scenarioID` except `keeping` to `archived`
    /// (a newer version replaced it, or the scenario was withdrawn). Returns the versions
    /// archived.
    @discardableResult
    public func archivePublished(scenarioID: String, keeping: Int64? = nil) throws -> [Int] {
        let archived = try db.rows(
            "SELECT version FROM scenario_versions WHERE scenario_id = ? AND status = 'published' AND id != ?",
            [scenarioID, keeping ?? -1]
        ).map { try $0.require("version", as: Int.self) }
        try db.execute(
            "UPDATE scenario_versions SET status = 'archived' WHERE scenario_id = ? AND status = 'published' AND id != ?",
            [scenarioID, keeping ?? -1])
        return archived
    }

    static func decode(_ row: Row) throws -> StoredScenarioVersion {
        StoredScenarioVersion(
            rowID: try row.require("id"), scenarioID: try row.require("scenario_id"),
            version: try row.require("version"),
            status: try row.require("status"), source: try row.require("source"),
            document: Data((try row.require("document", as: String.self)).utf8),
            createdBy: row["created_by"],
            createdAt: try Timestamp.date(row.require("created_at", as: String.self)))
    }
}
