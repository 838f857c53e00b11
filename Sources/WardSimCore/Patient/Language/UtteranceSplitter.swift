import Foundation

/// Splits one trainee message into the separate things it says or asks.
///
/// People type several questions in one message ("Any allergies? And what meds are you
/// on?"). Each part is retrieved and classified on its own, so one part's words cannot
/// pull in facts for another and a greeting does not hide the question after it.
enum UtteranceSplitter {
    /// The parts of `text`, trimmed, each with whether it was written as a question.
    static func split(_ text: String) -> [(text: String, endsWithQuestionMark: Bool)] {
        var parts: [(String, Bool)] = []
        var current = ""
        let chars = Array(text)
        func flush(_ question: Bool) {
            let trimmed = current.trimmedWhitespace
            if trimmed.contains(where: { $0.isLetter || $0.isNumber }) { parts.append((trimmed, question)) }
            current = ""
        }
        for (i, c) in chars.enumerated() {
            switch c {
            case "?":
                flush(true)
            case "!", ";", "\n":
                flush(false)
            case ".":
                // A full stop ends a sentence; a decimal point ("2.5") does not.
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                let previous = i > 0 ? chars[i - 1] : " "
                if previous.isNumber && next.isNumber { current.append(c) } else { flush(false) }
            default:
                current.append(c)
            }
        }
        flush(false)
        return parts.flatMap { part in
            splitOnJoiners(part.0).map { ($0, part.1) }
        }
    }

    /// ", and " / " and also " / ", also " join two questions in one sentence.
    private static func splitOnJoiners(_ text: String) -> [String] {
        var pieces = [text]
        for joiner in [", and also ", " and also ", ", and ", ", also ", ", plus ", " as well as "] {
            pieces = pieces.flatMap { piece -> [String] in
                let folded = piece.lowercased()
                guard TextSearch.contains(folded, joiner) else { return [piece] }
                var result: [String] = []
                var rest = Substring(piece)
                while let range = rest.lowercased().range(of: joiner) {
                    let offset = rest.lowercased().distance(from: rest.lowercased().startIndex, to: range.lowerBound)
                    let cut = rest.index(rest.startIndex, offsetBy: offset)
                    result.append(String(rest[..<cut]))
                    rest = rest[rest.index(cut, offsetBy: joiner.count)...]
                }
                result.append(String(rest))
                return result.map { $0.trimmedSpaces }.filter {
                    $0.contains(where: { $0.isLetter })
                }
            }
        }
        return pieces
    }
}
