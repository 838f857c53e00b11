/// What a scenario is checked against besides itself: the curriculum's competency ids,
/// the default orderables table and the file name it was read from. Anything nil is not
/// checked (validating one file without its curriculum still checks everything else).
struct ScenarioContext {
    /// The id the file name implies (`chest-pain` for `Scenarios/chest-pain.json`).
    var expectedID: String?
    var competencyIDs: Set<String>?
    var defaults: OrderableDefaults?
}

/// A check that needs more than types: references, uniqueness, consistency, leaks.
/// Rules read the raw document, so they run even when other parts fail their types,
/// and they stay silent about values whose type is wrong (the shape check reports those).
protocol ScenarioRule: Sendable {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList)
}

extension Shape {
    /// Every semantic rule a scenario must pass, in the order their problems are listed.
    static let scenarioRules: [any ScenarioRule] = [
        IdentityRule(),
        UniqueIDsRule(),
        PatientRule(),
        CompetencyRule(),
        RedFlagRule(),
        RecommendationRule(),
        OrderableDefaultsRule(),
        DiagnosisLeakRule(),
        PlaceholderRule(),
    ]
}
