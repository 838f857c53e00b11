import Testing

@testable import WardSimCore

@Suite("JSON path") struct JSONPathTests {
    @Test func readsTheWayAuthorsWriteIt() {
        #expect(JSONPath.root.description == "$")
        #expect(JSONPath.root.appending("facts").appending(3).appending("answer").description == "facts[3].answer")
        #expect(
            JSONPath.root.appending("rubric").appending("weights").appending("history-taking").description
                == "rubric.weights.history-taking")
        #expect(JSONPath.root.appending(0).description == "[0]")
        #expect(JSONPath.root.appending("weights").appending("odd key").description == #"weights["odd key"]"#)
    }
}
