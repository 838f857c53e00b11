public import Foundation

/// `xapi_sent_statements`: which xAPI statements each LRS has acknowledged.
///
/// Statement ids are deterministic (derived from encounter and competency ids), so the
/// ledger can answer "was this one already delivered?" before a push, and a re-run of an
/// interrupted push resumes where the last acknowledged batch ended.
public struct StatementLedgerRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The ids among `ids` already acknowledged by `endpoint`.
    public func sentIDs(among ids: [String], endpoint: String) throws -> Set<String> {
        var sent: Set<String> = []
        // Chunks keep each statement under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            try db.forEachRow(
                "SELECT statement_id FROM xapi_sent_statements WHERE endpoint = ? AND statement_id IN (\(marks))",
                [endpoint] + chunk
            ) { row in
                if let id: String = row["statement_id"] { sent.insert(id) }
            }
        }
        return sent
    }

    /// Records `ids` as acknowledged by `endpoint` (already recorded ids are left alone).
    public func record(_ ids: [String], endpoint: String, at date: Date = Date()) throws {
        let stamp = Timestamp.text(date)
        for id in ids {
            try db.execute(
                "INSERT OR IGNORE INTO xapi_sent_statements(endpoint, statement_id, sent_at) VALUES (?, ?, ?)",
                [endpoint, id, stamp])
        }
    }

    /// How many statements `endpoint` has acknowledged.
    public func count(endpoint: String) throws -> Int {
        try db.scalar(Int.self, "SELECT COUNT(*) FROM xapi_sent_statements WHERE endpoint = ?", [endpoint]) ?? 0
    }
}
