import Foundation

/// Decides whether free text names a diagnosis or contains a term, the way the answer
/// key documents it: case and punctuation ignored, ICD-10 codes accepted, negations not.
///
/// "Inferior STEMI" matches the synonym "STEMI"; "I21.1" and "I211" match the code;
/// "not a STEMI" and "STEMI ruled out" do not.
public enum TermMatcher {
    /// Lowercase words separated by single spaces, padded: " inferior stemi ".
    public static func normalized(_ text: String) -> String {
        TextNormalizer.padded(text)
    }

    /// The first of `names` that `text` names (whole words, not negated), if any.
    public static func firstMatch(in text: String, names: [String]) -> String? {
        let padded = normalized(text)
        for name in names {
            let n = normalized(name)
            guard n.count > 2, let offset = TextSearch.firstOffset(of: n, in: padded) else { continue }
            if !isNegated(padded, at: offset, length: n.utf8.count) { return name }
        }
        return nil
    }

    /// Whether `text` carries `code` (dots ignored), or its three-character category.
    public static func mentionsCode(_ text: String, code: String) -> Bool {
        let target = code.uppercased().replacingOccurrences(of: ".", with: "")
        guard target.count >= 3 else { return false }
        let words = text.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ".") })
            .map { $0.replacingOccurrences(of: ".", with: "") }
        return words.contains { $0 == target || ($0.count == 3 && target.hasPrefix($0) && $0.first!.isLetter) }
    }

    /// Whether `text` contains `term` as a case-insensitive substring (the key's rule for
    /// findings and plan essentials).
    public static func containsTerm(_ text: String, _ term: String) -> Bool {
        let t = TextNormalizer.fold(term).trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && TextSearch.contains(TextNormalizer.fold(text), t)
    }

    private static let negations: Set<String> = ["not", "no", "non", "unlikely", "exclude", "excluded", "without"]
    private static let trailingNegations = [" ruled out ", " excluded ", " unlikely ", " not likely "]

    private static func isNegated(_ padded: String, at offset: Int, length: Int) -> Bool {
        let bytes = Array(padded.utf8)
        let before = String(decoding: bytes[..<offset], as: UTF8.self).split(separator: " ").suffix(2)
        if before.contains(where: { negations.contains(String($0)) }) { return true }
        let after = String(decoding: bytes[(offset + length - 1)...], as: UTF8.self)
        return trailingNegations.contains { after.hasPrefix($0) }
    }
}
