public import Foundation

/// `drafts`: what a trainee has typed but not yet sent, so a reload or restart loses nothing.
public struct DraftRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func save(encounterID: String, field: String, text: String, at: Date = Date()) throws {
        try db.execute(
            """
            INSERT INTO drafts(encounter_id, field, text, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(encounter_id, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
            """, [encounterID, field, text, Timestamp.text(at)])
    }

    public func drafts(encounterID: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try db.rows("SELECT field, text FROM drafts WHERE encounter_id = ?", [encounterID]) {
            result[try row.require("field")] = try row.require("text")
        }
        return result
    }

    public func clear(encounterID: String, field: String) throws {
        try db.execute("DELETE FROM drafts WHERE encounter_id = ? AND field = ?", [encounterID, field])
    }
}
