/// Small text operations the importers share: splitting prose into sentences, turning
/// source keys into labels and slugs, and joining lists the way people write them.
enum CaseText {
    /// Abbreviations after which a full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "st", "vs", "etc", "approx", "e.g", "i.e", "fig", "no", "jr", "sr",
    ]

    /// The sentences of `text`. A sentence ends at `.`, `!` or `?` followed by a space and
    /// a capital letter, digit or opening quote, unless the full stop ends a known
    /// abbreviation or a single initial ("C. difficile" stays whole).
    static func sentences(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " " {
                let next = characters[index + 2]
                let opensSentence = next.isUppercase || next.isNumber || "\"'‘“(".contains(next)
                if opensSentence && !(character == "." && endsWithAbbreviation(characters[start...index])) {
                    sentences.append(String(characters[start...index]))
                    start = index + 2
                }
            }
            index += 1
        }
        if start < characters.count { sentences.append(String(characters[start...])) }
        return sentences.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    private static func endsWithAbbreviation(_ text: ArraySlice<Character>) -> Bool {
        let word = String(text.dropLast().reversed().prefix { !$0.isWhitespace }.reversed()).lowercased()
        return abbreviations.contains(word) || (word.count == 1 && word.first!.isLetter)
    }

    /// `Acetylcholine_Receptor_Antibodies` → `Acetylcholine receptor antibodies`;
    /// acronyms (`WBC`, `MRI_Brain`) keep their capitals.
    static func label(fromKey key: String) -> String {
        let words = key.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
        let converted = words.enumerated().map { offset, word -> String in
            let isAcronym = word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
            if isAcronym { return word }
            return offset == 0 ? word.prefix(1).uppercased() + word.dropFirst().lowercased() : word.lowercased()
        }
        return converted.joined(separator: " ")
    }

    /// A slug from any text: lowercase ASCII letters and digits joined by single hyphens.
    static func slug(_ text: String, maxWords: Int = 6) -> String {
        let folded = text.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "0"..."9": Character(scalar)
            case "é", "è", "ê", "ë": "e"
            case "á", "à", "â", "ä": "a"
            case "ö", "ó", "ô": "o"
            case "ü", "ú": "u"
            case "í", "ï": "i"
            default: " "
            }
        }
        var words = Array(String(folded).split(separator: " ").prefix(maxWords))
        let dangling: Set<Substring> = [
            "and", "or", "of", "the", "a", "an", "with", "in", "on", "to", "for", "at", "by",
        ]
        while words.count > 1, let last = words.last, dangling.contains(last) { words.removeLast() }
        return words.joined(separator: "-")
    }

    /// "a", "a and b", "a, b and c".
    static func joinedList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// `text` with its first letter lowercased, unless the first word is an acronym.
    static func lowercasingFirst(_ text: String) -> String {
        let firstWord = text.prefix { !$0.isWhitespace }
        if firstWord.count > 1, firstWord.dropFirst().contains(where: \.isUppercase) { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    static func capitalisingFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `text` ending with a full stop (or the punctuation it already has).
    static func terminated(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        guard let last = trimmed.last else { return trimmed }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }

    /// A source value (string, number, list or nested object) as one readable line:
    /// nested keys become labels (`Cranial nerves: …; Reflexes: …`), a lone `Findings`
    /// key is dropped.
    static func flatten(_ value: JSONValue) -> String {
        switch value.kind {
        case .string(let text): return text.trimmingWhitespace
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "yes" : "no"
        case .null: return ""
        case .array(let elements): return elements.map(flatten).filter { !$0.isEmpty }.joined(separator: "; ")
        case .object(let members):
            if members.count == 1, ["findings", "result", "results"].contains(members[0].key.lowercased()) {
                return flatten(members[0].value)
            }
            return members.map { "\(label(fromKey: $0.key)): \(flatten($0.value))" }.joined(separator: "; ")
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
