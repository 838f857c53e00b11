import Testing
@testable import WardSimCore

@Suite("PatientEngine") struct PatientEngineTests {
    let scenario: Scenario
    init() throws { scenario = try TestContent.chestPain() }

    @Test func scriptedByDefault() async {
        let turn = await PatientEngine(scenario: scenario).respond(to: "Do you smoke?", transcript: [])
        #expect(turn.voice == .scripted && !turn.fellBack)
        #expect(turn.retrieval.factIDs == ["smoking"])
        #expect(turn.reply == scenario.fact("smoking")!.answer)
    }

    @Test func acceptsAGroundedModelReply() async {
        let voice = FakeLLMVoice { _ in "Patient: About twenty a day, since I was a teenager. *coughs*" }
        let turn = await PatientEngine(scenario: scenario, llm: voice).respond(to: "Do you smoke?", transcript: [])
        #expect(turn.voice == .llm && !turn.fellBack)
        #expect(turn.reply == "About twenty a day, since I was a teenager.")
    }

    @Test func regeneratesOnceThenFallsBack() async {
        let voice = FakeLLMVoice { request in
            request.attempt == 0 ? "Twenty a day since I was 12." : "About twenty a day, since I was a teenager."
        }
        let second = await PatientEngine(scenario: scenario, llm: voice).respond(to: "Do you smoke?", transcript: [])
        #expect(second.voice == .llm && !second.fellBack)
        #expect(second.refusals.map(\.kind) == [.number])

        let liar = FakeLLMVoice { _ in "I have a heart attack." }
        let fallback = await PatientEngine(scenario: scenario, llm: liar).respond(to: "Do you smoke?", transcript: [])
        #expect(fallback.voice == .scripted && fallback.fellBack)
        #expect(fallback.reply == scenario.fact("smoking")!.answer)
        #expect(fallback.notice == PatientEngine.refusedNotice)
    }

    @Test func modelFailureFallsBackWithANotice() async {
        let turn = await PatientEngine(scenario: scenario, llm: FailingVoice()).respond(
            to: "Do you smoke?", transcript: [])
        #expect(turn.voice == .scripted && turn.fellBack)
        #expect(turn.notice == PatientEngine.fallbackNotice)
    }

    @Test func modelIsNotAskedWithoutFacts() async {
        let voice = FakeLLMVoice { _ in "It's a STEMI." }
        let turn = await PatientEngine(scenario: scenario, llm: voice).respond(
            to: "What's your diagnosis?", transcript: [])
        #expect(turn.voice == .scripted && !turn.fellBack)
        #expect(turn.reply == "I don't know, that's why I'm here.")
    }

    @Test func streamsTheCheckedReply() async {
        let engine = PatientEngine(scenario: scenario)
        var chunks: [String] = []
        var finished: PatientTurn?
        for await event in engine.stream("Any allergies? Do you smoke?", transcript: []) {
            switch event {
            case .chunk(let c): chunks.append(c)
            case .finished(let turn): finished = turn
            }
        }
        #expect(chunks.joined() == finished?.reply)
        #expect(finished?.retrieval.factIDs == ["allergies", "smoking"])
    }

    @Test func followUpsUseTheTranscript() async {
        let engine = PatientEngine(scenario: scenario)
        let first = await engine.respond(to: "When did the pain start?", transcript: [])
        let second = await engine.respond(to: "And how long has it lasted?", transcript: [first.conversationTurn])
        #expect(second.retrieval.factIDs == ["pain-duration"])
    }
}
