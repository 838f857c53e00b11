/// `key.redFlags` lists exactly the facts marked `redFlag: true`: the grader scores red
/// flags from the key, the voice and the debrief from the facts, and both must agree.
struct RedFlagRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        let facts = scenario["facts"]?.elements ?? []
        var flagged: [String: Bool] = [:]
        for fact in facts {
            if let id = fact["id"]?.string, flagged[id] == nil { flagged[id] = fact["redFlag"]?.bool ?? false }
        }
        let listed = scenario["key"]?["redFlags"]?.elements ?? []
        for entry in listed {
            guard let id = entry.string, TextFormats.isSlug(id) else { continue }
            switch flagged[id] {
            case nil: problems.add(entry, "'\(id)' is not a fact id")
            case false?: problems.add(entry, "fact '\(id)' is not marked redFlag: true")
            default: break
            }
        }
        guard scenario["key"]?["redFlags"]?.value.array != nil else { return }
        let listedIDs = Set(listed.compactMap(\.string))
        for fact in facts where fact["redFlag"]?.bool == true {
            guard let id = fact["id"]?.string, !listedIDs.contains(id), let flag = fact["redFlag"] else { continue }
            problems.add(flag, "red-flag fact '\(id)' is missing from key.redFlags")
        }
    }
}
