/// Reads comma-separated values as RFC 4180 describes them.
///
/// Fields are separated by commas and records by CRLF or LF; a field in double quotes
/// may hold commas, line breaks and quotes (written twice: `""`). A byte-order mark at
/// the start is skipped, and a final line break does not make an empty record. Every
/// record remembers the line it started on, so a report can point at it.
///
/// ```swift
/// let records = try CSV.parse("username,display name\nana,\"Ana, RN\"\n")
/// records[1].fields   // ["ana", "Ana, RN"]
/// ```
public enum CSV {
    /// One record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The text is not valid CSV.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses `text` into records. Throws on an unterminated quoted field or on a quote
    /// in the middle of an unquoted field.
    public static func parse(_ text: String) throws -> [Record] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var afterClosingQuote = false
        var index = scalars.startIndex

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r":
                // CR LF ends a record; a lone CR is treated the same way.
                if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw SyntaxError(
                        line: line,
                        reason:
                            "a quote inside a field that does not start with one; wrap the field in quotes and double the inner quote (\"\")"
                    )
                }
                inQuotes = true
                fieldWasQuoted = true
            default:
                if afterClosingQuote {
                    throw SyntaxError(
                        line: line,
                        reason: "text after a closing quote; a quoted field must end at a comma or line break")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw SyntaxError(line: recordLine, reason: "a quoted field is never closed")
        }
        if !fields.isEmpty || !field.isEmpty || fieldWasQuoted {
            endRecord()
        }
        return records
    }
}
