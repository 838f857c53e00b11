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

    /// Whether `text` contains `term` (the key's rule for findings and plan essentials):
    /// case ignored, starting at the start of a word, so a stem such as "anticoagul" or
    /// "hypertensi" finds every ending but "arm" is not found in "pharmacy" nor "mum" in
    /// "maximum". A number must not run on into more digits ("26" is not in "260"), and a
    /// term of three letters or fewer must end its word, or end it with a plural "s"
    /// ("ste" is not found in "steroid").
    public static func containsTerm(_ text: String, _ term: String) -> Bool {
        let needle = Array(TextNormalizer.fold(term).trimmed(where: { $0 == " " || $0 == "\t" }).utf8)
        guard !needle.isEmpty else { return false }
        let haystack = Array(TextNormalizer.fold(text).utf8)
        guard haystack.count >= needle.count else { return false }
        let shortWord = needle.count <= 3 && needle.allSatisfy(isWordByte) && !needle.allSatisfy(ASCIIByte.isDigit)
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            guard haystack[start..<(start + needle.count)].elementsEqual(needle) else { continue }
            if isWordByte(needle[0]), start > 0, isWordByte(haystack[start - 1]) { continue }
            let end = start + needle.count
            let next: UInt8? = end < haystack.count ? haystack[end] : nil
            if ASCIIByte.isDigit(needle[needle.count - 1]), let next,
                ASCIIByte.isDigit(next) || continuesDecimal(haystack, at: end)
            {
                continue
            }
            if shortWord, let next, isWordByte(next) {
                let plural = next == UInt8(ascii: "s") && (end + 1 == haystack.count || !isWordByte(haystack[end + 1]))
                if !plural { continue }
            }
            return true
        }
        return false
    }

    /// Letters and digits, any non-ASCII byte counting as part of a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCIIByte.isDigit(byte) || ASCIIByte.isLetter(byte)
    }

    /// "1.6" followed by ".5": the number goes on.
    private static func continuesDecimal(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","))
            && ASCIIByte.isDigit(bytes[index + 1])
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
