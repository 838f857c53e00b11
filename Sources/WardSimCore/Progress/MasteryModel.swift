import Foundation

/// The Beta-Binomial mastery model with exponential decay, exactly as
/// `Curriculum/levels.json` (`model.description`) and `Curriculum/README.md` define it.
///
/// Each graded encounter's competency score s ∈ [0, 1] adds s to α and 1 − s to β; before
/// it is added, the evidence already accumulated (α and β above the prior) is multiplied
/// by d = 0.5^(1/h), h being the half-life in encounters. The prior is never decayed.
/// Mastery is α / (α + β); evidence is α + β less the prior.
///
/// ```swift
/// let model = MasteryModel(parameters: curriculum.model)
/// model.estimate(scores: [0.5, 0.8, 1.0]).mastery   // 0.662 with Beta(1, 1), h = 10
/// ```
public struct MasteryModel: Sendable {
    public let parameters: MasteryModelParameters

    public init(parameters: MasteryModelParameters) {
        self.parameters = parameters
    }

    /// The decay factor per newer graded encounter, 0.5^(1/h).
    public var decay: Double { pow(0.5, 1 / parameters.halfLifeEncounters) }

    /// The prior: no evidence yet.
    public var prior: MasteryEstimate {
        MasteryEstimate(
            alpha: parameters.priorAlpha, beta: parameters.priorBeta,
            priorTotal: parameters.priorAlpha + parameters.priorBeta)
    }

    /// `estimate` after one more graded encounter scoring `score`.
    public func updated(_ estimate: MasteryEstimate, score: Double) -> MasteryEstimate {
        let s = min(1, max(0, score))
        let d = decay
        return MasteryEstimate(
            alpha: parameters.priorAlpha + d * (estimate.alpha - parameters.priorAlpha) + s,
            beta: parameters.priorBeta + d * (estimate.beta - parameters.priorBeta) + (1 - s),
            priorTotal: estimate.priorTotal)
    }

    /// The estimate after `scores`, oldest first.
    public func estimate(scores: [Double]) -> MasteryEstimate {
        scores.reduce(prior) { updated($0, score: $1) }
    }
}
