import WardSimHTTP
import WardSimStore

extension RouteTable {
    /// Scenario authoring, for instructors and administrators. For now it lists the
    /// newest version of each scenario in the database; the authoring work fills it in.
    mutating func addAuthoringRoutes(_ app: WardSimApplication) {
        struct ScenarioView: Encodable {
            let id: String
            let title: String
            let version: Int
            let status: String
            let source: String
        }
        struct ScenariosBody: Encodable { let scenarios: [ScenarioView] }

        add(.get, "/api/authoring/scenarios", .instructor) { _, _ in
            let summaries = try app.database.read { db in try ScenarioCatalogRepository(db).latestVersions() }
            return .json(
                ScenariosBody(
                    scenarios: summaries.map {
                        ScenarioView(
                            id: $0.scenarioID, title: $0.title, version: $0.version, status: $0.status,
                            source: $0.source)
                    }))
        }
    }
}
