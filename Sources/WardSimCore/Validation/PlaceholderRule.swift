/// Unfinished text must not reach trainees: any string containing `TODO`, `TBD` or
/// `FIXME` (as capitalised words) or "lorem ipsum" is reported.
struct PlaceholderRule: ScenarioRule {
    static let markers = ["TODO", "TBD", "FIXME"]

    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        for node in scenario.strings {
            guard let text = node.string, let marker = Self.placeholder(in: text) else { continue }
            problems.add(node, "looks like a placeholder ('\(marker)')")
        }
    }

    /// The placeholder marker in `text`, if any.
    static func placeholder(in text: String) -> String? {
        // Most text holds none of the markers' letters in a row: rule it out by bytes
        // before splitting into words (Unicode properties per character are slow).
        if TextSearch.containsIgnoringASCIICase(text, "lorem ipsum") { return "lorem ipsum" }
        guard markers.contains(where: { TextSearch.contains(text, $0) }) else { return nil }
        let words = text.split { !($0.isLetter || $0.isNumber) }
        return markers.first { marker in words.contains { $0 == marker } }
    }
}
