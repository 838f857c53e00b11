/// What validating a set of content files found: every problem, and the typed values
/// of everything that was valid.
public struct ContentReport: Sendable {
    public var problems: [ValidationProblem] = []
    /// Valid scenarios, in the order their files were given.
    public var scenarios: [Scenario] = []
    /// Set when valid competencies, levels and paths files were all among the files.
    public var curriculum: Curriculum?
    /// Set when a valid default orderables table was among the files.
    public var defaults: OrderableDefaults?
    /// How many files of each kind were checked.
    public var counts: [ContentKind: Int] = [:]

    public var isValid: Bool { problems.isEmpty }

    /// "3 files checked (1 scenario, …): 2 problems", for the end of `wardsim validate`.
    public var summary: String {
        let total = counts.values.reduce(0, +)
        let parts = ContentKind.allCases.compactMap { kind -> String? in
            guard let count = counts[kind], count > 0 else { return nil }
            let noun = kind == .scenario ? "scenario" : "\(kind.rawValue) file"
            return "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
        let files = "\(total) file\(total == 1 ? "" : "s") checked"
        let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
        let outcome =
            problems.isEmpty
            ? "all valid"
            : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in "
                + "\(Set(problems.map(\.file)).count) file\(Set(problems.map(\.file)).count == 1 ? "" : "s")"
        return files + detail + ": " + outcome
    }
}
