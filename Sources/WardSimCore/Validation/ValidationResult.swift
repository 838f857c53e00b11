/// The outcome of validating one piece of content: a typed value when everything is
/// right, otherwise every problem found (never just the first).
public enum ValidationResult<Value: Sendable>: Sendable {
    case valid(Value)
    case invalid([ValidationProblem])

    public var value: Value? {
        if case .valid(let value) = self { return value }
        return nil
    }

    public var problems: [ValidationProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}
