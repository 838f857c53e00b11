/// Writes CSV as RFC 4180 describes it, for spreadsheets: UTF-8 with a byte-order mark,
/// CRLF line ends, fields quoted when they hold a comma, quote, CR or LF (inner quotes
/// doubled), and text guarded against formula injection.
///
/// **Formula injection** (OWASP "CSV Injection"): a spreadsheet runs a cell that starts
/// with `=`, `+`, `-` or `@` (and some also treat a leading tab or CR as the start of
/// one) as a formula, so a display name such as `=HYPERLINK(…)` could run when an
/// administrator opens the export. Such text cells get a leading apostrophe, which
/// spreadsheets show as text. Numbers WardSim writes are not text and are not guarded.
///
/// The BOM makes Excel read the file as UTF-8 instead of the local code page, so names
/// such as "Zoë" survive the round trip.
///
/// ```swift
/// var csv = CSVWriter(output: output)
/// try csv.writeHeader(["username", "score"])
/// try csv.writeRow([.text("=cmd"), .number(0.5)])   // '=cmd,0.5\r\n
/// ```
struct CSVWriter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Leading characters that make a spreadsheet evaluate a cell.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private let output: ChunkedOutput
    private var line = ""
    private var startedFile = false

    init(output: ChunkedOutput) {
        self.output = output
        line.reserveCapacity(512)
    }

    /// Writes the BOM and the header row.
    mutating func writeHeader(_ names: [String]) throws {
        try writeRow(names.map(CSVCell.text))
    }

    mutating func writeRow(_ cells: [CSVCell]) throws {
        if !startedFile {
            try output.write(bytes: Self.byteOrderMark)
            startedFile = true
        }
        line.removeAll(keepingCapacity: true)
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(",") }
            Self.append(cell, to: &line)
        }
        line.append("\r\n")
        try output.write(line)
    }

    /// Appends one formatted field.
    static func append(_ cell: CSVCell, to line: inout String) {
        switch cell {
        case .empty: break
        case .integer(let value): line.append(String(value))
        case .number(let value): line.append(format(value))
        case .bool(let value): line.append(value ? "true" : "false")
        case .text(let value): appendText(value, to: &line)
        }
    }

    /// A number in its shortest exact form, without a trailing ".0" for whole numbers.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func appendText(_ value: String, to line: inout String) {
        let guarded = value.unicodeScalars.first.map { formulaTriggers.contains($0) } ?? false
        var needsQuotes = false
        for byte in value.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            if guarded { line.append("'") }
            line.append(value)
            return
        }
        line.append("\"")
        if guarded { line.append("'") }
        if value.utf8.contains(UInt8(ascii: "\"")) {
            line.append(value.replacingOccurrences(of: "\"", with: "\"\""))
        } else {
            line.append(value)
        }
        line.append("\"")
    }
}
