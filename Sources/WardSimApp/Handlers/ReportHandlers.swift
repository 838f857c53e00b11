import Foundation
import WardSimHTTP
import WardSimStore

extension RouteTable {
    /// Progress and attempts downloads and the xAPI statements, for administrators
    /// (every cohort) and instructors (their cohorts). `?cohort=` (name or id) and
    /// `?since=YYYY-MM-DD` narrow them; see docs/reports.md for the columns.
    mutating func addReportRoutes(_ app: WardSimApplication) {
        let reports = app.reports

        func download(_ kind: ExportRequest.Kind, _ format: ExportRequest.Format, stem: String, ext: String)
            -> SyncHandler
        {
            { request, context in
                let user = try context.requireUser()
                let filter = try reports.filter(for: user, query: request.query)
                let export = ExportRequest(kind: kind, format: format, filter: filter, baseURL: Self.baseURL(request))
                return try reports.download(export, filename: ReportService.filename(stem, ext))
            }
        }

        add(.get, "/api/admin/reports/progress.csv", .admin, download(.mastery, .csv, stem: "progress", ext: "csv"))
        add(.get, "/api/admin/reports/attempts.csv", .admin, download(.attempts, .csv, stem: "attempts", ext: "csv"))
        add(.get, "/api/admin/reports/xapi", .admin, download(.attempts, .xapi, stem: "xapi", ext: "json"))
        add(
            .get, "/api/instructor/reports/progress.csv", .instructor,
            download(.mastery, .csv, stem: "progress", ext: "csv"))
        add(
            .get, "/api/instructor/reports/attempts.csv", .instructor,
            download(.attempts, .csv, stem: "attempts", ext: "csv"))
    }

    /// The site's base URL as the caller reached it (scheme + Host), for xAPI ids. The
    /// caller is an authenticated administrator, so the Host header is theirs to choose.
    static func baseURL(_ request: Request) -> String {
        let host = request.headers["Host"].flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        let safe = host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? host : "localhost"
        return (request.isSecure ? "https://" : "http://") + safe
    }
}
