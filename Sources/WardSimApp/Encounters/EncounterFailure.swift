import WardSimCore
import WardSimHTTP

/// Encounter errors as HTTP: out-of-order actions are 409 with the engine's message
/// saying what must come first; unknown or someone else's encounters are 404; bad input
/// is 422, naming the field when the engine's error points at one (an unknown `itemId`,
/// a `recommendationId` that is not the one shown).
enum EncounterFailure {
    static let notFound = HTTPError.notFound("No such encounter.")

    static func http(_ error: EncounterError) -> HTTPError {
        if error.isConflict { return HTTPError.conflict(error.message) }
        switch error.code {
        case .unknownItem: return invalid("itemId", error.message)
        case .wrongRecommendation: return invalid("recommendationId", error.message)
        default: return HTTPError.unprocessable(error.message)
        }
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
