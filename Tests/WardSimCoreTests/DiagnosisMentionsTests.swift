import Testing

@testable import WardSimCore

@Suite("Diagnosis mentions") struct DiagnosisMentionsTests {
    let mentions = DiagnosisMentions(terms: [
        "Inferior STEMI", "heart attack", "MI", "Hirschsprung’s disease", "Ménière disease",
    ])

    @Test func matchesWholeWordsIgnoringCasePunctuationAndAccents() {
        #expect(mentions.firstTerm(in: "Dad had a Heart-Attack at 61") == "heart attack")
        #expect(mentions.firstTerm(in: "an inferior stemi.") == "Inferior STEMI")
        #expect(mentions.firstTerm(in: "hirschsprung's disease runs in the family") == "Hirschsprung’s disease")
        #expect(mentions.firstTerm(in: "meniere disease") == "Ménière disease")
    }

    @Test func ignoresPartsOfWordsAndTermsShorterThanThreeLetters() {
        #expect(mentions.firstTerm(in: "a systemic illness; heart attacks") == nil)
        #expect(mentions.firstTerm(in: "MI") == nil)
    }
}
