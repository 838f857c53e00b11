/// The default table of examinations and investigations: what an item returns when the
/// scenario being played does not list it (`Scenarios/defaults/orderables.json`).
///
/// A trainee may order anything on the menu, not only what the author thought of; an
/// unlisted item returns a "within normal limits" result, marked as a default, so the
/// examiner never invents findings. Decodes from `{"items": [{id, label, kind, category,
/// result, minutes, cost}]}`.
public struct OrderableDefaults: Codable, Sendable, Equatable {
    /// Whether an item is an examination at the bedside or an investigation.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case exam, investigation
    }

    /// One row of the default table, as written in the file.
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

        /// As an orderable item (defaults are never "needed": the scenario decides that).
        public var orderable: OrderableItem {
            OrderableItem(
                id: id, label: label, category: category, result: result, minutes: minutes, cost: cost, needed: false)
        }
    }

    /// Every row, in file order.
    public var items: [Item]

    /// An empty table: every item must then come from the scenario.
    public static let empty = OrderableDefaults(items: [])

    public init(items: [Item]) {
        self.items = items
    }

    /// The row for `id`.
    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
}
