import WardSimCore

/// The mastery model as reports use it: scores in, mastery, evidence and level out.
///
/// A thin adapter over WardSimCore's `MasteryModel` (Curriculum/README.md's
/// Beta-Binomial with decay) and `Curriculum.level`, so reports compute mastery exactly
/// as trainees see it on their progress page.
struct ReportMastery: Sendable {
    /// Mastery after some scores.
    struct Estimate: Sendable, Equatable {
        var mastery: Double
        var evidence: Double
        var level: MasteryLevel?
    }

    let curriculum: Curriculum
    private let model: MasteryModel

    init(curriculum: Curriculum) {
        self.curriculum = curriculum
        self.model = MasteryModel(parameters: curriculum.model)
    }

    /// The estimate after all of `scores` (oldest first).
    func estimate(_ scores: [Double]) -> Estimate {
        finish(model.estimate(scores: scores))
    }

    /// The estimate after each score in turn (oldest first): mastery over time.
    func trajectory(_ scores: [Double]) -> [Estimate] {
        var current = model.prior
        return scores.map { score in
            current = model.updated(current, score: score)
            return finish(current)
        }
    }

    private func finish(_ estimate: MasteryEstimate) -> Estimate {
        Estimate(
            mastery: estimate.mastery, evidence: estimate.evidence,
            level: curriculum.level(mastery: estimate.mastery, evidence: estimate.evidence))
    }
}
