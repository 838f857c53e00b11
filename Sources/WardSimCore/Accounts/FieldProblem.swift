/// One reason a value was refused, tied to the field it came from.
///
/// Validation returns these instead of throwing so that a form (or a CSV row) can show
/// every problem at once, next to the field that caused it.
public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
