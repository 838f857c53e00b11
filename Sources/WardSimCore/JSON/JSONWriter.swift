/// Writes a `JSONValue` as indented text, keeping object members in their order.
///
/// Used for files people will read and edit (imported scenarios): two-space indentation,
/// one member per line, numbers exactly as they were read, and only the escapes JSON
/// requires (no `\/`, no `\u` for non-ASCII letters).
public enum JSONWriter {
    /// The value as pretty-printed JSON text, ending without a newline.
    public static func prettyPrinted(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case let control where control.value < 0x20:
                let digits = String(control.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        switch value.kind {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.text
        case .string(let text): output += quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (offset, element) in elements.enumerated() {
                output += inner
                write(element, indent: indent + 1, into: &output)
                output += offset == elements.count - 1 ? "\n" : ",\n"
            }
            output += outer + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (offset, member) in members.enumerated() {
                output += inner + quoted(member.key) + ": "
                write(member.value, indent: indent + 1, into: &output)
                output += offset == members.count - 1 ? "\n" : ",\n"
            }
            output += outer + "}"
        }
    }
}
