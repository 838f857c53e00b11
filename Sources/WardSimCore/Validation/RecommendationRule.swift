/// AI recommendations and the key's expected decisions tell one story:
/// - an unsound recommendation names at least one flaw, a sound one none;
/// - a published scenario has at least one recommendation (it is the teaching moment);
/// - every recommendation has exactly one expected decision and every decision refers to
///   a recommendation;
/// - a sound recommendation is to be accepted and an unsound one is not;
/// - the flaws the trainee should name are flaws the recommendation has.
struct RecommendationRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        let recommendations = scenario["aiRecommendations"]?.elements ?? []
        var byID: [String: Node] = [:]
        for recommendation in recommendations {
            checkFlaws(of: recommendation, &problems)
            if let id = recommendation["id"]?.string, byID[id] == nil { byID[id] = recommendation }
        }
        if scenario["status"]?.string == Scenario.Status.published.rawValue,
            let list = scenario["aiRecommendations"], list.value.array?.isEmpty == true
        {
            problems.add(list, "a published scenario needs at least one AI recommendation")
        }
        guard let decisions = scenario["key"]?["aiDecisions"], decisions.value.array != nil else { return }
        var decided: Set<String> = []
        for decision in decisions.elements {
            guard let reference = decision["recommendationId"], let id = reference.string, TextFormats.isSlug(id)
            else { continue }
            guard let recommendation = byID[id] else {
                problems.add(reference, "no recommendation has id '\(id)'")
                continue
            }
            if !decided.insert(id).inserted {
                problems.add(reference, "recommendation '\(id)' already has an expected decision")
                continue
            }
            checkDecision(decision, for: recommendation, id: id, &problems)
        }
        for (id, recommendation) in byID.sorted(by: { $0.value.path.description < $1.value.path.description })
        where !decided.contains(id) {
            problems.add(
                recommendation.path, "recommendation '\(id)' has no expected decision in key.aiDecisions",
                at: recommendation.value.position)
        }
    }

    private func checkFlaws(of recommendation: Node, _ problems: inout ProblemList) {
        guard let sound = recommendation["sound"]?.bool, let flaws = recommendation["flaws"],
            let list = flaws.value.array
        else { return }
        if !sound && list.isEmpty { problems.add(flaws, "an unsound recommendation needs at least one flaw") }
        if sound && !list.isEmpty { problems.add(flaws, "a sound recommendation must have no flaws") }
    }

    private func checkDecision(_ decision: Node, for recommendation: Node, id: String, _ problems: inout ProblemList) {
        if let sound = recommendation["sound"]?.bool, let expected = decision["decision"],
            let value = expected.string.flatMap(Decision.init(rawValue:))
        {
            if sound && value != .accept {
                problems.add(expected, "recommendation '\(id)' is sound, so the expected decision is accept")
            }
            if !sound && value == .accept {
                problems.add(expected, "recommendation '\(id)' is unsound, so accept cannot be the expected decision")
            }
        }
        let actual = Set((recommendation["flaws"]?.elements ?? []).compactMap { $0["type"]?.string })
        for flaw in decision["flaws"]?.elements ?? [] {
            guard let type = flaw.string, FlawType(rawValue: type) != nil, !actual.contains(type) else { continue }
            problems.add(flaw, "'\(type)' is not among the flaws of recommendation '\(id)'")
        }
    }
}
