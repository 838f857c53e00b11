/// Something that happened in an encounter. The encounter is the append-only list of these.
///
/// Events are facts about the past, never commands: state is computed by folding them
/// (`EncounterState`), and grades are a pure function of them (`Grader`), so regrading an
/// old encounter gives the same answer. Encoded as JSON objects with a `type` field:
/// `{"type": "question", "text": "Any allergies?"}`.
public enum EncounterEvent: Sendable, Equatable {
    /// The encounter began on this scenario version; the AI recommendation it will show was chosen.
    case started(scenarioId: String, version: Int, recommendationId: String?)
    case question(text: String)
    /// The patient's reply, with what retrieval disclosed (graded) and how it was voiced.
    case reply(text: String, factIds: [String], intents: [Intent], subject: String?, voice: VoiceKind, fellBack: Bool)
    /// An examination or investigation and the result it returned.
    case order(itemId: String, result: String, isDefault: Bool, minutes: Int, cost: Double)
    /// The notebook as it now stands (replaces the previous findings).
    case findingsRecorded(findings: [Finding])
    /// The trainee's own diagnosis and plan, before seeing the AI.
    case diagnosisCommitted(diagnosis: String, differential: [String], plan: String)
    case recommendationShown(id: String)
    case appraisal(Appraisal)
    case submitted

    /// The `type` written in JSON.
    public var type: String {
        switch self {
        case .started: "started"
        case .question: "question"
        case .reply: "reply"
        case .order: "order"
        case .findingsRecorded: "findingsRecorded"
        case .diagnosisCommitted: "diagnosisCommitted"
        case .recommendationShown: "recommendationShown"
        case .appraisal: "appraisal"
        case .submitted: "submitted"
        }
    }
}

extension EncounterEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, scenarioId, version, recommendationId, text, factIds, intents, subject, voice, fellBack, itemId
        case result, isDefault, minutes, cost, findings, diagnosis, differential, plan, id, appraisal
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "started":
            self = .started(
                scenarioId: try c.decode(String.self, forKey: .scenarioId),
                version: try c.decode(Int.self, forKey: .version),
                recommendationId: try c.decodeIfPresent(String.self, forKey: .recommendationId))
        case "question":
            self = .question(text: try c.decode(String.self, forKey: .text))
        case "reply":
            self = .reply(
                text: try c.decode(String.self, forKey: .text), factIds: try c.decode([String].self, forKey: .factIds),
                intents: try c.decode([Intent].self, forKey: .intents),
                subject: try c.decodeIfPresent(String.self, forKey: .subject),
                voice: try c.decode(VoiceKind.self, forKey: .voice),
                fellBack: try c.decode(Bool.self, forKey: .fellBack))
        case "order":
            self = .order(
                itemId: try c.decode(String.self, forKey: .itemId), result: try c.decode(String.self, forKey: .result),
                isDefault: try c.decode(Bool.self, forKey: .isDefault),
                minutes: try c.decode(Int.self, forKey: .minutes),
                cost: try c.decode(Double.self, forKey: .cost))
        case "findingsRecorded":
            self = .findingsRecorded(findings: try c.decode([Finding].self, forKey: .findings))
        case "diagnosisCommitted":
            self = .diagnosisCommitted(
                diagnosis: try c.decode(String.self, forKey: .diagnosis),
                differential: try c.decode([String].self, forKey: .differential),
                plan: try c.decode(String.self, forKey: .plan))
        case "recommendationShown":
            self = .recommendationShown(id: try c.decode(String.self, forKey: .id))
        case "appraisal":
            self = .appraisal(try c.decode(Appraisal.self, forKey: .appraisal))
        case "submitted":
            self = .submitted
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown event type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .started(let scenarioId, let version, let recommendationId):
            try c.encode(scenarioId, forKey: .scenarioId)
            try c.encode(version, forKey: .version)
            try c.encodeIfPresent(recommendationId, forKey: .recommendationId)
        case .question(let text):
            try c.encode(text, forKey: .text)
        case .reply(let text, let factIds, let intents, let subject, let voice, let fellBack):
            try c.encode(text, forKey: .text)
            try c.encode(factIds, forKey: .factIds)
            try c.encode(intents, forKey: .intents)
            try c.encodeIfPresent(subject, forKey: .subject)
            try c.encode(voice, forKey: .voice)
            try c.encode(fellBack, forKey: .fellBack)
        case .order(let itemId, let result, let isDefault, let minutes, let cost):
            try c.encode(itemId, forKey: .itemId)
            try c.encode(result, forKey: .result)
            try c.encode(isDefault, forKey: .isDefault)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(cost, forKey: .cost)
        case .findingsRecorded(let findings):
            try c.encode(findings, forKey: .findings)
        case .diagnosisCommitted(let diagnosis, let differential, let plan):
            try c.encode(diagnosis, forKey: .diagnosis)
            try c.encode(differential, forKey: .differential)
            try c.encode(plan, forKey: .plan)
        case .recommendationShown(let id):
            try c.encode(id, forKey: .id)
        case .appraisal(let appraisal):
            try c.encode(appraisal, forKey: .appraisal)
        case .submitted:
            break
        }
    }
}
