import Foundation
import WardSimCore

/// The deterministic UUIDs of WardSim's xAPI statements.
///
/// Every id is a version-5 UUID (RFC 9562) of a name built from the encounter id (and
/// the competency id), under WardSim's own namespace. Exporting the same encounter
/// again therefore gives the same statement ids and the same registration: an LRS that
/// receives a statement again recognises it (xAPI 1.0.3 §2.2.3 lets it refuse a
/// different statement with a known id with 409), and the push ledger can tell what was
/// sent. The base URL is deliberately not part of the names: it names the activities,
/// not the events.
enum XAPIIdentifiers {
    /// WardSim's namespace for name-based UUIDs (a fixed random UUID).
    static let namespace = UUID(uuidString: "fe4e3be4-0da9-4a23-9c90-7edb662e0d80")!

    /// `context.registration`: one per encounter, shared by all its statements.
    static func registration(encounterID: String) -> String {
        uuid("wardsim/encounter/\(encounterID)/registration")
    }

    /// The `completed` statement of an encounter.
    static func completed(encounterID: String) -> String {
        uuid("wardsim/encounter/\(encounterID)/completed")
    }

    /// The `scored` statement of one competency of an encounter.
    static func scored(encounterID: String, competencyID: String) -> String {
        uuid("wardsim/encounter/\(encounterID)/scored/\(competencyID)")
    }

    private static func uuid(_ name: String) -> String {
        NameBasedUUID.make(namespace: namespace, name: name).uuidString.lowercased()
    }
}
