import Testing
import WardSimCore

@Suite("CSV (RFC 4180)")
struct CSVTests {
    @Test func plainRecordsWithLFOrCRLF() throws {
        let expected = [
            CSV.Record(line: 1, fields: ["a", "b", "c"]),
            CSV.Record(line: 2, fields: ["d", "", "f"]),
        ]
        #expect(try CSV.parse("a,b,c\nd,,f\n") == expected)
        #expect(try CSV.parse("a,b,c\r\nd,,f\r\n") == expected)
        #expect(try CSV.parse("a,b,c\r\nd,,f") == expected)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let records = try CSV.parse("name,note\n\"Ana, RN\",\"said \"\"hi\"\"\nthen left\"\nnext,\"\"\n")
        #expect(records.count == 3)
        #expect(records[1] == CSV.Record(line: 2, fields: ["Ana, RN", "said \"hi\"\nthen left"]))
        #expect(records[2] == CSV.Record(line: 4, fields: ["next", ""]))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try CSV.parse("\u{FEFF}username\nana\n").first?.fields == ["username"])
    }

    @Test func unicodeSurvives() throws {
        #expect(try CSV.parse("Zoë,李雷,👩‍⚕️\n").first?.fields == ["Zoë", "李雷", "👩‍⚕️"])
    }

    @Test func malformedQuotingIsReportedWithItsLine() {
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse("ok\n\"never closed\n") }
        do {
            _ = try CSV.parse("a\nb\"c\n")
            Issue.record("expected a syntax error")
        } catch let error as CSV.SyntaxError {
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse("\"quoted\"trailing\n") }
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try CSV.parse("").isEmpty)
        #expect(try CSV.parse("\"\"") == [CSV.Record(line: 1, fields: [""])])
    }
}
