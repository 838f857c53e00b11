/// The curriculum checks that need more than types.
enum CurriculumRules {
    /// Unique ids; AI competencies name their Russell et al. (2023) domain and clinical
    /// ones do not.
    static func checkCompetencies(_ root: Node, _ problems: inout ProblemList) {
        let competencies = root["competencies"]?.elements ?? []
        UniqueIDsRule.report(competencies, what: "competency", &problems)
        for competency in competencies {
            switch competency["family"]?.string {
            case Competency.Family.ai.rawValue? where competency["domain"] == nil:
                problems.add(
                    competency.path.appending("domain"),
                    "required string is missing (an AI competency names its Russell et al. 2023 domain)")
            case Competency.Family.clinical.rawValue?:
                if let domain = competency["domain"] { problems.add(domain, "only AI competencies have a domain") }
            default: break
            }
        }
    }

    /// Unique ids, thresholds in ascending order, and a first level every trainee holds.
    static func checkLevels(_ root: Node, _ problems: inout ProblemList) {
        let levels = root["levels"]?.elements ?? []
        UniqueIDsRule.report(levels, what: "level", &problems)
        if let first = levels.first {
            for field in ["minMastery", "minEvidence"] {
                if let value = first[field], let number = value.double, number != 0 {
                    problems.add(value, "the first level must start at 0 so that every trainee holds a level")
                }
            }
        }
        for (previous, level) in zip(levels, levels.dropFirst()) {
            if let low = previous["minMastery"]?.double, let node = level["minMastery"], let high = node.double,
                high <= low
            {
                problems.add(node, "levels must be in ascending order: \(format(high)) is not above \(format(low))")
            }
            if let low = previous["minEvidence"]?.double, let node = level["minEvidence"], let high = node.double,
                high < low
            {
                problems.add(node, "levels must be in ascending order: \(format(high)) is below \(format(low))")
            }
        }
    }

    /// Unique path ids, module ids unique across paths, prerequisites that are earlier
    /// modules of the same path, and scenarios that exist and are published (when the
    /// library is known).
    static func checkPaths(_ root: Node, scenarios: [String: Scenario.Status]?, _ problems: inout ProblemList) {
        let paths = root["paths"]?.elements ?? []
        UniqueIDsRule.report(paths, what: "path", &problems)
        UniqueIDsRule.report(paths.flatMap { $0["modules"]?.elements ?? [] }, what: "module", &problems)
        var pathOfModule: [String: String] = [:]
        for path in paths {
            for module in path["modules"]?.elements ?? [] {
                if let id = module["id"]?.string, pathOfModule[id] == nil {
                    pathOfModule[id] = path["id"]?.string ?? ""
                }
            }
        }
        for path in paths {
            var earlier: Set<String> = []
            for module in path["modules"]?.elements ?? [] {
                let id = module["id"]?.string
                for prerequisite in module["prerequisites"]?.elements ?? [] {
                    guard let name = prerequisite.string, TextFormats.isSlug(name) else { continue }
                    if name == id {
                        problems.add(prerequisite, "a module cannot be its own prerequisite")
                    } else if earlier.contains(name) {
                        continue
                    } else if let owner = pathOfModule[name], owner == path["id"]?.string {
                        problems.add(
                            prerequisite, "'\(name)' comes later in this path; prerequisites must come earlier")
                    } else if let owner = pathOfModule[name] {
                        problems.add(prerequisite, "'\(name)' is a module of the path '\(owner)', not of this one")
                    } else {
                        problems.add(prerequisite, "no module has id '\(name)'")
                    }
                }
                if let id { earlier.insert(id) }
                guard let scenarios else { continue }
                for reference in module["scenarios"]?.elements ?? [] {
                    guard let name = reference.string, TextFormats.isSlug(name) else { continue }
                    switch scenarios[name] {
                    case nil: problems.add(reference, "no scenario has id '\(name)'")
                    case .draft?:
                        problems.add(reference, "scenario '\(name)' is a draft; paths list published scenarios")
                    default: break
                    }
                }
            }
        }
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
