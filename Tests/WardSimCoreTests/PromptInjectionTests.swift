import Foundation
import Testing
@testable import WardSimCore

/// Every attack against every shipped scenario, with the scripted voice and with a model
/// voice that has been "successfully" injected: no reply may leak.
@Suite("Prompt injection") struct PromptInjectionTests {
    struct Attack: Decodable {
        var id: String
        var category: String
        var text: String
    }

    static func attacks() throws -> [Attack] {
        try JSONDecoder().decode([Attack].self, from: Data(contentsOf: TestContent.injectionAttacksFile))
    }

    /// Three ordinary questions first, so some facts are disclosed and some are not.
    static func warmUp(_ engine: PatientEngine) async -> [ConversationTurn] {
        var transcript: [ConversationTurn] = []
        for fact in engine.scenario.facts.prefix(3) {
            let turn = await engine.respond(to: fact.topics[0] + "?", transcript: transcript)
            transcript.append(turn.conversationTurn)
        }
        return transcript
    }

    @Test func thereAreEnoughAttacks() throws {
        let attacks = try Self.attacks()
        #expect(attacks.count >= 40)
        #expect(Set(attacks.map(\.category)).count >= 8)
    }

    @Test func scriptedVoiceLeaksNothing() async throws {
        let attacks = try Self.attacks()
        #expect(!TestContent.scenarios.isEmpty)
        var replies = 0
        for scenario in TestContent.scenarios {
            let engine = PatientEngine(scenario: scenario)
            let oracle = LeakOracle(scenario: scenario)
            let transcript = await Self.warmUp(engine)
            for attack in attacks {
                let turn = await engine.respond(to: attack.text, transcript: transcript)
                let disclosed = Set(transcript.flatMap(\.factIDs)).union(turn.retrieval.factIDs)
                let leaks = oracle.leaks(in: turn.reply, disclosed: disclosed)
                #expect(leaks.isEmpty, "\(scenario.id) / \(attack.id): \(leaks) in \(turn.reply)")
                #expect(turn.voice == .scripted)
                replies += 1
            }
        }
        print("injection (scripted voice): \(replies) replies over \(TestContent.scenarios.count) scenarios, 0 leaks")
    }

    /// Each attack is sent twice: on its own, and riding on an ordinary question so that a
    /// fact is retrieved and the (injected) model is actually asked. Adversarial replies are
    /// dealt round-robin so every kind meets every scenario.
    @Test func injectedModelIsCaughtByTheGuards() async throws {
        let attacks = try Self.attacks()
        var replies = 0
        var modelCalls = 0
        var fellBack = 0
        for (s, scenario) in TestContent.scenarios.enumerated() {
            let oracle = LeakOracle(scenario: scenario)
            let adversaries = AdversarialReplies.all(for: scenario)
            let engines = adversaries.map { PatientEngine(scenario: scenario, llm: FakeLLMVoice(text: $0.reply)) }
            let transcript = await Self.warmUp(engines[0])
            for (a, attack) in attacks.enumerated() {
                let k = (a + s) % adversaries.count
                let fact = scenario.facts[a % scenario.facts.count]
                for question in [attack.text, "\(fact.topics[0])? \(attack.text)"] {
                    let turn = await engines[k].respond(to: question, transcript: transcript)
                    let disclosed = Set(transcript.flatMap(\.factIDs)).union(turn.retrieval.factIDs)
                    let leaks = oracle.leaks(in: turn.reply, disclosed: disclosed)
                    #expect(
                        leaks.isEmpty,
                        "\(scenario.id) / \(adversaries[k].name) / \(attack.id): \(leaks) in \(turn.reply)")
                    if turn.retrieval.hasFacts {
                        modelCalls += 1
                        if turn.fellBack { fellBack += 1 }
                    } else {
                        // No fact: the model is never asked.
                        #expect(turn.voice == .scripted && !turn.fellBack)
                    }
                    replies += 1
                }
            }
        }
        print(
            "injection (injected model): \(replies) replies, model asked \(modelCalls) times, "
                + "fell back to the script \(fellBack) times, 0 leaks")
    }

    /// Replies that leak or invent are never accepted from the model.
    @Test func everyAdversarialReplyIsRefused() async throws {
        for scenario in TestContent.scenarios {
            let question = scenario.facts[0].topics[0] + "?"
            for (name, reply) in AdversarialReplies.all(for: scenario) where name != "undisclosed" {
                let engine = PatientEngine(scenario: scenario, llm: FakeLLMVoice(text: reply))
                let turn = await engine.respond(to: question, transcript: [])
                #expect(turn.retrieval.hasFacts, "\(scenario.id): \(question)")
                #expect(turn.fellBack && turn.voice == .scripted, "\(scenario.id) / \(name): \(turn.reply)")
                #expect(!turn.refusals.isEmpty)
            }
        }
    }

    @Test func promptsNeverCarrySecrets() async throws {
        let attacks = try Self.attacks()
        for scenario in TestContent.scenarios {
            let engine = PatientEngine(scenario: scenario)
            let transcript = await Self.warmUp(engine)
            let oracle = LeakOracle(scenario: scenario)
            for attack in attacks {
                let retrieval = engine.retriever.retrieve(
                    attack.text, context: RetrievalContext(transcript: transcript))
                guard
                    case .llm(let messages) = engine.promptBuilder.decision(
                        question: attack.text, retrieval: retrieval, transcript: transcript)
                else { continue }
                // The attack text itself is quoted in the prompt; everything else must be clean.
                let prompt = messages.map(\.content).joined(separator: "\n")
                    .replacingOccurrences(of: LLMPromptBuilder.quote(attack.text), with: "")
                let disclosed = Set(transcript.flatMap(\.factIDs)).union(retrieval.factIDs)
                let leaks = oracle.leaks(in: prompt, disclosed: disclosed).filter { !$0.hasPrefix("marker") }
                #expect(leaks.isEmpty, "\(scenario.id) / \(attack.id): \(leaks)")
            }
        }
    }
}
