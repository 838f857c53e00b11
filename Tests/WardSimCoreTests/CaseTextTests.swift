import Testing

@testable import WardSimCore

@Suite("Case text") struct CaseTextTests {
    @Test func splitsSentencesButNotAbbreviationsOrInitials() {
        #expect(
            CaseText.sentences("Seen by Dr. Patel. C. difficile was found. Temp 38.5 today! Next?")
                == ["Seen by Dr. Patel.", "C. difficile was found.", "Temp 38.5 today!", "Next?"])
    }

    @Test func labelsSlugsAndLists() {
        #expect(CaseText.label(fromKey: "Acetylcholine_Receptor_Antibodies") == "Acetylcholine receptor antibodies")
        #expect(CaseText.label(fromKey: "MRI_Brain") == "MRI brain")
        #expect(CaseText.slug("Hirschsprung’s disease (HD) and") == "hirschsprung-s-disease-hd")
        #expect(CaseText.joinedList(["a", "b", "c"]) == "a, b and c")
        #expect(CaseText.lowercasingFirst("ADHD screening") == "ADHD screening")
    }

    @Test func flattensNestedResults() throws {
        let value = try JSONParser.parse(#"{"Findings": "Normal."}"#)
        #expect(CaseText.flatten(value) == "Normal.")
        let nested = try JSONParser.parse(#"{"WBC": "7,000", "Smear": {"Cells": "normal"}}"#)
        #expect(CaseText.flatten(nested) == "WBC: 7,000; Smear: Cells: normal")
    }
}
