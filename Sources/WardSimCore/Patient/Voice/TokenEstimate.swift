import Foundation

/// A rough token count (characters ÷ 4), to compare prompt designs without a tokenizer.
///
/// Good enough for ratios: the benchmark compares the builder's per-turn prompt with the
/// naive alternative of sending the whole case and the whole transcript every turn.
public enum TokenEstimate {
    /// Estimated tokens in `text`: characters divided by four, rounded up.
    public static func tokens(_ text: String) -> Int { (text.count + 3) / 4 }

    /// Estimated tokens in `messages`, with four tokens of overhead per message.
    public static func tokens(_ messages: [ChatMessage]) -> Int {
        messages.reduce(0) { $0 + tokens($1.content) + 4 }
    }

    /// The estimate for the naive prompt: the whole scenario as JSON, the whole transcript
    /// and the question, every turn.
    public static func wholeCaseTokens(scenario: Scenario, transcript: [ConversationTurn], question: String) -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let caseText = (try? encoder.encode(scenario)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let history = transcript.map { "Clinician: \($0.question)\nPatient: \($0.reply)" }.joined(separator: "\n")
        return tokens(caseText) + tokens(history) + tokens(question) + 3 * 4
    }
}
