import Testing

@testable import WardSimCore

@Suite("QuestionTrial")
struct QuestionTrialTests {
    @Test func showsTheFactsAndTheScriptedReplyForAQuestion() throws {
        let scenario = try TestContent.scenario("chest-pain-inferior-stemi")
        let trial = QuestionTrial(scenario: scenario)
        let onset = trial.run("When did the pain begin?")
        #expect(onset.factIDs == ["pain-onset"])
        #expect(onset.intents.first == .factQuestion)
        #expect(onset.reply == scenario.fact("pain-onset")?.answer)

        let nothing = trial.run("Who won the election?")
        #expect(nothing.factIDs.isEmpty)
        #expect(!nothing.reply.isEmpty)
    }

    @Test func earlierQuestionsResolveFollowUpsAsInAnEncounter() throws {
        let scenario = try TestContent.scenario("chest-pain-inferior-stemi")
        let trial = QuestionTrial(scenario: scenario)
        let followUp = trial.run("And how long has it lasted?", after: ["When did the pain begin?"])
        #expect(followUp.factIDs == ["pain-duration"])
        let repeated = trial.run("When did the pain begin?", after: ["When did the pain begin?"])
        let fact = try #require(scenario.fact("pain-onset"))
        #expect(repeated.reply == (fact.variants?.first ?? fact.answer), "a repeated question gets the next variant")
    }
}
