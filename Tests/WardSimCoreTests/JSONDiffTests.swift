import Foundation
import Testing

@testable import WardSimCore

@Suite("JSONDiff")
struct JSONDiffTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Data(text.utf8)) }

    func summary(_ old: String, _ new: String) throws -> [String] {
        JSONDiff.changes(from: try parse(old), to: try parse(new)).map { change in
            let old = change.old.map { JSONWriter.prettyPrinted($0) } ?? "-"
            let new = change.new.map { JSONWriter.prettyPrinted($0) } ?? "-"
            return "\(change.kind.rawValue) \(change.path): \(old) → \(new)"
        }
    }

    @Test func formattingMemberOrderAndNumberSpellingAreNotChanges() throws {
        #expect(try summary(#"{"a": 1, "b": [true, null]}"#, "{\n\"b\":[true,null],\n\"a\":1.0}").isEmpty)
    }

    @Test func membersAddedRemovedAndChanged() throws {
        #expect(
            try summary(
                #"{"title": "A", "gone": 1, "nested": {"x": 1}}"#, #"{"title": "B", "nested": {"x": 2, "y": 3}}"#)
                == [
                    #"changed title: "A" → "B""#, "changed nested.x: 1 → 2", "added nested.y: - → 3",
                    "removed gone: 1 → -",
                ])
    }

    @Test func arraysOfElementsWithIDsAreMatchedByID() throws {
        let old = #"{"facts": [{"id": "a", "answer": "1"}, {"id": "b", "answer": "2"}, {"id": "c", "answer": "3"}]}"#
        let new =
            #"{"facts": [{"id": "new", "answer": "0"}, {"id": "a", "answer": "1"}, {"id": "c", "answer": "three"}]}"#
        let changes = JSONDiff.changes(from: try parse(old), to: try parse(new))
        #expect(
            changes.map { "\($0.kind.rawValue) \($0.path)" } == [
                "added facts[0]", "changed facts[2].answer", "removed facts[1]",
            ], "inserting a fact does not make every later fact a change")
        #expect(changes[0].new?["id"]?.string == "new")
        #expect(changes[1].old?.string == "3" && changes[1].new?.string == "three")
        #expect(changes[2].old?["id"]?.string == "b")
    }

    @Test func otherArraysAreAlignedOnWhatTheyShare() throws {
        #expect(
            try summary(#"["pain", "ache", "hurt"]"#, #"["pain", "hurt", "sore"]"#) == [
                #"removed [1]: "ache" → -"#, #"added [2]: - → "sore""#,
            ])
        #expect(try summary(#"["a", "b"]"#, #"["a", "c"]"#) == [#"changed [1]: "b" → "c""#])
        #expect(
            try summary(#"[{"name": "x", "n": 1}]"#, #"[{"name": "x", "n": 2}]"#) == ["changed [0].n: 1 → 2"],
            "an element replaced in place is compared member by member")
    }

    @Test func aChangeOfTypeIsOneChange() throws {
        #expect(try summary(#"{"a": [1]}"#, #"{"a": "1"}"#) == ["changed a: [\n  1\n] → \"1\""])
    }

    @Test func versionsOfAShippedScenarioDifferOnlyWhereEdited() throws {
        let url = TestContent.scenariosDirectory.appendingPathComponent("chest-pain-inferior-stemi.json")
        let original = try JSONParser.parse(Data(contentsOf: url))
        var scenario = try JSONDecoder().decode(Scenario.self, from: Data(contentsOf: url))
        scenario.version = 2
        scenario.facts[3].answer = "Changed."
        let edited = try JSONParser.parse(Data(try ScenarioDocument.text(for: scenario).utf8))
        let changes = JSONDiff.changes(from: original, to: edited).map(\.path.description)
        #expect(changes == ["version", "facts[3].answer"])
    }
}
