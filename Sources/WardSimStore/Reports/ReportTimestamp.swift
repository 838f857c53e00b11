public import Foundation

/// A stored timestamp kept as the ISO 8601 text the database holds.
///
/// Exports write timestamps back out as text; parsing each of 100,000 rows into a `Date`
/// and formatting it again would cost more than the query. `date` parses on demand for
/// the few callers that compute with it.
public struct ReportTimestamp: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// ISO 8601 UTC with milliseconds, e.g. `2026-03-01T09:30:00.000Z`.
    public let text: String

    public init(text: String) { self.text = text }

    public init(_ date: Date) { self.text = Timestamp.text(date) }

    /// The instant, or nil when the stored text is not ISO 8601.
    public var date: Date? { try? Timestamp.date(text) }

    public var description: String { text }

    public static func < (lhs: ReportTimestamp, rhs: ReportTimestamp) -> Bool { lhs.text < rhs.text }
}
