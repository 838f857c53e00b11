/// The shipped content is invalid: every problem, one per line, so the server's refusal
/// to start names each file and field to fix.
public struct LibraryError: Error, Sendable, CustomStringConvertible {
    public var problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.problems = problems
    }

    public var description: String {
        let count = problems.count
        let heading = "the content is invalid (\(count) problem\(count == 1 ? "" : "s")):"
        return ([heading] + problems.map(\.description)).joined(separator: "\n")
    }
}
