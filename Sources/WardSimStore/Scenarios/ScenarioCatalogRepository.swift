public import Foundation

/// The newest version of one scenario, as listed for authors.
public struct ScenarioVersionSummary: Sendable, Equatable {
    public var scenarioID: String
    public var version: Int
    public var status: String
    public var source: String
    public var title: String

    public init(scenarioID: String, version: Int, status: String, source: String, title: String) {
        self.scenarioID = scenarioID
        self.version = version
        self.status = status
        self.source = source
        self.title = title
    }
}

/// One version of a scenario without its document, as the authoring list shows it.
public struct ScenarioVersionListing: Sendable, Equatable {
    public var scenarioID: String
    public var version: Int
    public var status: String
    public var source: String
    /// The document's `title` (the scenario id when the document has none).
    public var title: String
    /// The author's username; nil for library versions (or a deleted account).
    public var createdBy: String?
    public var createdAt: Date
}

/// Read-only listings of `scenario_versions` for the authoring pages, answered by SQL
/// alone (titles via `json_extract`), so listing never decodes a document.
public struct ScenarioCatalogRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The newest version of every scenario, by title.
    public func latestVersions() throws -> [ScenarioVersionSummary] {
        try db.rows(
            """
            SELECT v.scenario_id, v.version, v.status, v.source,
                   COALESCE(json_extract(v.document, '$.title'), v.scenario_id) AS title
            FROM scenario_versions v
            WHERE v.version = (SELECT MAX(version) FROM scenario_versions w WHERE w.scenario_id = v.scenario_id)
            ORDER BY title, v.scenario_id
            """
        ).map { row in
            ScenarioVersionSummary(
                scenarioID: try row.require("scenario_id"), version: try row.require("version"),
                status: try row.require("status"), source: try row.require("source"), title: try row.require("title"))
        }
    }

    /// Every version of every scenario (or of one), by scenario id then version.
    public func allVersions(scenarioID: String? = nil) throws -> [ScenarioVersionListing] {
        try db.rows(
            """
            SELECT v.scenario_id, v.version, v.status, v.source, v.created_at, u.username,
                   COALESCE(json_extract(v.document, '$.title'), v.scenario_id) AS title
            FROM scenario_versions v LEFT JOIN users u ON u.id = v.created_by
            WHERE ?1 IS NULL OR v.scenario_id = ?1
            ORDER BY v.scenario_id, v.version
            """, [scenarioID]
        ).map { row in
            ScenarioVersionListing(
                scenarioID: try row.require("scenario_id"), version: try row.require("version"),
                status: try row.require("status"), source: try row.require("source"),
                title: try row.require("title"), createdBy: row["username"],
                createdAt: try Timestamp.date(row.require("created_at", as: String.self)))
        }
    }
}
