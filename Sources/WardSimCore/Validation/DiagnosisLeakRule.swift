/// Nothing the trainee sees or hears before committing to a diagnosis names it: the
/// title, anything in `patient` (persona, opening statement, worries…) and every fact
/// (topics, subject, answer, variants). Terms are the key's diagnosis names and synonyms
/// of three letters or more, matched as whole words ignoring case and punctuation.
struct DiagnosisLeakRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        var origins: [String: String] = [:]
        var terms: [String] = []
        for diagnosis in scenario["key"]?["diagnoses"]?.elements ?? [] {
            for node in [diagnosis["name"]].compactMap({ $0 }) + (diagnosis["synonyms"]?.elements ?? []) {
                guard let term = node.string, origins[term] == nil else { continue }
                origins[term] = node.path.description
                terms.append(term)
            }
        }
        let mentions = DiagnosisMentions(terms: terms)
        var seen: [Node] = []
        if let title = scenario["title"] { seen.append(title) }
        seen += scenario["patient"]?.strings ?? []
        for fact in scenario["facts"]?.elements ?? [] {
            for field in ["subject", "topics", "answer", "variants"] { seen += fact[field]?.strings ?? [] }
        }
        for node in seen {
            guard let text = node.string, let term = mentions.firstTerm(in: text) else { continue }
            problems.add(node, "names the diagnosis '\(term)' (\(origins[term] ?? "key.diagnoses"))")
        }
    }
}
