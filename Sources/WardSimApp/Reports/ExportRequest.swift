import WardSimStore

/// What an export covers and how it is written; the same for `wardsim export` and the
/// report routes.
struct ExportRequest: Sendable {
    /// mastery: one row per trainee × competency; attempts: one row per graded encounter.
    enum Kind: String, CaseIterable, Sendable { case mastery, attempts }
    /// csv and json write the chosen kind; xapi always writes statements per encounter.
    enum Format: String, CaseIterable, Sendable { case csv, json, xapi }

    var kind: Kind
    var format: Format
    var filter: ReportFilter
    /// The site's public base URL: xAPI activity ids and actor `homePage` derive from it.
    var baseURL: String

    init(kind: Kind = .mastery, format: Format, filter: ReportFilter = ReportFilter(), baseURL: String) {
        self.kind = kind
        self.format = format
        self.filter = filter
        self.baseURL = baseURL
    }

    /// The HTTP content type of the output.
    var contentType: String {
        switch format {
        case .csv: "text/csv; charset=utf-8; header=present"
        case .json, .xapi: "application/json; charset=utf-8"
        }
    }
}
