/// What the AI decision-support tool says once the trainee has committed to a diagnosis.
public struct AIRecommendation: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public var confidence: Double
    public var citations: [String]
    /// Whether following it is right. Unsound ones carry at least one flaw.
    public var sound: Bool
    public var flaws: [Flaw]
    public var outcomes: Outcomes

    public struct Flaw: Codable, Sendable, Equatable {
        public var type: FlawType
        public var explanation: String
    }

    /// What happened to the patient after each decision (shown in the debrief).
    public struct Outcomes: Codable, Sendable, Equatable {
        public var accept: String
        public var modify: String
        public var reject: String

        public func text(for decision: Decision) -> String {
            switch decision {
            case .accept: accept
            case .modify: modify
            case .reject: reject
            }
        }
    }
}

/// A trainee's decision on an AI recommendation.
public enum Decision: String, Codable, Sendable, CaseIterable {
    case accept, modify, reject
}

/// The documented taxonomy of ways an AI recommendation can be wrong.
public enum FlawType: String, Codable, Sendable, CaseIterable {
    case hallucinatedEvidence = "hallucinated-evidence"
    case missedContraindication = "missed-contraindication"
    case dosingError = "dosing-error"
    case anchoring
    case outdatedGuideline = "outdated-guideline"
    case demographicBias = "demographic-bias"
    case miscalibratedConfidence = "miscalibrated-confidence"
    case missedRedFlag = "missed-red-flag"
    case privacyBreach = "privacy-breach"
    case wrongRationale = "wrong-rationale"

    /// A label for people.
    public var label: String {
        switch self {
        case .hallucinatedEvidence: "Hallucinated evidence or citation"
        case .missedContraindication: "Missed contraindication, allergy or interaction"
        case .dosingError: "Dosing error"
        case .anchoring: "Anchoring on a wrong diagnosis"
        case .outdatedGuideline: "Outdated guideline"
        case .demographicBias: "Demographic bias"
        case .miscalibratedConfidence: "Miscalibrated confidence"
        case .missedRedFlag: "Missed red flag"
        case .privacyBreach: "Privacy or consent breach"
        case .wrongRationale: "Right action, wrong rationale"
        }
    }
}
