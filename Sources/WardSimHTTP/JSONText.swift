/// Minimal JSON text building for hot paths (the access log), where Foundation's
/// `JSONSerialization` costs more than the request itself.
enum JSONText {
    /// `value` as a JSON string literal, quotes included.
    static func quoted(_ value: String) -> String {
        // Nearly every value (times, routes, ids, addresses) needs no escape.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + value + "\"" }
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(String(scalar.value, radix: 16).leftPadded(to: 4))
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
