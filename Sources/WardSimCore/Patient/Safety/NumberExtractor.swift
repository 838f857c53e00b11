import Foundation

/// Finds the numbers in text, written as digits ("38.1", "5") or words ("twenty", "twice").
///
/// The grounding check refuses a reply whose numbers the permitted text does not hold:
/// an invented age ("when I was 22") or dose is the commonest way a small model adds
/// clinical content.
enum NumberExtractor {
    static func values(in text: String) -> Set<Double> {
        var values: Set<Double> = []
        var digits = ""
        func flush() {
            let trimmed = digits.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let v = Double(trimmed) { values.insert(v) }
            digits = ""
        }
        for c in text {
            if c.isASCII && (c.isNumber || (c == "." && !digits.isEmpty)) {
                digits.append(c)
            } else {
                flush()
            }
        }
        flush()
        for word in TextNormalizer.split(TextNormalizer.fold(text)) {
            if let v = ClinicalLexicon.numberWords[word] { values.insert(v) }
            for part in word.split(separator: "-") {
                if let v = ClinicalLexicon.numberWords[String(part)] { values.insert(v) }
            }
        }
        return values
    }
}
