import Testing

@testable import WardSimCore

@Suite("Topics") struct TopicsTests {
    @Test func keywordsAreTheContentPhrasesOfASentence() {
        #expect(
            Topics.keywords(
                in: "The patient reports a 1-month history of double vision (diplopia) and difficulty climbing stairs.")
                == ["double vision", "vision", "diplopia", "difficulty climbing stairs", "stairs"])
    }

    @Test func layWordsAndAbbreviationsAreAdded() {
        let synonyms = Topics.synonyms(for: "Denies shortness of breath or fever")
        #expect(synonyms.contains("SOB") && synonyms.contains("breathless") && synonyms.contains("temperature"))
    }

    @Test func uniqueIgnoresCaseAndKeepsOrder() {
        #expect(Topics.unique(["PMH", "pmh", " meds ", "Meds", "allergies"], limit: 2) == ["PMH", "meds"])
    }
}
