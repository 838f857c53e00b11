import Testing

@testable import WardSimApp

@Suite("CSV writer")
struct CSVWriterTests {
    func write(_ rows: [[CSVCell]]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let output = ChunkedOutput { bytes += $0 }
        var writer = CSVWriter(output: output)
        for row in rows { try writer.writeRow(row) }
        try output.finish()
        return bytes
    }

    @Test func startsWithABOMAndEndsEveryRecordWithCRLF() throws {
        let bytes = try write([[.text("a"), .text("b")], [.integer(1), .number(0.25)]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "a,b\r\n1,0.25\r\n")
    }

    @Test func quotesFieldsThatNeedItAndDoublesInnerQuotes() throws {
        let text = String(
            decoding: try write([[.text("a,b"), .text(#"say "hi""#), .text("two\nlines"), .text("plain"), .empty]]),
            as: UTF8.self)
        #expect(text == "\u{FEFF}\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,\r\n")
        #expect(try RFC4180.parse(text) == [["a,b", #"say "hi""#, "two\nlines", "plain", ""]])
    }

    @Test(arguments: ["=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\",\"y\")"])
    func guardsFormulaTriggers(_ value: String) throws {
        let text = String(decoding: try write([[.text(value)]]), as: UTF8.self)
        let fields = try RFC4180.parse(text)
        #expect(fields == [["'" + value]])
    }

    @Test func doesNotGuardNumbersOrHarmlessText() throws {
        let text = String(
            decoding: try write([[.number(-0.5), .integer(-3), .text("a=b"), .text("Zoë")]]), as: UTF8.self)
        #expect(try RFC4180.parse(text) == [["-0.5", "-3", "a=b", "Zoë"]])
    }

    @Test func formatsNumbersShortestAndExact() {
        #expect(CSVWriter.format(1) == "1")
        #expect(CSVWriter.format(0.1) == "0.1")
        #expect(CSVWriter.format(0.6617) == "0.6617")
        #expect(Double(CSVWriter.format(1.0 / 3)) == 1.0 / 3)
    }
}
