/// The declared shape of a content file: which fields exist, which are required, and what
/// each may hold.
///
/// Written once per file type (`Shape.scenario`, `Shape.competencies`, …) beside the
/// README tables it mirrors, so the type rules read as a specification. `ShapeChecker`
/// applies a shape and reports every mismatch; semantic rules (references, uniqueness,
/// leaks) live in their own types.
indirect enum Shape: Sendable {
    case string(TextRule)
    case integer(min: Int?, max: Int?)
    case number(NumberRange)
    case boolean
    case array(of: Shape, minCount: Int, maxCount: Int?, unique: Bool)
    case object([Field])
    /// An object used as a map with keys of one kind (e.g. `rubric.weights`).
    case dictionary(keys: TextRule, values: Shape, minCount: Int)

    /// What the value is called in "required string is missing".
    var noun: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .array: "array"
        case .object, .dictionary: "object"
        }
    }

    var article: String { noun == "integer" || noun == "array" || noun == "object" ? "an" : "a" }

    // Shorthands that keep the declarations readable.
    static let text = Shape.string(.text)
    static let slug = Shape.string(.slug(maxLength: nil))
    static let textList = Shape.array(of: .text, minCount: 0, maxCount: nil, unique: false)

    static func list(_ element: Shape, atLeast minCount: Int = 0, atMost maxCount: Int? = nil, unique: Bool = false)
        -> Shape
    {
        .array(of: element, minCount: minCount, maxCount: maxCount, unique: unique)
    }

    static func integer(_ range: ClosedRange<Int>) -> Shape { .integer(min: range.lowerBound, max: range.upperBound) }

    static func integer(atLeast minimum: Int) -> Shape { .integer(min: minimum, max: nil) }

    /// One of the raw values of a Swift enum, so the code and the validator cannot drift.
    static func oneOf<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> Shape where E.RawValue == String {
        .string(.oneOf(type.allCases.map(\.rawValue)))
    }
}

/// A member of an object shape.
struct Field: Sendable {
    let name: String
    let shape: Shape
    let isRequired: Bool

    static func required(_ name: String, _ shape: Shape) -> Field {
        Field(name: name, shape: shape, isRequired: true)
    }

    static func optional(_ name: String, _ shape: Shape) -> Field {
        Field(name: name, shape: shape, isRequired: false)
    }
}

/// What a string must look like.
enum TextRule: Sendable {
    /// Any non-empty text.
    case text
    /// Any text, empty included.
    case anyText
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, optionally length-limited.
    case slug(maxLength: Int?)
    case oneOf([String])
    /// An absolute `https://` URL with a host.
    case httpsURL
    /// A calendar date, `YYYY-MM-DD`.
    case isoDate
    /// A LOINC code such as `8867-4`.
    case loinc
    /// An ICD-10 code such as `I21.1`.
    case icd10
}

/// The allowed values of a number.
struct NumberRange: Sendable {
    var minimum: Double?
    var minimumIsExclusive = false
    var maximum: Double?
    /// The number must be a whole number (it may be written `4` or `4.0`).
    var wholeNumber = false

    static let any = NumberRange()
    static let positive = NumberRange(minimum: 0, minimumIsExclusive: true)
    static let nonNegative = NumberRange(minimum: 0)
    static let fraction = NumberRange(minimum: 0, maximum: 1)
}
