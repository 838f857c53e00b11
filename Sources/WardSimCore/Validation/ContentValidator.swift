/// Validates any set of WardSim content files together: scenarios, the curriculum files
/// and the default orderables table, each detected by `ContentKind`.
///
/// Checking them together is what makes library-wide rules possible: scenario ids unique
/// across files, competency ids that exist in the curriculum, learning paths that list
/// existing published scenarios, exam and investigation items of the right kind. When a
/// kind of file is not among the set, the fallbacks given here are used instead, and a
/// check with nothing to check against is skipped.
///
/// Problems are listed file by file in the order the files were given.
public struct ContentValidator: Sendable {
    /// Supplies competency ids when no competencies file is among the files.
    public var competencyIDs: Set<String>?
    /// Supplies the scenarios learning paths may list when no scenario is among the files.
    public var scenarios: [String: Scenario.Status]?
    /// Supplies the default table when no orderables file is among the files.
    public var defaults: OrderableDefaults?

    public init(
        competencyIDs: Set<String>? = nil, scenarios: [String: Scenario.Status]? = nil,
        defaults: OrderableDefaults? = nil
    ) {
        self.competencyIDs = competencyIDs
        self.scenarios = scenarios
        self.defaults = defaults
    }

    public init(curriculum: Curriculum?, defaults: OrderableDefaults? = nil) {
        self.init(competencyIDs: curriculum.map { Set($0.competencies.map(\.id)) }, defaults: defaults)
    }

    /// The competency ids in `files`, read leniently (an invalid file still names its
    /// ids), or nil when no competencies file is among them. For fallbacks.
    public static func competencyIDs(in files: [ContentFile]) -> Set<String>? {
        let documents = files.compactMap { try? JSONParser.parse($0.data) }
            .filter { ContentKind.detect($0, name: "") == .competencies }
        guard !documents.isEmpty else { return nil }
        return Set(documents.flatMap { Node($0)["competencies"]?.elements ?? [] }.compactMap { $0["id"]?.string })
    }

    /// The scenario ids and statuses in `files`, read leniently (an invalid scenario still
    /// has an id), or nil when no scenario is among them. For fallbacks.
    public static func scenarioStatuses(in files: [ContentFile]) -> [String: Scenario.Status]? {
        let documents = files.compactMap { try? JSONParser.parse($0.data) }
            .filter { ContentKind.detect($0, name: "") == .scenario }
        guard !documents.isEmpty else { return nil }
        var statuses: [String: Scenario.Status] = [:]
        for document in documents {
            guard let id = document["id"]?.string else { continue }
            statuses[id] = document["status"]?.string.flatMap(Scenario.Status.init(rawValue:)) ?? .draft
        }
        return statuses
    }

    public func validate(_ files: [ContentFile]) -> ContentReport {
        var report = ContentReport()
        var buckets = files.map { ProblemList(file: $0.name) }
        var documents: [(index: Int, document: JSONValue, kind: ContentKind)] = []
        // Parsing is independent per file: spread over the cores (a library of hundreds of
        // scenarios is read at every start).
        let parsed = files.concurrentMap { file in
            Result { () throws(JSONParseError) in try JSONParser.parse(file.data) }
        }
        for (index, file) in files.enumerated() {
            switch parsed[index] {
            case .success(let document):
                let kind = ContentKind.detect(document, name: file.name)
                documents.append((index, document, kind))
                report.counts[kind, default: 0] += 1
            case .failure(let error):
                buckets[index].add(error)
                report.counts[ContentKind.detect(nil, name: file.name), default: 0] += 1
            }
        }
        func of(_ kind: ContentKind) -> [(index: Int, document: JSONValue, kind: ContentKind)] {
            documents.filter { $0.kind == kind }
        }

        // The default table, then the competency ids scenarios refer to.
        for entry in of(.orderables) {
            let file = files[entry.index]
            var problems = ProblemList(file: file.name)
            ShapeChecker.check(Node(entry.document), against: .orderableDefaults, into: &problems)
            UniqueIDsRule.report(Node(entry.document)["items"]?.elements ?? [], what: "item", &problems)
            buckets[entry.index].append(contentsOf: problems.problems)
            if problems.isEmpty, report.defaults == nil {
                let decoded = DecodingStep.decode(OrderablesFile.self, from: file.data, file: file.name)
                buckets[entry.index].append(contentsOf: decoded.problems)
                report.defaults = decoded.value.map { OrderableDefaults(items: $0.items) }
            }
        }
        var competencyIDs = self.competencyIDs
        if !of(.competencies).isEmpty {
            competencyIDs = Set(
                of(.competencies).flatMap { Node($0.document)["competencies"]?.elements ?? [] }
                    .compactMap { $0["id"]?.string })
        }

        // Scenarios, one by one and then across files.
        let scenarioValidator = ScenarioValidator(competencyIDs: competencyIDs, defaults: report.defaults ?? defaults)
        var firstFileOfID: [String: String] = [:]
        var statuses: [String: Scenario.Status] = [:]
        // Each scenario's own rules and decoding run concurrently; what spans files (ids)
        // is checked after, in file order.
        let scenarioEntries = of(.scenario)
        let checked = scenarioEntries.map { ($0.document, files[$0.index]) }.concurrentMap { document, file in
            let problems = scenarioValidator.problems(in: document, file: file.name)
            let decoded =
                problems.isEmpty ? DecodingStep.decode(Scenario.self, from: file.data, file: file.name) : nil
            return (problems: problems, decoded: decoded)
        }
        for (entry, result) in zip(scenarioEntries, checked) {
            let file = files[entry.index]
            let problems = result.problems
            buckets[entry.index].append(contentsOf: problems)
            let root = Node(entry.document)
            if let idNode = root["id"], let id = idNode.string {
                if let other = firstFileOfID[id] {
                    buckets[entry.index].add(idNode, "scenario id '\(id)' is also used by \(other)")
                } else {
                    firstFileOfID[id] = file.name
                    statuses[id] = root["status"]?.string.flatMap(Scenario.Status.init(rawValue:)) ?? .draft
                }
            }
            if let decoded = result.decoded {
                buckets[entry.index].append(contentsOf: decoded.problems)
                if let scenario = decoded.value { report.scenarios.append(scenario) }
            }
        }

        // The curriculum, with paths checked against the scenarios at hand.
        let pathScenarios = of(.scenario).isEmpty ? scenarios : statuses
        let curriculumValidator = CurriculumValidator(scenarios: pathScenarios)
        var parts = CurriculumParts()
        for entry in of(.competencies) + of(.levels) + of(.paths) {
            let file = files[entry.index]
            let problems: [ValidationProblem]
            switch entry.kind {
            case .competencies: problems = curriculumValidator.problems(inCompetencies: entry.document, file: file.name)
            case .levels: problems = curriculumValidator.problems(inLevels: entry.document, file: file.name)
            default: problems = curriculumValidator.problems(inPaths: entry.document, file: file.name)
            }
            buckets[entry.index].append(contentsOf: problems)
            if problems.isEmpty { buckets[entry.index].append(contentsOf: parts.decode(file, kind: entry.kind)) }
        }
        report.curriculum = parts.curriculum
        report.problems = buckets.flatMap(\.problems)
        return report
    }
}

/// The default table as decoded.
struct OrderablesFile: Codable, Sendable {
    var items: [OrderableDefaults.Item]
}

/// The curriculum files decoded so far; a `Curriculum` once all three are.
private struct CurriculumParts {
    var competencies: CompetenciesFile?
    var levels: LevelsFile?
    var paths: PathsFile?

    /// Decodes `file` if no file of its kind has been; returns the decoder's problems.
    mutating func decode(_ file: ContentFile, kind: ContentKind) -> [ValidationProblem] {
        switch kind {
        case .competencies where competencies == nil:
            let result = DecodingStep.decode(CompetenciesFile.self, from: file.data, file: file.name)
            competencies = result.value
            return result.problems
        case .levels where levels == nil:
            let result = DecodingStep.decode(LevelsFile.self, from: file.data, file: file.name)
            levels = result.value
            return result.problems
        case .paths where paths == nil:
            let result = DecodingStep.decode(PathsFile.self, from: file.data, file: file.name)
            paths = result.value
            return result.problems
        default:
            return []
        }
    }

    var curriculum: Curriculum? {
        guard let competencies, let levels, let paths else { return nil }
        return Curriculum(
            competencies: competencies.competencies, levels: levels.levels, model: levels.model, paths: paths.paths)
    }
}
