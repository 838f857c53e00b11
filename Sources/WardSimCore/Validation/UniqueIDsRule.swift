/// Ids are unique where something refers to them: facts (key.redFlags), exam and
/// investigation items together (orders), recommendations (key.aiDecisions), and the
/// key's critical findings and management items (grading explanations).
struct UniqueIDsRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        Self.report(scenario["facts"]?.elements ?? [], what: "fact", &problems)
        Self.report(
            (scenario["exam"]?.elements ?? []) + (scenario["investigations"]?.elements ?? []),
            what: "exam or investigation", &problems)
        Self.report(scenario["aiRecommendations"]?.elements ?? [], what: "recommendation", &problems)
        Self.report(scenario["key"]?["criticalFindings"]?.elements ?? [], what: "critical finding", &problems)
        Self.report(scenario["key"]?["management"]?.elements ?? [], what: "management", &problems)
    }

    /// Reports every element whose `id` repeats an earlier element's.
    static func report(_ elements: [Node], what: String, key: String = "id", _ problems: inout ProblemList) {
        var first: [String: JSONPath] = [:]
        for element in elements {
            guard let id = element[key], let text = id.string else { continue }
            if let earlier = first[text] {
                problems.add(id, "duplicate \(what) id '\(text)' (also \(earlier))")
            } else {
                first[text] = id.path
            }
        }
    }
}
