/// What the patient must never say unless they already have: the answer key, results,
/// the AI recommendation, the debrief — and facts not yet asked about.
///
/// Built once per scenario. Key terms are matched as whole words; long texts (results,
/// recommendation, undisclosed answers) as word n-grams, so a paraphrase that copies a
/// run of words is caught without refusing every shared common word.
struct SecretText: Sendable {
    /// Diagnosis names and synonyms, differentials, ICD-10 codes, finding and plan terms,
    /// each with its padded form for whole-word tests.
    let keyTerms: [(term: String, padded: String)]
    /// Word 3-grams of exam and investigation results, chart results and notes.
    let resultShingles: Set<String>
    /// Word 3-grams of the AI recommendations, their citations and the debrief.
    let recommendationShingles: Set<String>
    /// Per fact: word 4-grams of its answer and variants.
    let factShingles: [String: Set<String>]

    init(scenario: Scenario) {
        let key = scenario.key
        var terms = key.diagnoses.flatMap { [$0.name, $0.icd10] + $0.synonyms }
        terms += key.differentials.flatMap { [$0.name] + $0.synonyms }
        terms += key.criticalFindings.flatMap { [$0.description] + $0.terms }
        terms += key.management.flatMap { [$0.description] + $0.terms }
        self.keyTerms = Array(Set(terms.filter { $0.count >= 3 })).sorted().map { ($0, TextNormalizer.padded($0)) }
            .filter { $0.padded.count > 2 }

        let results =
            scenario.orderables.map(\.result) + scenario.chart.results.map { "\($0.name) \($0.value) \($0.unit)" }
            + scenario.chart.notes.map(\.text)
        self.resultShingles = Set(results.flatMap { Self.shingles($0, size: 3) })
        let recommendation =
            scenario.aiRecommendations.flatMap { [$0.text] + $0.citations + $0.flaws.map(\.explanation) }
            + scenario.aiRecommendations.flatMap { [$0.outcomes.accept, $0.outcomes.modify, $0.outcomes.reject] }
            + scenario.debrief.teachingPoints
        self.recommendationShingles = Set(recommendation.flatMap { Self.shingles($0, size: 3) })
        var facts: [String: Set<String>] = [:]
        for fact in scenario.facts {
            facts[fact.id] = Set(([fact.answer] + (fact.variants ?? [])).flatMap { Self.shingles($0, size: 4) })
        }
        self.factShingles = facts
    }

    /// Word n-grams of `text` with at least two words that are not stopwords.
    static func shingles(_ text: String, size: Int) -> [String] {
        let words = TextNormalizer.split(TextNormalizer.fold(text))
        guard words.count >= size else { return [] }
        return (0...(words.count - size)).compactMap { i in
            let gram = Array(words[i..<(i + size)])
            let content = gram.filter { !Stopwords.words.contains($0) }.count
            return content >= 2 ? gram.joined(separator: " ") : nil
        }
    }

    /// ICD-10-shaped codes ("I21.1", "K21") in `text`.
    static func icdCodes(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || ",;()".contains($0) }).map(String.init).filter { word in
            let w = Array(word.trimmingCharacters(in: .punctuationCharacters).uppercased())
            guard w.count >= 3, w.count <= 7, w[0].isLetter, w[0] != "U", w[1].isNumber, w[2].isNumber else {
                return false
            }
            return w.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
        }
    }
}
