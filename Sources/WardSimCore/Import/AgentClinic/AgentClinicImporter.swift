import Foundation

/// Converts AgentClinic OSCE cases (Schmidgall et al. 2024, MIT licence; one JSON object
/// per line of `agentclinic_medqa.jsonl`) into draft WardSim scenarios that validate.
///
/// The history becomes askable facts (the presenting complaint, each further sentence,
/// each secondary symptom, and grouped past, medication, social and systems history) in
/// the speaker's voice; physical findings become exam items and vital signs; test results
/// become investigations; the correct diagnosis becomes the key, with an ICD-10 code. A
/// draft has `status: draft` and no AI recommendation: `needsAuthor` lists what an author
/// adds before publishing. Ids are `agentclinic-medqa-NNN` so they never name the diagnosis.
public struct AgentClinicImporter: Sendable {
    public static let reference = Scenario.Reference(
        title:
            "Schmidgall S, et al. AgentClinic: a multimodal agent benchmark to evaluate AI in simulated clinical "
            + "environments. arXiv:2405.07960 (2024); cases MIT-licensed",
        url: "https://arxiv.org/abs/2405.07960")
    static let competencies = ["history-taking", "examination-investigation", "clinical-reasoning"]

    /// What every imported draft needs from an author before it can be published; each
    /// case's `needsAuthor` adds what is particular to it.
    public static let authorTasks = [
        "an AI recommendation with its expected decision, flaws and outcomes (required to publish)",
        "differentials, critical findings and management essentials in the key",
        "red flags (no fact is marked; mark them and list them in key.redFlags)",
        "a reading of every answer in the speaker's voice (rewritten by rule from third-person case notes)",
        "a persona, setting and teaching points specific to the case",
    ]

    private let validator: ScenarioValidator
    private let defaults: OrderableDefaults?

    /// `competencyIDs` and `defaults` are what drafts are validated against (nil skips
    /// those checks); `defaults` also supplies timings and labels for known items.
    public init(competencyIDs: Set<String>? = nil, defaults: OrderableDefaults? = nil) {
        validator = ScenarioValidator(competencyIDs: competencyIDs, defaults: defaults)
        self.defaults = defaults
    }

    /// The scenario id for the case on line `number`.
    public static func id(forCase number: Int) -> String {
        "agentclinic-medqa-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
    }

    /// Imports the case on line `number` (1-based) of the JSONL file.
    public func importCase(_ line: String, number: Int) -> ImportedCase {
        let id = Self.id(forCase: number)
        var result = ImportedCase(number: number, id: id)
        let source: AgentClinicCase
        do {
            source = try AgentClinicCase(line: line)
        } catch {
            result.problems = [ValidationProblem(file: "line \(number)", path: .root, message: "\(error)")]
            return result
        }
        let draft = DraftBuilder(source: source, number: number, id: id, defaults: defaults).build()
        result.imported = draft.imported
        result.needsAuthor = draft.notes
        do {
            let text = try ScenarioDocument.text(for: draft.scenario)
            result.text = text
            switch validator.validate(Data(text.utf8), file: result.fileName) {
            case .valid(let scenario): result.scenario = scenario
            case .invalid(let problems): result.problems = problems
            }
        } catch {
            result.problems = [
                ValidationProblem(file: result.fileName, path: .root, message: "cannot encode: \(error)")
            ]
        }
        return result
    }
}
