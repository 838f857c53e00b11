/// What was examined and ordered, against what the case needed.
public struct InvestigationEvidence: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var cost: Double
    }

    public var neededOrdered: [Item]
    public var neededMissed: [Item]
    /// Ordered but not needed (including default-table items).
    public var unnecessaryOrdered: [Item]
    public var totalCost: Double
    public var elapsedMinutes: Int

    static func evaluate(_ scenario: Scenario, _ state: EncounterState, examiner: Examiner) -> InvestigationEvidence {
        let ordered = Set(state.orders.map(\.itemId))
        let needed = scenario.orderables.filter(\.needed)
        func item(_ o: OrderableItem) -> Item { Item(id: o.id, label: o.label, cost: o.cost) }
        let unnecessary = state.orders.filter { order in !needed.contains { $0.id == order.itemId } }.map {
            Item(id: $0.itemId, label: examiner.label($0.itemId), cost: $0.cost)
        }
        return InvestigationEvidence(
            neededOrdered: needed.filter { ordered.contains($0.id) }.map(item),
            neededMissed: needed.filter { !ordered.contains($0.id) }.map(item),
            unnecessaryOrdered: unnecessary, totalCost: state.totalCost, elapsedMinutes: state.elapsedMinutes)
    }
}

/// The notebook against the key's critical findings.
public struct FindingsEvidence: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var description: String
        /// The key term the notebook used (for recorded findings).
        public var matchedTerm: String?
    }

    public var recorded: [Item]
    public var missed: [Item]

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> FindingsEvidence {
        let notebook = state.findings.map { "\($0.category): \($0.text)" }.joined(separator: "\n")
        var recorded: [Item] = []
        var missed: [Item] = []
        for finding in scenario.key.criticalFindings {
            let term = finding.terms.first { TermMatcher.containsTerm(notebook, $0) }
            let item = Item(id: finding.id, description: finding.description, matchedTerm: term)
            if term != nil { recorded.append(item) } else { missed.append(item) }
        }
        return FindingsEvidence(recorded: recorded, missed: missed)
    }
}

/// The final plan against the key's management essentials.
public struct PlanEvidence: Codable, Sendable, Equatable {
    public var included: [FindingsEvidence.Item]
    public var missed: [FindingsEvidence.Item]
    /// Essentials in the plan committed before the AI was shown.
    public var includedBeforeAI: [String]

    public var fraction: Double? {
        let total = included.count + missed.count
        return total == 0 ? nil : Double(included.count) / Double(total)
    }

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> PlanEvidence {
        let plan = state.finalPlan ?? ""
        let initial = state.commitment?.plan ?? ""
        var included: [FindingsEvidence.Item] = []
        var missed: [FindingsEvidence.Item] = []
        for essential in scenario.key.management {
            let term = essential.terms.first { TermMatcher.containsTerm(plan, $0) }
            let item = FindingsEvidence.Item(id: essential.id, description: essential.description, matchedTerm: term)
            if term != nil { included.append(item) } else { missed.append(item) }
        }
        let before = scenario.key.management.filter { e in e.terms.contains { TermMatcher.containsTerm(initial, $0) } }
        return PlanEvidence(included: included, missed: missed, includedBeforeAI: before.map(\.id))
    }
}
