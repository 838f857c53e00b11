/// Which WardSim file a document is, so `wardsim validate` can be handed any mix of
/// files and folders.
///
/// Detection reads the document: an object with a top-level `competencies`, `levels`,
/// `paths` or `items` member and no `id` is that curriculum file or the default
/// orderables table; anything else is a scenario. A file that does not parse is
/// classified by its name (`competencies.json`, `levels.json`, `paths.json`,
/// `orderables.json`) so that its syntax error is still reported.
public enum ContentKind: String, Sendable, CaseIterable {
    case scenario
    case competencies
    case levels
    case paths
    case orderables

    static func detect(_ document: JSONValue?, name: String) -> ContentKind {
        if let document, let members = document.members {
            let keys = Set(members.map(\.key))
            if !keys.contains("id") {
                for kind in [ContentKind.competencies, .levels, .paths] where keys.contains(kind.rawValue) {
                    return kind
                }
                if keys.contains("items") { return .orderables }
            }
            return .scenario
        }
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return allCases.first { $0 != .scenario && base == "\($0.rawValue).json" } ?? .scenario
    }
}
