/// The default examination and investigation results (`Scenarios/defaults/orderables.json`).
///
/// A trainee may order anything in this table. When the scenario does not list the item,
/// the examiner answers with the default "within normal limits" result, marked as a
/// default, so ordering something the author did not foresee never breaks an encounter.
public struct OrderableDefaults: Sendable, Equatable {
    public var items: [Item]
    private let index: [String: Int]

    /// One default: the same fields as a scenario's `OrderableItem`, plus its `kind`.
    public struct Item: Codable, Sendable, Equatable, Identifiable {
        public var id: String
        public var label: String
        public var kind: Kind
        public var category: String
        public var result: String
        public var minutes: Int
        public var cost: Double

        public init(id: String, label: String, kind: Kind, category: String, result: String, minutes: Int, cost: Double)
        {
            self.id = id
            self.label = label
            self.kind = kind
            self.category = category
            self.result = result
            self.minutes = minutes
            self.cost = cost
        }

        /// As an orderable item of a scenario (never `needed`: a default is never essential).
        public var orderable: OrderableItem {
            OrderableItem(
                id: id, label: label, category: category, result: result, minutes: minutes, cost: cost, needed: false)
        }
    }

    /// Whether an item is examined at the bedside or sent for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case exam, investigation
    }

    /// Ids must be unique; the validator checks that before building a table.
    public init(items: [Item]) {
        self.items = items
        self.index = Dictionary(
            items.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Item? {
        index[id].map { items[$0] }
    }

    public static func == (lhs: OrderableDefaults, rhs: OrderableDefaults) -> Bool { lhs.items == rhs.items }
}
