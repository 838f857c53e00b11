import Foundation
import Testing

@testable import WardSimApp

/// `wardsim interview`: run in-process with its input supplied and its output captured.
/// The command waits on the engine from synchronous code, so each run happens on a
/// Dispatch thread (`offPool`), never blocking the cooperative pool.
@Suite("wardsim interview")
struct InterviewCommandTests {
    static let scenario = CommandLineRun.repository("Scenarios/chest-pain-inferior-stemi.json")

    static func interview(_ arguments: [String], input: [String]) async throws -> CommandLineRun {
        try await offPool {
            CommandInput.$current.withValue(.lines(input)) { CommandLineRun(["interview"] + arguments) }
        }
    }

    @Test func printsOneJSONObjectPerQuestion() async throws {
        let questions = ["Hello, what brings you in?", "", "Do you smoke?", "  ", "When did the pain start?"]
        let run = try await Self.interview(["--scenario", Self.scenario, "--json"], input: questions)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try run.outputLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { Set($0.keys) == ["question", "reply", "facts", "voice", "fellBack"] })
        #expect(
            lines.map { $0["question"] as? String } == [
                "Hello, what brings you in?", "Do you smoke?", "When did the pain start?",
            ])
        #expect(lines[1]["facts"] as? [String] == ["smoking"])
        #expect((lines[1]["reply"] as? String)?.contains("twenty a day") == true)
        #expect(lines[2]["facts"] as? [String] == ["pain-onset"])
        #expect(lines.allSatisfy { $0["voice"] as? String == "scripted" && $0["fellBack"] as? Bool == false })
        #expect(run.standardError == "3 turns, 0 fell back to the scripted voice\n")
    }

    @Test func printsTheConversationAsTextWithTheFactsFound() async throws {
        let run = try await Self.interview(
            ["--scenario", Self.scenario], input: ["Any allergies?", "What's my diagnosis, doctor?"])
        #expect(run.status == 0)
        let lines = run.outputLines
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("Gordon Pryce: Sorry to bother you"))
        #expect(lines[1] == "Gordon Pryce: No allergies that I know of.")
        #expect(lines[2] == "  [facts: allergies; voice: scripted]")
        #expect(lines[3].hasPrefix("Gordon Pryce: "))
        #expect(lines[4] == "  [facts: none; voice: scripted]")
    }

    @Test func refusesAnInvalidScenarioListingEveryProblem() async throws {
        let broken = CommandLineRun.fixture("broken/chest-pain.json")
        let run = try await Self.interview(["--scenario", broken], input: ["Hello?"])
        #expect(run.status == 1)
        #expect(run.outputLines.contains("\(broken): facts[3].answer: required string is missing"))
        #expect(run.standardError.contains("cannot be interviewed"))

        let curriculum = CommandLineRun.repository("Curriculum/levels.json")
        let notAScenario = try await Self.interview(["--scenario", curriculum], input: [])
        #expect(notAScenario.status == 1)
        #expect(notAScenario.standardError.contains("is not a scenario file"))
    }

    @Test func usageErrors() async throws {
        #expect(try await Self.interview([], input: []).status == 2)
        let badURL = try await Self.interview(["--scenario", Self.scenario, "--llm-url", "ftp://x"], input: [])
        #expect(badURL.status == 2)
        #expect(badURL.standardError.contains("--llm-url must start with http:// or https://"))
        let badTimeout = try await Self.interview(["--scenario", Self.scenario, "--llm-timeout", "0"], input: [])
        #expect(badTimeout.status == 2)
        #expect(CommandLineRun(["help"]).standardOutput.contains("interview"))
    }

    @Test func theLLMVoiceAnswersAndFailuresFallBackPerTurn() async throws {
        let upstream = try ScriptedUpstream { request, upstream in
            let facts = ScriptedUpstream.facts(in: request)
            // Healthy for the smoking question, broken for anything else.
            return facts.contains { $0.contains("twenty a day") }
                ? upstream.reply(facts.joined(separator: " ")) : ScriptedUpstream.plain(503, "{}")
        }
        let run = try await Self.interview(
            ["--scenario", Self.scenario, "--json", "--llm-url", upstream.baseURL, "--llm-model", "author-test"],
            input: ["Do you smoke?", "Any allergies?", "Hello!"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.outputLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.map { $0["voice"] as? String } == ["llm", "scripted", "scripted"])
        #expect(lines.map { $0["fellBack"] as? Bool } == [false, true, false])
        #expect(run.standardError.contains("note: turn 2 fell back to the scripted voice"))
        #expect(run.standardError.hasSuffix("3 turns, 1 fell back to the scripted voice\n"))
        #expect(upstream.receivedBodies.count == 2)
        #expect(upstream.receivedBodies.allSatisfy { $0.contains(#""model":"author-test""#) })
    }
}
