public import Foundation

/// Runs one encounter: validates each action against the state, appends the event, keeps
/// the folded state.
///
/// Every action is checked before anything is recorded, and an action out of order
/// throws an `EncounterError` saying what must come first. The AI recommendation is
/// hidden until a diagnosis is committed, so the trainee's own judgement is captured
/// first. A submitted encounter is read-only.
///
/// ```swift
/// var machine = try EncounterMachine(encounterID: id, scenario: s, defaults: d)
/// try machine.start(at: now)
/// let turn = try await machine.ask("Any chest pain?", engine: engine, at: now)
/// let result = try machine.order("ecg", at: now)
/// ```
public struct EncounterMachine: Sendable {
    public let encounterID: String
    public let scenario: Scenario
    public let examiner: Examiner
    public private(set) var entries: [EncounterEntry]
    public private(set) var state: EncounterState

    /// A machine for `encounterID`, replaying `entries` (from storage) through validation.
    public init(encounterID: String, scenario: Scenario, defaults: OrderableDefaults, entries: [EncounterEntry] = [])
        throws
    {
        self.encounterID = encounterID
        self.scenario = scenario
        self.examiner = Examiner(scenario: scenario, defaults: defaults)
        self.entries = []
        self.state = EncounterState()
        for entry in entries { try append(entry.event, at: entry.at) }
    }

    /// The recommendation this encounter shows, chosen from the encounter id.
    public var recommendation: AIRecommendation? {
        let id = state.recommendationId ?? RecommendationPicker.pick(for: encounterID, in: scenario)?.id
        return scenario.aiRecommendations.first { $0.id == id }
    }

    // MARK: - Actions

    /// Begins the encounter on this scenario version and records which recommendation it will show.
    @discardableResult
    public mutating func start(at date: Date) throws -> EncounterEntry {
        let pick = RecommendationPicker.pick(for: encounterID, in: scenario)
        return try append(
            .started(scenarioId: scenario.id, version: scenario.version, recommendationId: pick?.id), at: date)
    }

    /// Throws unless the trainee may talk to the patient now.
    public func ensureCanAsk() throws {
        try validate(.question(text: "?"))
    }

    /// Asks the patient, and records the question and the reply.
    public mutating func ask(_ question: String, engine: PatientEngine, at date: Date) async throws -> PatientTurn {
        try ensureCanAsk()
        let turn = await engine.respond(to: question, transcript: state.transcript)
        try record(turn, at: date)
        return turn
    }

    /// Records a turn answered elsewhere (for example while streaming).
    @discardableResult
    public mutating func record(_ turn: PatientTurn, at date: Date) throws -> [EncounterEntry] {
        let question = try append(.question(text: turn.question), at: date)
        let r = turn.retrieval
        let reply = try append(
            .reply(
                text: turn.reply, factIds: r.factIDs, intents: r.intents, subject: r.subject, voice: turn.voice,
                fellBack: turn.fellBack), at: date)
        return [question, reply]
    }

    /// Orders an examination or investigation. Ordering the same item again returns the
    /// recorded result without charging for it twice.
    public mutating func order(_ itemID: String, at date: Date) throws -> Examiner.Result {
        let result = try examiner.order(itemID)
        if state.orders.contains(where: { $0.itemId == itemID }) {
            try validate(result.event)
            return result
        }
        try append(result.event, at: date)
        return result
    }

    /// Replaces the notebook.
    @discardableResult
    public mutating func recordFindings(_ findings: [Finding], at date: Date) throws -> EncounterEntry {
        try append(.findingsRecorded(findings: findings), at: date)
    }

    /// Commits the trainee's own diagnosis, differential and plan (may be revised until the AI is shown).
    @discardableResult
    public mutating func commitDiagnosis(_ diagnosis: String, differential: [String], plan: String, at date: Date)
        throws -> EncounterEntry
    {
        try append(.diagnosisCommitted(diagnosis: diagnosis, differential: differential, plan: plan), at: date)
    }

    /// Shows the AI recommendation: recorded the first time, simply returned afterwards
    /// (also once submitted, for the debrief).
    public mutating func showRecommendation(at date: Date) throws -> AIRecommendation {
        guard let recommendation else {
            throw EncounterError(.invalid, "This scenario has no AI recommendation.")
        }
        if state.phase >= .recommendationShown { return recommendation }
        try append(.recommendationShown(id: recommendation.id), at: date)
        return recommendation
    }

    /// Records the appraisal of the recommendation (may be revised until submission).
    @discardableResult
    public mutating func appraise(_ appraisal: Appraisal, at date: Date) throws -> EncounterEntry {
        try append(.appraisal(appraisal), at: date)
    }

    /// Submits the encounter for grading; it is read-only afterwards.
    @discardableResult
    public mutating func submit(at date: Date) throws -> EncounterEntry {
        try append(.submitted, at: date)
    }

    // MARK: - Validation

    /// Validates `event` against the current state, then records it.
    @discardableResult
    public mutating func append(_ event: EncounterEvent, at date: Date) throws -> EncounterEntry {
        try validate(event)
        let entry = EncounterEntry(at: date, event: event)
        entries.append(entry)
        state.apply(entry)
        return entry
    }

    /// Throws the error `event` would meet now; returns when it is allowed.
    public func validate(_ event: EncounterEvent) throws {
        let phase = state.phase
        if phase == .submitted { throw EncounterError.readOnly }
        if phase == .notStarted {
            guard case .started(let scenarioId, let version, _) = event else {
                throw EncounterError(.notStarted, "Start the encounter first.")
            }
            guard scenarioId == scenario.id, version == scenario.version else {
                throw EncounterError(
                    .invalid, "The encounter must start on \(scenario.id) version \(scenario.version).")
            }
            return
        }
        switch event {
        case .started:
            throw EncounterError(.alreadyStarted, "The encounter has already started.")
        case .question(let text):
            try requireGathering("talk to the patient")
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw EncounterError(.invalid, "Type a question or comment for the patient.")
            }
        case .reply(_, let factIds, _, _, _, _):
            try requireGathering("talk to the patient")
            guard state.pendingQuestion != nil else {
                throw EncounterError(.outOfOrder, "A reply must follow a question.")
            }
            if let unknown = factIds.first(where: { scenario.fact($0) == nil }) {
                throw EncounterError(.invalid, "The scenario has no fact '\(unknown)'.")
            }
        case .order(let itemId, _, _, _, _):
            try requireGathering("order examinations or investigations")
            _ = try examiner.order(itemId)
        case .findingsRecorded(let findings):
            if findings.contains(where: { $0.text.count > 5000 }) {
                throw EncounterError(.invalid, "A finding is too long (5000 characters at most).")
            }
        case .diagnosisCommitted(let diagnosis, _, _):
            guard phase.isGatheringInformation || phase == .diagnosisCommitted else {
                throw EncounterError(
                    .outOfOrder,
                    "The diagnosis cannot be changed once the AI recommendation has been shown; "
                        + "give your final diagnosis in the appraisal.")
            }
            if diagnosis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw EncounterError(.invalid, "Give a working diagnosis.")
            }
        case .recommendationShown(let id):
            guard phase >= .diagnosisCommitted else {
                throw EncounterError(.outOfOrder, "Commit a diagnosis and plan before viewing the AI recommendation.")
            }
            guard phase == .diagnosisCommitted else {
                throw EncounterError(.outOfOrder, "The AI recommendation has already been shown.")
            }
            guard id == recommendation?.id else {
                throw EncounterError(
                    .wrongRecommendation, "This encounter shows recommendation '\(recommendation?.id ?? "none")'.")
            }
        case .appraisal(let appraisal):
            guard phase == .recommendationShown || phase == .appraised else {
                throw EncounterError(
                    .outOfOrder,
                    phase < .diagnosisCommitted
                        ? "Commit a diagnosis, then view the AI recommendation, before appraising it."
                        : "View the AI recommendation before appraising it.")
            }
            guard appraisal.recommendationId == state.recommendationId else {
                throw EncounterError(
                    .wrongRecommendation,
                    "Appraise the recommendation you were shown ('\(state.recommendationId ?? "")').")
            }
        case .submitted:
            guard phase == .appraised else {
                throw EncounterError(
                    .outOfOrder,
                    phase < .diagnosisCommitted
                        ? "Commit a diagnosis, view and appraise the AI recommendation before submitting."
                        : "Appraise the AI recommendation before submitting.")
            }
        }
    }

    private func requireGathering(_ action: String) throws {
        guard state.phase.isGatheringInformation else {
            throw EncounterError(.outOfOrder, "You cannot \(action) after committing a diagnosis.")
        }
    }
}
