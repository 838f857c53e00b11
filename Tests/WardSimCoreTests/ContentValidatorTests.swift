import Foundation
import Testing

@testable import WardSimCore

@Suite("Content validator") struct ContentValidatorTests {
    /// The valid sample first (so the duplicate id is reported on the copy), then every
    /// deliberately broken scenario and the broken curriculum, named as they would be in
    /// the repository.
    private func brokenFixtures() throws -> [ContentFile] {
        var files = [try Repository.fixture("valid/cough-and-fever.json", as: "Scenarios/cough-and-fever.json")]
        for (folder, shown) in [("broken", "Scenarios"), ("broken-curriculum", "Curriculum")] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Repository.fixtures.appendingPathComponent(folder).path
            ).sorted()
            files += try names.map { try Repository.fixture("\(folder)/\($0)", as: "\(shown)/\($0)") }
        }
        return files
    }

    @Test func everyBrokenFileProducesItsExpectedProblemLines() throws {
        let report = ContentValidator(defaults: try Repository.shippedDefaults()).validate(try brokenFixtures())
        let expected = [
            "Scenarios/caregiver-without-name.json: patient.speaker.name: required string is missing (the speaker is a caregiver)",
            "Scenarios/chest-pain.json: facts[3].answer: required string is missing",
            "Scenarios/dangling-references.json: competencies[1]: 'clinical-reasoningg' is not a competency in the curriculum (line 13, column 5)",
            "Scenarios/dangling-references.json: rubric.weights.clinical-reasoning: 'clinical-reasoning' is weighted but not listed in competencies (line 214, column 29)",
            "Scenarios/dangling-references.json: rubric.weights.documentation: 'documentation' is weighted but not listed in competencies (line 216, column 24)",
            "Scenarios/dangling-references.json: key.redFlags[1]: 'chest-pain' is not a fact id (line 189, column 7)",
            "Scenarios/dangling-references.json: key.aiDecisions[0].recommendationId: no recommendation has id 'rec-admit' (line 193, column 29)",
            "Scenarios/dangling-references.json: aiRecommendations[0]: recommendation 'rec-home-amoxicillin' has no expected decision in key.aiDecisions (line 137, column 5)",
            "Scenarios/deep-nesting.json: learningObjectives" + String(repeating: "[0]", count: 63)
                + ": nesting deeper than 64 levels (line 16, column 88)",
            "Scenarios/duplicate-ids.json: facts[1].id: duplicate fact id 'cough' (also facts[0].id) (line 57, column 13)",
            "Scenarios/duplicate-ids.json: investigations[0].id: duplicate exam or investigation id 'respiratory-exam' (also exam[0].id) (line 127, column 13)",
            "Scenarios/duplicate-ids.json: investigations[0].id: 'respiratory-exam' is an exam item in the default table; list it under exam (line 127, column 13)",
            "Scenarios/duplicate-scenario-id.json: id: 'cough-and-fever' does not match the file name 'duplicate-scenario-id.json' (line 2, column 9)",
            "Scenarios/duplicate-scenario-id.json: id: scenario id 'cough-and-fever' is also used by Scenarios/cough-and-fever.json (line 2, column 9)",
            "Scenarios/fact-names-diagnosis.json: facts[2].variants[0]: names the diagnosis 'chest infection' (key.diagnoses[0].synonyms[2]) (line 79, column 9)",
            "Scenarios/file-name-mismatch.json: id: 'something-else' does not match the file name 'file-name-mismatch.json' (line 2, column 9)",
            "Scenarios/http-reference.json: references[0].url: 'http://www.nice.org.uk/guidance/ng138' is not an https URL (line 22, column 14)",
            "Scenarios/invalid-escape.json: patient.persona.demeanour: invalid escape '\\x'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (line 33, column 38)",
            "Scenarios/invalid-utf8.json: patient.name: invalid UTF-8 (byte 0xE9) (line 26, column 21)",
            "Scenarios/missing-fields.json: patient.persona: required object is missing",
            "Scenarios/missing-fields.json: chart: required object is missing",
            "Scenarios/missing-fields.json: key.diagnoses: required array is missing",
            "Scenarios/persona-names-diagnosis.json: patient.persona.worries[1]: names the diagnosis 'pneumonia' (key.diagnoses[0].synonyms[0]) (line 38, column 9)",
            "Scenarios/placeholder.json: debrief.teachingPoints[0]: looks like a placeholder ('TODO') (line 219, column 7)",
            "Scenarios/published-without-recommendation.json: aiRecommendations: a published scenario needs at least one AI recommendation (line 136, column 24)",
            "Scenarios/red-flag-not-in-key.json: facts[2].redFlag: red-flag fact 'fever' is missing from key.redFlags (line 77, column 18)",
            "Scenarios/sound-but-rejected.json: key.aiDecisions[0].decision: recommendation 'rec-home-amoxicillin' is sound, so the expected decision is accept (line 188, column 21)",
            "Scenarios/trailing-comma.json: competencies: trailing comma before ']' (line 14, column 27)",
            "Scenarios/truncated.json: facts[0].answer: unexpected end of input inside the string that starts at line 52, column 17 (line 52, column 32)",
            "Scenarios/unknown-field.json: facts[1].anwser: unknown field (did you mean 'answer'?) (line 66, column 7)",
            "Scenarios/unknown-field.json: facts[1].answer: required string is missing",
            "Scenarios/unsound-without-flaws.json: aiRecommendations[0].flaws: an unsound recommendation needs at least one flaw (line 145, column 16)",
            "Scenarios/unsound-without-flaws.json: key.aiDecisions[0].flaws[0]: 'missed-red-flag' is not among the flaws of recommendation 'rec-home-amoxicillin' (line 190, column 11)",
            "Scenarios/wrong-types.json: version: expected an integer, found a string (line 4, column 14)",
            "Scenarios/wrong-types.json: status: 'live' is not one of: draft, published (line 5, column 13)",
            "Scenarios/wrong-types.json: estimatedMinutes: must be from 5 to 120, found 200 (line 10, column 23)",
            "Scenarios/wrong-types.json: facts[0].critical: expected a boolean, found a string (line 53, column 19)",
            "Scenarios/wrong-types.json: facts[2].id: 'Fever Story' is not a slug (lowercase letters and digits in words joined by single hyphens) (line 69, column 13)",
            "Scenarios/wrong-types.json: chart.notes[0].date: '2025-02-30' is not a date written YYYY-MM-DD (line 114, column 17)",
            "Scenarios/wrong-types.json: aiRecommendations[0].confidence: must be from 0 to 1, found 1.5 (line 146, column 21)",
            "Curriculum/competencies.json: competencies[0].behaviours: must have at least 3 items (line 8, column 21)",
            "Curriculum/competencies.json: competencies[8].domain: required string is missing (an AI competency names its Russell et al. 2023 domain)",
            "Curriculum/levels.json: levels[3].minEvidence: expected a whole number, found 2.5 (line 28, column 22)",
            "Curriculum/levels.json: levels[2].minMastery: levels must be in ascending order: 0.3 is not above 0.4 (line 20, column 21)",
            "Curriculum/levels.json: levels[3].minEvidence: levels must be in ascending order: 2.5 is below 4 (line 28, column 22)",
            "Curriculum/paths.json: paths[0].modules[0].prerequisites[0]: 'second' comes later in this path; prerequisites must come earlier (line 16, column 13)",
            "Curriculum/paths.json: paths[0].modules[1].prerequisites[1]: no module has id 'elsewhere' (line 28, column 13)",
            "Curriculum/paths.json: paths[0].modules[1].scenarios[0]: no scenario has id 'no-such-case' (line 23, column 13)",
        ]
        let lines = report.problems.map(\.description)
        #expect(lines == expected)
        for (line, wanted) in zip(lines, expected) where line != wanted {
            Issue.record("got      \(line)\nexpected \(wanted)")
        }
        // Every broken scenario is reported; only the valid sample decodes.
        let brokenNames = try FileManager.default.contentsOfDirectory(
            atPath: Repository.fixtures.appendingPathComponent("broken").path)
        #expect(Set(report.problems.map(\.file)).isSuperset(of: brokenNames.map { "Scenarios/\($0)" }))
        #expect(report.scenarios.map(\.id) == ["cough-and-fever"])
        #expect(report.curriculum == nil)
    }

    @Test func theIssueExampleIsPrintedExactly() throws {
        let file = try Repository.fixture("broken/chest-pain.json", as: "Scenarios/chest-pain.json")
        let report = ContentValidator().validate([file])
        #expect(
            report.problems.map(\.description) == [
                "Scenarios/chest-pain.json: facts[3].answer: required string is missing"
            ])
    }

    @Test func detectsEachKindOfFileFromItsContent() throws {
        let files = [
            try Repository.fixture("valid/cough-and-fever.json", as: "a.json"),
            ContentFile(name: "b.json", text: #"{"competencies": []}"#),
            ContentFile(name: "c.json", text: #"{"levels": []}"#),
            ContentFile(name: "d.json", text: #"{"paths": []}"#),
            ContentFile(name: "e.json", text: #"{"items": []}"#),
            ContentFile(name: "levels.json", text: "{"),
        ]
        let report = ContentValidator().validate(files)
        #expect(report.counts == [.scenario: 1, .competencies: 1, .levels: 2, .paths: 1, .orderables: 1])
        #expect(
            report.problems.first?.description
                == "a.json: id: 'cough-and-fever' does not match the file name 'a.json' (line 2, column 9)")
        #expect(report.problems.contains { $0.description == "c.json: model: required object is missing" })
        #expect(
            report.problems.last?.description
                == "levels.json: $: unexpected end of input: the object opened at line 1, column 1 is not closed (line 1, column 2)"
        )
    }

    @Test func scenarioIdsAreUniqueAcrossFiles() throws {
        let original = try Repository.fixture("valid/cough-and-fever.json", as: "Scenarios/cough-and-fever.json")
        let copy = ContentFile(name: "Drafts/cough-and-fever.json", data: original.data)
        let report = ContentValidator().validate([original, copy])
        #expect(
            report.problems.map(\.description) == [
                "Drafts/cough-and-fever.json: id: scenario id 'cough-and-fever' is also used by Scenarios/cough-and-fever.json (line 2, column 9)"
            ])
        #expect(report.scenarios.count == 2)
    }

    @Test func fallbacksCheckWhatIsNotAmongTheFiles() throws {
        var scenario = try Repository.sampleScenario()
        JSONEdit.append(&scenario, "competencies", "teamwork")
        let file = try Repository.file(scenario)
        #expect(ContentValidator().validate([file]).isValid)
        let checked = ContentValidator(competencyIDs: try Repository.shippedCompetencyIDs()).validate([file])
        #expect(checked.problems.map(\.message) == ["'teamwork' is not a competency in the curriculum"])
    }

    @Test func summarisesWhatWasChecked() throws {
        let report = ContentValidator(defaults: try Repository.shippedDefaults()).validate(try brokenFixtures())
        #expect(
            report.summary
                == "26 files checked (23 scenarios, 1 competencies file, 1 levels file, 1 paths file): 48 problems in 25 files"
        )
        let valid = ContentValidator().validate([
            try Repository.fixture("valid/cough-and-fever.json", as: "Scenarios/cough-and-fever.json")
        ])
        #expect(valid.summary == "1 file checked (1 scenario): all valid")
    }
}
