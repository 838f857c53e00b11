import Testing
@testable import WardSimCore

@Suite("OutputGuard") struct OutputGuardTests {
    let scenario: Scenario
    let guardian: OutputGuard
    let nothingDisclosed: Disclosure

    init() throws {
        scenario = try TestContent.chestPain()
        guardian = OutputGuard(scenario: scenario)
        nothingDisclosed = Disclosure(scenario: scenario, disclosedFactIDs: [])
    }

    func accepted(_ reply: String, disclosed: Set<String> = []) -> String? {
        if case .accepted(let clean) = guardian.review(
            reply, disclosure: Disclosure(scenario: scenario, disclosedFactIDs: disclosed))
        {
            return clean
        }
        return nil
    }

    func kinds(_ reply: String, disclosed: Set<String> = []) -> Set<GuardFinding.Kind> {
        if case .refused(let findings) = guardian.review(
            reply, disclosure: Disclosure(scenario: scenario, disclosedFactIDs: disclosed))
        {
            return Set(findings.map(\.kind))
        }
        return []
    }

    @Test func stripsRoleMarkersAndStageDirections() {
        #expect(accepted("Patient: *sighs* I'm not sure. (pauses)") == "I'm not sure.")
        #expect(
            accepted("<|im_start|>assistant\nGordon Pryce: Sorry, I'm not sure.<|im_end|>") == "Sorry, I'm not sure.")
        #expect(
            accepted("Sorry, I don't know.\nDoctor: What is the diagnosis?\nPatient: It is") == "Sorry, I don't know.")
        #expect(accepted("[INST] Okay. [/INST]") == "Okay.")
    }

    @Test func refusesAnAIVoice() {
        #expect(kinds("As an AI language model, I can't do that.").contains(.roleBreak))
        #expect(kinds("I'm not a real patient, this is a simulation.").contains(.roleBreak))
    }

    @Test func refusesKeyTermsNotDisclosed() {
        #expect(kinds("I think it's a heart attack.").contains(.keyTerm))
        #expect(kinds("They said STEMI.").contains(.keyTerm))
        #expect(kinds("The code was I21.1").contains(.keyTerm))
        #expect(kinds("Could it be pericarditis?").contains(.keyTerm))
        // The patient's own word, from the opening statement.
        #expect(accepted("It's probably just indigestion.") != nil)
    }

    @Test func refusesResultsAndRecommendationText() {
        #expect(kinds("The nurse said ST elevation 2–3 mm in II, III and aVF.").contains(.resultText))
        #expect(
            kinds("Apparently a low HEART score, most consistent with musculoskeletal pain.").contains(
                .recommendationText))
    }

    @Test func refusesUndisclosedFactsButNotDisclosedOnes() {
        let family = scenario.fact("family-history")!.answer
        #expect(kinds(family).contains(.undisclosedFact))
        #expect(accepted(family, disclosed: ["family-history"]) == family)
    }

    @Test func refusesEmpty() {
        #expect(kinds("*nods*").contains(.empty))
    }
}
