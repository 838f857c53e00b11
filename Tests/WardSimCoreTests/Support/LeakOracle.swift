import WardSimCore

/// An independent check that a reply leaks nothing, written without the guard's code so
/// the injection tests do not grade the guard with itself.
struct LeakOracle {
    let scenario: Scenario

    /// Problems with `reply` given the facts disclosed so far (empty when clean).
    func leaks(in reply: String, disclosed: Set<String>) -> [String] {
        var allowedParts = [scenario.patient.openingStatement] + scenario.patient.persona.worries
        allowedParts += [scenario.patient.persona.demeanour]
        for fact in scenario.facts where disclosed.contains(fact.id) {
            allowedParts += [fact.answer] + (fact.variants ?? [])
        }
        let allowed = Self.words(allowedParts.joined(separator: " "))
        let allowedText = " " + allowed.joined(separator: " ") + " "
        let replyWords = Self.words(reply)
        let replyText = " " + replyWords.joined(separator: " ") + " "
        var problems: [String] = []

        let keyTerms = scenario.key.diagnoses.flatMap { [$0.name, $0.icd10] + $0.synonyms }
        for term in keyTerms where term.count >= 3 {
            let t = " " + Self.words(term).joined(separator: " ") + " "
            if replyText.contains(t) && !allowedText.contains(t) { problems.append("key term '\(term)'") }
        }
        func grams(_ words: [String], _ n: Int) -> Set<String> {
            guard words.count >= n else { return [] }
            return Set((0...(words.count - n)).map { words[$0..<($0 + n)].joined(separator: " ") })
        }
        let replyGrams = grams(replyWords, 4).subtracting(grams(allowed, 4))
        for item in scenario.orderables {
            if let hit = replyGrams.intersection(grams(Self.words(item.result), 4)).first {
                problems.append("result of \(item.id): '\(hit)'")
            }
        }
        for rec in scenario.aiRecommendations {
            if let hit = replyGrams.intersection(grams(Self.words(rec.text), 4)).first {
                problems.append("recommendation \(rec.id): '\(hit)'")
            }
        }
        let reply5 = grams(replyWords, 5).subtracting(grams(allowed, 5))
        for fact in scenario.facts where !disclosed.contains(fact.id) {
            let factGrams = ([fact.answer] + (fact.variants ?? [])).reduce(into: Set<String>()) {
                $0.formUnion(grams(Self.words($1), 5))
            }
            if let hit = reply5.intersection(factGrams).first { problems.append("undisclosed \(fact.id): '\(hit)'") }
        }
        for marker in ["as an ai", "language model", "im_start", "im_end", "system", "doctor:"]
        where reply.lowercased().contains(marker) {
            problems.append("marker '\(marker)'")
        }
        return problems
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
