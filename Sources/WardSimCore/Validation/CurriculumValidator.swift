import Foundation

/// Checks the three curriculum files (`competencies.json`, `levels.json`, `paths.json`)
/// against `Curriculum/README.md` and, when all are valid, builds the `Curriculum`.
///
/// Learning paths refer to scenarios; give the library's ids and statuses in `scenarios`
/// to check that every path lists existing, published scenarios.
public struct CurriculumValidator: Sendable {
    /// The scenarios paths may list, with their status; nil skips the check.
    public var scenarios: [String: Scenario.Status]?

    public init(scenarios: [String: Scenario.Status]? = nil) {
        self.scenarios = scenarios
    }

    /// Validates the three files together; every problem of every file is reported.
    public func validate(competencies: ContentFile, levels: ContentFile, paths: ContentFile) -> ValidationResult<
        Curriculum
    > {
        let parts = (
            competencies: decode(
                competencies, Shape.competencies, CompetenciesFile.self, CurriculumRules.checkCompetencies),
            levels: decode(levels, Shape.levels, LevelsFile.self, CurriculumRules.checkLevels),
            paths: decode(paths, Shape.paths, PathsFile.self) {
                CurriculumRules.checkPaths($0, scenarios: scenarios, &$1)
            }
        )
        guard let competencies = parts.competencies.value, let levels = parts.levels.value,
            let paths = parts.paths.value
        else {
            return .invalid(parts.competencies.problems + parts.levels.problems + parts.paths.problems)
        }
        return .valid(
            Curriculum(
                competencies: competencies.competencies, levels: levels.levels, model: levels.model,
                paths: paths.paths))
    }

    func problems(inCompetencies document: JSONValue, file: String) -> [ValidationProblem] {
        problems(document, file, Shape.competencies, CurriculumRules.checkCompetencies)
    }

    func problems(inLevels document: JSONValue, file: String) -> [ValidationProblem] {
        problems(document, file, Shape.levels, CurriculumRules.checkLevels)
    }

    func problems(inPaths document: JSONValue, file: String) -> [ValidationProblem] {
        problems(document, file, Shape.paths) { CurriculumRules.checkPaths($0, scenarios: scenarios, &$1) }
    }

    private func problems(
        _ document: JSONValue, _ file: String, _ shape: Shape, _ rules: (Node, inout ProblemList) -> Void
    ) -> [ValidationProblem] {
        var problems = ProblemList(file: file)
        let root = Node(document)
        ShapeChecker.check(root, against: shape, into: &problems)
        if document.members != nil { rules(root, &problems) }
        return problems.problems
    }

    private func decode<File: Decodable & Sendable>(
        _ file: ContentFile, _ shape: Shape, _ type: File.Type, _ rules: (Node, inout ProblemList) -> Void
    ) -> ValidationResult<File> {
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.data)
        } catch {
            var problems = ProblemList(file: file.name)
            problems.add(error)
            return .invalid(problems.problems)
        }
        let found = problems(document, file.name, shape, rules)
        guard found.isEmpty else { return .invalid(found) }
        return DecodingStep.decode(type, from: file.data, file: file.name)
    }
}

/// `competencies.json` as decoded.
struct CompetenciesFile: Codable, Sendable {
    var competencies: [Competency]
}

/// `levels.json` as decoded.
struct LevelsFile: Codable, Sendable {
    var levels: [MasteryLevel]
    var model: MasteryModelParameters
}

/// `paths.json` as decoded.
struct PathsFile: Codable, Sendable {
    var paths: [LearningPath]
}
