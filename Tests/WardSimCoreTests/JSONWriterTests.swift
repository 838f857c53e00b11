import Testing

@testable import WardSimCore

@Suite("JSON writer") struct JSONWriterTests {
    @Test func writesIndentedJSONInMemberOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.50, "x/y"], "a": {}, "c": [], "d": {"e": null}}"#)
        #expect(
            JSONWriter.prettyPrinted(value) == """
                {
                  "b": [
                    1,
                    2.50,
                    "x/y"
                  ],
                  "a": {},
                  "c": [],
                  "d": {
                    "e": null
                  }
                }
                """)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        #expect(JSONWriter.quoted("é \"q\" \\ \n\t\u{01}") == #""é \"q\" \\ \n\t\u0001""#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let text = #"{"id": "x", "list": [true, false, null, -0.5e3], "nested": {"k": "😀"}}"#
        let value = try JSONParser.parse(text)
        let again = try JSONParser.parse(JSONWriter.prettyPrinted(value))
        #expect(JSONWriter.prettyPrinted(again) == JSONWriter.prettyPrinted(value))
        #expect(again["nested"]?["k"]?.string == "😀")
    }
}
