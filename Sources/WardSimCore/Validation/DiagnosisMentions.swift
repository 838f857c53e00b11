import Foundation

/// Finds a diagnosis named in free text, ignoring case, accents and punctuation, and only
/// at word boundaries (so "STEMI" is not found in "systemic").
///
/// The validator uses it to keep the answer out of what the trainee sees before the
/// debrief (title, patient, facts); the importer uses the same matcher to leave out
/// sentences that would give the case away.
///
/// ```swift
/// let mentions = DiagnosisMentions(terms: ["Inferior STEMI", "heart attack"])
/// mentions.firstTerm(in: "Dad had a Heart-Attack at 61")  // "heart attack"
/// ```
public struct DiagnosisMentions: Sendable {
    /// Terms shorter than this (in letters and digits) are too likely to be accidental.
    public static let minimumLength = 3

    private let terms: [(term: String, normalized: String)]

    public init(terms: [String]) {
        self.terms = terms.compactMap { term in
            let normalized = Self.normalize(term)
            let letters = normalized.filter { !$0.isWhitespace }.count
            return letters >= Self.minimumLength ? (term, normalized) : nil
        }
    }

    /// The first term (as given) that `text` mentions, or nil.
    public func firstTerm(in text: String) -> String? {
        let haystack = " " + Self.normalize(text) + " "
        return terms.first { haystack.contains(" " + $0.normalized + " ") }?.term
    }

    /// Lowercased, accents removed, every run of non-alphanumerics one space.
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var output = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(character)
            } else {
                pendingSpace = true
            }
        }
        return output
    }
}
