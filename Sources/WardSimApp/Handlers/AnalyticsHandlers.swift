import Foundation
import WardSimHTTP
import WardSimStore

extension RouteTable {
    /// Instructor analytics: per scenario (over the instructor's cohorts; every cohort
    /// for administrators) and per cohort (only a cohort the instructor teaches). The
    /// printable cohort report page (`/instructor/reports/cohort/{id}`) is a page shell
    /// like the others (`RouteTable.pages`); its data comes from the cohort route here.
    mutating func addAnalyticsRoutes(_ app: WardSimApplication) {
        let reports = app.reports

        add(.get, "/api/instructor/analytics/scenarios/{id}", .instructor) { request, context in
            let filter = try reports.filter(for: try context.requireUser(), query: request.query)
            return .json(try reports.scenarioAnalytics(request.parameter("id"), filter: filter))
        }

        add(.get, "/api/instructor/analytics/cohorts/{id}", .instructor) { request, context in
            guard let id = Int64(request.parameter("id")) else { throw HTTPError.notFound("No such cohort.") }
            try reports.authorizeCohort(id, for: try context.requireUser())
            let since = try request.query["since"].flatMap { $0.isEmpty ? nil : $0 }.map { text in
                do {
                    return try ReportParameters.since(text)
                } catch let error as ReportParameters.Invalid {
                    throw HTTPError.badRequest(error.description)
                }
            }
            return .json(try reports.cohortAnalytics(id, since: since, pathID: request.query["path"]))
        }
    }
}
