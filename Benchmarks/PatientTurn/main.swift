// wardsim-turn-bench: what one patient turn costs, without HTTP.
//
//   swift run -c release wardsim-turn-bench [SCENARIOS] [INTERVIEWS] [QUESTIONS]
//
// SCENARIOS is the scenario folder (default Scenarios), INTERVIEWS a folder of
// `<scenario-id>.json` files of trainee questions (default the retrieval test set,
// Tests/WardSimCoreTests/Fixtures/retrieval: questions typed as trainees type them), and
// QUESTIONS the interview length (default 20). For every shipped scenario it plays the
// first QUESTIONS questions through Core's PatientEngine with the scripted voice, then:
//
// 1. Prompt tokens per LLM turn (TokenEstimate: characters / 4, 4 per message): the
//    prompt LLMPromptBuilder builds (persona, this turn's facts, the last six exchanges)
//    against the naive prompt that resends the whole case and the whole transcript every
//    turn. Only turns that would call a model are counted (turns that retrieve no fact
//    are answered by the script). Medians per scenario and over all turns, and the ratio.
// 2. The engine's own time per turn (retrieve + scripted voice + guards), p50 and p99
//    over REPEAT replays, as the floor under the HTTP figures of Benchmarks/patient-turn.
import Foundation
import WardSimCore

let arguments = CommandLine.arguments
let scenariosFolder = arguments.count > 1 ? arguments[1] : "Scenarios"
let interviewsFolder = arguments.count > 2 ? arguments[2] : "Tests/WardSimCoreTests/Fixtures/retrieval"
let questionsPerInterview = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
let repeats = 20

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

/// The interview for `scenario`: its first questions, in the order the set lists them.
func interview(_ scenario: Scenario) -> [String] {
    let url = URL(fileURLWithPath: "\(interviewsFolder)/\(scenario.id).json")
    guard let data = try? Data(contentsOf: url),
        let pairs = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else {
        return scenario.facts.map { ($0.topics.first ?? $0.id) + "?" }
    }
    return Array(pairs.compactMap { $0["question"] as? String }.prefix(questionsPerInterview))
}

let library: ScenarioLibrary
do {
    library = try ScenarioLibrary.load(folder: scenariosFolder)
} catch {
    FileHandle.standardError.write(Data("wardsim-turn-bench: \(error)\n".utf8))
    exit(1)
}

// MARK: - Prompt tokens

var allOurs: [Double] = []
var allWhole: [Double] = []
var allRatios: [Double] = []
var rows: [(id: String, turns: Int, llmTurns: Int, ours: Double, whole: Double)] = []
var played: [(PatientEngine, [String])] = []
for scenario in library.published {
    let engine = PatientEngine(scenario: scenario)
    let questions = interview(scenario)
    played.append((engine, questions))
    var transcript: [ConversationTurn] = []
    var ours: [Double] = []
    var whole: [Double] = []
    for question in questions {
        let retrieval = engine.retriever.retrieve(question, context: RetrievalContext(transcript: transcript))
        if case .llm(let messages) = engine.promptBuilder.decision(
            question: question, retrieval: retrieval, transcript: transcript)
        {
            let naive = TokenEstimate.wholeCaseTokens(scenario: scenario, transcript: transcript, question: question)
            ours.append(Double(TokenEstimate.tokens(messages)))
            whole.append(Double(naive))
            allRatios.append(Double(naive) / Double(TokenEstimate.tokens(messages)))
        }
        transcript.append(await engine.respond(to: question, transcript: transcript).conversationTurn)
    }
    allOurs += ours
    allWhole += whole
    rows.append((scenario.id, questions.count, ours.count, median(ours), median(whole)))
}

print(
    "Prompt tokens per LLM turn (TokenEstimate), \(questionsPerInterview)-question interviews from \(interviewsFolder)"
)
print("  scenario                                turns  llm  median ours  median whole case  ratio")
for row in rows {
    print(
        "  " + row.id.padding(toLength: 38, withPad: " ", startingAt: 0)
            + String(
                format: "  %5d %4d  %11.0f  %17.0f  %5.1f", row.turns, row.llmTurns, row.ours, row.whole,
                row.whole / row.ours))
}
print(
    String(
        format: "  all %d LLM turns: median %.0f tokens with retrieval vs %.0f whole case + transcript; "
            + "ratio of medians %.1f, median per-turn ratio %.1f, total ratio %.1f",
        allOurs.count, median(allOurs), median(allWhole), median(allWhole) / median(allOurs), median(allRatios),
        allWhole.reduce(0, +) / allOurs.reduce(0, +)))

// MARK: - Engine time per turn

var micros: [Double] = []
let clock = ContinuousClock()
for _ in 0..<repeats {
    for (engine, questions) in played {
        var transcript: [ConversationTurn] = []
        for question in questions {
            let start = clock.now
            let turn = await engine.respond(to: question, transcript: transcript)
            let elapsed = clock.now - start
            micros.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            transcript.append(turn.conversationTurn)
        }
    }
}
print(
    String(
        format: "Engine per turn (retrieve + scripted voice + guards, no HTTP, %d turns): p50 %.0f µs, p99 %.0f µs",
        micros.count, percentile(micros, 0.5), percentile(micros, 0.99)))
