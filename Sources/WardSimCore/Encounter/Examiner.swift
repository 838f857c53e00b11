/// Returns the result of an examination or investigation: the scenario's authored one, or
/// the documented default for an item the scenario does not list.
///
/// Examinations and tests are not the patient voice's job: results are authored, so they
/// are consistent, gradable and never invented. An id that is neither in the scenario
/// nor in the defaults is an error.
public struct Examiner: Sendable {
    /// One thing the trainee may order (the menu never shows results).
    public struct Option: Codable, Sendable, Equatable, Identifiable {
        public var id: String
        public var label: String
        public var kind: OrderableDefaults.Kind
        public var category: String
        public var minutes: Int
        public var cost: Double
    }

    /// What an order returned.
    public struct Result: Sendable, Equatable {
        public var item: OrderableItem
        public var kind: OrderableDefaults.Kind
        /// True when the scenario did not list the item and the default table answered.
        public var isDefault: Bool

        /// This result as an encounter event.
        public var event: EncounterEvent {
            .order(itemId: item.id, result: item.result, isDefault: isDefault, minutes: item.minutes, cost: item.cost)
        }
    }

    public let scenario: Scenario
    public let defaults: OrderableDefaults

    public init(scenario: Scenario, defaults: OrderableDefaults) {
        self.scenario = scenario
        self.defaults = defaults
    }

    /// Everything that can be ordered: the scenario's items first, then defaults it does not override.
    public var menu: [Option] {
        let own =
            scenario.exam.map { option($0, kind: .exam) }
            + scenario.investigations.map { option($0, kind: .investigation) }
        let ids = Set(own.map(\.id))
        return own + defaults.items.filter { !ids.contains($0.id) }.map { option($0.orderable, kind: $0.kind) }
    }

    /// The result of ordering `id`.
    public func order(_ id: String) throws -> Result {
        if let item = scenario.exam.first(where: { $0.id == id }) {
            return Result(item: item, kind: .exam, isDefault: false)
        }
        if let item = scenario.investigations.first(where: { $0.id == id }) {
            return Result(item: item, kind: .investigation, isDefault: false)
        }
        if let row = defaults.item(id) { return Result(item: row.orderable, kind: row.kind, isDefault: true) }
        throw EncounterError(.unknownItem, "There is no examination or investigation called '\(id)'.")
    }

    /// The label of `id`, for reports.
    public func label(_ id: String) -> String {
        menu.first { $0.id == id }?.label ?? id
    }

    private func option(_ item: OrderableItem, kind: OrderableDefaults.Kind) -> Option {
        Option(
            id: item.id, label: item.label, kind: kind, category: item.category, minutes: item.minutes, cost: item.cost)
    }
}
