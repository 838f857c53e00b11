/// One thing wrong with a content file, in the form every WardSim tool prints:
///
/// ```
/// Scenarios/chest-pain.json: facts[3].answer: required string is missing
/// Scenarios/chest-pain.json: facts[3].critical: expected a boolean, found a string (line 57, column 19)
/// ```
///
/// `FILE: PATH: message`, with the JSON path of the value at fault (`$` for the whole
/// document). When the value exists, its line and column are appended in parentheses; a
/// missing value has no position, so none is shown. The shape stays the same for every
/// problem so that people can read it and tools can split it on the first two `": "`.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (e.g. `Scenarios/chest-pain.json`).
    public var file: String
    public var path: JSONPath
    public var message: String
    public var position: SourcePosition?

    public init(file: String, path: JSONPath, message: String, position: SourcePosition? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.position = position
    }

    public var line: Int? { position?.line }
    public var column: Int? { position?.column }

    public var description: String {
        var text = "\(file): \(path): \(message)"
        if let position { text += " (\(position))" }
        return text
    }
}

/// Collects the problems of one file, so rules can say `problems.add(…)` without repeating it.
struct ProblemList {
    let file: String
    private(set) var problems: [ValidationProblem] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { problems.isEmpty }

    mutating func add(_ path: JSONPath, _ message: String, at position: SourcePosition? = nil) {
        problems.append(ValidationProblem(file: file, path: path, message: message, position: position))
    }

    mutating func add(_ node: Node, _ message: String) {
        add(node.path, message, at: node.value.position)
    }

    mutating func add(_ error: JSONParseError) {
        add(error.path, error.message, at: error.position)
    }

    mutating func append(contentsOf other: [ValidationProblem]) {
        problems.append(contentsOf: other)
    }
}
