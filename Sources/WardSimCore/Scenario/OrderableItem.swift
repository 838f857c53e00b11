/// An examination or investigation the trainee can order, with its authored result.
public struct OrderableItem: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var label: String
    public var category: String
    public var result: String
    /// Simulated minutes until the result is available.
    public var minutes: Int
    /// Relative cost, for teaching resource stewardship.
    public var cost: Double
    /// Whether a competent clinician would do this in this case.
    public var needed: Bool

    public init(id: String, label: String, category: String, result: String, minutes: Int, cost: Double, needed: Bool) {
        self.id = id
        self.label = label
        self.category = category
        self.result = result
        self.minutes = minutes
        self.cost = cost
        self.needed = needed
    }
}
