import Foundation
import Testing

@testable import WardSimCore

@Suite("Curriculum validator") struct CurriculumValidatorTests {
    private func shipped(_ name: String) throws -> ContentFile {
        ContentFile(
            name: "Curriculum/\(name)",
            data: try Repository.data(Repository.root.appendingPathComponent("Curriculum/\(name)")))
    }

    private func paths(_ json: String) throws -> [String] {
        let validator = CurriculumValidator(scenarios: ["a": .published, "b": .published, "d": .draft])
        let result = validator.validate(
            competencies: try shipped("competencies.json"), levels: try shipped("levels.json"),
            paths: ContentFile(name: "Curriculum/paths.json", text: json))
        return result.problems.map { "\($0.path): \($0.message)" }
    }

    @Test func theShippedFilesBuildTheCurriculum() throws {
        let result = CurriculumValidator().validate(
            competencies: try shipped("competencies.json"), levels: try shipped("levels.json"),
            paths: try shipped("paths.json"))
        let curriculum = try #require(result.value, "\(result.problems.map(\.description).joined(separator: "\n"))")
        #expect(curriculum.competencies.count == 13)
        #expect(curriculum.competencies.filter { $0.family == .ai }.allSatisfy { $0.domain != nil })
        #expect(curriculum.levels.map(\.id) == ["novice", "advanced-beginner", "competent", "proficient"])
        #expect(Set(curriculum.paths.map(\.id)) == ["emergency-nurses", "junior-doctors", "primary-care"])
        // The README's worked example: mastery 0.662 with evidence 2.80 is an advanced beginner.
        #expect(curriculum.level(mastery: 0.662, evidence: 2.804)?.id == "advanced-beginner")
    }

    @Test func pathsListPublishedScenariosAndEarlierModules() throws {
        let json = """
            {"paths": [
              {"id": "p", "title": "P", "audience": "All", "description": "D", "modules": [
                {"id": "m1", "title": "M1", "scenarios": ["a", "d"], "prerequisites": ["m1"]},
                {"id": "m2", "title": "M2", "scenarios": ["b", "zzz"], "prerequisites": ["m1", "q1"]}]},
              {"id": "q", "title": "Q", "audience": "All", "description": "D", "modules": [
                {"id": "q1", "title": "Q1", "scenarios": ["a"], "prerequisites": []},
                {"id": "m1", "title": "Again", "scenarios": ["a"], "prerequisites": []}]}]}
            """
        #expect(
            try paths(json) == [
                "paths[1].modules[1].id: duplicate module id 'm1' (also paths[0].modules[0].id)",
                "paths[0].modules[0].prerequisites[0]: a module cannot be its own prerequisite",
                "paths[0].modules[0].scenarios[1]: scenario 'd' is a draft; paths list published scenarios",
                "paths[0].modules[1].prerequisites[1]: 'q1' is a module of the path 'q', not of this one",
                "paths[0].modules[1].scenarios[1]: no scenario has id 'zzz'",
            ])
    }

    @Test func everyFileIsCheckedEvenWhenAnotherFails() throws {
        let result = CurriculumValidator().validate(
            competencies: ContentFile(name: "Curriculum/competencies.json", text: "{"),
            levels: ContentFile(name: "Curriculum/levels.json", text: #"{"levels": []}"#),
            paths: ContentFile(name: "Curriculum/paths.json", text: #"{"paths": [], "extra": 1}"#))
        #expect(
            result.problems.map(\.description) == [
                "Curriculum/competencies.json: $: unexpected end of input: the object opened at line 1, column 1 is not closed (line 1, column 2)",
                "Curriculum/levels.json: levels: must have at least 1 item (line 1, column 12)",
                "Curriculum/levels.json: model: required object is missing",
                "Curriculum/paths.json: extra: unknown field (line 1, column 15)",
                "Curriculum/paths.json: paths: must have at least 1 item (line 1, column 11)",
            ])
    }
}
