import Foundation
import Testing

@testable import WardSimCore

@Suite("Scenario validator") struct ScenarioValidatorTests {
    let validator: ScenarioValidator

    init() throws {
        validator = ScenarioValidator(
            competencyIDs: try Repository.shippedCompetencyIDs(), defaults: try Repository.shippedDefaults())
    }

    /// `PATH: message` for each problem of the sample scenario after `edit`.
    private func problems(
        name: String? = nil, using validator: ScenarioValidator? = nil, _ edit: (inout [String: Any]) -> Void
    ) throws -> [String] {
        var scenario = try Repository.sampleScenario()
        edit(&scenario)
        let file = try Repository.file(scenario, name: name)
        return (validator ?? self.validator).validate(file.data, file: file.name).problems.map {
            "\($0.path): \($0.message)"
        }
    }

    @Test func aValidScenarioDecodesIntoTheModel() throws {
        let file = try Repository.fixture("valid/cough-and-fever.json", as: "Scenarios/cough-and-fever.json")
        let scenario = try #require(validator.validate(file.data, file: file.name).value)
        #expect(scenario.id == "cough-and-fever")
        #expect(scenario.facts.map(\.id) == ["cough", "sputum", "fever", "confusion"])
        #expect(scenario.key.redFlags == ["confusion"])
        #expect(scenario.aiRecommendations.first?.flaws.first?.type == .missedRedFlag)
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let found = try problems {
            JSONEdit.set(&$0, "facts[3].answer", nil)
            JSONEdit.set(&$0, "difficulty", "hard")
            JSONEdit.set(&$0, "patient.age", 130)
        }
        #expect(
            found == [
                "difficulty: 'hard' is not one of: introductory, intermediate, advanced",
                "patient.age: must be from 0 to 120, found 130",
                "facts[3].answer: required string is missing",
            ])
    }

    @Test func reportsUnknownFieldsAndDuplicateKeys() throws {
        #expect(
            try problems { JSONEdit.set(&$0, "patient.persona.worry", ["x"]) } == [
                "patient.persona.worry: unknown field (did you mean 'worries'?)"
            ])
        #expect(try problems { JSONEdit.set(&$0, "colour", "blue") } == ["colour: unknown field"])
        let text = #"{"id": "a", "id": "b"}"#
        let duplicate = validator.validate(Data(text.utf8), file: "Scenarios/a.json").problems.first
        #expect(
            duplicate?.description
                == "Scenarios/a.json: id: key appears more than once (first at line 1, column 2) (line 1, column 13)")
    }

    @Test func theFileNameIsTheId() throws {
        #expect(
            try problems(name: "Scenarios/other.json") { _ in } == [
                "id: 'cough-and-fever' does not match the file name 'other.json'"
            ])
        // Without a .json name there is nothing to compare.
        #expect(try problems(name: "pasted text") { _ in }.isEmpty)
    }

    @Test func idsAreUniqueWhereSomethingRefersToThem() throws {
        let found = try problems {
            JSONEdit.set(&$0, "facts[1].id", "cough")
            JSONEdit.set(&$0, "investigations[0].id", "respiratory-exam")
            JSONEdit.append(&$0, "key.management", ["id": "admit", "description": "Again", "terms": ["ward"]])
        }
        #expect(found.contains("facts[1].id: duplicate fact id 'cough' (also facts[0].id)"))
        #expect(
            found.contains(
                "investigations[0].id: duplicate exam or investigation id 'respiratory-exam' (also exam[0].id)"))
        #expect(found.contains("key.management[1].id: duplicate management id 'admit' (also key.management[0].id)"))
    }

    @Test func competenciesComeFromTheCurriculumWhenItIsKnown() throws {
        let edit: (inout [String: Any]) -> Void = {
            JSONEdit.append(&$0, "competencies", "bedside-manner")
        }
        #expect(try problems(edit) == ["competencies[3]: 'bedside-manner' is not a competency in the curriculum"])
        #expect(try problems(using: ScenarioValidator(), edit).isEmpty)
        #expect(
            try problems { JSONEdit.set(&$0, "rubric.weights.documentation", 1) } == [
                "rubric.weights.documentation: 'documentation' is weighted but not listed in competencies"
            ])
    }

    @Test func redFlagsInTheKeyAreExactlyTheRedFlagFacts() throws {
        #expect(
            try problems { JSONEdit.set(&$0, "facts[2].redFlag", true) } == [
                "facts[2].redFlag: red-flag fact 'fever' is missing from key.redFlags"
            ])
        #expect(
            try problems { JSONEdit.append(&$0, "key.redFlags", "sputum") } == [
                "key.redFlags[1]: fact 'sputum' is not marked redFlag: true"
            ])
        #expect(
            try problems { JSONEdit.append(&$0, "key.redFlags", "haemoptysis") } == [
                "key.redFlags[1]: 'haemoptysis' is not a fact id"
            ])
    }

    @Test func soundnessFlawsAndExpectedDecisionsAgree() throws {
        #expect(
            try problems { JSONEdit.set(&$0, "aiRecommendations[0].flaws", []) } == [
                "aiRecommendations[0].flaws: an unsound recommendation needs at least one flaw",
                "key.aiDecisions[0].flaws[0]: 'missed-red-flag' is not among the flaws of recommendation 'rec-home-amoxicillin'",
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "aiRecommendations[0].sound", true) } == [
                "aiRecommendations[0].flaws: a sound recommendation must have no flaws",
                "key.aiDecisions[0].decision: recommendation 'rec-home-amoxicillin' is sound, so the expected decision is accept",
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "key.aiDecisions[0].decision", "accept") } == [
                "key.aiDecisions[0].decision: recommendation 'rec-home-amoxicillin' is unsound, so accept cannot be the expected decision"
            ])
        let decision = ["recommendationId": "rec-home-amoxicillin", "decision": "modify", "flaws": []] as [String: Any]
        #expect(
            try problems { JSONEdit.append(&$0, "key.aiDecisions", decision) } == [
                "key.aiDecisions[1].recommendationId: recommendation 'rec-home-amoxicillin' already has an expected decision"
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "key.aiDecisions", []) } == [
                "aiRecommendations[0]: recommendation 'rec-home-amoxicillin' has no expected decision in key.aiDecisions"
            ])
    }

    @Test func publishedScenariosNeedARecommendationAndDraftsDoNot() throws {
        let remove: (inout [String: Any]) -> Void = {
            JSONEdit.set(&$0, "aiRecommendations", [])
            JSONEdit.set(&$0, "key.aiDecisions", [])
        }
        #expect(
            try problems(remove) == ["aiRecommendations: a published scenario needs at least one AI recommendation"])
        #expect(
            try problems {
                remove(&$0); JSONEdit.set(&$0, "status", "draft")
            }.isEmpty)
    }

    @Test func nothingBeforeTheDebriefNamesTheDiagnosis() throws {
        #expect(
            try problems { JSONEdit.set(&$0, "title", "Pneumonia in a 64-year-old") } == [
                "title: names the diagnosis 'pneumonia' (key.diagnoses[0].synonyms[0])"
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "patient.openingStatement", "Is it a CHEST-INFECTION, doctor?") } == [
                "patient.openingStatement: names the diagnosis 'chest infection' (key.diagnoses[0].synonyms[2])"
            ])
        #expect(
            try problems { JSONEdit.append(&$0, "facts[0].topics", "community acquired pneumonia") } == [
                "facts[0].topics[2]: names the diagnosis 'Community-acquired pneumonia' (key.diagnoses[0].name)"
            ])
        // Whole words only, and the key, objectives and debrief may name it.
        #expect(
            try problems {
                JSONEdit.set(&$0, "patient.persona.demeanour", "Capable and calm.")
                JSONEdit.append(&$0, "learningObjectives", "Manage pneumonia in primary care.")
            }.isEmpty)
    }

    @Test func speakerAndAgeAreCoherent() throws {
        #expect(
            try problems { JSONEdit.set(&$0, "patient.speaker", ["role": "caregiver", "name": "Joan"]) } == [
                "patient.speaker.relationship: required string is missing (the speaker is a caregiver)"
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "patient.speaker", ["role": "patient", "name": "Alan"]) } == [
                "patient.speaker.name: only a caregiver speaker has a name (the patient's own is in patient.name)"
            ])
        #expect(
            try problems { JSONEdit.set(&$0, "patient.ageMonths", 18) } == [
                "patient.age: must be 1 when ageMonths is 18, found 64"
            ])
    }

    @Test func defaultTableItemsKeepTheirKind() throws {
        let ecg: [String: Any] = [
            "id": "ecg", "label": "ECG", "category": "cardiology", "result": "Sinus rhythm.", "minutes": 5, "cost": 25,
            "needed": false,
        ]
        #expect(
            try problems { JSONEdit.append(&$0, "exam", ecg) } == [
                "exam[1].id: 'ecg' is an investigation item in the default table; list it under investigations"
            ])
    }

    @Test func formatsAndPlaceholders() throws {
        let found = try problems {
            JSONEdit.set(&$0, "references[0].url", "www.nice.org.uk")
            JSONEdit.set(&$0, "chart.vitals[0].loinc", "9279")
            JSONEdit.set(&$0, "key.diagnoses[0].icd10", "j18.9")
            JSONEdit.set(&$0, "debrief.teachingPoints", ["TBD"])
            JSONEdit.set(&$0, "competencies[0]", "History taking")
        }
        #expect(
            found == [
                "competencies[0]: 'History taking' is not a slug (lowercase letters and digits in words joined by single hyphens)",
                "references[0].url: 'www.nice.org.uk' is not an https URL",
                "chart.vitals[0].loinc: '9279' is not a LOINC code (digits, a hyphen, a check digit)",
                "key.diagnoses[0].icd10: 'j18.9' is not an ICD-10 code (such as I21.1)",
                "rubric.weights.history-taking: 'history-taking' is weighted but not listed in competencies",
                "debrief.teachingPoints[0]: looks like a placeholder ('TBD')",
            ])
    }
}
