/// A JSON value together with its path, so rules can walk a document and report
/// problems at the right place without threading paths by hand.
///
/// Accessors return nil when the value has another type: rules skip what the shape
/// check has already reported instead of piling a second problem on it.
struct Node {
    let value: JSONValue
    let path: JSONPath

    init(_ value: JSONValue, path: JSONPath = .root) {
        self.value = value
        self.path = path
    }

    subscript(key: String) -> Node? {
        value[key].map { Node($0, path: path.appending(key)) }
    }

    /// The elements of an array (empty for anything else).
    var elements: [Node] {
        (value.array ?? []).enumerated().map { Node($0.element, path: path.appending($0.offset)) }
    }

    /// The members of an object as nodes (empty for anything else).
    var members: [(key: String, node: Node)] {
        (value.members ?? []).map { ($0.key, Node($0.value, path: path.appending($0.key))) }
    }

    var string: String? { value.string }
    var bool: Bool? { value.bool }
    var int: Int? { value.number?.int }
    var double: Double? { value.number?.double }

    /// Every string inside this value, with its node (keys are not included).
    var strings: [Node] {
        switch value.kind {
        case .string: [self]
        case .array: elements.flatMap(\.strings)
        case .object: members.flatMap(\.node.strings)
        default: []
        }
    }
}
