/// An item that reuses a default table id replaces that default, so it must be of the
/// same kind: an `ecg` listed under `exam` would leave the default investigation orderable
/// beside it with a different result.
struct OrderableDefaultsRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        guard let defaults = context.defaults else { return }
        let lists: [(key: String, kind: OrderableDefaults.Kind)] = [
            ("exam", .exam), ("investigations", .investigation),
        ]
        for (key, kind) in lists {
            for item in scenario[key]?.elements ?? [] {
                guard let id = item["id"], let text = id.string, let entry = defaults[text], entry.kind != kind else {
                    continue
                }
                let home = entry.kind == .exam ? "exam" : "investigations"
                problems.add(
                    id,
                    "'\(text)' is \(entry.kind == .exam ? "an exam" : "an investigation") item in the "
                        + "default table; list it under \(home)")
            }
        }
    }
}
