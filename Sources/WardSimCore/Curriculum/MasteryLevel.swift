/// A named level of mastery, awarded when both thresholds are met.
public struct MasteryLevel: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var minMastery: Double
    public var minEvidence: Double
    public var description: String
}

/// The parameters of the Beta-Binomial mastery model (see `Curriculum/README.md`).
public struct MasteryModelParameters: Codable, Sendable, Equatable {
    public var name: String
    public var priorAlpha: Double
    public var priorBeta: Double
    public var halfLifeEncounters: Double
    public var description: String
}
