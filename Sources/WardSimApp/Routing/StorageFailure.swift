import WardSimHTTP
import WardSimStore

/// Turns "the disk is full / the database is read-only or unreachable" into a 503 that
/// says so, instead of an opaque 500: the condition is the operator's to fix, it is
/// temporary, and nothing the user sent was lost (the failed transaction rolled back).
enum StorageFailure {
    static let message =
        "WardSim cannot save right now (the database is full, read-only or busy). Nothing you sent was lost; "
        + "try again in a moment."

    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.isStorageUnavailable {
            throw unavailable()
        }
    }

    static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.isStorageUnavailable {
            throw unavailable()
        }
    }

    static func unavailable() -> HTTPError {
        var headers = HTTPHeaders()
        headers.set("Retry-After", "5")
        return HTTPError(503, message, headers: headers)
    }
}
