import Foundation
import Testing
@testable import WardSimCore

@Suite("MasteryModel") struct MasteryModelTests {
    let curriculum: Curriculum
    let model: MasteryModel

    init() throws {
        curriculum = try TestContent.curriculum()
        model = MasteryModel(parameters: curriculum.model)
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.00001) -> Bool { abs(a - b) < tolerance }

    @Test func decayIsHalfAfterTheHalfLife() {
        #expect(close(model.decay, 0.93303))
        #expect(close(pow(model.decay, 10), 0.5, 1e-12))
    }

    @Test func priorIsUniformWithNoEvidence() {
        #expect(model.prior.mastery == 0.5)
        #expect(model.prior.evidence == 0)
        #expect(curriculum.level(mastery: model.prior.mastery, evidence: model.prior.evidence)?.id == "novice")
    }

    /// The worked example in Curriculum/README.md, to the digits it prints.
    @Test func workedExampleFromTheCurriculum() {
        let three = model.estimate(scores: [0.5, 0.8, 1.0])
        #expect(close(three.alpha, 3.18170))
        #expect(close(three.beta, 1.62188))
        #expect(close(three.mastery, 0.662, 0.0005))
        #expect(close(three.evidence, 2.804, 0.0005))
        #expect(curriculum.level(mastery: three.mastery, evidence: three.evidence)?.id == "advanced-beginner")

        let five = model.estimate(scores: [0.5, 0.8, 1.0, 1.0, 1.0])
        #expect(close(five.alpha, 4.83231))
        #expect(close(five.beta, 1.54138))
        #expect(close(five.mastery, 0.758, 0.0005))
        #expect(close(five.evidence, 4.374, 0.0005))
        #expect(curriculum.level(mastery: five.mastery, evidence: five.evidence)?.id == "competent")
    }

    /// α = 1 + Σ w·s with w = d^k, computed directly, equals the incremental update.
    @Test func incrementalEqualsClosedForm() {
        let scores = [0.2, 1.0, 0.7, 0.0, 0.9, 0.4, 1.0, 1.0, 0.6, 0.3, 0.8, 1.0, 0.5]
        let d = model.decay
        var alpha = 1.0
        var beta = 1.0
        for (k, s) in scores.reversed().enumerated() {
            alpha += pow(d, Double(k)) * s
            beta += pow(d, Double(k)) * (1 - s)
        }
        let e = model.estimate(scores: scores)
        #expect(close(e.alpha, alpha, 1e-9) && close(e.beta, beta, 1e-9))
        #expect(close(e.evidence, (0..<scores.count).reduce(0) { $0 + pow(d, Double($1)) }, 1e-9))
    }

    @Test func evidenceNeedsThreeFiveAndTwelveEncounters() {
        func encountersToReach(_ evidence: Double) -> Int {
            var e = model.prior
            var n = 0
            while e.evidence < evidence {
                e = model.updated(e, score: 1)
                n += 1
            }
            return n
        }
        #expect(encountersToReach(2) == 3)
        #expect(encountersToReach(4) == 5)
        #expect(encountersToReach(8) == 12)
        #expect(model.estimate(scores: Array(repeating: 1, count: 200)).evidence < 1 / (1 - model.decay))
    }

    @Test func scoresAreClamped() {
        #expect(model.updated(model.prior, score: 1.7) == model.updated(model.prior, score: 1))
    }
}
