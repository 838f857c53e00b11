public import Foundation

/// Which rows a report covers: whose activity (cohorts) and from when (since).
///
/// Administrators see everyone (`cohortIDs == nil`); instructors get a filter holding
/// only the cohorts they are assigned to, so scoping is decided once, by the caller that
/// knows who is asking, and every report query applies it the same way.
public struct ReportFilter: Sendable, Equatable {
    /// Only users in these cohorts; nil means every user. An empty array matches nobody
    /// (an instructor with no cohorts sees an empty report, never everyone's).
    public var cohortIDs: [Int64]?
    /// Only activity at or after this instant.
    public var since: Date?

    public init(cohortIDs: [Int64]? = nil, since: Date? = nil) {
        self.cohortIDs = cohortIDs
        self.since = since
    }

    /// `since` as stored timestamps are written, so it compares with them as text: both
    /// are fixed-width ISO 8601 UTC, whose text order is time order.
    var sinceText: String? { since.map(Timestamp.text) }

    /// A SQL condition on the users table aliased `alias`, with its arguments.
    func cohortCondition(userAlias alias: String) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        guard let cohortIDs else { return ("1", []) }
        guard !cohortIDs.isEmpty else { return ("0", []) }
        let marks = Array(repeating: "?", count: cohortIDs.count).joined(separator: ", ")
        return ("\(alias).cohort_id IN (\(marks))", cohortIDs)
    }
}
