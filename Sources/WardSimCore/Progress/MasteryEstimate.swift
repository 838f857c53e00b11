/// A trainee's Beta(α, β) belief about one competency: mastery and the evidence behind it.
public struct MasteryEstimate: Codable, Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    /// The prior's α + β, so evidence excludes it.
    public var priorTotal: Double

    public init(alpha: Double, beta: Double, priorTotal: Double) {
        self.alpha = alpha
        self.beta = beta
        self.priorTotal = priorTotal
    }

    /// The posterior mean α / (α + β).
    public var mastery: Double { alpha / (alpha + beta) }

    /// The decayed number of graded encounters: α + β less the prior.
    public var evidence: Double { alpha + beta - priorTotal }
}
