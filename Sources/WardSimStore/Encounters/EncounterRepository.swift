public import Foundation

/// An encounter row: who plays which scenario version, and where they are.
public struct StoredEncounter: Sendable, Equatable {
    public var id: String
    public var userID: Int64
    public var scenarioVersionRowID: Int64
    public var state: String
    public var practice: Bool
    public var startedAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?
}

/// One entry of an encounter's append-only event log.
public struct StoredEvent: Sendable, Equatable {
    public var sequence: Int
    public var at: Date
    public var type: String
    /// The event as JSON, exactly as the domain encoded it.
    public var payload: Data
}

/// `encounters` and `encounter_events`: the event-sourced record of every encounter.
///
/// Events are only ever appended, in a transaction with the state change they cause, so
/// an acknowledged action is never half-recorded.
public struct EncounterRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(
        id: String, userID: Int64, scenarioVersionRowID: Int64, state: String, practice: Bool, at: Date
    ) throws {
        let now = Timestamp.text(at)
        try db.execute(
            """
            INSERT INTO encounters(id, user_id, scenario_version_id, state, practice, started_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [id, userID, scenarioVersionRowID, state, practice, now, now])
    }

    public func encounter(id: String) throws -> StoredEncounter? {
        try db.row("SELECT * FROM encounters WHERE id = ?", [id]).map(Self.decode)
    }

    /// A user's encounters, newest first.
    public func encounters(userID: Int64, includePractice: Bool = false) throws -> [StoredEncounter] {
        try db.rows(
            "SELECT * FROM encounters WHERE user_id = ? AND (practice = 0 OR ?) ORDER BY started_at DESC, id",
            [userID, includePractice]
        ).map(Self.decode)
    }

    /// Appends `events` after the last one and moves the encounter to `state`.
    public func append(_ events: [(type: String, payload: Data, at: Date)], to id: String, state: String) throws {
        var next = try lastSequence(encounterID: id) + 1
        for event in events {
            try db.execute(
                "INSERT INTO encounter_events(encounter_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
                [id, next, Timestamp.text(event.at), event.type, String(decoding: event.payload, as: UTF8.self)])
            next += 1
        }
        let now = Timestamp.text(events.last?.at ?? Date())
        let submitted: String? = state == "submitted" ? now : nil
        try db.execute(
            "UPDATE encounters SET state = ?, updated_at = ?, submitted_at = COALESCE(submitted_at, ?) WHERE id = ?",
            [state, now, submitted, id])
    }

    /// The sequence number of an encounter's last event (0 when it has none).
    public func lastSequence(encounterID: String) throws -> Int {
        try db.scalar(Int.self, "SELECT MAX(seq) FROM encounter_events WHERE encounter_id = ?", [encounterID]) ?? 0
    }

    /// The events of an encounter after sequence number `after` (all by default), in order.
    public func events(encounterID: String, after: Int = 0) throws -> [StoredEvent] {
        try db.rows(
            "SELECT seq, at, type, payload FROM encounter_events WHERE encounter_id = ? AND seq > ? ORDER BY seq",
            [encounterID, after]
        )
        .map { row in
            StoredEvent(
                sequence: try row.require("seq"), at: try Timestamp.date(try row.require("at", as: String.self)),
                type: try row.require("type"), payload: Data((try row.require("payload", as: String.self)).utf8))
        }
    }

    static func decode(_ row: Row) throws -> StoredEncounter {
        StoredEncounter(
            id: try row.require("id"), userID: try row.require("user_id"),
            scenarioVersionRowID: try row.require("scenario_version_id"), state: try row.require("state"),
            practice: try row.require("practice"),
            startedAt: try Timestamp.date(try row.require("started_at", as: String.self)),
            updatedAt: try Timestamp.date(try row.require("updated_at", as: String.self)),
            submittedAt: try Timestamp.date(row["submitted_at", as: String.self]))
    }
}
