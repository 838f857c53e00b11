import Testing
import WardSimCore

@testable import WardSimApp

@Suite("Report mastery (through Core's MasteryModel)")
struct ReportMasteryTests {
    let mastery = ReportMastery(curriculum: try! ReportCurriculum.load(folder: ExportTestDatabase.curriculumPath))

    @Test func followsTheWorkedExampleOfTheCurriculumReadme() {
        let three = mastery.estimate([0.5, 0.8, 1.0])
        #expect(abs(three.mastery - 0.662) < 0.0005)
        #expect(abs(three.evidence - 2.804) < 0.0005)
        #expect(three.level?.id == "advanced-beginner")
        let five = mastery.estimate([0.5, 0.8, 1.0, 1.0, 1.0])
        #expect(abs(five.mastery - 0.758) < 0.0005)
        #expect(abs(five.evidence - 4.374) < 0.0005)
        #expect(five.level?.id == "competent")
    }

    @Test func aNewTraineeIsANoviceAtThePrior() {
        let none = mastery.estimate([])
        #expect(none.mastery == 0.5 && none.evidence == 0 && none.level?.id == "novice")
    }

    @Test func theTrajectoryEndsAtTheEstimate() {
        let scores = [0.2, 0.9, 0.4, 1.0]
        #expect(mastery.trajectory(scores).last == mastery.estimate(scores))
        #expect(mastery.trajectory(scores).count == 4)
    }
}
