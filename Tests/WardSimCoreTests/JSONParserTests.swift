import Testing

@testable import WardSimCore

@Suite("JSON parser") struct JSONParserTests {
    /// The parse error for `text`, or nil when it parses.
    private func failure(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #"{"s": "a\"b\u00e9\ud83d\ude00", "n": -1.5e2, "i": 42, "t": true, "f": false, "z": null, "a": [1, [], {}]}"#
        )
        #expect(value["s"]?.string == "a\"bé😀")
        #expect(value["n"]?.number?.double == -150)
        #expect(value["n"]?.number?.isInteger == false)
        #expect(value["i"]?.number?.int == 42)
        #expect(value["t"]?.bool == true)
        #expect(value["f"]?.bool == false)
        #expect(value["z"]?.kind == .null)
        #expect(value["a"]?.array?.count == 3)
    }

    @Test func keepsObjectMembersInDocumentOrder() throws {
        let value = try JSONParser.parse(#"{"zebra": 1, "apple": 2, "mango": 3}"#)
        #expect(value.members?.map(\.key) == ["zebra", "apple", "mango"])
    }

    @Test func recordsTheLineAndColumnOfEveryValueAndKey() throws {
        let text = """
            {
              "facts": [
                {"id": "onset", "answer": "It started at 9"}
              ],
              "note": "café", "after": 1
            }
            """
        let value = try JSONParser.parse(text)
        let fact = try #require(value["facts"]?.array?.first)
        #expect(value.position == SourcePosition(line: 1, column: 1))
        #expect(value["facts"]?.position == SourcePosition(line: 2, column: 12))
        #expect(fact.position == SourcePosition(line: 3, column: 5))
        #expect(fact["answer"]?.position == SourcePosition(line: 3, column: 31))
        #expect(fact.members?.last?.keyPosition == SourcePosition(line: 3, column: 21))
        // Columns count characters, not bytes: "é" is two bytes but one column.
        #expect(value["after"]?.position == SourcePosition(line: 5, column: 28))
    }

    @Test func keepsDuplicateKeysSoTheyCanBeReported() throws {
        let value = try JSONParser.parse(#"{"id": "a", "id": "b"}"#)
        #expect(value.members?.count == 2)
        #expect(value["id"]?.string == "a")
    }

    @Test func skipsAByteOrderMark() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        #expect(value.array?.count == 1)
    }

    @Test func reportsTruncatedInputWithThePathBeingRead() throws {
        let error = try #require(failure("{\n  \"facts\": [\n    {\"answer\": \"It came on"))
        #expect(error.path.description == "facts[0].answer")
        #expect(error.message == "unexpected end of input inside the string that starts at line 3, column 16")
        let unclosed = try #require(failure("{\"facts\": [1, 2"))
        #expect(unclosed.message == "unexpected end of input: the array opened at line 1, column 11 is not closed")
        #expect(failure("")?.message == "the file is empty; expected a JSON value")
    }

    @Test func reportsTrailingCommasAtTheComma() throws {
        let array = try #require(failure("[1, 2,\n]"))
        #expect(array.message == "trailing comma before ']'")
        #expect(array.position == SourcePosition(line: 1, column: 6))
        let object = try #require(failure("{\"a\": {\"b\": 1,}}"))
        #expect(object.message == "trailing comma before '}'")
        #expect(object.path.description == "a")
    }

    @Test func reportsInvalidEscapes() throws {
        let error = try #require(failure(#"{"a": "tab\x"}"#))
        #expect(error.message.hasPrefix("invalid escape '\\x'"))
        #expect(error.position == SourcePosition(line: 1, column: 11))
        #expect(failure(#"["\u12G4"]"#)?.message == "invalid \\u escape: expected four hexadecimal digits")
        #expect(failure(#"["\ud83d"]"#)?.message == "invalid \\u escape: unpaired surrogate \\uD83D")
        #expect(failure(#"["\ude00"]"#)?.message == "invalid \\u escape: unpaired surrogate \\uDE00")
    }

    @Test func reportsInvalidUTF8() throws {
        let bytes = Array(#"{"a": "ok"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.message == "invalid UTF-8 (byte 0xC3)")
            #expect(error.position == SourcePosition(line: 1, column: 10))
        }
        // An encoded surrogate (ED A0 80) is not valid UTF-8 either.
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func refusesDeepNesting() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(failure(deep)?.message == "nesting deeper than 64 levels")
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(failure(allowed) == nil)
        // Far deeper input fails the same way instead of exhausting the stack.
        #expect(failure(String(repeating: "{\"a\":", count: 100_000))?.message == "nesting deeper than 64 levels")
    }

    @Test func explainsCommonMistakes() {
        #expect(failure("{'a': 1}")?.message == "keys must be in double quotes, not single quotes")
        #expect(failure("// note\n{}")?.message == "comments are not allowed in JSON")
        #expect(failure("{\"a\": 1 \"b\": 2}")?.message == "missing ',' between object members")
        #expect(failure("{\"a\" 1}")?.message == "expected ':' after the key \"a\", found '1'")
        #expect(failure("[True]")?.message.hasPrefix("invalid literal 'True'") == true)
        #expect(failure("[01]")?.message == "invalid number: leading zeros are not allowed")
        #expect(failure("[1.]")?.message == "invalid number: expected a digit after '.'")
        #expect(failure("[1e999]")?.message == "number 1e999 is out of range")
        #expect(failure("[1] [2]")?.message == "unexpected '[' after the end of the JSON value")
        #expect(failure("[\"a\nb\"]")?.message.hasPrefix("line break inside the string") == true)
        #expect(failure("[\"a\tb\"]")?.message == "control character U+0009 inside a string; write it as an escape")
    }
}
