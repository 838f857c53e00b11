import Testing

@testable import WardSimCore

@Suite("Term matcher")
struct TermMatcherTests {
    @Test(arguments: [
        ("Aspirin 300 mg and primary PCI", "aspirin"),
        ("Start anticoagulation with apixaban", "anticoagul"),
        ("Pain radiates to the left arm and jaw", "arm"),
        ("Both ARMS heavy", "arm"),
        ("STE in II, III and aVF", "ste"),
        ("ACR 26 mg/mmol", "26"),
        ("ACR 26mg/mmol", "26"),
        ("Creatinine 1.6.", "1.6"),
        ("BP 148/92 today", "148"),
        ("Taking small sips of water", "sip"),
        ("CURB-65 of 2", "curb"),
        ("eGFR <60", "<60"),
        ("Mum had pre-eclampsia", "mum"),
        ("Call 999 or 111 if worse", "111"),
    ])
    func findsTermsAtTheStartOfAWord(text: String, term: String) {
        #expect(TermMatcher.containsTerm(text, term), "\(term) in \(text)")
    }

    @Test(arguments: [
        ("Collect from the pharmacy", "arm"),
        ("Car alarm went off", "arm"),
        ("Titrate to the maximum dose", "mum"),
        ("Start a steroid course", "ste"),
        ("ACR 260 mg/mmol", "26"),
        ("Creatinine 1.65", "1.6"),
        ("Heart rate 1112", "111"),
        ("The gossip at work", "sip"),
        ("Trace of protein", "race"),
        ("In space", "pace"),
        ("", "arm"),
        ("arm", ""),
    ])
    func doesNotFindTermsInsideOtherWordsOrNumbers(text: String, term: String) {
        #expect(!TermMatcher.containsTerm(text, term), "\(term) in \(text)")
    }

    @Test func everyShippedKeyTermStillMatchesItsOwnWording() {
        var unmatched: [String] = []
        #expect(TestContent.scenarios.count >= 18)
        for scenario in TestContent.scenarios {
            for item in scenario.key.criticalFindings.map(\.terms) + scenario.key.management.map(\.terms) {
                for term in item where !TermMatcher.containsTerm("Noted: \(term).", term) {
                    unmatched.append("\(scenario.id): \(term)")
                }
            }
        }
        #expect(unmatched.isEmpty, "\(unmatched)")
    }
}
