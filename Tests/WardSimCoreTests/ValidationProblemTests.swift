import Testing

@testable import WardSimCore

@Suite("Validation problem") struct ValidationProblemTests {
    @Test func rendersAsFilePathMessage() {
        let path = JSONPath.root.appending("facts").appending(3).appending("answer")
        let missing = ValidationProblem(
            file: "Scenarios/chest-pain.json", path: path, message: "required string is missing")
        #expect(missing.description == "Scenarios/chest-pain.json: facts[3].answer: required string is missing")
        #expect(missing.line == nil && missing.column == nil)
    }

    @Test func appendsTheValuesPositionWhenThereIsOne() {
        let problem = ValidationProblem(
            file: "Scenarios/x.json", path: JSONPath.root.appending("version"),
            message: "expected an integer, found a string",
            position: SourcePosition(line: 4, column: 14))
        #expect(
            problem.description == "Scenarios/x.json: version: expected an integer, found a string (line 4, column 14)")
        #expect(problem.line == 4 && problem.column == 14)
        let root = ValidationProblem(file: "x.json", path: .root, message: "no such file or folder")
        #expect(root.description == "x.json: $: no such file or folder")
    }
}
