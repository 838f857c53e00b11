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
        if text.lowercased().contains("lorem ipsum") { return "lorem ipsum" }
        let words = text.split { !($0.isLetter || $0.isNumber) }
        return markers.first { marker in words.contains { $0 == marker } }
    }
}
