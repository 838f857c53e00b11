import Foundation

/// How the accounts tables write dates: ISO 8601 UTC text with milliseconds for dates a
/// person reads in the database (`created_at`), Unix seconds as REAL for the ones code
/// compares on every request (`sessions`, `login_throttle`).
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func text(_ date: Date) -> String { date.formatted(style) }

    static func date(_ text: String) throws -> Date {
        do {
            return try style.parse(text)
        } catch {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "'\(text)' is not an ISO 8601 timestamp")
        }
    }

    static func date(_ text: String?) throws -> Date? {
        try text.map { try date($0) }
    }
}
