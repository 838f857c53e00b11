import Foundation

/// A question a trainee could have asked to find a fact, made from its first topic.
///
/// Topics are written as phrasings ("when did it start") or keywords ("sweating"); the
/// first becomes "When did it start?", "Has this happened before?" or "Can you tell me
/// about sweating?".
enum ExampleQuestion {
    static func from(_ fact: Fact) -> String? {
        guard let topic = fact.topics.first?.trimmingCharacters(in: .whitespacesAndNewlines), !topic.isEmpty else {
            return nil
        }
        let first = topic.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let stripped = topic.trimmingCharacters(in: CharacterSet(charactersIn: "?."))
        if starters.contains(first) { return stripped.prefix(1).uppercased() + stripped.dropFirst() + "?" }
        let words = stripped.split(separator: " ").count
        // "happened before" → "Has this happened before?"; "getting worse" → "Is it getting worse?"
        if first.hasSuffix("ed") && first.count > 4 { return "Has this \(stripped)?" }
        if first.hasSuffix("ing") && words > 1 { return "Is it \(stripped)?" }
        return "Can you tell me about \(stripped)?"
    }

    private static let starters: Set<String> = [
        "how", "what", "what's", "when", "where", "why", "who", "which", "do", "does", "did", "is", "are", "was",
        "were", "have", "has", "had", "can", "could", "would", "will", "any", "anything", "ever",
    ]
}
