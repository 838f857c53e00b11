import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// Runs encounters: every action is validated by Core's `EncounterMachine`, recorded as
/// events in one transaction, and answered from the folded state.
///
/// The patient's reply can be slow (an LLM), so `ask` calls the engine outside any
/// transaction and records the turn afterwards; everything else is a quick read-modify-
/// append under the writer lock.
struct EncounterService: Sendable {
    let database: DatabasePool
    let catalog: ScenarioCatalog
    let defaults: OrderableDefaults
    let grader: Grader
    let clock: WallClock
    /// Where turns are counted by voice, fallback and guard refusal (nil in tools).
    var metrics: Metrics?
    /// Folded encounters between requests (see `EncounterCache`): room for every open
    /// encounter of a large cohort (a 20-question encounter folds to about 20 KB).
    var cache = EncounterCache(capacity: 4096)

    /// A loaded encounter: its row, the scenario version it is played on, and its machine
    /// folded to the log's `sequence`.
    struct Loaded {
        var stored: StoredEncounter
        var scenario: Scenario
        var machine: EncounterMachine
        var sequence: Int
    }

    /// Starts `scenarioID` for `user` (practice encounters never count towards progress).
    func start(scenarioID: String, user: AuthenticatedUser, practice: Bool = false) throws -> Loaded {
        guard let row = catalog.currentRow(for: scenarioID) else {
            throw EncounterFailure.unknownScenario(scenarioID)
        }
        return try start(row: row, user: user, practice: practice)
    }

    /// Starts the scenario version stored at `row` (play-tests start drafts this way).
    func start(row: Int64, user: AuthenticatedUser, practice: Bool) throws -> Loaded {
        let scenario = try catalog.scenario(row: row)
        let id = Self.newID()
        let now = clock.now
        return try database.writeTransaction { db in
            var machine = try EncounterMachine(encounterID: id, scenario: scenario, defaults: defaults)
            try machine.start(at: now)
            let repository = EncounterRepository(db)
            try repository.create(
                id: id, userID: user.id, scenarioVersionRowID: row, state: machine.state.phase.rawValue,
                practice: practice, at: now)
            try repository.append(try Self.encode(machine.entries), to: id, state: machine.state.phase.rawValue)
            guard let stored = try repository.encounter(id: id) else { throw EncounterFailure.notFound }
            return Loaded(stored: stored, scenario: scenario, machine: machine, sequence: machine.entries.count)
        }
    }

    /// The encounter if `user` may see it: trainees see only their own.
    func load(_ id: String, user: AuthenticatedUser) throws -> Loaded {
        try database.read { db in try load(id, user: user, db: db) }
    }

    /// Applies `action` to the encounter and records the events it produced, atomically;
    /// `alongside` runs in the same transaction once the events are appended.
    func mutate<T>(
        _ id: String, user: AuthenticatedUser, alongside: (Database) throws -> Void = { _ in },
        _ action: (inout EncounterMachine, Date) throws -> T
    ) throws -> (T, Loaded) {
        let now = clock.now
        let (result, loaded) = try database.writeTransaction { db in
            var loaded = try load(id, user: user, db: db)
            let before = loaded.machine.entries.count
            let result: T
            do {
                result = try action(&loaded.machine, now)
            } catch let error as EncounterError {
                throw EncounterFailure.http(error)
            }
            let added = Array(loaded.machine.entries[before...])
            if !added.isEmpty {
                try EncounterRepository(db).append(
                    try Self.encode(added), to: id, state: loaded.machine.state.phase.rawValue)
                loaded.sequence += added.count
            }
            try alongside(db)
            return (result, loaded)
        }
        cache.store(loaded.machine, sequence: loaded.sequence, for: id)  // committed
        return (result, loaded)
    }

    /// Asks the patient; the reply is recorded with the facts it disclosed. Returns the
    /// turn and its number in the transcript (from 1).
    func ask(_ id: String, text: String, user: AuthenticatedUser) async throws -> (turn: PatientTurn, number: Int) {
        let question = try Self.validQuestion(text)
        let loaded = try load(id, user: user)
        do { try loaded.machine.ensureCanAsk() } catch let error as EncounterError {
            throw EncounterFailure.http(error)
        }
        let engine = try catalog.engine(row: loaded.stored.scenarioVersionRowID)
        let turn = await engine.respond(to: question, transcript: loaded.machine.state.transcript)
        return (turn, try await recordOffPool(turn, in: id, user: user))
    }

    /// `record`, on a Dispatch thread: the commit waits for the disk, and a cooperative
    /// thread blocked there (two on a two-core machine) could not take the next turn, so
    /// turns could never arrive together to share a commit (`GroupCommit`).
    func recordOffPool(_ turn: PatientTurn, in id: String, user: AuthenticatedUser) async throws -> Int {
        try await offPool { [self] in try record(turn, in: id, user: user) }
    }

    /// Records a turn produced elsewhere (the streaming endpoint) and clears the question
    /// draft in the same transaction, so a crash can never leave a sent question in the
    /// question box (and a turn costs one commit, not two). Returns the turn's number in
    /// the transcript (from 1).
    @discardableResult
    func record(_ turn: PatientTurn, in id: String, user: AuthenticatedUser) throws -> Int {
        let (_, loaded) = try mutate(
            id, user: user, alongside: { db in try DraftRepository(db).clear(encounterID: id, field: "question") }
        ) { machine, now in try machine.record(turn, at: now) }
        count(turn)
        return loaded.machine.state.transcript.count
    }

    /// Counts the turn on `/metrics`: which voice spoke, whether a model was replaced by
    /// the script, and why the guards refused what a model said (upstream failures are
    /// counted by the LLM client as `wardsim_llm_calls_total`).
    private func count(_ turn: PatientTurn) {
        metrics?.increment(
            "wardsim_patient_turns_total", labels: ["voice": turn.voice.rawValue, "fell_back": String(turn.fellBack)],
            help: "Patient replies by the voice that spoke and whether the script replaced a model.")
        for refusal in turn.refusals {
            metrics?.increment(
                "wardsim_patient_guard_refusals_total", labels: ["kind": refusal.kind.rawValue],
                help: "Model replies refused by the output guard or the grounding check, by reason.")
        }
    }

    /// Submits the encounter, grades it and stores the grade (scores count towards
    /// progress unless this is a practice run).
    func submit(_ id: String, user: AuthenticatedUser) throws -> (GradeReport, Loaded) {
        let now = clock.now
        let (report, loaded) = try database.writeTransaction { db in
            var loaded = try load(id, user: user, db: db)
            let before = loaded.machine.entries.count
            do { try loaded.machine.submit(at: now) } catch let error as EncounterError {
                throw EncounterFailure.http(error)
            }
            try EncounterRepository(db).append(
                try Self.encode(Array(loaded.machine.entries[before...])), to: id,
                state: loaded.machine.state.phase.rawValue)
            loaded.sequence += loaded.machine.entries.count - before
            let report = grader.grade(scenario: loaded.scenario, entries: loaded.machine.entries)
            let scores = loaded.stored.practice ? [] : report.competencies.map { ($0.id, $0.score, $0.weight) }
            try GradeRepository(db).save(
                encounterID: id, userID: loaded.stored.userID, overall: report.overall,
                report: try Self.encoder.encode(report), scores: scores, at: now)
            loaded.stored.state = loaded.machine.state.phase.rawValue
            loaded.stored.submittedAt = now
            return (report, loaded)
        }
        cache.store(loaded.machine, sequence: loaded.sequence, for: id)  // committed
        return (report, loaded)
    }

    /// The stored grade of a submitted encounter (what the trainee was shown).
    func grade(_ id: String, user: AuthenticatedUser) throws -> (GradeReport, Loaded) {
        try database.read { db in
            let loaded = try load(id, user: user, db: db)
            guard loaded.machine.state.phase == .submitted, let stored = try GradeRepository(db).grade(encounterID: id)
            else {
                throw EncounterFailure.http(EncounterError(.outOfOrder, "Submit the encounter to see its debrief."))
            }
            return (try JSONDecoder().decode(GradeReport.self, from: stored.report), loaded)
        }
    }

    // MARK: - Helpers

    private func load(_ id: String, user: AuthenticatedUser, db: Database) throws -> Loaded {
        let repository = EncounterRepository(db)
        guard let stored = try repository.encounter(id: id), stored.userID == user.id else {
            throw EncounterFailure.notFound
        }
        let scenario = try catalog.scenario(row: stored.scenarioVersionRowID)
        // Events are append-only: a cached fold of the first n events only needs what is newer.
        let last = try repository.lastSequence(encounterID: id)
        var machine: EncounterMachine
        var folded = 0
        if let cached = cache.machine(for: id), cached.sequence <= last {
            (machine, folded) = cached
        } else {
            machine = try EncounterMachine(encounterID: id, scenario: scenario, defaults: defaults)
        }
        if folded < last {
            let decoder = JSONDecoder()
            for event in try repository.events(encounterID: id, after: folded) {
                try machine.append(try decoder.decode(EncounterEvent.self, from: event.payload), at: event.at)
            }
            // What this transaction read is committed (it reads before it appends).
            cache.store(machine, sequence: last, for: id)
        }
        return Loaded(stored: stored, scenario: scenario, machine: machine, sequence: last)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode(_ entries: [EncounterEntry]) throws -> [(type: String, payload: Data, at: Date)] {
        try entries.map { ($0.event.type, try encoder.encode($0.event), $0.at) }
    }

    /// 128 random bits as hex: encounter ids are not guessable.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "e" + String(high, radix: 16).paddedHex + String(low, radix: 16).paddedHex
    }

    /// Questions are 1–2000 characters of text.
    static func validQuestion(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw EncounterFailure.invalid("text", "Type a question for the patient.") }
        guard trimmed.count <= 2000 else {
            throw EncounterFailure.invalid("text", "Keep a question under 2000 characters.")
        }
        return trimmed
    }
}

extension String {
    fileprivate var paddedHex: String { String(repeating: "0", count: max(0, 16 - count)) + self }
}
