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

/// Read-only listings of `scenario_versions` for the authoring pages.
///
/// A placeholder that the authoring work will grow: for now it answers "which scenarios
/// exist, at which version", from the table alone.
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
}
