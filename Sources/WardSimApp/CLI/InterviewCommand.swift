import Dispatch
import Foundation
import WardSimCore
import WardSimHTTP

/// `wardsim interview --scenario FILE`: a terminal play-test for scenario authors.
///
/// Validates and loads one scenario file (with the default orderables of its folder when
/// present), then reads the clinician's lines from standard input and prints the
/// patient's replies through the same `PatientEngine` the server uses: retrieval, the
/// scripted voice or the LLM voice, the output guard and the grounding check. Authors
/// see which facts each question found, so a fact that no phrasing reaches shows up here
/// before a trainee meets it.
///
/// ```
/// $ printf 'When did it start?\nAny allergies?\n' | wardsim interview --scenario Scenarios/x.json --json
/// {"facts":["pain-onset"],"fellBack":false,"question":"When did it start?","reply":"…","voice":"scripted"}
/// ```
struct InterviewCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "interview", abstract: "Play-test a scenario's patient in the terminal.",
            discussion: """
                Reads one question per line from standard input (typed, or piped) and prints the patient's replies \
                with the facts each question found. The file is validated first, with defaults/orderables.json from \
                its folder when present; problems are printed as `wardsim validate` prints them. With --json each \
                turn is one JSON object per line: {"question","reply","facts":[ids],"voice","fellBack"}. With \
                --llm-url the model voices the patient, guarded as in the server; the API key is read only from \
                WARDSIM_LLM_API_KEY.
                """,
            options: [
                .option("--scenario", "FILE", help: "The scenario file to interview."),
                .flag("--json", help: "Print one JSON object per turn."),
            ] + LLMOptions.specs)
    }

    let scenarioPath: String
    let json: Bool
    var configuration = AppConfiguration()

    init(_ arguments: ParsedArguments) throws {
        scenarioPath = try arguments.require("--scenario")
        json = arguments.has("--json")
        try LLMOptions.read(arguments, into: &configuration)
    }

    func validate() throws {
        try LLMOptions.validate(configuration)
    }

    func run() throws -> Int32 {
        let output = CommandOutput.current
        let input = CommandInput.current
        let scenario = try loadScenario(output)
        let voice = try WardSimApplication.makeVoice(configuration, metrics: Metrics())
        let engine = PatientEngine(scenario: scenario, llm: voice)
        let speaker = scenario.patient.speakerName

        if input.isInteractive {
            output.errorLine(
                "Interviewing \(speaker) (\(scenario.id) v\(scenario.version), \(voice == nil ? "scripted" : "LLM") "
                    + "voice). One question per line; end with Ctrl-D.")
        }
        if !json { output.line("\(speaker): \(scenario.patient.openingStatement)") }

        var transcript: [ConversationTurn] = []
        var fellBack = 0
        while true {
            if input.isInteractive { output.prompt("> ") }
            guard let line = input.readLine() else { break }
            let question = line.trimmingCharacters(in: .whitespaces)
            guard !question.isEmpty else { continue }
            let history = transcript
            let turn = Self.wait { await engine.respond(to: question, transcript: history) }
            transcript.append(turn.conversationTurn)
            if turn.fellBack { fellBack += 1 }
            if json {
                output.line(Self.jsonLine(turn))
            } else {
                output.line("\(speaker): \(turn.reply)")
                let facts = turn.retrieval.factIDs.isEmpty ? "none" : turn.retrieval.factIDs.joined(separator: ", ")
                output.line("  [facts: \(facts); voice: \(turn.voice.rawValue)]")
            }
            if turn.fellBack {
                let why = turn.notice ?? "the model's replies were refused by the guards"
                output.errorLine("note: turn \(transcript.count) fell back to the scripted voice: \(why)")
            }
        }
        output.errorLine("\(transcript.count) turns, \(fellBack) fell back to the scripted voice")
        return 0
    }

    /// The scenario in the file, validated with the default orderables of its folder.
    private func loadScenario(_ output: CommandOutput) throws -> Scenario {
        let folder = (scenarioPath as NSString).deletingLastPathComponent
        let defaultsPath = (folder.isEmpty ? "." : folder) + "/defaults/orderables.json"
        var found = ContentFiles.file(scenarioPath)
        if FileManager.default.fileExists(atPath: defaultsPath) {
            let defaults = ContentFiles.file(defaultsPath)
            found.files += defaults.files
            found.problems += defaults.problems
        }
        let report = ContentValidator().validate(found.files)
        let problems = found.problems + report.problems
        for problem in problems { output.line(problem.description) }
        guard problems.isEmpty else {
            throw CommandFailure("\(scenarioPath) cannot be interviewed: \(problems.count) problems (listed above)")
        }
        guard report.scenarios.count == 1, let scenario = report.scenarios.first else {
            throw CommandFailure("\(scenarioPath) is not a scenario file")
        }
        return scenario
    }

    /// One turn as the `--json` line: `{"facts","fellBack","question","reply","voice"}`.
    static func jsonLine(_ turn: PatientTurn) -> String {
        struct Line: Encodable {
            var question: String
            var reply: String
            var facts: [String]
            var voice: String
            var fellBack: Bool
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Line(
            question: turn.question, reply: turn.reply, facts: turn.retrieval.factIDs, voice: turn.voice.rawValue,
            fellBack: turn.fellBack)
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Runs async work to completion from the synchronous command. The engine's turn is
    /// async (a model answers over the network); the command line reads and prints one
    /// turn at a time, so it simply waits.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a result from a task to the thread waiting for it.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // Written once by the task before it signals the semaphore, read by the waiting thread
    // only after the wait returns: the semaphore orders the two.
    var value: T?
}
