/// The scenario library the server offers: every valid scenario of the `Scenarios/`
/// folder by id, and the default orderables table.
///
/// Loading is all or nothing: one invalid file and `load` throws a `LibraryError` that
/// lists every problem of every file, so the server refuses to start and says exactly
/// what to fix rather than running with a partial library.
public struct ScenarioLibrary: Sendable {
    /// All scenarios, drafts included, sorted by id.
    public let scenarios: [Scenario]
    public let defaults: OrderableDefaults
    private let index: [String: Int]

    /// A library of already validated values (ids must be unique; later duplicates are ignored).
    public init(scenarios: [Scenario], defaults: OrderableDefaults) {
        self.scenarios = scenarios.sorted { $0.id < $1.id }
        self.defaults = defaults
        self.index = Dictionary(
            self.scenarios.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scenario with `id`, if the library has it.
    public func scenario(_ id: String) -> Scenario? {
        index[id].map { scenarios[$0] }
    }

    /// The scenarios offered to trainees.
    public var published: [Scenario] { scenarios.filter { $0.status == .published } }

    /// Loads and validates a scenario folder on its own, checking competency ids against
    /// `curriculum` when one is given.
    public static func load(folder: String, curriculum: Curriculum? = nil) throws(LibraryError) -> ScenarioLibrary {
        let found = ContentFiles.folder(folder)
        let report = ContentValidator(curriculum: curriculum).validate(found.files)
        return try library(from: report, folder: folder, readProblems: found.problems)
    }

    /// Loads the scenario folder and the curriculum folder together, so that every
    /// cross-reference (competencies, learning paths) is checked and every problem of both
    /// is reported at once.
    public static func load(
        scenarios scenariosFolder: String, curriculum curriculumFolder: String
    ) throws(LibraryError) -> (library: ScenarioLibrary, curriculum: Curriculum) {
        let scenarioFiles = ContentFiles.folder(scenariosFolder)
        let curriculumFiles = ContentFiles.folder(curriculumFolder)
        let report = ContentValidator().validate(scenarioFiles.files + curriculumFiles.files)
        let library = try self.library(
            from: report, folder: scenariosFolder, readProblems: scenarioFiles.problems + curriculumFiles.problems)
        guard let curriculum = report.curriculum else {
            throw LibraryError(problems: [
                ValidationProblem(
                    file: curriculumFolder, path: .root,
                    message: "no curriculum (competencies.json, levels.json and paths.json) in this folder")
            ])
        }
        return (library, curriculum)
    }

    private static func library(
        from report: ContentReport, folder: String, readProblems: [ValidationProblem]
    ) throws(LibraryError) -> ScenarioLibrary {
        var problems = readProblems + report.problems
        if report.defaults == nil, report.counts[.orderables, default: 0] == 0 {
            let file = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/" + ContentFiles.defaultsPath
            problems.append(
                ValidationProblem(file: file, path: .root, message: "file is missing (the default orderables table)"))
        }
        guard problems.isEmpty, let defaults = report.defaults else { throw LibraryError(problems: problems) }
        return ScenarioLibrary(scenarios: report.scenarios, defaults: defaults)
    }
}
