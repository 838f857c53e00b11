import Foundation

/// The rules for the text fields of accounts and cohorts.
///
/// Usernames are ASCII so that case-insensitive uniqueness is exact (SQLite's NOCASE
/// folds ASCII only) and so they cannot be spoofed with look-alike letters. Display
/// and cohort names may use any script but no control characters, which would break
/// CSV exports and log lines.
public enum AccountFieldRules {
    public static let usernameLength = 3...64
    public static let nameLength = 1...100

    /// Trims surrounding whitespace, the only change made to names before storing them.
    public static func tidy(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Why `username` (already tidied) is refused, or nil.
    public static func usernameProblem(_ username: String) -> FieldProblem? {
        guard usernameLength.contains(username.count) else {
            return FieldProblem(
                field: "username",
                reason: "Use \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters.")
        }
        let allowed = username.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || ".-_@".unicodeScalars.contains(scalar))
        }
        guard allowed else {
            return FieldProblem(field: "username", reason: "Use only letters A–Z, digits and . _ - @.")
        }
        return nil
    }

    /// Why a display or cohort name (already tidied) is refused, or nil.
    public static func nameProblem(_ name: String, field: String) -> FieldProblem? {
        if name.isEmpty { return FieldProblem(field: field, reason: "This cannot be empty.") }
        if name.count > nameLength.upperBound {
            return FieldProblem(field: field, reason: "Use at most \(nameLength.upperBound) characters.")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return FieldProblem(field: field, reason: "Remove line breaks and other control characters.")
        }
        return nil
    }
}
