import Testing
@testable import WardSimCore

@Suite("GroundingCheck") struct GroundingCheckTests {
    let scenario: Scenario
    init() throws { scenario = try TestContent.chestPain() }

    func kinds(_ reply: String, disclosed: Set<String> = []) -> [GuardFinding.Kind] {
        GroundingCheck().violations(in: reply, disclosure: Disclosure(scenario: scenario, disclosedFactIDs: disclosed))
            .map(\.kind)
    }

    @Test func groundedRepliesPass() {
        #expect(kinds("I smoke about twenty a day.", disclosed: ["smoking"]).isEmpty)
        #expect(kinds("Just amlodipine, 5 milligrams.", disclosed: ["medications"]).isEmpty)
        #expect(kinds("Sorry, I don't know.").isEmpty)
        #expect(kinds("It's a burning pressure.", disclosed: ["pain-character"]).isEmpty)
        // The persona's own age and opening statement.
        #expect(kinds("I'm 58 and it's probably just indigestion.").isEmpty)
    }

    @Test func inventedNumbersAgesAndDurations() {
        #expect(kinds("It started when I was 22.").contains(.number))
        #expect(kinds("It's been going on for three weeks.").contains(.duration))
        #expect(kinds("I smoke about twenty a day.").contains(.number))
    }

    @Test func inventedDrugsDiagnosesAndFindings() {
        #expect(kinds("I take ramipril.").contains(.drug))
        #expect(kinds("I take bisoprolol.").contains(.drug))
        #expect(kinds("I've got a rare blood disorder.").contains(.diagnosis))
        #expect(kinds("I had bronchitis.").contains(.diagnosis))
        #expect(kinds("My ankles are swollen.").contains(.finding))
        #expect(kinds("I've been coughing.").contains(.finding))
    }
}
