import WardSimCore
import WardSimHTTP

/// Encounter errors as HTTP: out-of-order actions are 409 with the engine's message
/// saying what must come first; unknown or someone else's encounters are 404.
enum EncounterFailure {
    static let notFound = HTTPError.notFound("No such encounter.")

    static func http(_ error: EncounterError) -> HTTPError {
        error.isConflict ? HTTPError.conflict(error.message) : HTTPError.unprocessable(error.message)
    }
}

extension EncounterFailure {
    static func unknownScenario(_ id: String) -> HTTPError {
        HTTPError.notFound("No published scenario '\(id)'.")
    }

    /// A field of the request that cannot be used, as a 422 naming the field.
    static func invalid(_ field: String, _ message: String) -> HTTPError {
        HTTPError.unprocessable(message, details: [["path": field, "message": message]])
    }
}
