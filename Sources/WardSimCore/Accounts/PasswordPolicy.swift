import Foundation

/// What WardSim accepts as a password: NIST SP 800-63B, and nothing more.
///
/// At least 12 characters and at most 128; any characters at all, spaces and emoji
/// included; no composition rules ("one digit, one symbol"), which NIST advises against
/// because they make passwords harder to remember without making them harder to guess.
/// Characters are Unicode code points after NFKC normalisation, as 800-63B asks, so the
/// same password typed on two keyboards that compose accents differently is the same
/// password.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// The form in which a password is hashed and verified: NFKC. Every path that hashes
    /// or checks a password goes through this, so they always agree.
    public static func normalize(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    /// Why `password` is refused, or nil when it is acceptable.
    public static func problem(with password: String) -> FieldProblem? {
        let length = normalize(password).unicodeScalars.count
        if length < minimumLength {
            return FieldProblem(
                field: "password",
                reason: "The password is too short: use at least \(minimumLength) characters (it has \(length)). "
                    + "A few unrelated words make a good one.")
        }
        if length > maximumLength {
            return FieldProblem(
                field: "password",
                reason: "The password is too long: use at most \(maximumLength) characters (it has \(length)).")
        }
        return nil
    }
}
