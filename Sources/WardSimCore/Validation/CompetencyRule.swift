/// Competencies come from the curriculum, and the rubric weighs only competencies the
/// scenario lists, so every graded point belongs to something the trainee can track.
struct CompetencyRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        let listed = scenario["competencies"]?.elements ?? []
        if let known = context.competencyIDs {
            for competency in listed {
                guard let id = competency.string, TextFormats.isSlug(id), !known.contains(id) else { continue }
                problems.add(competency, "'\(id)' is not a competency in the curriculum")
            }
        }
        guard scenario["competencies"]?.value.array != nil else { return }
        let names = Set(listed.compactMap(\.string))
        for (key, weight) in scenario["rubric"]?["weights"]?.members ?? [] where !names.contains(key) {
            problems.add(weight, "'\(key)' is weighted but not listed in competencies")
        }
    }
}
