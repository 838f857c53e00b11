public import Foundation

/// Checks one scenario file against every rule of `Scenarios/README.md` and, when it is
/// valid, decodes it into a `Scenario`.
///
/// Types, required and unknown fields, enumerations, slugs, ranges and formats come from
/// `Shape.scenario`; the rest (unique ids, references into the curriculum and the key,
/// sound/unsound recommendations, diagnosis leaks, placeholders, file name = id) from the
/// rules in this folder. Every problem is reported, not just the first.
///
/// ```swift
/// let validator = ScenarioValidator(curriculum: curriculum, defaults: defaults)
/// switch validator.validate(data, file: "Scenarios/chest-pain.json") {
/// case .valid(let scenario): …
/// case .invalid(let problems): problems.forEach { print($0) }
/// }
/// ```
public struct ScenarioValidator: Sendable {
    /// The competency ids a scenario may use; nil skips the check.
    public var competencyIDs: Set<String>?
    /// The default orderables table; nil skips the kind check.
    public var defaults: OrderableDefaults?

    public init(curriculum: Curriculum? = nil, defaults: OrderableDefaults? = nil) {
        self.competencyIDs = curriculum.map { Set($0.competencies.map(\.id)) }
        self.defaults = defaults
    }

    public init(competencyIDs: Set<String>?, defaults: OrderableDefaults? = nil) {
        self.competencyIDs = competencyIDs
        self.defaults = defaults
    }

    /// Validates the bytes of a scenario file. `file` is the name shown in problems; its
    /// last component (without `.json`) must equal the scenario's id.
    public func validate(_ data: Data, file: String) -> ValidationResult<Scenario> {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            var problems = ProblemList(file: file)
            problems.add(error)
            return .invalid(problems.problems)
        }
        let problems = self.problems(in: document, file: file)
        guard problems.isEmpty else { return .invalid(problems) }
        return DecodingStep.decode(Scenario.self, from: data, file: file)
    }

    /// The problems of an already parsed scenario document.
    func problems(in document: JSONValue, file: String) -> [ValidationProblem] {
        var problems = ProblemList(file: file)
        let root = Node(document)
        ShapeChecker.check(root, against: .scenario, into: &problems)
        guard document.members != nil else { return problems.problems }
        let context = ScenarioContext(
            expectedID: Self.expectedID(forFile: file), competencyIDs: competencyIDs, defaults: defaults)
        for rule in Shape.scenarioRules { rule.check(root, context, &problems) }
        return problems.problems
    }

    /// `chest-pain` for `Scenarios/chest-pain.json`; nil when the name does not end in `.json`.
    static func expectedID(forFile file: String) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasSuffix(".json") else { return nil }
        return String(name.dropLast(".json".count))
    }
}
