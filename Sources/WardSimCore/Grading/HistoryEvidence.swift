/// Which of the case's facts the interview disclosed, and which important ones it missed.
public struct HistoryEvidence: Codable, Sendable, Equatable {
    /// A fact that matters: critical, a red flag, or both.
    public struct FactResult: Codable, Sendable, Equatable {
        public var id: String
        public var critical: Bool
        public var redFlag: Bool
        /// What the patient said (for elicited facts) or would have said.
        public var answer: String
        /// A question that would have found it, from its first topic (for missed facts).
        public var exampleQuestion: String?
    }

    /// Every fact disclosed, in scenario order.
    public var elicitedFactIds: [String]
    /// Critical or red-flag facts disclosed.
    public var elicited: [FactResult]
    /// Critical or red-flag facts not disclosed, each with a question that would have found it.
    public var missed: [FactResult]

    public var criticalElicited: Int { elicited.filter(\.critical).count }
    public var criticalTotal: Int { (elicited + missed).filter(\.critical).count }

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> HistoryEvidence {
        let disclosed = Set(state.disclosedFactIDs)
        let important = scenario.facts.filter { $0.critical || $0.redFlag }
        func result(_ fact: Fact, missed: Bool) -> FactResult {
            FactResult(
                id: fact.id, critical: fact.critical, redFlag: fact.redFlag, answer: fact.answer,
                exampleQuestion: missed ? ExampleQuestion.from(fact) : nil)
        }
        return HistoryEvidence(
            elicitedFactIds: scenario.facts.map(\.id).filter { disclosed.contains($0) },
            elicited: important.filter { disclosed.contains($0.id) }.map { result($0, missed: false) },
            missed: important.filter { !disclosed.contains($0.id) }.map { result($0, missed: true) })
    }
}

/// The red flags among the facts (`key.redFlags`): elicited or not.
public struct RedFlagEvidence: Codable, Sendable, Equatable {
    public var elicited: [String]
    public var missed: [String]

    public var fraction: Double? {
        let total = elicited.count + missed.count
        return total == 0 ? nil : Double(elicited.count) / Double(total)
    }

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> RedFlagEvidence {
        let disclosed = Set(state.disclosedFactIDs)
        let flags = scenario.facts.map(\.id).filter { id in
            scenario.key.redFlags.contains(id) || scenario.fact(id)?.redFlag == true
        }
        return RedFlagEvidence(
            elicited: flags.filter { disclosed.contains($0) }, missed: flags.filter { !disclosed.contains($0) })
    }
}
