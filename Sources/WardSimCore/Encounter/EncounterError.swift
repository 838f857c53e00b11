/// An action the encounter cannot take now, with a message saying what must come first.
///
/// `isConflict` errors are about order ("Commit a diagnosis before viewing the AI
/// recommendation") and map to HTTP 409; the others are bad input (422) or an unknown
/// item (404).
public struct EncounterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case notStarted = "not-started"
        case alreadyStarted = "already-started"
        case outOfOrder = "out-of-order"
        case readOnly = "read-only"
        case unknownItem = "unknown-item"
        case wrongRecommendation = "wrong-recommendation"
        case invalid
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// True for errors about the order of actions (HTTP 409 Conflict).
    public var isConflict: Bool { [.notStarted, .alreadyStarted, .outOfOrder, .readOnly].contains(code) }

    public var description: String { message }

    static let readOnly = EncounterError(.readOnly, "This encounter has been submitted and is read-only.")
}
