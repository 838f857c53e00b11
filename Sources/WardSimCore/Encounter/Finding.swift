/// One line of the trainee's notebook: a finding under a heading ("history", "examination", "ECG").
///
/// Graded for documentation: the scenario's critical findings should appear here.
public struct Finding: Codable, Sendable, Equatable, Hashable {
    public var category: String
    public var text: String

    public init(category: String, text: String) {
        self.category = category
        self.text = text
    }
}
