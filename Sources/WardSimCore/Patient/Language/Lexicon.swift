/// Phrase rewrites that bring lay words, abbreviations and synonyms to one canonical form.
///
/// Trainees type "tummy", "pee", "SOB", "N/V" and "PMH"; authors write topics in any of
/// these forms too. The normalizer rewrites both sides with the same lexicon, so a
/// question and a topic meet whichever form each used. Keys are matched on whole words,
/// longest phrase first, so "short of breath" wins over "short"; replacements are then
/// stemmed like any other word, so "vomiting" and "vomited" meet "vomit".
public struct Lexicon: Sendable {
    /// Surface phrase → canonical phrase (both plain lowercase words; an empty
    /// replacement deletes the phrase).
    public let entries: [String: String]

    public init(entries: [String: String]) {
        self.entries = entries
    }

    /// The built-in lexicon (see `StandardLexicon`).
    public static let standard = Lexicon(entries: StandardLexicon.entries)

    /// A copy with `more` entries added (they win over built-in ones).
    public func adding(_ more: [String: String]) -> Lexicon {
        Lexicon(entries: entries.merging(more) { _, new in new })
    }
}
