/// Builds one JSON object as text, key by key, in the order written.
///
/// Exports write hundreds of thousands of small objects; building each with
/// `JSONEncoder` would cost more than the query that feeds it, and key order would not
/// follow the documented column order. Keys are WardSim's own constants; values are
/// escaped per RFC 8259 (quote, backslash and control characters; everything else is
/// written as UTF-8). Non-finite numbers, which JSON cannot hold, become `null`.
///
/// ```swift
/// var object = JSONObjectText()
/// object.add("id", "e1")
/// object.add("score", 0.5)
/// object.text   // {"id":"e1","score":0.5}
/// ```
struct JSONObjectText {
    private var body = ""
    private var empty = true

    /// The object, closed.
    var text: String { "{" + body + "}" }

    private mutating func key(_ name: String) {
        if !empty { body.append(",") }
        empty = false
        Self.appendString(name, to: &body)
        body.append(":")
    }

    /// A string, or null for nil.
    mutating func add(_ name: String, _ value: String?) {
        key(name)
        if let value { Self.appendString(value, to: &body) } else { body.append("null") }
    }

    /// A number, or null for nil or a non-finite value.
    mutating func add(_ name: String, _ value: Double?) {
        key(name)
        body.append(Self.number(value))
    }

    mutating func add(_ name: String, _ value: Int?) {
        key(name)
        body.append(value.map { String($0) } ?? "null")
    }

    mutating func add(_ name: String, _ value: Bool?) {
        key(name)
        body.append(value.map { $0 ? "true" : "false" } ?? "null")
    }

    /// A nested object, or null for nil.
    mutating func add(_ name: String, object: JSONObjectText?) {
        key(name)
        body.append(object?.text ?? "null")
    }

    /// An array of objects.
    mutating func add(_ name: String, objects: [JSONObjectText]) {
        key(name)
        body.append("[")
        body.append(objects.map(\.text).joined(separator: ","))
        body.append("]")
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return CSVWriter.format(value)
    }

    /// `value` as a JSON string literal, quotes included.
    static func appendString(_ value: String, to out: inout String) {
        out.append("\"")
        var plain = true
        for byte in value.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            out.append(value)
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
