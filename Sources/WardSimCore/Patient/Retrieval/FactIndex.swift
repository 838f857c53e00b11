import Foundation

/// A scenario's facts prepared for matching: topic terms, term weights, a vocabulary for typos.
///
/// Built once per scenario version. A term's weight is IDF-like over the scenario's facts:
/// a word that only one fact's topics use ("lisinopril") says much more about which fact
/// is meant than one that many facts share ("start"), so matches are scored by the
/// weight of the words they explain, not by how many words they share.
struct FactIndex: Sendable {
    struct Topic: Sendable {
        /// Content terms (stems), stopwords removed.
        var stems: Set<String>
        /// Every stem of the topic, stopwords included: for phrase similarity.
        var allStems: Set<String>
        var weight: Double
    }

    struct Entry: Sendable {
        var fact: Fact
        var order: Int
        var topics: [Topic]
        var subjectStems: Set<String>
        /// Every content term of every topic.
        var allTerms: Set<String>
        /// Topics made only of common words ("what do you do"), matched as exact phrases.
        var phrases: [[String]]
    }

    let entries: [Entry]
    /// Number of facts whose topics use each term.
    let documentFrequency: [String: Int]
    let idf: [String: Double]
    /// Surface words and stems of every topic term → the stem to use, for typo correction.
    let vocabulary: [String: String]
    /// Vocabulary keys grouped by first character, sorted, so correction is deterministic.
    let vocabularyByInitial: [Character: [(key: String, scalars: [Unicode.Scalar])]]
    /// The patient's and speaker's names: addressing someone by name asks for nothing.
    let nameWords: Set<String>

    init(scenario: Scenario, normalizer: TextNormalizer, lexicon: Lexicon = .standard) {
        var df: [String: Int] = [:]
        var vocabulary: [String: String] = [:]
        var prepared: [(fact: Fact, topics: [(Set<String>, Set<String>)], subject: Set<String>, phrases: [[String]])] =
            []
        for fact in scenario.facts {
            var topics: [(Set<String>, Set<String>)] = []
            var phrases: [[String]] = []
            for topic in fact.topics {
                let tokens = normalizer.tokens(topic)
                let terms = tokens.filter { !Stopwords.contains($0) }
                // "who is with you": a question word is all it has, so only the exact wording counts.
                if terms.allSatisfy({ Self.questionWords.contains($0.stem) }) {
                    if tokens.count >= 3 || !terms.isEmpty { phrases.append(tokens.map(\.stem)) }
                    continue
                }
                topics.append((Set(terms.map(\.stem)), Set(tokens.map(\.stem))))
                for term in terms {
                    vocabulary[term.word] = term.stem
                    vocabulary[term.stem] = term.stem
                }
            }
            for stem in Set(topics.flatMap(\.0)) { df[stem, default: 0] += 1 }
            prepared.append((fact, topics, Set(normalizer.terms(fact.subject ?? "").map(\.stem)), phrases))
        }
        // Lay words the lexicon rewrites ("painful" → "pain") are vocabulary too, so a typo
        // in them ("painfull") is still recognised.
        for (surface, canonical) in lexicon.entries where !surface.contains(" ") && surface.count >= 4 {
            let stems = normalizer.terms(canonical).map(\.stem)
            if stems.count == 1, df[stems[0]] != nil, vocabulary[surface] == nil { vocabulary[surface] = stems[0] }
        }
        let n = Double(max(scenario.facts.count, 1))
        let idf = df.mapValues { log(1 + n / Double($0)) }
        self.documentFrequency = df
        self.idf = idf
        func weight(_ stems: Set<String>) -> Double { stems.reduce(0) { $0 + Self.termWeight($1, idf: idf) } }
        self.entries = prepared.enumerated().map { order, item in
            Entry(
                fact: item.fact, order: order,
                topics: item.topics.map { Topic(stems: $0.0, allStems: $0.1, weight: weight($0.0)) },
                subjectStems: item.subject, allTerms: Set(item.topics.flatMap(\.0)), phrases: item.phrases)
        }
        self.vocabulary = vocabulary
        self.vocabularyByInitial = Dictionary(grouping: vocabulary.keys.sorted().filter { $0.count >= 4 }) {
            $0.first!
        }.mapValues { keys in keys.map { ($0, Array($0.unicodeScalars)) } }
        let names = [scenario.patient.name, scenario.patient.speaker.name ?? ""].joined(separator: " ")
        self.nameWords = Set(normalizer.words(names))
    }

    /// Question words kept as terms because they sharpen a topic, but too common to be one alone.
    static let questionWords: Set<String> = ["who", "why", "when", "where"]

    private static func termWeight(_ stem: String, idf: [String: Double]) -> Double {
        (idf[stem] ?? 0) * (Stopwords.weak.contains(stem) ? 0.35 : 1)
    }

    /// The summed weight of `stems`.
    func weight<S: Sequence>(_ stems: S) -> Double where S.Element == String {
        stems.reduce(0) { $0 + Self.termWeight($1, idf: idf) }
    }

    /// The stem to match `token` on: its own stem when the scenario knows it, otherwise the
    /// nearest vocabulary word within the typo allowance (same first letter), if any.
    func corrected(_ token: TextNormalizer.Token) -> String {
        if idf[token.stem] != nil { return token.stem }
        if let known = vocabulary[token.word] { return known }
        let allowance = EditDistance.allowance(forLength: token.word.count)
        guard allowance > 0, let initial = token.word.first else { return token.stem }
        let word = Array(token.word.unicodeScalars)
        var best: (distance: Int, key: String)?
        for (key, scalars) in vocabularyByInitial[initial] ?? [] where abs(scalars.count - word.count) <= allowance {
            guard let d = EditDistance.distance(word, scalars, bound: allowance) else { continue }
            if best == nil || d < best!.distance { best = (d, key) }
        }
        return best.map { vocabulary[$0.key]! } ?? token.stem
    }
}
