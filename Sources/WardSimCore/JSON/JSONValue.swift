/// A parsed JSON value that remembers where it was written and keeps object members in
/// the order the author wrote them.
///
/// Foundation's `JSONSerialization` loses both, and `JSONDecoder` stops at the first
/// problem; the validator needs every problem with its line and column, and the importer
/// needs to write fields back in a readable order, hence this small tree.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        /// Members in document order; duplicate keys are kept so they can be reported.
        case object([JSONMember])
    }

    public var kind: Kind
    /// Where the value starts (its first character).
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.kind = kind
        self.position = position
    }

    public var string: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    public var number: JSONNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let value) = kind { return value }
        return nil
    }

    /// The first member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// "a string", "an object", …: for messages such as "expected a string, found a number".
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    /// Where the key's opening quote is.
    public var keyPosition: SourcePosition
    public var value: JSONValue

    public init(key: String, keyPosition: SourcePosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A JSON number as written, so `1` and `1.0` stay distinguishable (only the first is an
/// integer) and numbers are written back exactly as they were read.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The literal text, e.g. `-0.5e3`.
    public var text: String
    public var double: Double

    public init?(_ text: String) {
        guard let double = Double(text), double.isFinite else { return nil }
        self.text = text
        self.double = double
    }

    public init(_ value: Int) {
        text = String(value)
        double = Double(value)
    }

    /// Written without a fraction or exponent.
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The value as an `Int` when it was written as an integer that fits.
    public var int: Int? { isInteger ? Int(text) : nil }

    public var description: String { text }
}
