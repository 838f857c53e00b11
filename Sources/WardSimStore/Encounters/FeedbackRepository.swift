public import Foundation

/// `feedback`: a trainee's rating and comment on a case, for its authors.
public struct FeedbackRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func save(encounterID: String, userID: Int64, rating: Int, comment: String, at: Date = Date()) throws {
        try db.execute(
            """
            INSERT INTO feedback(encounter_id, user_id, rating, comment, at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(encounter_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at
            """, [encounterID, userID, rating, comment, Timestamp.text(at)])
    }
}
