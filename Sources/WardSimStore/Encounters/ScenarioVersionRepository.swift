public import Foundation

/// One immutable version of a scenario as stored: the JSON document plus bookkeeping.
public struct StoredScenarioVersion: Sendable, Equatable {
    public var rowID: Int64
    public var scenarioID: String
    public var version: Int
    public var status: String
    public var source: String
    public var document: Data
}

/// `scenario_versions`: every version of every scenario an encounter may have been played on.
///
/// Shipped library files are recorded here at start (`source = 'library'`), so an encounter
/// can always refer to the exact document it was played on, even after the file changes.
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

    public func rowID(scenarioID: String, version: Int) throws -> Int64? {
        try db.scalar(
            Int64.self, "SELECT id FROM scenario_versions WHERE scenario_id = ? AND version = ?", [scenarioID, version])
    }

    /// The stored version with `rowID`.
    public func version(rowID: Int64) throws -> StoredScenarioVersion? {
        try db.row("SELECT * FROM scenario_versions WHERE id = ?", [rowID]).map(Self.decode)
    }

    static func decode(_ row: Row) throws -> StoredScenarioVersion {
        StoredScenarioVersion(
            rowID: try row.require("id"), scenarioID: try row.require("scenario_id"),
            version: try row.require("version"),
            status: try row.require("status"), source: try row.require("source"),
            document: Data((try row.require("document", as: String.self)).utf8))
    }
}
