/// A small, strict RFC 4180 reader for tests: it accepts only what the RFC allows
/// (CRLF record ends, quoted fields with doubled quotes), so an export that parses here
/// is well-formed, not merely readable by a forgiving parser.
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Records of `text` (after an optional BOM). Throws on a bare LF or CR, a quote in
    /// an unquoted field, text after a closing quote, or a record that does not end in CRLF.
    static func parse(_ text: String) throws -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var quoted = false
        var afterQuote = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(String(field))
                field = .init()
                afterQuote = false
            case "\r":
                guard index < scalars.count, scalars[index] == "\n" else { throw Malformed(description: "bare CR") }
                index += 1
                record.append(String(field))
                records.append(record)
                record = []
                field = .init()
                afterQuote = false
            case "\n":
                throw Malformed(description: "bare LF in record \(records.count + 1)")
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(description: "quote inside a field") }
                quoted = true
            default:
                if afterQuote { throw Malformed(description: "text after a closing quote") }
                field.append(scalar)
            }
        }
        if quoted { throw Malformed(description: "unterminated quoted field") }
        if !record.isEmpty || !field.isEmpty { throw Malformed(description: "the last record does not end in CRLF") }
        return records
    }

    /// Records as dictionaries keyed by the header row.
    static func table(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let records = try parse(text)
        guard let header = records.first else { return ([], []) }
        for (number, record) in records.enumerated() where record.count != header.count {
            throw Malformed(description: "record \(number + 1) has \(record.count) fields, the header \(header.count)")
        }
        return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }
}
