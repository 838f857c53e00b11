import Foundation

/// A sentence as words with the text between them, so `CaseVoice` can replace and
/// remove words while keeping punctuation and spacing.
struct Words {
    enum Person: Equatable { case first, plural, third }

    private var items: [(text: String, trailing: String)] = []
    private var leading = ""

    init(_ sentence: String) {
        var current = ""
        var gap = ""
        let characters = Array(sentence)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let joins =
                (character == "-" || character == "'" || character == "’") && !current.isEmpty
                && (next.isLetter || next.isNumber)
            if character.isLetter || character.isNumber || joins {
                if current.isEmpty {
                    if items.isEmpty { leading = gap } else { items[items.count - 1].trailing = gap }
                    gap = ""
                }
                current.append(character)
            } else {
                if !current.isEmpty {
                    items.append((current, ""))
                    current = ""
                }
                gap.append(character)
            }
        }
        if !current.isEmpty { items.append((current, "")) }
        if items.isEmpty { leading = gap } else { items[items.count - 1].trailing += gap }
    }

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    subscript(index: Int) -> String { items[index].text }
    var text: String { leading + items.map { $0.text + $0.trailing }.joined() }

    func lower(_ index: Int) -> String {
        items[index].text.lowercased().replacingApostrophes
    }

    /// Whether the words at `index` are `phrase` (lowercase, straight apostrophes).
    private func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index + phrase.count <= items.count else { return false }
        return phrase.enumerated().allSatisfy { lower(index + $0.offset) == $0.element }
    }

    /// Puts `subject` before the first word, which loses its capital unless it is "I",
    /// a name or an acronym.
    mutating func insertSubject(_ subject: String) {
        if let first = items.first?.text, first != "I", !(first.dropFirst().contains(where: \.isUppercase)) {
            items[0].text = CaseText.lowercasingFirst(first)
        }
        items.insert((subject, " "), at: 0)
    }

    /// Replaces the words in `range` with `text` (or removes them when nil), keeping the
    /// punctuation that followed the last of them.
    mutating func replace(_ range: Range<Int>, with text: String?) {
        guard !range.isEmpty else {
            if let text { items.insert((text, " "), at: range.lowerBound) }
            return
        }
        let trailing = items[range.upperBound - 1].trailing
        items.removeSubrange(range)
        if let text {
            items.insert((text, trailing.isEmpty ? " " : trailing), at: range.lowerBound)
        } else if range.lowerBound == 0 {
            leading = ""
        }
    }

    /// Replaces each occurrence of a phrase with `replacement(isAtStart, previousWord, nextWord)`.
    private mutating func replacePhrases(_ phrases: [String], _ replacement: (Bool, String, String) -> String) {
        let sorted = phrases.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        var index = 0
        while index < items.count {
            if let phrase = sorted.first(where: { matches($0, at: index) }) {
                let next = index + phrase.count < items.count ? lower(index + phrase.count) : ""
                let previous = index > 0 ? lower(index - 1) : ""
                replace(index..<(index + phrase.count), with: replacement(index == 0, previous, next))
            }
            index += 1
        }
    }

    // MARK: - Who is who

    private static let verbsAfterSubject: Set<String> = [
        "is", "was", "has", "had", "reports", "reported", "notes", "mentions", "states", "says", "denies", "describes",
        "presents", "presented", "complains", "also", "underwent", "experienced", "experiences", "developed",
        "began", "started", "became", "takes", "took", "recalls", "noticed", "felt", "feels", "does", "did",
    ]

    /// In the patient's own voice: "the patient", "he", "she" become "I"/"me", "his"/"her" "my".
    mutating func replacePatientReferences() {
        replacePhrases(["the patient's", "patient's"]) { start, _, _ in start ? "My" : "my" }
        replacePhrases(["the patient", "this patient", "the woman", "the man"]) { start, _, next in
            start || Self.verbsAfterSubject.contains(next) ? "I" : "me"
        }
        if !items.isEmpty, lower(0) == "patient" { items[0].text = "I" }
        for index in items.indices {
            let word = lower(index)
            let start = index == 0
            switch word {
            case "he", "she": items[index].text = "I"
            case "him": items[index].text = "me"
            case "his": items[index].text = start ? "My" : "my"
            case "himself", "herself": items[index].text = "myself"
            case "her":
                let next = index + 1 < items.count ? lower(index + 1) : ""
                let object =
                    next.isEmpty || Self.objectFollowers.contains(next)
                    || !items[index].trailing.allSatisfy(\.isWhitespace)
                items[index].text = object ? "me" : (start ? "My" : "my")
            default: break
            }
        }
    }

    private static let prepositions: Set<String> = [
        "by", "to", "with", "for", "from", "at", "about", "of", "towards", "than",
    ]

    private static let objectFollowers: Set<String> = [
        "to", "and", "or", "that", "with", "for", "at", "in", "on", "about", "from", "by", "as", "when", "if", "but",
        "so", "because", "since", "after", "before", "up", "down", "off", "out", "into",
    ]

    /// In a parent's voice: "the mother" becomes "I", "the parents" "we". When the child
    /// is of the other sex, the parent's own pronouns ("she believes…" for a boy's mother)
    /// become "I" too.
    mutating func replaceCaregiverReferences(relationship: String, childSex: Patient.Sex) {
        let owners = [
            "the patient's", "the infant's", "the child's", "the baby's", "the newborn's", "his", "her", "their",
        ]
        let plural = relationship == "parents"
        let nouns = plural ? ["parents"] : [relationship, "parent"]
        let phrases = nouns.flatMap { noun in owners.map { "\($0) \(noun)" } + ["the \(noun)"] }
        replacePhrases(phrases.map { $0 + "'s" }) { start, _, _ in
            start ? (plural ? "Our" : "My") : (plural ? "our" : "my")
        }
        replacePhrases(phrases) { start, previous, _ in
            if Self.prepositions.contains(previous) { return plural ? "us" : "me" }
            return plural ? (start ? "We" : "we") : "I"
        }
        if !items.isEmpty, lower(0) == relationship { items[0].text = plural ? "We" : "I" }
        for index in items.indices where index + 1 < items.count {
            if ["her", "his"].contains(lower(index)),
                ["daughter", "son", "daughter's", "son's"].contains(lower(index + 1))
            {
                items[index].text = index == 0 ? (plural ? "Our" : "My") : (plural ? "our" : "my")
            }
        }
        let own: [String: String]? =
            relationship == "mother" && childSex == .male
            ? ["she": "I", "herself": "myself"]
            : relationship == "father" && childSex == .female
                ? ["he": "I", "his": "my", "him": "me", "himself": "myself"] : nil
        guard let own else { return }
        for index in items.indices {
            let word = lower(index)
            if let replacement = own[word] {
                items[index].text = index == 0 ? CaseText.capitalisingFirst(replacement) : replacement
            } else if word == "her", relationship == "mother" {
                let next = index + 1 < items.count ? lower(index + 1) : ""
                let object = next.isEmpty || Self.objectFollowers.contains(next)
                items[index].text = object ? "me" : (index == 0 ? "My" : "my")
            }
        }
    }

    /// In a parent's voice, the child is called by name.
    mutating func replaceChildReferences(with name: String) {
        let children = ["patient", "infant", "newborn", "baby", "child", "neonate", "toddler", "boy", "girl"]
        replacePhrases(children.map { "the \($0)'s" }) { _, _, _ in name + "'s" }
        replacePhrases(children.map { "the \($0)" }) { _, _, _ in name }
        if !items.isEmpty, ["patient", "infant", "newborn"].contains(lower(0)) { items[0].text = name }
        subjectName = name
    }

    private var subjectName: String?

    /// Who the first word is, when it is the sentence's subject ("I", "We", "He", the child).
    func subject() -> Person? {
        guard !items.isEmpty else { return nil }
        switch items[0].text {
        case "I": return .first
        case "We", "we": return .plural
        case "He", "She": return .third
        default: return subjectName.flatMap { items[0].text == $0 ? .third : nil }
        }
    }

    private static let thirdPersonVerbs: Set<String> = [
        "denies", "reports", "notes", "mentions", "states", "has", "had", "is", "was", "works", "worked", "lives",
        "drinks", "smokes", "takes", "uses", "describes", "presents", "complains", "admits", "endorses", "experiences",
        "underwent", "recalls", "attends", "exercises", "plays", "eats", "travels", "quit", "started", "began",
        "enjoys", "consumes", "sleeps", "feels", "expresses", "follows", "studies", "used", "recalls", "notes",
        "mentions", "reports", "describes", "denies",
    ]

    private static let frequencies: Set<String> = [
        "rarely", "occasionally", "sometimes", "often", "never", "usually", "regularly", "frequently", "also",
    ]

    /// "Denies fever…", "Works as…", "Rarely drinks…": a sentence whose subject is implied.
    var startsWithThirdPersonVerb: Bool {
        guard !items.isEmpty else { return false }
        if Self.thirdPersonVerbs.contains(lower(0)) { return true }
        return items.count > 1 && Self.frequencies.contains(lower(0)) && Self.thirdPersonVerbs.contains(lower(1))
    }

    private static let finiteVerbs: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "tend", "tends", "seem", "seems", "appear", "appears",
        "occur", "occurs", "occurred", "started", "began", "begins", "worsen", "worsens", "worsened", "improve",
        "improves", "improved", "get", "gets", "got", "become", "becomes", "became", "resolve", "resolves",
        "resolved", "happen", "happens", "happened", "last", "lasts", "lasted", "come", "comes", "came", "goes",
        "went", "can", "could", "will", "would", "may", "might", "did", "does", "do", "believes", "believe", "feels",
        "felt", "noticed", "thinks", "think", "hasn't", "haven't", "isn't", "wasn't", "doesn't", "don't",
    ]

    /// Whether the words from `index` read as a clause ("these symptoms tend to worsen")
    /// rather than a noun phrase ("a muddy taste in his mouth").
    func startsClause(at index: Int) -> Bool {
        guard index < items.count else { return false }
        return (index..<min(items.count, index + 6)).contains { Self.finiteVerbs.contains(lower($0)) }
    }

    /// "a 1-month history of [experiencing]" at `index`: the duration in words ("month",
    /// "10 days") and the index after the phrase.
    func historyPhrase(at index: Int) -> (duration: String, end: Int)? {
        var cursor = index
        if cursor < items.count, ["a", "an"].contains(lower(cursor)) { cursor += 1 }
        guard cursor + 2 < items.count, lower(cursor + 1) == "history", lower(cursor + 2) == "of" else { return nil }
        let parts = lower(cursor).split(separator: "-")
        guard parts.count == 2, let number = Int(parts[0]),
            ["day", "week", "month", "year", "hour"].contains(String(parts[1]))
        else { return nil }
        var end = cursor + 3
        if end < items.count, ["experiencing", "having"].contains(lower(end)) { end += 1 }
        let duration = number == 1 ? String(parts[1]) : "\(number) \(parts[1])s"
        return (duration, end)
    }

    // MARK: - Agreement

    private static let skippable: Set<String> = [
        "also", "still", "now", "recently", "currently", "previously", "further", "additionally", "always", "never",
        "often", "usually", "sometimes", "occasionally", "frequently", "then", "first", "only", "just", "really",
        "no", "longer", "not",
    ]

    /// "I reports" → "I report", "I is" → "I am", "we has" → "we have"; in a sentence
    /// whose subject is "I", also "… but is" → "… but am".
    mutating func agreeVerbs() {
        if let first = items.first?.text, first == "I" || first.hasPrefix("I'") {
            for index in items.indices.dropFirst() where ["and", "but"].contains(lower(index - 1)) {
                let replacements = ["is": "am", "has": "have", "does": "do", "isn't": "am not", "hasn't": "haven't"]
                if let replacement = replacements[lower(index)] {
                    items[index].text = replacement
                } else if Self.thirdPersonVerbs.contains(lower(index)) && lower(index).hasSuffix("s") {
                    items[index].text = Self.agree(items[index].text, plural: false)
                }
            }
        }
        for index in items.indices {
            let subject = items[index].text
            guard subject == "I" || subject == "we" || subject == "We" else { continue }
            var verb = index + 1
            while verb < items.count, Self.skippable.contains(lower(verb)) || lower(verb).hasSuffix("ly") { verb += 1 }
            guard verb < items.count else { continue }
            items[verb].text = Self.agree(items[verb].text, plural: subject != "I")
        }
    }

    private static func agree(_ verb: String, plural: Bool) -> String {
        let lower = verb.lowercased().replacingApostrophes
        let irregular: [String: (String, String)] = [
            "is": ("am", "are"), "isn't": ("am not", "aren't"), "has": ("have", "have"),
            "hasn't": ("haven't", "haven't"),
            "does": ("do", "do"), "doesn't": ("don't", "don't"), "was": ("was", "were"),
            "wasn't": ("wasn't", "weren't"),
            "goes": ("go", "go"),
        ]
        if let forms = irregular[lower] { return plural ? forms.1 : forms.0 }
        guard lower.count > 3, lower.allSatisfy(\.isLetter), lower.hasSuffix("s") else { return verb }
        if lower.hasSuffix("ss") || lower.hasSuffix("us") || lower.hasSuffix("is") { return verb }
        if lower.hasSuffix("ies") { return String(verb.dropLast(3)) + "y" }
        for ending in ["sses", "shes", "ches", "xes", "zes", "oes"] where lower.hasSuffix(ending) {
            return String(verb.dropLast(2))
        }
        return String(verb.dropLast())
    }
}

extension String {
    var replacingApostrophes: String { replacingOccurrences(of: "’", with: "'") }
}
