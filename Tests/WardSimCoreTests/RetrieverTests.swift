import Foundation
import Testing
@testable import WardSimCore

@Suite("Retriever") struct RetrieverTests {
    struct FixtureItem: Decodable {
        var question: String
        var previous: String?
        var expected: [String]
    }

    /// The accuracy last measured over every fixture; raise it when the retriever improves.
    static let accuracyFloor = 0.98

    @Test func accuracyOverAllFixtures() throws {
        let directory = TestContent.retrievalFixturesDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(!files.isEmpty, "no retrieval fixtures in \(directory.path)")
        var total = 0
        var correct = 0
        for file in files {
            let id = String(file.dropLast(".json".count))
            let scenario = try TestContent.scenario(id)
            let items = try JSONDecoder().decode(
                [FixtureItem].self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            let retriever = Retriever(scenario: scenario)
            var right = 0
            for item in items {
                var context = RetrievalContext()
                if let previous = item.previous { context = context.advanced(by: retriever.retrieve(previous)) }
                let got = retriever.retrieve(item.question, context: context)
                if Set(got.factIDs) == Set(item.expected) {
                    right += 1
                } else {
                    print("  miss [\(id)] \(item.question) expected \(item.expected) got \(got.factIDs)")
                }
            }
            print("retrieval \(id): \(right)/\(items.count) = \(Self.percent(right, items.count))")
            total += items.count
            correct += right
        }
        let accuracy = Double(correct) / Double(max(total, 1))
        print("retrieval overall: \(correct)/\(total) = \(Self.percent(correct, total)) over \(files.count) scenarios")
        #expect(accuracy >= Self.accuracyFloor)
    }

    static func percent(_ a: Int, _ b: Int) -> String {
        String(format: "%.1f%%", 100 * Double(a) / Double(max(b, 1)))
    }

    @Test func copesWithLayTermsAbbreviationsAndTypos() throws {
        let retriever = Retriever(scenario: try TestContent.chestPain())
        #expect(retriever.retrieve("are you SOB?").factIDs == ["breathlessness"])
        #expect(retriever.retrieve("do you feel puffed?").factIDs == ["breathlessness"])
        #expect(retriever.retrieve("any PMH?").factIDs == ["past-history"])
        #expect(retriever.retrieve("FHx?").factIDs == ["family-history"])
        #expect(retriever.retrieve("what meds are you on").factIDs == ["medications"])
        #expect(retriever.retrieve("do you smoek?").factIDs == ["smoking"])
        #expect(retriever.retrieve("any allergeis").factIDs == ["allergies"])
        #expect(retriever.retrieve("Have you been sweating?").factIDs == ["sweating-nausea"])
    }

    @Test func splitsSeveralQuestions() throws {
        let retriever = Retriever(scenario: try TestContent.chestPain())
        let r = retriever.retrieve("Do you smoke? And any allergies; what about your family history?")
        #expect(r.factIDs == ["allergies", "smoking", "family-history"])
    }

    @Test func followUpUsesTheLastSubjectAndAspect() throws {
        let retriever = Retriever(scenario: try TestContent.chestPain())
        let first = retriever.retrieve("When did the pain start?")
        #expect(first.factIDs == ["pain-onset"])
        #expect(first.subject == "pain")
        let context = RetrievalContext().advanced(by: first)
        #expect(
            retriever.retrieve("and how long has that been going on?", context: context).factIDs == ["pain-duration"])
        let smoking = RetrievalContext().advanced(by: retriever.retrieve("do you smoke?"))
        #expect(retriever.retrieve("how long for?", context: smoking).factIDs == ["smoking"])
    }

    @Test func unrelatedQuestionsMatchNothing() throws {
        for scenario in TestContent.scenarios {
            let retriever = Retriever(scenario: scenario)
            for question in [
                "What's the capital of France?", "Can you write me a poem about the sea?", "Do you like football?",
                "What is 17 times 23?", "Who won the election?", "Tell me a joke",
            ] {
                let r = retriever.retrieve(question)
                #expect(r.factIDs.isEmpty, "\(scenario.id): \(question) → \(r.factIDs)")
            }
        }
    }

    @Test func classifiesUtterancesThatAskForNoFact() throws {
        let retriever = Retriever(scenario: try TestContent.chestPain())
        #expect(retriever.retrieve("Hello Mr Pryce, I'm one of the doctors.").intents == [.greeting])
        #expect(retriever.retrieve("I'm sorry, that sounds frightening.").intent == .empathy)
        #expect(retriever.retrieve("We'll do a heart tracing now and I'll explain the results.").intent == .explanation)
        #expect(retriever.retrieve("Does that make sense?").intent == .checkingUnderstanding)
        #expect(retriever.retrieve("What's your diagnosis?").intent == .unknowable)
        #expect(retriever.retrieve("What did your ECG show?").intent == .unknowable)
        #expect(retriever.retrieve("What do you think I have?").intent == .unknowable)
        #expect(retriever.retrieve("Thanks, that's helpful.").intent == .thanks)
        #expect(retriever.retrieve("What brings you in today?").intents.contains(.openQuestion))
        #expect(retriever.retrieve("purple monkey dishwasher").intent == .unknown)
        let both = retriever.retrieve("Hi, I'm the nurse. Do you smoke?")
        #expect(both.factIDs == ["smoking"])
        #expect(both.intents == [.factQuestion, .greeting])
    }

    @Test func isDeterministic() throws {
        let scenario = try TestContent.chestPain()
        let a = Retriever(scenario: scenario).retrieve("any chest pain going to your arm or jaw? and sweating?")
        let b = Retriever(scenario: scenario).retrieve("any chest pain going to your arm or jaw? and sweating?")
        #expect(a == b)
    }
}
