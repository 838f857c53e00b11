/// Refuses a reply that adds clinical content the permitted text does not hold.
///
/// The model is told to use only the facts it was given; a small model does not always
/// listen (asked about thirst it invented "when I was 22"; asked about blood tests with no
/// facts, "a rare blood disorder"). Every number, duration, drug, diagnosis word and body
/// finding in the reply must appear in the disclosed facts or the persona — as the same
/// word, stem or lexicon form, so "hurts" is grounded by "painful".
public struct GroundingCheck: Sendable {
    let normalizer = TextNormalizer.standard

    public init() {}

    /// What `reply` says that `disclosure` does not hold (empty when grounded).
    public func violations(in reply: String, disclosure: Disclosure) -> [GuardFinding] {
        var findings: [GuardFinding] = []
        for value in NumberExtractor.values(in: reply).sorted() where !disclosure.numbers.contains(value) {
            findings.append(GuardFinding(kind: .number, detail: Self.format(value)))
        }
        var seen: Set<String> = []
        for word in TextNormalizer.split(TextNormalizer.fold(reply)) where seen.insert(word).inserted {
            guard !word.allSatisfy(\.isNumber) else { continue }
            let stem = PorterStemmer.stem(word)
            let forms = Set([word, stem] + normalizer.tokens(word).map(\.stem))
            guard forms.isDisjoint(with: disclosure.stems) else { continue }
            if ClinicalLexicon.durationUnits.contains(word) {
                findings.append(GuardFinding(kind: .duration, detail: word))
            } else if ClinicalLexicon.isDrug(word) {
                findings.append(GuardFinding(kind: .drug, detail: word))
            } else if ClinicalLexicon.isDisease(word) {
                findings.append(GuardFinding(kind: .diagnosis, detail: word))
            } else if ClinicalLexicon.findings.contains(word) || ClinicalLexicon.findingStems.contains(stem) {
                findings.append(GuardFinding(kind: .finding, detail: word))
            }
        }
        return findings
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
