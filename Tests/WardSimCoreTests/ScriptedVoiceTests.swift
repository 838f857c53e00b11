import Testing
@testable import WardSimCore

@Suite("ScriptedVoice") struct ScriptedVoiceTests {
    func request(_ scenario: Scenario, _ question: String, transcript: [ConversationTurn] = []) -> VoiceRequest {
        let retrieval = Retriever(scenario: scenario).retrieve(
            question, context: RetrievalContext(transcript: transcript))
        return VoiceRequest(scenario: scenario, question: question, retrieval: retrieval, transcript: transcript)
    }

    @Test func saysTheAuthoredAnswer() throws {
        let scenario = try TestContent.chestPain()
        let text = ScriptedVoice().text(for: request(scenario, "Do you smoke?"))
        #expect(text == scenario.fact("smoking")!.answer)
    }

    @Test func rotatesVariantsOnRepeats() throws {
        let scenario = try TestContent.chestPain()
        let fact = scenario.fact("pain-onset")!
        let first = request(scenario, "When did it start?")
        let firstText = ScriptedVoice().text(for: first)
        let turn = ConversationTurn(
            question: first.question, reply: firstText, factIDs: first.retrieval.factIDs,
            intents: first.retrieval.intents, subject: first.retrieval.subject)
        let second = ScriptedVoice().text(for: request(scenario, "When did it start?", transcript: [turn]))
        #expect(firstText == fact.answer)
        #expect(second == fact.variants![0])
    }

    @Test func deflectsInCharacter() throws {
        let scenario = try TestContent.chestPain()
        #expect(
            ScriptedVoice().text(for: request(scenario, "What's the diagnosis?"))
                == "I don't know, that's why I'm here.")
        #expect(ScriptedVoice().text(for: request(scenario, "purple monkey dishwasher")).hasPrefix("Sorry"))
        #expect(ScriptedVoice().text(for: request(scenario, "Hello!")) == "Hello.")
        #expect(
            ScriptedVoice().text(for: request(scenario, "What brings you in?")) == scenario.patient.openingStatement)
    }

    @Test func empathyUsesTheWorriesInTheFirstPerson() throws {
        let scenario = try TestContent.chestPain()
        let text = ScriptedVoice().text(for: request(scenario, "That sounds really worrying."))
        #expect(text == "Thank you. What worries me most is that I am making a fuss over indigestion.")
    }

    @Test func caregiverSpeaksOfTheChild() throws {
        var scenario = try TestContent.chestPain()
        scenario.patient.speaker = Patient.Speaker(role: .caregiver, name: "Sam Pryce", relationship: "mother")
        scenario.patient.persona.worries = ["That she waited too long before bringing him in"]
        #expect(
            ScriptedVoice().text(for: request(scenario, "What is the diagnosis?"))
                == "I don't know, that's why I brought him in.")
        #expect(
            ScriptedVoice().text(for: request(scenario, "I'm sorry, that must be frightening."))
                == "Thank you. What worries me most is that I waited too long before bringing him in.")
    }

    @Test func firstPersonWorries() throws {
        var scenario = try TestContent.chestPain()
        scenario.patient.sex = .female
        let phrasing = PersonaPhrasing(scenario: scenario)
        #expect(
            phrasing.firstPerson("Who will collect her nine-year-old son") == "who will collect my nine-year-old son")
        #expect(
            phrasing.firstPerson("Having a stroke if her warfarin is stopped.")
                == "having a stroke if my warfarin is stopped")
        scenario.patient.sex = .male
        #expect(
            PersonaPhrasing(scenario: scenario).firstPerson("That his blood pressure will go up if he stops the tablet")
                == "that my blood pressure will go up if I stop the tablet")
    }

    @Test func everyShippedScenarioReplyPassesTheGuards() async throws {
        for scenario in TestContent.scenarios {
            let engine = PatientEngine(scenario: scenario)
            var transcript: [ConversationTurn] = []
            for fact in scenario.facts {
                for topic in fact.topics.prefix(2) {
                    let r = engine.retriever.retrieve(topic, context: RetrievalContext(transcript: transcript))
                    let request = VoiceRequest(
                        scenario: scenario, question: topic, retrieval: r, transcript: transcript)
                    let text = ScriptedVoice().text(for: request)
                    let disclosed = Set(transcript.flatMap(\.factIDs)).union(r.factIDs)
                    let verdict = engine.check(text, disclosure: engine.disclosure(of: disclosed))
                    #expect(verdict == .accepted(text), "\(scenario.id) / \(topic): \(verdict)")
                    transcript.append(
                        ConversationTurn(
                            question: topic, reply: text, factIDs: r.factIDs, intents: r.intents, subject: r.subject))
                }
            }
        }
    }

    @Test func streamsSentences() async throws {
        let scenario = try TestContent.chestPain()
        var chunks: [String] = []
        for try await chunk in ScriptedVoice().speak(request(scenario, "any allergies? do you smoke?")) {
            chunks.append(chunk)
        }
        #expect(chunks.count >= 2)
        #expect(chunks.joined() == ScriptedVoice().text(for: request(scenario, "any allergies? do you smoke?")))
    }
}
