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

    /// Each term as given and normalised, the latter padded with a space each side.
    private let terms: [(term: String, padded: String)]

    public init(terms: [String]) {
        self.terms = terms.compactMap { term in
            let normalized = Self.normalize(term)
            let letters = normalized.filter { !$0.isWhitespace }.count
            return letters >= Self.minimumLength ? (term, " " + normalized + " ") : nil
        }
    }

    /// The first term (as given) that `text` mentions, or nil.
    public func firstTerm(in text: String) -> String? {
        let haystack = " " + Self.normalize(text) + " "
        return terms.first { TextSearch.contains(haystack, $0.padded) }?.term
    }

    /// Lowercased, accents removed, every run of non-alphanumerics one space.
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizeASCII(text) { return ascii }
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

    /// `normalize` for text that is all ASCII (nearly all scenario text), byte by byte:
    /// the general path goes through Foundation's folding and Unicode properties per
    /// character, which made validating a large library take seconds. Nil when `text`
    /// holds any non-ASCII byte.
    private static func normalizeASCII(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            let lower = ASCIIByte.lowered(byte)
            if ASCIIByte.isLetter(lower) || ASCIIByte.isDigit(lower) {
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(lower)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
