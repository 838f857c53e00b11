public import Foundation

/// An encounter as it stands: computed by folding its events, never stored.
///
/// `fold` is a pure reducer, so the state after a server restart, a resume in another
/// browser, or a regrade months later is exactly the state the trainee saw.
public struct EncounterState: Sendable, Equatable {
    /// An order and its result, as recorded.
    public struct Order: Sendable, Equatable {
        public var itemId: String
        public var result: String
        public var isDefault: Bool
        public var minutes: Int
        public var cost: Double
        public var at: Date
    }

    /// The trainee's own answer before seeing the AI.
    public struct Commitment: Sendable, Equatable {
        public var diagnosis: String
        public var differential: [String]
        public var plan: String
        public var at: Date
    }

    public var phase: EncounterPhase = .notStarted
    public var scenarioId: String?
    public var version: Int?
    /// The recommendation chosen at the start (shown only after the diagnosis).
    public var recommendationId: String?
    public var startedAt: Date?
    public var transcript: [ConversationTurn] = []
    /// A question whose reply has not been recorded yet.
    public var pendingQuestion: String?
    public var orders: [Order] = []
    public var findings: [Finding] = []
    public var commitment: Commitment?
    public var recommendationShownAt: Date?
    public var appraisal: Appraisal?
    public var submittedAt: Date?

    public init() {}

    /// The state after `entries`, oldest first.
    public static func fold(_ entries: [EncounterEntry]) -> EncounterState {
        entries.reduce(into: EncounterState()) { $0.apply($1) }
    }

    /// This state with `entry` applied. Assumes the entry was validated (`EncounterMachine`).
    public func applying(_ entry: EncounterEntry) -> EncounterState {
        var copy = self
        copy.apply(entry)
        return copy
    }

    mutating func apply(_ entry: EncounterEntry) {
        switch entry.event {
        case .started(let scenarioId, let version, let recommendationId):
            self.scenarioId = scenarioId
            self.version = version
            self.recommendationId = recommendationId
            startedAt = entry.at
            phase = .interviewing
        case .question(let text):
            pendingQuestion = text
        case .reply(let text, let factIds, let intents, let subject, _, _):
            transcript.append(
                ConversationTurn(
                    question: pendingQuestion ?? "", reply: text, factIDs: factIds, intents: intents, subject: subject))
            pendingQuestion = nil
        case .order(let itemId, let result, let isDefault, let minutes, let cost):
            orders.append(
                Order(itemId: itemId, result: result, isDefault: isDefault, minutes: minutes, cost: cost, at: entry.at))
        case .findingsRecorded(let findings):
            self.findings = findings
            if phase == .interviewing { phase = .findings }
        case .diagnosisCommitted(let diagnosis, let differential, let plan):
            commitment = Commitment(diagnosis: diagnosis, differential: differential, plan: plan, at: entry.at)
            phase = .diagnosisCommitted
        case .recommendationShown:
            recommendationShownAt = entry.at
            phase = .recommendationShown
        case .appraisal(let appraisal):
            self.appraisal = appraisal
            phase = .appraised
        case .submitted:
            submittedAt = entry.at
            phase = .submitted
        }
    }

    /// Every fact disclosed so far, in order of first disclosure.
    public var disclosedFactIDs: [String] {
        var seen: Set<String> = []
        return transcript.flatMap(\.factIDs).filter { seen.insert($0).inserted }
    }

    /// Simulated minutes spent on examinations and investigations.
    public var elapsedMinutes: Int { orders.reduce(0) { $0 + $1.minutes } }

    /// Total cost of everything ordered.
    public var totalCost: Double { orders.reduce(0) { $0 + $1.cost } }

    /// The diagnosis the trainee finally stands by: after the appraisal if there was one.
    public var finalDiagnosis: String? { appraisal?.finalDiagnosis ?? commitment?.diagnosis }

    /// The plan the trainee finally stands by.
    public var finalPlan: String? { appraisal?.finalPlan ?? commitment?.plan }
}
