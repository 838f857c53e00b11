/// The default examination and investigation results (`Scenarios/defaults/orderables.json`).
///
/// A trainee may order anything in this table, not only what the author thought of. When
/// the scenario does not list the item, the examiner answers with the default "within
/// normal limits" result, marked as a default, so the examiner never invents findings and
/// ordering something unforeseen never breaks an encounter. Decodes from
/// `{"items": [{id, label, kind, category, result, minutes, cost}]}`.
public struct OrderableDefaults: Codable, Sendable, Equatable {
    /// Whether an item is examined at the bedside or sent for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case exam, investigation
    }

    /// One default: the same fields as a scenario's `OrderableItem`, plus its `kind`.
    public struct Item: Codable, Sendable, Equatable, Identifiable {
        public var id: String
        public var label: String
        public var kind: Kind
        public var category: String
        public var result: String
        public var minutes: Int
        public var cost: Double

        public init(
            id: String, label: String, kind: Kind, category: String, result: String, minutes: Int, cost: Double
        ) {
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

    /// Every row, in file order.
    public let items: [Item]
    private let index: [String: Int]

    /// An empty table: every item must then come from the scenario.
    public static let empty = OrderableDefaults(items: [])

    /// Ids must be unique; the validator checks that before building a table.
    public init(items: [Item]) {
        self.items = items
        self.index = Dictionary(
            items.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey { case items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(items: try container.decode([Item].self, forKey: .items))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
    }

    public subscript(id: String) -> Item? {
        index[id].map { items[$0] }
    }

    /// The row for `id`.
    public func item(_ id: String) -> Item? { self[id] }

    public static func == (lhs: OrderableDefaults, rhs: OrderableDefaults) -> Bool { lhs.items == rhs.items }
}
