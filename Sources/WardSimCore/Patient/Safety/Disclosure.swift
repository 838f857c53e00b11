import Foundation

/// What the patient may say at this point of the interview: the persona, the stock
/// phrases, and every fact disclosed so far.
///
/// Both guards measure a reply against this text: clinical content in a reply must come
/// from here, and secret content (key terms, results) is only tolerated if it is here too
/// (a patient may say "indigestion" when their own opening statement did).
public struct Disclosure: Sendable {
    /// The permitted text, joined.
    public let text: String
    /// `text` folded and padded for whole-word tests.
    let padded: String
    /// Words of `text`, their stems, and the stems of their lexicon forms.
    let stems: Set<String>
    /// Numeric values in `text` (digits and number words).
    let numbers: Set<Double>
    /// Word 3- and 4-grams of `text` (see `SecretText.shingles`).
    let shingles3: Set<String>
    let shingles4: Set<String>

    /// What may be said once `disclosedFactIDs` have been disclosed.
    public init(scenario: Scenario, disclosedFactIDs: Set<String>) {
        self.init(index: DisclosureIndex(scenario: scenario), disclosedFactIDs: disclosedFactIDs)
    }

    init(index: DisclosureIndex, disclosedFactIDs: Set<String>) {
        let pieces = [index.base] + index.facts.filter { disclosedFactIDs.contains($0.id) }.map(\.piece)
        self.text = pieces.map(\.text).joined(separator: "\n")
        self.padded = " " + pieces.map(\.padded).joined(separator: " ") + " "
        self.stems = pieces.reduce(into: Set<String>()) { $0.formUnion($1.stems) }
        self.numbers = pieces.reduce(into: Set<Double>()) { $0.formUnion($1.numbers) }
        self.shingles3 = pieces.reduce(into: Set<String>()) { $0.formUnion($1.shingles3) }
        self.shingles4 = pieces.reduce(into: Set<String>()) { $0.formUnion($1.shingles4) }
    }

    /// Whether `phrase` appears in the permitted text as whole words.
    func contains(phrase: String) -> Bool { contains(padded: TextNormalizer.padded(phrase)) }

    /// Whether the already padded `phrase` appears in the permitted text.
    func contains(padded phrase: String) -> Bool { phrase.count > 2 && TextSearch.contains(padded, phrase) }
}

/// A scenario's permitted text, prepared once: the persona part and one part per fact.
struct DisclosureIndex: Sendable {
    struct Piece: Sendable {
        var text: String
        var padded: String
        var stems: Set<String>
        var numbers: Set<Double>
        var shingles3: Set<String>
        var shingles4: Set<String>

        init(_ parts: [String]) {
            let text = parts.filter { !$0.isEmpty }.joined(separator: "\n")
            self.text = text
            self.padded = TextNormalizer.padded(text).trimmingCharacters(in: .whitespaces)
            let words = TextNormalizer.split(TextNormalizer.fold(text))
            self.stems = Set(TextNormalizer.standard.tokens(text).map(\.stem) + words + words.map(PorterStemmer.stem))
            self.numbers = NumberExtractor.values(in: text)
            self.shingles3 = Set(parts.flatMap { SecretText.shingles($0, size: 3) })
            self.shingles4 = Set(parts.flatMap { SecretText.shingles($0, size: 4) })
        }
    }

    let base: Piece
    let facts: [(id: String, piece: Piece)]

    init(scenario: Scenario) {
        let patient = scenario.patient
        let phrasing = PersonaPhrasing(scenario: scenario)
        var parts = [
            patient.name, patient.speaker.name ?? "", patient.speaker.relationship ?? "", "\(patient.age)",
            patient.openingStatement, patient.persona.demeanour,
        ]
        if let months = patient.ageMonths { parts.append("\(months) months") }
        parts += patient.persona.worries + phrasing.patientWorriesFirstPerson + phrasing.stockPhrases
        self.base = Piece(parts)
        self.facts = scenario.facts.map { ($0.id, Piece([$0.answer] + ($0.variants ?? []))) }
    }
}

extension PersonaPhrasing {
    /// The worries as the scripted voice says them.
    var patientWorriesFirstPerson: [String] { patient.persona.worries.map(firstPerson) }
}
