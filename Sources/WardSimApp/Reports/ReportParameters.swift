import Foundation
import WardSimStore

/// Parses the values a report is filtered by, the same way for `wardsim export` flags and
/// for `?cohort=` / `?since=` query parameters.
enum ReportParameters {
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// `YYYY-MM-DD` as midnight UTC.
    static func since(_ text: String) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = DateComponents(
                calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year,
                month: month, day: day
            ).date,
            (1...12).contains(month), (1...31).contains(day)
        else {
            throw Invalid(description: "since must be a date as YYYY-MM-DD, got '\(text)'")
        }
        // Reject dates that roll over (2026-02-30 is not 2026-03-02).
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        guard utc.component(.day, from: date) == day else {
            throw Invalid(description: "since must be a real date, got '\(text)'")
        }
        return date
    }

    /// A cohort given by name (any case) or by numeric id.
    static func cohort(_ text: String, in db: Database) throws -> Int64 {
        let repository = CohortRepository(db)
        if let cohort = try repository.find(name: text) { return cohort.id }
        if let id = Int64(text), let cohort = try repository.find(id: id) { return cohort.id }
        throw Invalid(description: "no cohort named '\(text)'")
    }
}
