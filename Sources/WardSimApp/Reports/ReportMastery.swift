import Foundation
import WardSimCore

/// The mastery model as reports use it: scores in, mastery, evidence and level out.
///
/// **A seam, not a second model.** The model belongs to WardSimCore (`MasteryModel`,
/// from the encounter engine work). Until that lands on main, this implements
/// Curriculum/README.md's Beta-Binomial with decay exactly as documented; after the
/// merge `estimate` and `trajectory` become calls into Core's model and this file keeps
/// only the adapter. Nothing else in Reports computes mastery.
///
/// The model: start from Beta(α₀, β₀); with d = 0.5^(1/halfLife), each score s in time
/// order updates α ← α₀ + d·(α − α₀) + s and β ← β₀ + d·(β − β₀) + (1 − s);
/// mastery = α/(α + β), evidence = α + β − α₀ − β₀; the level is the highest whose
/// minMastery and minEvidence are both met.
struct ReportMastery: Sendable {
    /// Mastery after some scores.
    struct Estimate: Sendable, Equatable {
        var mastery: Double
        var evidence: Double
        var level: MasteryLevel?
    }

    let curriculum: Curriculum

    init(curriculum: Curriculum) { self.curriculum = curriculum }

    /// The estimate after all of `scores` (oldest first).
    func estimate(_ scores: [Double]) -> Estimate {
        var state = State(model: curriculum.model)
        for score in scores { state.add(score) }
        return finish(state)
    }

    /// The estimate after each score in turn (oldest first): mastery over time.
    func trajectory(_ scores: [Double]) -> [Estimate] {
        var state = State(model: curriculum.model)
        return scores.map { score in
            state.add(score)
            return finish(state)
        }
    }

    private func finish(_ state: State) -> Estimate {
        let evidence = state.alpha + state.beta - state.priorAlpha - state.priorBeta
        let mastery = state.alpha / (state.alpha + state.beta)
        return Estimate(
            mastery: mastery, evidence: evidence, level: curriculum.level(mastery: mastery, evidence: evidence))
    }

    private struct State {
        let priorAlpha: Double
        let priorBeta: Double
        let decay: Double
        var alpha: Double
        var beta: Double

        init(model: MasteryModelParameters) {
            priorAlpha = model.priorAlpha
            priorBeta = model.priorBeta
            decay = model.halfLifeEncounters > 0 ? pow(0.5, 1 / model.halfLifeEncounters) : 1
            alpha = priorAlpha
            beta = priorBeta
        }

        mutating func add(_ score: Double) {
            let s = min(1, max(0, score))
            alpha = priorAlpha + decay * (alpha - priorAlpha) + s
            beta = priorBeta + decay * (beta - priorBeta) + (1 - s)
        }
    }
}
