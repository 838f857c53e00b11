/// The string formats content files use, as plain functions (no regular expressions):
/// each says whether a string fits and, when it does not, what was expected.
extension TextRule {
    /// Nil when `text` fits; otherwise the reason, phrased for an author.
    func problem(with text: String) -> String? {
        switch self {
        case .anyText:
            return nil
        case .text:
            return text.allSatisfy(\.isWhitespace) ? "must not be empty" : nil
        case .slug(let maxLength):
            if !TextFormats.isSlug(text) {
                return "'\(text)' is not a slug (lowercase letters and digits in words joined by single hyphens)"
            }
            if let maxLength, text.count > maxLength { return "must be at most \(maxLength) characters" }
            return nil
        case .oneOf(let allowed):
            return allowed.contains(text) ? nil : "'\(text)' is not one of: \(allowed.joined(separator: ", "))"
        case .httpsURL:
            return TextFormats.isHTTPSURL(text) ? nil : "'\(text)' is not an https URL"
        case .isoDate:
            return TextFormats.isISODate(text) ? nil : "'\(text)' is not a date written YYYY-MM-DD"
        case .loinc:
            return TextFormats.isLOINC(text) ? nil : "'\(text)' is not a LOINC code (digits, a hyphen, a check digit)"
        case .icd10:
            return TextFormats.isICD10(text) ? nil : "'\(text)' is not an ICD-10 code (such as I21.1)"
        }
    }
}

/// Recognisers for the formats above; public so that importers and editors agree with
/// the validator.
public enum TextFormats {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    public static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `https://host…` with no whitespace.
    public static func isHTTPSURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), !text.contains(where: \.isWhitespace) else { return false }
        let rest = text.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty
    }

    /// A real calendar date written `YYYY-MM-DD`.
    public static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `^[0-9]{1,7}-[0-9]$`
    public static func isLOINC(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...7).contains(parts[0].count), parts[1].count == 1 else { return false }
        return parts.allSatisfy { $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// `^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$`
    public static func isICD10(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func upper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
        func digit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        guard scalars.count >= 3, upper(scalars[0]), digit(scalars[1]), digit(scalars[2]) || upper(scalars[2])
        else { return false }
        if scalars.count == 3 { return true }
        let tail = scalars[4...]
        return scalars[3] == "." && (1...4).contains(tail.count) && tail.allSatisfy { digit($0) || upper($0) }
    }
}
