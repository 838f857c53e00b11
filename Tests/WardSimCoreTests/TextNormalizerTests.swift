import Testing
@testable import WardSimCore

@Suite("TextNormalizer") struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    func stems(_ text: String) -> [String] { normalizer.terms(text).map(\.stem) }

    @Test func rewritesLayTermsAndAbbreviationsToOneForm() {
        #expect(stems("any tummy pain") == stems("abdominal pain"))
        #expect(stems("pee") == stems("urine"))
        #expect(stems("wee") == stems("urine"))
        #expect(stems("SOB") == stems("puffed"))
        #expect(stems("short of breath") == stems("breathless"))
        #expect(stems("N/V") == stems("nausea and vomiting"))
        #expect(stems("PMH") == stems("past medical history"))
        #expect(stems("meds") == stems("medications"))
        #expect(stems("FHx") == stems("family history"))
        #expect(stems("LMP") == stems("last menstrual period"))
        #expect(stems("CP") == stems("chest pain"))
        #expect(stems("DH") == stems("drug history"))
    }

    @Test func dropsStopwordsAndStems() {
        #expect(stems("What does it feel like?") == ["feel"])
        #expect(stems("swelling") == stems("swells"))
        #expect(stems("I've been vomiting") == stems("vomited"))
    }

    @Test func foldsCaseDiacriticsAndContractions() {
        #expect(normalizer.words("Naïve CAFÉ") == ["naive", "cafe"])
        #expect(normalizer.words("I don't know, it's fine") == ["i", "do", "not", "know", "it", "fine"])
        #expect(normalizer.words("'quoted'") == ["quoted"])
    }

    @Test func porterStemmerKnownValues() {
        let cases = [
            ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("plastered", "plaster"),
            ("motoring", "motor"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"),
            ("relational", "relat"), ("hopefulness", "hope"), ("electrical", "electr"), ("adoption", "adopt"),
            ("controlling", "control"), ("generalizations", "gener"),
        ]
        for (word, stem) in cases { #expect(PorterStemmer.stem(word) == stem, "\(word)") }
    }

    @Test func boundedEditDistance() {
        #expect(EditDistance.distance("happend", "happened", bound: 1) == 1)
        #expect(EditDistance.distance("breathign", "breathing", bound: 2) == 1)
        #expect(EditDistance.distance("smoek", "smoke", bound: 1) == 1)
        #expect(EditDistance.distance("hours", "house", bound: 1) == nil)
    }

    @Test func splitsUtterances() {
        let parts = UtteranceSplitter.split("Hi. Any allergies? And what meds; also, 2.5 mg")
        #expect(parts.map(\.text) == ["Hi", "Any allergies", "And what meds", "also, 2.5 mg"])
        #expect(parts.map(\.endsWithQuestionMark) == [false, true, false, false])
    }
}
