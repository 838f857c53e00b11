/// The file name is `<id>.json`, so a scenario can be found from its id and two files
/// cannot silently claim the same case.
struct IdentityRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        guard let expected = context.expectedID, let id = scenario["id"], let text = id.string, text != expected
        else { return }
        problems.add(id, "'\(text)' does not match the file name '\(expected).json'")
    }
}
