/// A strict JSON parser (RFC 8259) that records where every value starts.
///
/// Written for content files that people edit by hand: it rejects what JSON rejects
/// (trailing commas, comments, single quotes, invalid escapes and invalid UTF-8) and says
/// so in words, with the line, column and JSON path where it stopped. Nesting is limited
/// (64 levels by default) so that a hostile or broken file cannot exhaust the stack.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"facts": [{"id": "onset"}]}"#)
/// value["facts"]?.array?.first?.position  // line 1, column 12
/// ```
public struct JSONParser {
    public static let defaultMaxDepth = 64

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private var path: [JSONPath.Component] = []

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses a complete JSON document from UTF-8 bytes (a leading byte-order mark is skipped).
    public static func parse<Bytes: Collection>(
        _ bytes: Bytes, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(bytes), maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses a complete JSON document from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    // MARK: - Document and values

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard !isAtEnd else { throw error("the file is empty; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        guard isAtEnd else { throw error("unexpected \(describeCurrent()) after the end of the JSON value") }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = peek else { throw error("unexpected end of input; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let start = position
            return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return try parseLiteral()
        case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
        case UInt8(ascii: "'"): throw error("strings must be in double quotes, not single quotes")
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        let start = position
        try enterContainer(at: start)
        advance()  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return JSONValue(.object([]), at: start)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                if isAtEnd { throw unclosed("object", start) }
                if peek == UInt8(ascii: "'") { throw error("keys must be in double quotes, not single quotes") }
                throw error("expected a key in double quotes, found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                if isAtEnd { throw unclosed("object", start) }
                throw error("expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue()
            path.removeLast()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                let comma = position
                advance()
                skipWhitespace()
                if peek == UInt8(ascii: "}") {
                    throw JSONParseError("trailing comma before '}'", at: comma, path: JSONPath(path))
                }
            case UInt8(ascii: "}"):
                advance()
                depth -= 1
                return JSONValue(.object(members), at: start)
            case nil:
                throw unclosed("object", start)
            case UInt8(ascii: "\""):
                throw error("missing ',' between object members")
            default:
                throw error("expected ',' or '}' after an object member, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        let start = position
        try enterContainer(at: start)
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return JSONValue(.array([]), at: start)
        }
        while true {
            skipWhitespace()
            if isAtEnd { throw unclosed("array", start) }
            path.append(.index(elements.count))
            elements.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                let comma = position
                advance()
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    throw JSONParseError("trailing comma before ']'", at: comma, path: JSONPath(path))
                }
            case UInt8(ascii: "]"):
                advance()
                depth -= 1
                return JSONValue(.array(elements), at: start)
            case nil:
                throw unclosed("array", start)
            default:
                throw error("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    private mutating func enterContainer(at start: SourcePosition) throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw JSONParseError("nesting deeper than \(maxDepth) levels", at: start, path: JSONPath(path))
        }
    }

    private func unclosed(_ container: String, _ start: SourcePosition) -> JSONParseError {
        error("unexpected end of input: the \(container) opened at \(start) is not closed")
    }

    // MARK: - Strings

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = position
        advance()  // "
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek else {
                throw error("unexpected end of input inside the string that starts at \(start)")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x0A, 0x0D:
                throw error("line break inside the string that starts at \(start); close it with \" or write \\n")
            case 0x00..<0x20:
                throw error("control character \(Self.hex(byte)) inside a string; write it as an escape")
            case 0x80...:
                guard let length = utf8SequenceLength(at: index) else {
                    throw error("invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))")
                }
                for _ in 0..<length {
                    buffer.append(bytes[index])
                    advance()
                }
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let escapePosition = position
        advance()  // backslash
        guard let byte = peek else { throw error("unexpected end of input inside an escape sequence") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            advance()
            buffer.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw JSONParseError(
                "invalid escape '\\\(describeRaw(byte))'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                at: escapePosition, path: JSONPath(path))
        }
        advance()
        var scalarValue = try parseHex4(escapePosition)
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(
                    "invalid \\u escape: unpaired surrogate \\u\(Self.hex4(scalarValue))", at: escapePosition,
                    path: JSONPath(path))
            }
            let lowPosition = position
            advance()
            advance()
            let low = try parseHex4(lowPosition)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(
                    "invalid \\u escape: \\u\(Self.hex4(scalarValue)) must be followed by a low surrogate",
                    at: escapePosition, path: JSONPath(path))
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
            throw JSONParseError(
                "invalid \\u escape: unpaired surrogate \\u\(Self.hex4(scalarValue))", at: escapePosition,
                path: JSONPath(path))
        }
        // Valid by construction: surrogates were excluded or combined above.
        let scalar = Unicode.Scalar(scalarValue)!
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func parseHex4(_ escapePosition: SourcePosition) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = Self.hexValue(byte) else {
                throw JSONParseError(
                    "invalid \\u escape: expected four hexadecimal digits", at: escapePosition, path: JSONPath(path))
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    // MARK: - Numbers and literals

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        let startIndex = index
        if peek == UInt8(ascii: "-") { advance() }
        guard let first = peek, Self.isDigit(first) else {
            throw error("invalid number: expected a digit after '-'")
        }
        advance()
        if first == UInt8(ascii: "0"), let next = peek, Self.isDigit(next) {
            throw JSONParseError("invalid number: leading zeros are not allowed", at: start, path: JSONPath(path))
        }
        skipDigits()
        if peek == UInt8(ascii: ".") {
            advance()
            guard let next = peek, Self.isDigit(next) else { throw error("invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard let next = peek, Self.isDigit(next) else {
                throw error("invalid number: expected a digit in the exponent")
            }
            skipDigits()
        }
        let text = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        guard let number = JSONNumber(text) else {
            throw JSONParseError("number \(text) is out of range", at: start, path: JSONPath(path))
        }
        return JSONValue(.number(number), at: start)
    }

    private mutating func parseLiteral() throws(JSONParseError) -> JSONValue {
        let start = position
        let startIndex = index
        while let byte = peek, Self.isLetter(byte) { advance() }
        let word = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        switch word {
        case "true": return JSONValue(.bool(true), at: start)
        case "false": return JSONValue(.bool(false), at: start)
        case "null": return JSONValue(.null, at: start)
        default:
            throw JSONParseError(
                "invalid literal '\(word)'; JSON allows true, false, null, numbers, strings in double quotes, "
                    + "arrays and objects", at: start, path: JSONPath(path))
        }
    }

    // MARK: - Reading bytes

    private var isAtEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private mutating func skipDigits() {
        while let byte = peek, Self.isDigit(byte) { advance() }
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(message, at: position, path: JSONPath(path))
    }

    /// The number of bytes in the well-formed UTF-8 sequence at `start`, or nil.
    private func utf8SequenceLength(at start: Int) -> Int? {
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            start + offset < bytes.count && range.contains(bytes[start + offset])
        }
        switch bytes[start] {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    /// The character at the current position, for messages: `'x'`, `end of input`, …
    private func describeCurrent() -> String {
        guard let byte = peek else { return "end of input" }
        if byte < 0x20 || byte == 0x7F { return "control character \(Self.hex(byte))" }
        if byte < 0x80 { return "'\(describeRaw(byte))'" }
        guard let length = utf8SequenceLength(at: index) else {
            return "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
        }
        return "'" + String(decoding: bytes[index..<index + length], as: UTF8.self) + "'"
    }

    private func describeRaw(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return Self.hex(byte)
    }

    private static func hex(_ byte: UInt8) -> String { "U+" + hex4(UInt32(byte)) }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
