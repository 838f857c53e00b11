import Foundation

/// Turns free text into comparable terms: folded, split, rewritten by the lexicon, stemmed.
///
/// Retrieval, intent classification and the grader's term matching all need the same
/// view of text, so it lives in one place. Every step is deterministic and locale-free.
///
/// ```swift
/// let n = TextNormalizer()
/// n.terms("Any tummy pain?").map(\.stem)   // ["abdomen", "pain"]
/// ```
public struct TextNormalizer: Sendable {
    /// One word after normalization: the word as rewritten and its stem.
    public struct Token: Sendable, Equatable, Hashable {
        public var word: String
        public var stem: String

        public init(word: String, stem: String) {
            self.word = word
            self.stem = stem
        }
    }

    private let phrases: [String: [(key: [String], output: [String])]]
    /// Abbreviations that are ordinary words in lower case ("oh", "ed").
    private static let caseSensitiveSorted: [(String, String)] = [
        ("AE", "emergency"), ("ED", "emergency"), ("ER", "emergency"), ("OH", "occupational health"),
    ]

    /// A shared normalizer with the built-in lexicon (building one costs a table of phrases).
    public static let standard = TextNormalizer()

    public init(lexicon: Lexicon = .standard) {
        var table: [String: [(key: [String], output: [String])]] = [:]
        for (surface, canonical) in lexicon.entries {
            let key = Self.split(Self.fold(surface))
            guard let first = key.first else { continue }
            table[first, default: []].append((key, Self.split(Self.fold(canonical))))
        }
        for first in table.keys {
            // Longest phrase first; ties in a fixed order so the result never depends on hashing.
            table[first]!.sort {
                ($0.key.count, $1.key.joined(separator: " ")) > ($1.key.count, $0.key.joined(separator: " "))
            }
        }
        self.phrases = table
    }

    /// Lowercased, diacritics and curly quotes folded.
    public static func fold(_ text: String) -> String {
        let lower = text.lowercased()
        guard !lower.utf8.allSatisfy({ $0 < 0x80 }) else { return lower }
        return String(
            lower.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).map {
                $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0
            })
    }

    /// Words of folded text: contractions expanded, split on anything that is not a letter or digit.
    static func split(_ folded: String) -> [String] {
        let text = folded
        let chars = Array(text)
        var words: [String] = []
        var current = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if Self.isWordCharacter(c) {
                current.append(c)
                i += 1
                continue
            }
            i += 1
            // "don't" → "do not", "can't" → "can not", "won't" → "will not".
            if c == "'", current.hasSuffix("n"), current.count > 1, i < chars.count, chars[i] == "t",
                i + 1 == chars.count || !Self.isWordCharacter(chars[i + 1])
            {
                let stem = String(current.dropLast())
                words.append(["ca": "can", "wo": "will", "sha": "shall"][stem] ?? stem)
                words.append("not")
                current = ""
                i += 1
                continue
            }
            if !current.isEmpty { words.append(current) }
            current = ""
            if c == "'" && !(words.isEmpty) {
                // "it's", "I'm", "they're", "today's": the clitic carries nothing we match on.
                var j = i
                var clitic = ""
                while j < chars.count, chars[j].isLetter {
                    clitic.append(chars[j])
                    j += 1
                }
                if ["s", "re", "m", "ve", "ll", "d"].contains(clitic) { i = j }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The words of `text` with case-sensitive abbreviations (OH, ED) expanded first.
    public func words(_ text: String) -> [String] {
        var expanded = text
        for (abbreviation, meaning) in Self.caseSensitiveSorted where TextSearch.contains(expanded, abbreviation) {
            expanded = Self.replaceWholeWord(abbreviation, with: meaning, in: expanded)
        }
        if TextSearch.contains(expanded, "A&E") {
            expanded = expanded.replacingOccurrences(of: "A&E", with: "emergency")
        }
        return Self.split(Self.fold(expanded))
    }

    /// Tokens of `text` with lexicon phrases rewritten; stopwords kept.
    public func tokens(_ text: String) -> [Token] {
        let words = words(text)
        var output: [Token] = []
        var i = 0
        while i < words.count {
            var matched = false
            for entry in phrases[words[i]] ?? [] where i + entry.key.count <= words.count {
                if Array(words[i..<(i + entry.key.count)]) == entry.key {
                    output += entry.output.map { Token(word: $0, stem: PorterStemmer.stem($0)) }
                    i += entry.key.count
                    matched = true
                    break
                }
            }
            if !matched {
                output.append(Token(word: words[i], stem: PorterStemmer.stem(words[i])))
                i += 1
            }
        }
        return output
    }

    /// Tokens that carry meaning: `tokens(_:)` without stopwords.
    public func terms(_ text: String) -> [Token] {
        tokens(text).filter { !Stopwords.contains($0) }
    }

    /// A letter or digit (ASCII checked without a Unicode property lookup).
    @inline(__always) static func isWordCharacter(_ c: Character) -> Bool {
        if let a = c.asciiValue {
            return (a >= 0x61 && a <= 0x7A) || (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A)
        }
        return c.isLetter || c.isNumber
    }

    /// Text with every run of non-alphanumerics collapsed to one space, padded with spaces,
    /// so that `contains(" term ")` is a whole-word test.
    public static func padded(_ text: String) -> String {
        " " + split(fold(text)).joined(separator: " ") + " "
    }

    private static func replaceWholeWord(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else {
                result += current == word ? replacement : current
                current = ""
                result.append(c)
            }
        }
        result += current == word ? replacement : current
        return result
    }
}
